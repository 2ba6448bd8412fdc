package io.mqrunbooks.platform.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.runbooks.rdqm.RunbookLabTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A run a call activity starts gets its variables through the call activity, not from a form: its sealed
 * values shared with the parent must be the parent's.
 */
class CalledRunWithinParentTest extends RunbookLabTest {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RunRecords runRecords;

    private String deployment;

    @AfterEach
    void undeploy() {
        if (deployment != null) {
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    @Test
    void aCalledRunTargetsWhatItsParentWasSealedWith() {
        deploy(Map.of("queueManager", "${queueManager}"));

        String parent = start("QMHA1");

        String child = runtimeService.createProcessInstanceQuery().superProcessInstanceId(parent).singleResult().getId();
        assertThat(runRecords.find(child).orElseThrow().scope().queueManagers()).containsExactly("QMHA1");
    }

    @Test
    void aCalledRunCannotTargetAnotherQueueManagerThanItsParentWasSealedWith() {
        deploy(Map.of("queueManager", "QMDR"));

        assertThatThrownBy(() -> start("QMHA1")).isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("queueManager 'QMDR', which that run was sealed with as 'QMHA1'");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("calledRunParent").count()).isZero();
    }

    private String start(String queueManager) {
        return start(Map.of("queueManager", queueManager));
    }

    private String start(Map<String, Object> variables) {
        identityService.setAuthentication(OPERATOR, List.of("mq-operators"));
        try {
            return runtimeService.startProcessInstanceByKey("calledRunParent", variables).getId();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** A parent that calls a child at once, passing {@code passed} (target variable to expression). */
    private void deploy(Map<String, String> passed) {
        BpmnModelInstance parent = Bpmn.createExecutableProcess("calledRunParent").camundaHistoryTimeToLive(1)
                .startEvent().callActivity("callActivity_child").calledElement("calledRunChild").endEvent().done();
        CallActivity call = parent.getModelElementById("callActivity_child");
        passed.forEach((target, expression) -> {
            CamundaIn in = parent.newInstance(CamundaIn.class);
            in.setCamundaSourceExpression(expression);
            in.setCamundaTarget(target);
            call.builder().addExtensionElement(in);
        });
        BpmnModelInstance child = Bpmn.createExecutableProcess("calledRunChild").camundaHistoryTimeToLive(1)
                .startEvent().userTask("userTask_childWork").camundaCandidateGroups("mq-operators").endEvent().done();
        deployment = repositoryService.createDeployment().name("called run within parent")
                .addModelInstance("calledRunParent.bpmn", parent).addModelInstance("calledRunChild.bpmn", child)
                .deploy().getId();
    }
}
