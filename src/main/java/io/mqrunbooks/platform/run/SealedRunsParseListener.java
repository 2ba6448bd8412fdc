package io.mqrunbooks.platform.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Wires sealing into every process as built-in (never skipped) listeners: the run is sealed (and leases its
 * targets) when it starts and releases its targets when it ends,
 * every gate's decision is recorded when its task completes (with the values of the variables its
 * {@code plan} extension property names), and each service task's {@code approvedBy} extension property (the
 * gates it needs approved, comma-separated) is kept on the activity for {@link RunGuardInterceptor}.
 */
class SealedRunsParseListener extends AbstractBpmnParseListener {

    static final String APPROVED_BY_PROPERTY = "approvedBy";
    static final String PLAN_PROPERTY = "plan";
    /**
     * On a gate: the user tasks (comma-separated ids) whose completer may not decide it (separation of duties,
     * e.g. the review of a migration's differences is not for the operator who installed the new version).
     */
    static final String SEPARATE_FROM_PROPERTY = "separateFrom";

    private final RunSealing sealing;

    SealedRunsParseListener(RunSealing sealing) {
        this.sealing = sealing;
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        String processKey = processDefinition.getKey();
        List<String> startForms = new ArrayList<>();
        for (Element startEvent : processElement.elements("startEvent")) {
            String formRef = startEvent.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
            if (formRef != null && !formRef.isBlank()) {
                startForms.add(formRef);
            }
        }
        List<String> forms = List.copyOf(startForms);
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
                (ExecutionListener) execution -> sealing.seal(execution, processKey, forms));
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END,
                (ExecutionListener) sealing::release);
        // Called once every activity is parsed: the tasks a gate is separated from record who completed them.
        List<Element> userTasks = new ArrayList<>();
        collectUserTasks(processElement, userTasks);
        for (Element gate : userTasks) {
            for (String taskId : property(gate, SEPARATE_FROM_PROPERTY)) {
                ActivityImpl task = processDefinition.findActivity(taskId);
                if (task == null || !(task.getActivityBehavior() instanceof UserTaskActivityBehavior userTask)) {
                    throw new IllegalStateException("Process " + processKey + ": gate " + gate.attribute("id")
                            + " is separated from '" + taskId + "', which is not a user task of the process");
                }
                userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
                        sealing::recordCompletion);
            }
        }
    }

    private static void collectUserTasks(Element scope, List<Element> userTasks) {
        for (Element element : scope.elements()) {
            if ("userTask".equals(element.getTagName())) {
                userTasks.add(element);
            } else if ("subProcess".equals(element.getTagName())) {
                collectUserTasks(element, userTasks);
            }
        }
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        String formRef = userTaskElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
        if (formRef != null && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
            List<String> plan = property(userTaskElement, PLAN_PROPERTY);
            List<String> separateFrom = property(userTaskElement, SEPARATE_FROM_PROPERTY);
            if (!separateFrom.isEmpty()) {
                activity.setProperty(FourEyesCommandChecker.SEPARATE_FROM, separateFrom);
            }
            userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
                    task -> sealing.recordShown(task, formRef, plan));
            userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
                    task -> sealing.recordDecision(task, formRef, plan));
        }
    }

    @Override
    public void parseServiceTask(Element serviceTaskElement, ScopeImpl scope, ActivityImpl activity) {
        List<String> gates = property(serviceTaskElement, APPROVED_BY_PROPERTY);
        if (!gates.isEmpty()) {
            activity.setProperty(RunGuardInterceptor.APPROVED_BY, gates);
        }
    }

    /** A comma-separated {@code camunda:property} of the element, as a list; empty when absent. */
    private static List<String> property(Element element, String name) {
        Element extensions = element.element("extensionElements");
        Element properties = extensions == null ? null
                : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return List.of();
        }
        for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
            if (name.equals(property.attribute("name"))) {
                return Arrays.stream(property.attribute("value", "").split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList();
            }
        }
        return List.of();
    }
}
