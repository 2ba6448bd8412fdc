package io.mqrunbooks.runbooks.clustermigration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of docs/runbook-conventions.md, checked on both BPMN files of this runbook. */
class ClusterMigrationModelTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final Path FORMS = Path.of("forms");

    private static BpmnModelInstance read(String process) {
        return Bpmn.readModelFromFile(PROCESSES.resolve(process + ".bpmn").toFile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"clusterQueueManagerMigrationProcess", "stagedClusterMigrationProcess"})
    void serviceTasksUseDelegateExpressionsAndAreAsyncWithARetryCycle(String process) {
        List<String> problems = new ArrayList<>();
        for (ServiceTask task : read(process).getModelElementsByType(ServiceTask.class)) {
            if (task.getCamundaDelegateExpression() == null || task.getCamundaClass() != null
                    || task.getCamundaExpression() != null) {
                problems.add(task.getId() + " does not use delegateExpression alone");
            }
            if (!task.isCamundaAsyncBefore()) {
                problems.add(task.getId() + " is not asyncBefore");
            }
            List<CamundaFailedJobRetryTimeCycle> cycles = task.getExtensionElements() == null ? List.of()
                    : task.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).list();
            if (cycles.size() != 1 || !cycles.get(0).getTextContent().equals("R3/PT30S")) {
                problems.add(task.getId() + " has no R3/PT30S retry cycle");
            }
        }
        assertThat(read(process).getModelElementsByType(ScriptTask.class)).isEmpty();
        for (CamundaExecutionListener listener : read(process).getModelElementsByType(CamundaExecutionListener.class)) {
            assertThat(listener.getCamundaDelegateExpression()).as("execution listeners use delegateExpression").isNotNull();
            assertThat(listener.getCamundaScript()).isNull();
        }
        for (CamundaTaskListener listener : read(process).getModelElementsByType(CamundaTaskListener.class)) {
            assertThat(listener.getCamundaDelegateExpression()).as("task listeners use delegateExpression").isNotNull();
        }
        assertThat(problems).isEmpty();
        assertThat(read(process).getModelElementsByType(ServiceTask.class)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"clusterQueueManagerMigrationProcess", "stagedClusterMigrationProcess"})
    void userTasksAndTheStartEventHaveDeployedFormsAndTasksACandidateGroup(String process) throws IOException {
        BpmnModelInstance model = read(process);
        List<String> problems = new ArrayList<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            checkForm(task.getId(), task.getCamundaFormRef(), task.getCamundaFormRefBinding(), problems);
            if (task.getCamundaCandidateGroups() == null
                    || !Set.of("mq-operators", "change-managers").contains(task.getCamundaCandidateGroups())) {
                problems.add(task.getId() + " names no candidate group mq-operators or change-managers");
            }
        }
        StartEvent start = model.getModelElementsByType(StartEvent.class).stream()
                .filter(s -> s.getParentElement().equals(model.getModelElementById(process))).findFirst().orElseThrow();
        checkForm(start.getId(), start.getCamundaFormRef(), start.getCamundaFormRefBinding(), problems);
        assertThat(problems).isEmpty();
    }

    private static void checkForm(String element, String formRef, String binding, List<String> problems)
            throws IOException {
        if (formRef == null || !"deployment".equals(binding)) {
            problems.add(element + " has no formRef with binding deployment");
            return;
        }
        Path file = FORMS.resolve(formRef + ".form");
        if (!Files.exists(file)) {
            problems.add(element + ": " + file + " does not exist");
            return;
        }
        JsonNode form = new ObjectMapper().readTree(file.toFile());
        if (!formRef.equals(form.path("id").asText())) {
            problems.add(file + " has id " + form.path("id").asText() + ", not " + formRef);
        }
        if (!formRef.startsWith("clusterMigration")) {
            problems.add(file + " does not carry the runbook's prefix clusterMigration");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"clusterQueueManagerMigrationProcess", "stagedClusterMigrationProcess"})
    void everyElementHasANameGatewaysAskAndTheDiagramDrawsEverything(String process) {
        BpmnModelInstance model = read(process);
        List<String> unnamed = model.getModelElementsByType(FlowNode.class).stream()
                .filter(n -> n.getName() == null || n.getName().isBlank()).map(BaseElement::getId).toList();
        assertThat(unnamed).isEmpty();
        assertThat(model.getModelElementsByType(ExclusiveGateway.class)).allSatisfy(g ->
                assertThat(g.getName()).as(g.getId()).endsWith("?"));
        Set<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
        assertThat(model.getModelElementsByType(FlowNode.class).stream().map(BaseElement::getId)).allMatch(drawn::contains);
        Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
        assertThat(model.getModelElementsByType(SequenceFlow.class).stream().map(BaseElement::getId))
                .allMatch(edges::contains);
        assertThat(model.getModelElementsByType(FlowNode.class).stream().map(BaseElement::getId))
                .allMatch(id -> id.matches("(serviceTask|userTask|gateway|startEvent|endEvent|timerEvent|boundaryEvent"
                        + "|subProcess|callActivity)_[a-z][A-Za-z]*"));
    }
}
