package io.mqrunbooks.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.platform.forms.FormCatalog;
import io.mqrunbooks.platform.forms.FormDefinition;
import io.mqrunbooks.platform.forms.FormField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The rules of docs/runbook-conventions.md, checked on every file in {@code processes/}: a new runbook is checked
 * the moment it is added, with no list to keep. Each rule collects every breach, so one run names them all.
 */
class RunbookModelRulesTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final Set<String> CANDIDATE_GROUPS = Set.of("mq-operators", "change-managers");
    private static final Pattern NODE_ID = Pattern.compile(
            "(startEvent|endEvent|serviceTask|userTask|gateway|timerEvent|boundaryEvent|subProcess|callActivity)"
                    + "_[a-z][A-Za-z0-9]*");
    private static final Pattern DELEGATE = Pattern.compile("\\$\\{[a-z][A-Za-z0-9]+Delegate}");
    /** A decision read by a gateway: {@code ${installDecision == 'backout'}} or {@code !=}. */
    private static final Pattern DECISION_TEST = Pattern.compile("([a-zA-Z]+)\\s*[!=]=\\s*'([^']*)'");

    private static final FormCatalog FORMS = FormCatalog.fromClasspath();

    static List<Path> processFiles() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    @Test
    void everyRunbookFamilyIsHere() throws IOException {
        assertThat(processFiles()).extracting(f -> f.getFileName().toString()).contains(
                "drActivationProcess.bpmn", "rdqmSwitchoverProcess.bpmn", "clusterQueueManagerMigrationProcess.bpmn",
                "stagedClusterMigrationProcess.bpmn", "multiInstanceSwitchoverProcess.bpmn", "drBaselineProcess.bpmn");
    }

    @TestFactory
    Stream<DynamicTest> everyProcessKeepsTheConventions() throws IOException {
        return processFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            List<String> problems = new ArrayList<>();
            processIdIsTheFileName(file, model, problems);
            serviceTasks(model, problems);
            listenersAndScripts(model, problems);
            userTasksAndStartForms(model, problems);
            namesAndDiagram(model, problems);
            decisionsAreTheFormsChoices(model, problems);
            assertThat(problems).as(file + " breaks docs/runbook-conventions.md").isEmpty();
        }));
    }

    private static void processIdIsTheFileName(Path file, BpmnModelInstance model, List<String> problems) {
        String key = file.getFileName().toString().replace(".bpmn", "");
        boolean found = model.getModelElementsByType(Process.class).stream()
                .anyMatch(p -> p.getId().equals(key) && p.isExecutable());
        if (!found) {
            problems.add("no executable process with id " + key);
        }
    }

    private static void serviceTasks(BpmnModelInstance model, List<String> problems) {
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            String id = task.getId();
            if (task.getCamundaDelegateExpression() == null || !DELEGATE.matcher(task.getCamundaDelegateExpression()).matches()
                    || task.getCamundaClass() != null || task.getCamundaExpression() != null) {
                problems.add(id + " does not call a delegate bean by ${...Delegate} alone");
            }
            if (!task.isCamundaAsyncBefore()) {
                problems.add(id + " is not async-before (a crash would repeat the step before it)");
            }
            List<String> cycles = task.getExtensionElements() == null ? List.of()
                    : task.getExtensionElements().getChildElementsByType(CamundaFailedJobRetryTimeCycle.class).stream()
                    .map(CamundaFailedJobRetryTimeCycle::getTextContent).toList();
            if (!cycles.equals(List.of("R3/PT30S"))) {
                problems.add(id + " has retry cycles " + cycles + ", not [R3/PT30S]");
            }
        }
    }

    private static void listenersAndScripts(BpmnModelInstance model, List<String> problems) {
        model.getModelElementsByType(ScriptTask.class).forEach(t -> problems.add(t.getId() + " is a script task"));
        // Listeners call beans or set a value; a script or a class name would hide logic from the delegates.
        for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
            if (listener.getCamundaScript() != null || listener.getCamundaClass() != null) {
                problems.add("an execution listener of " + parentId(listener) + " runs a script or a class");
            }
        }
        for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
            if (listener.getCamundaScript() != null || listener.getCamundaClass() != null) {
                problems.add("a task listener of " + parentId(listener) + " runs a script or a class");
            }
        }
    }

    private static String parentId(org.camunda.bpm.model.xml.instance.ModelElementInstance listener) {
        var element = listener.getParentElement();
        while (element != null && !(element instanceof BaseElement)) {
            element = element.getParentElement();
        }
        return element == null ? "?" : ((BaseElement) element).getId();
    }

    private static void userTasksAndStartForms(BpmnModelInstance model, List<String> problems) {
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            form(task, task.getCamundaFormRef(), task.getCamundaFormRefBinding(), problems);
            if (!CANDIDATE_GROUPS.contains(String.valueOf(task.getCamundaCandidateGroups()))) {
                problems.add(task.getId() + " is offered to " + task.getCamundaCandidateGroups()
                        + ", not to mq-operators or change-managers");
            }
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            boolean startsTheRunbook = start.getEventDefinitions().isEmpty()
                    && start.getParentElement() instanceof Process;
            if (startsTheRunbook) {
                form(start, start.getCamundaFormRef(), start.getCamundaFormRefBinding(), problems);
            }
        }
    }

    private static Optional<FormDefinition> form(BaseElement element, String formRef, String binding,
                                                 List<String> problems) {
        if (formRef == null || !"deployment".equals(binding)) {
            problems.add(element.getId() + " has no formRef bound to its deployment");
            return Optional.empty();
        }
        if (!Files.exists(Path.of("forms", formRef + ".form"))) {
            problems.add(element.getId() + ": forms/" + formRef + ".form does not exist");
            return Optional.empty();
        }
        Optional<FormDefinition> form = FORMS.form(formRef);
        if (form.isEmpty()) {
            problems.add("forms/" + formRef + ".form does not carry the id " + formRef);
        }
        return form;
    }

    private static void namesAndDiagram(BpmnModelInstance model, List<String> problems) {
        Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (node.getName() == null || node.getName().isBlank()) {
                problems.add(node.getId() + " has no name");
            }
            if (!NODE_ID.matcher(node.getId()).matches()) {
                problems.add(node.getId() + " is not named <kind>_<whatItDoes>");
            }
            if (!shapes.contains(node.getId())) {
                problems.add(node.getId() + " is not drawn in the diagram");
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (!edges.contains(flow.getId())) {
                problems.add(flow.getId() + " is not drawn in the diagram");
            }
        }
        for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
            if (gateway.getOutgoing().size() > 1 && (gateway.getName() == null || !gateway.getName().endsWith("?"))) {
                problems.add(gateway.getId() + " decides but is not named as a question");
            }
        }
    }

    /**
     * A gateway right after a user task reads what that task's form lets the user choose: the variable is one of
     * the form's inputs and every value tested is one of its choices (a typo would send every run the same way).
     */
    private static void decisionsAreTheFormsChoices(BpmnModelInstance model, List<String> problems) {
        for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
            for (SequenceFlow in : gateway.getIncoming()) {
                if (!(in.getSource() instanceof UserTask task)) {
                    continue;
                }
                Optional<FormDefinition> form = FORMS.form(String.valueOf(task.getCamundaFormRef()));
                for (SequenceFlow out : gateway.getOutgoing()) {
                    ConditionExpression condition = out.getConditionExpression();
                    if (condition == null || form.isEmpty()) {
                        continue;
                    }
                    Matcher test = DECISION_TEST.matcher(condition.getTextContent());
                    while (test.find()) {
                        String where = gateway.getId() + " after " + task.getId() + ": ";
                        Optional<FormField> field = form.get().field(test.group(1));
                        if (field.isEmpty() || field.get().readonly()) {
                            problems.add(where + test.group(1) + " is not an input of " + form.get().id());
                        } else if (field.get().isChoice() && !field.get().values().contains(test.group(2))) {
                            problems.add(where + "'" + test.group(2) + "' is not a choice of " + test.group(1)
                                    + " " + field.get().values());
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyFormIsUsedByAProcess() throws IOException {
        Set<String> referenced = new java.util.HashSet<>();
        for (Path file : processFiles()) {
            String xml = Files.readString(file);
            Matcher ref = Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(xml);
            while (ref.find()) {
                referenced.add(ref.group(1));
            }
        }
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            assertThat(forms.map(f -> f.getFileName().toString().replace(".form", "")))
                    .as("forms no process shows").allMatch(referenced::contains);
        }
    }
}
