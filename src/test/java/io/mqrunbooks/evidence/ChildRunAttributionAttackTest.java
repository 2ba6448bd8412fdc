package io.mqrunbooks.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.evidence.report.RunReportService;
import io.mqrunbooks.platform.run.RunRecords;
import io.mqrunbooks.runbooks.rdqm.RunbookLabTest;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Security review (secreview): who started a run is sealed by the server, and the report's figures come from the
 * evidence store. A run a call activity starts (each member of a staged cluster migration, the node replacement's
 * switch back) is sealed with its parent's initiator; its evidence must say the same, not name whoever's task
 * completion happened to move the parent into the call activity (in the staged migration: the change manager who
 * approved the next member).
 */
class ChildRunAttributionAttackTest extends RunbookLabTest {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RunRecords runRecords;
    @Autowired
    RunReportService reports;

    @Test
    void aCalledRunsReportNamesTheSealedInitiatorNotTheApproverWhoseCompletionStartedIt() {
        String deployment = repositoryService.createDeployment().name("secreview call activity")
                .addModelInstance("secrevChild.bpmn", Bpmn.createExecutableProcess("secrevChild")
                        .camundaHistoryTimeToLive(1).startEvent().userTask("userTask_childWork")
                        .camundaCandidateGroups("mq-operators").endEvent().done())
                .addModelInstance("secrevParent.bpmn", Bpmn.createExecutableProcess("secrevParent")
                        .camundaHistoryTimeToLive(1).startEvent().userTask("userTask_approveNext")
                        .camundaCandidateGroups("change-managers").callActivity("callActivity_member")
                        .calledElement("secrevChild").endEvent().done())
                .deploy().getId();
        try {
            identityService.setAuthentication(OPERATOR, List.of("mq-operators"));
            ProcessInstance parent;
            try {
                parent = runtimeService.startProcessInstanceByKey("secrevParent", "CHG-SECREV-CHILD");
            } finally {
                identityService.clearAuthentication();
            }
            Task gate = awaitTask(parent.getId(), "userTask_approveNext");
            identityService.setAuthentication(CHANGE_MANAGER, List.of("change-managers"));
            try {
                taskService.claim(gate.getId(), CHANGE_MANAGER);
                taskService.complete(gate.getId());
            } finally {
                identityService.clearAuthentication();
            }
            String child = runtimeService.createProcessInstanceQuery().superProcessInstanceId(parent.getId())
                    .singleResult().getId();

            assertThat(runRecords.find(child).orElseThrow().initiator()).as("sealed initiator").isEqualTo(OPERATOR);
            assertThat(reports.report(child).start().startedBy())
                    .as("the called run's report: started by").isEqualTo(OPERATOR);
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
    }
}
