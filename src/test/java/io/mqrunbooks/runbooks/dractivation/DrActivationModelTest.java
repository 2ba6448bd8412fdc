package io.mqrunbooks.runbooks.dractivation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.Test;

/** drActivationProcess follows docs/runbook-conventions.md: checked on the model, not by eye. */
class DrActivationModelTest {

    static final Path BPMN = Path.of("processes/drActivationProcess.bpmn");
    final BpmnModelInstance model = Bpmn.readModelFromFile(BPMN.toFile());

    @Test
    void serviceTasksUseDelegateExpressionsAndAreAsyncWithARetryCycle() {
        Collection<ServiceTask> tasks = model.getModelElementsByType(ServiceTask.class);
        assertThat(tasks).hasSizeGreaterThan(20);
        for (ServiceTask task : tasks) {
            assertThat(task.getCamundaDelegateExpression()).as(task.getId()).matches("\\$\\{[a-z][A-Za-z]+Delegate}");
            assertThat(task.getCamundaClass()).as(task.getId()).isNull();
            assertThat(task.getCamundaExpression()).as(task.getId()).isNull();
            assertThat(task.isCamundaAsyncBefore()).as(task.getId()).isTrue();
            CamundaFailedJobRetryTimeCycle cycle = task.getExtensionElements()
                    .getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).singleResult();
            assertThat(cycle.getTextContent()).as(task.getId()).isEqualTo("R3/PT30S");
        }
    }

    @Test
    void userTasksAndTheStartEventHaveDeployedFormsWhoseIdIsTheRef() throws IOException {
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isIn("mq-operators", "change-managers");
            assertForm(task, task.getCamundaFormRef(), task.getCamundaFormRefBinding());
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            assertForm(start, start.getCamundaFormRef(), start.getCamundaFormRefBinding());
        }
        assertThat(model.<UserTask>getModelElementById("userTask_declareDisaster").getCamundaCandidateGroups())
                .isEqualTo("change-managers");
    }

    private void assertForm(BaseElement element, String ref, String binding) throws IOException {
        assertThat(ref).as(element.getId()).startsWith("drActivation");
        assertThat(binding).as(element.getId()).isEqualTo("deployment");
        Path form = Path.of("forms", ref + ".form");
        assertThat(form).as(element.getId()).exists();
        JsonNode json = new ObjectMapper().readTree(form.toFile());
        assertThat(json.get("id").asText()).isEqualTo(ref);
    }

    @Test
    void everyElementIsNamedGatewaysAskAndTheDiagramDrawsEveryNode() {
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            assertThat(node.getName()).as(node.getId()).isNotBlank();
            assertThat(node.getId()).as(node.getId())
                    .matches("(startEvent|endEvent|serviceTask|userTask|gateway|timerEvent)_[a-z][A-Za-z]+");
            if (node.getElementType().getTypeName().equals("exclusiveGateway")) {
                assertThat(node.getName()).as(node.getId()).endsWith("?");
            }
            assertThat(model.getModelElementsByType(BpmnShape.class))
                    .as("diagram shape for " + node.getId()).anyMatch(s -> s.getBpmnElement() == node);
        }
        assertThat(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge.class))
                .hasSize(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.SequenceFlow.class).size());
    }

    @Test
    void theFormsAreJsonWithTheirOwnIds() throws IOException {
        try (var forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(f -> f.getFileName().toString().startsWith("drActivation")).toList()) {
                JsonNode json = new ObjectMapper().readTree(form.toFile());
                assertThat(json.get("id").asText() + ".form").isEqualTo(form.getFileName().toString());
                assertThat(json.get("components").size()).as(form.toString()).isGreaterThan(2);
            }
        }
    }
}
