package io.mqrunbooks.evidence.camunda;

import io.mqrunbooks.evidence.EvidenceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import io.mqrunbooks.platform.foureyes.Gates;
import io.mqrunbooks.platform.run.RunAborts;
import io.mqrunbooks.platform.forms.FormCatalog;
import io.mqrunbooks.platform.forms.FormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * Adds the engine's built-in (never skipped) listeners that record a run's start and end and every
 * completed user task. A user task is a gate when it is one for the four-eyes rule (its candidates are the
 * change managers, {@link Gates}) or has the extension property {@code gate=true}; its decision is the
 * variable named by the property {@code decisionVariable}, else the submitted {@code decision} or {@code ...Decision} variable; its comment likewise
 * ({@code commentVariable}, {@code comment}, {@code ...Comment}). Both only when submitted in that completion:
 * a value left from an earlier task is not the approver's.
 * What the user entered leaves out the fields the task's form shows read-only (recorded as {@code readOnlyValues}).
 * Camunda comments on the task (anyone with the comment API may write them) are recorded apart, each with
 * its own author and time: never as the approver's.
 */
class EvidenceParseListener extends AbstractBpmnParseListener {

    /** Start form fields the run summary shows (RUNBOOKS.md: reason, incident reference, queue manager). */
    static final String REASON = "reason";
    static final String INCIDENT_REFERENCE = "incidentReference";
    static final String QUEUE_MANAGER = "queueManager";
    /** Set by a process to name its own outcome (e.g. BACKED_OUT); otherwise COMPLETED or TERMINATED. */
    static final String OUTCOME = "outcome";

    private final EngineEvidence evidence;
    /** The deployed forms: which fields of a task's form are shown read-only (Tasklist sends them back). */
    private final FormCatalog forms = FormCatalog.fromClasspath();

