package io.mqrunbooks.runbooks.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The conventions of docs/runbook-conventions.md, checked on the baseline runbook's models. */
class DrBaselineModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"drBaselineProcess", "drBaselineNightlyProcess"})
    void followsTheRunbookConventions(String processKey) throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", processKey + ".bpmn").toFile());
        assertThat((Object) model.getModelElementById(processKey)).isNotNull();

        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            assertThat(task.getCamundaDelegateExpression()).as(task.getId()).matches("\\$\\{[a-z][A-Za-z]+Delegate}");
            assertThat(task.getCamundaClass()).as(task.getId()).isNull();
            assertThat(task.getCamundaExpression()).as(task.getId()).isNull();
            assertThat(task.isCamundaAsyncBefore()).as(task.getId()).isTrue();
            Collection<CamundaFailedJobRetryTimeCycle> retry = task.getExtensionElements()
                    .getChildElementsByType(CamundaFailedJobRetryTimeCycle.class);
            assertThat(retry).as(task.getId()).extracting(CamundaFailedJobRetryTimeCycle::getTextContent)
                    .containsExactly("R3/PT30S");
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isNotBlank();
            assertForm(task, task.getCamundaFormRef(), task.getCamundaFormRefBinding());
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (start.getEventDefinitions().isEmpty() && !(start.getParentElement() instanceof
                    org.camunda.bpm.model.bpmn.instance.SubProcess)) {
                assertForm(start, start.getCamundaFormRef(), start.getCamundaFormRefBinding());
            }
        }
        List<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId()).toList();
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            if (element instanceof FlowNode) {
                assertThat(element.getName()).as(element.getId()).isNotBlank();
                assertThat(element.getId()).as(element.getId())
                        .matches("(startEvent|endEvent|serviceTask|userTask|gateway|subProcess|callActivity)_[a-z][A-Za-z]+");
                assertThat(shapes).as("diagram shape of " + element.getId()).contains(element.getId());
            }
        }
        model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.ExclusiveGateway.class).stream()
                .filter(g -> g.getOutgoing().size() > 1)
                .forEach(g -> assertThat(g.getName()).as(g.getId()).endsWith("?"));
    }

    private static void assertForm(BaseElement element, String formRef, String binding) throws IOException {
        assertThat(formRef).as(element.getId()).startsWith("drBaseline");
        assertThat(binding).as(element.getId()).isEqualTo("deployment");
        Path form = Path.of("forms", formRef + ".form");
        assertThat(form).as(element.getId()).exists();
        JsonNode json = JSON.readTree(Files.readString(form));
        assertThat(json.get("id").asText()).isEqualTo(formRef);
    }
}
