package io.mqrunbooks.runbooks.rdqm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The conventions every runbook model keeps (docs/runbook-conventions.md), for the RDQM and multi-instance runbooks. */
class RdqmModelTest {

    @ParameterizedTest
    @ValueSource(strings = {"rdqmSwitchoverProcess", "rdqmFailoverProcess", "rdqmNodeReplacementProcess",
            "rdqmCreateProcess", "rdqmDeleteProcess", "multiInstanceSwitchoverProcess"})
    void followsTheConventions(String key) throws Exception {
        BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/" + key + ".bpmn"));
        assertThat((Object) model.getModelElementById(key)).as("process id").isNotNull();

        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            assertThat(task.getCamundaDelegateExpression()).as(task.getId() + " delegateExpression").matches("\\$\\{[a-z][A-Za-z]+Delegate}");
            assertThat(task.getCamundaClass()).as(task.getId() + " class").isNull();
            assertThat(task.isCamundaAsyncBefore()).as(task.getId() + " asyncBefore").isTrue();
            Collection<CamundaFailedJobRetryTimeCycle> cycles = task.getExtensionElements()
                    .getChildElementsByType(CamundaFailedJobRetryTimeCycle.class);
            assertThat(cycles).as(task.getId() + " retry cycle").singleElement()
                    .extracting(CamundaFailedJobRetryTimeCycle::getTextContent).isEqualTo("R3/PT30S");
            assertThat(task.getId()).startsWith("serviceTask_");
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertFormExists(task.getId(), task.getCamundaFormRef(), task.getCamundaFormRefBinding());
            assertThat(task.getCamundaCandidateGroups()).as(task.getId() + " candidate group")
                    .isIn("change-managers", "mq-operators");
            assertThat(task.getId()).startsWith("userTask_");
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            assertFormExists(start.getId(), start.getCamundaFormRef(), start.getCamundaFormRefBinding());
        }
        for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
            assertThat(gateway.getName()).as(gateway.getId() + " name").endsWith("?");
        }
        assertThat(model.getModelElementsByType(BpmnDiagram.class)).as("diagram").hasSize(1);
        var shaped = model.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId()).toList();
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            if (element instanceof org.camunda.bpm.model.bpmn.instance.SequenceFlow) {
                continue;
            }
            assertThat(element.getName()).as(element.getId() + " name").isNotBlank();
            assertThat(shaped).as(element.getId() + " has a shape in the diagram").contains(element.getId());
        }
    }

    private static void assertFormExists(String elementId, String formRef, String binding) throws Exception {
        assertThat(formRef).as(elementId + " formRef").isNotBlank();
        assertThat(binding).as(elementId + " formRefBinding").isEqualTo("deployment");
        Path file = Path.of("forms", formRef + ".form");
        assertThat(file).as(elementId + " form file").exists();
        JsonNode form = new ObjectMapper().readTree(Files.readString(file));
        assertThat(form.get("id").asText()).as(file + " id").isEqualTo(formRef);
        assertThat(formRef).startsWith(formRef.startsWith("multiInstance") ? "multiInstance" : "rdqm");
    }

}