    EvidenceParseListener(EngineEvidence evidence) {
        this.evidence = evidence;
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        String initiatorVariable = initiatorVariable(processElement);
        String processKey = processDefinition.getKey();
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
                (ExecutionListener) execution -> runStarted(execution, processKey, initiatorVariable));
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END,
                (ExecutionListener) execution -> runEnded(execution, processKey));
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
            userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, this::userTaskCompleted);
        }
    }

    private static String initiatorVariable(Element processElement) {
        for (Element startEvent : processElement.elements("startEvent")) {
            String name = startEvent.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "initiator");
            if (name != null && !name.isBlank()) {
                return name;
            }
        }
        return null;
    }

    private void runStarted(DelegateExecution execution, String processKey, String initiatorVariable) {
        VariableMap variableMap = execution.getVariablesTyped();
        Map<String, TypedValue> variables = new LinkedHashMap<>();
        variableMap.keySet().forEach(name -> variables.put(name, variableMap.getValueTyped(name)));
        String user = EngineEvidence.authenticatedUser();
        Object initiator = initiatorVariable == null ? null : EngineEvidence.plain(variables.get(initiatorVariable));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("authenticatedUser", user);
        payload.put("initiator", initiator);
        payload.put(REASON, EngineEvidence.plain(variables.get(REASON)));
        payload.put(INCIDENT_REFERENCE, EngineEvidence.plain(variables.get(INCIDENT_REFERENCE)));
        payload.put(QUEUE_MANAGER, EngineEvidence.plain(variables.get(QUEUE_MANAGER)));
        payload.put("processDefinitionId", execution.getProcessDefinitionId());
        payload.put("variables", evidence.safeValues(variables));
        DelegateExecution parent = execution.getSuperExecution();
        String startedBy;
        if (parent != null) {
            // A called run is its parent's: whoever's completion moved the parent on did not start it.
            payload.put("parentRunId", parent.getProcessInstanceId());
            startedBy = evidence.sealedInitiator(parent.getProcessInstanceId()).orElse(EngineEvidence.ENGINE_ACTOR);
        } else {
            startedBy = user != null ? user : initiator != null ? initiator.toString() : EngineEvidence.ENGINE_ACTOR;
        }
        evidence.append(execution.getProcessInstanceId(), execution.getProcessBusinessKey(), processKey,
                EvidenceKind.RUN_STARTED, null, null, startedBy, payload);
    }

    private void runEnded(DelegateExecution execution, String processKey) {
        if (!execution.getId().equals(execution.getProcessInstanceId())) {
            return;
        }
        Object declared = EngineEvidence.plain(execution.getVariableTyped(OUTCOME));
        boolean canceled = execution instanceof ActivityExecution activityExecution && activityExecution.isCanceled();
        Map<String, Object> payload = new LinkedHashMap<>();
        // A canceled run's outcome is the product's abort, if that is what ended it, else TERMINATED: not a variable.
        payload.put("outcome", canceled ? RunAborts.abortInProgress().orElse("TERMINATED")
                : declared != null ? declared.toString() : "COMPLETED");
        payload.put("canceled", canceled);
        if (execution instanceof ExecutionEntity entity && entity.getDeleteReason() != null) {
            payload.put("deleteReason", entity.getDeleteReason());
        }
        evidence.append(execution.getProcessInstanceId(), execution.getProcessBusinessKey(), processKey,
                EvidenceKind.RUN_ENDED, null, null, EngineEvidence.actorOrEngine(), payload);
    }

    private void userTaskCompleted(DelegateTask task) {
        String user = EngineEvidence.authenticatedUser();
        String actor = user != null ? user : task.getAssignee() != null ? task.getAssignee() : EngineEvidence.ENGINE_ACTOR;
        UserTask element = task.getBpmnModelElementInstance();
        Set<String> readOnly = forms.form(element == null ? null : element.getCamundaFormRef())
                .map(form -> form.fields().stream().filter(FormField::readonly).map(FormField::key)
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
        Set<String> submitted = new LinkedHashSet<>();
        Map<String, TypedValue> entered = new LinkedHashMap<>();
        Map<String, TypedValue> shown = new LinkedHashMap<>();
        for (String name : VariablesChangedInCommand.namesChanged(task.getProcessInstanceId())) {
            if (readOnly.contains(name)) {
                shown.put(name, task.getVariableTyped(name));
            } else {
                submitted.add(name);
                entered.put(name, task.getVariableTyped(name));
            }
        }
        Map<String, String> properties = camundaProperties(task);

        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("taskId", task.getId());
        payload.put("assignee", task.getAssignee());
        payload.put("values", evidence.safeValues(entered));
        if (!shown.isEmpty()) {
            payload.put("readOnlyValues", evidence.safeValues(shown));
        }
        List<Map<String, Object>> taskComments = taskComments(task);
        if (!taskComments.isEmpty()) {
            payload.put("taskComments", taskComments);
        }
        EvidenceKind kind = EvidenceKind.USER_TASK;
        if (Gates.isGate(task) || "true".equalsIgnoreCase(properties.get("gate"))) {
            kind = EvidenceKind.GATE;
            String decisionVariable = properties.getOrDefault("decisionVariable",
                    submittedNamed(submitted, Gates.DECISION, "Decision"));
            payload.put("decisionVariable", decisionVariable);
            payload.put("decision", submittedValue(task, submitted, decisionVariable));
            Object comment = submittedValue(task, submitted, properties.getOrDefault("commentVariable",
                    submittedNamed(submitted, Gates.COMMENT, "Comment")));
            payload.put("comment", comment == null ? null : comment.toString());
        }
        evidence.append(task.getProcessInstanceId(), task.getExecution().getProcessBusinessKey(), null, kind,
                task.getTaskDefinitionKey(), task.getName(), actor, payload);
    }

    /**
     * The gate form's variable: {@code exact} if it was submitted, else the one submitted variable whose name
     * ends with {@code suffix} (e.g. {@code switchoverDecision}); null when there is none or more than one.
     */
    static String submittedNamed(Set<String> submitted, String exact, String suffix) {
        if (submitted.contains(exact)) {
            return exact;
        }
        List<String> candidates = submitted.stream().filter(name -> name.endsWith(suffix)).toList();
        return candidates.size() == 1 ? candidates.get(0) : null;
    }

    /** The variable's value if the completing user submitted it; null otherwise. */
    private static Object submittedValue(DelegateTask task, Set<String> submitted, String variable) {
        return variable == null || !submitted.contains(variable) ? null
                : EngineEvidence.plain(task.getVariableTyped(variable));
    }

    private static List<Map<String, Object>> taskComments(DelegateTask task) {
        List<Map<String, Object>> recorded = new ArrayList<>();
        for (Comment comment : task.getProcessEngineServices().getTaskService().getTaskComments(task.getId())) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("author", comment.getUserId());
            entry.put("at", comment.getTime() == null ? null : comment.getTime().toInstant().toString());
            entry.put("text", comment.getFullMessage());
            recorded.add(entry);
        }
        return recorded;
    }

    private static Map<String, String> camundaProperties(DelegateTask task) {
        Map<String, String> properties = new LinkedHashMap<>();
        UserTask element = task.getBpmnModelElementInstance();
        ExtensionElements extensions = element == null ? null : element.getExtensionElements();
        if (extensions != null) {
            for (CamundaProperties group : extensions.getChildElementsByType(CamundaProperties.class)) {
                for (CamundaProperty property : group.getCamundaProperties()) {
                    properties.put(property.getCamundaName(), property.getCamundaValue());
                }
            }
        }
        return properties;
    }
}
