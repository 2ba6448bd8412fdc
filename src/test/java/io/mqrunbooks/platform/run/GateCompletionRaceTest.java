package io.mqrunbooks.platform.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.runbooks.rdqm.RunbookLabTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Trust review: two change managers complete one gate at the same moment, one rejecting and one approving.
 * Exactly one completion may take effect, and the server's record must hold only that one's decision (a
 * decision of the completion that lost must not be left behind for a step to count).
 */
class GateCompletionRaceTest extends RunbookLabTest {

    @Autowired
    RunRecords runRecords;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void twoCompletionsOfOneGateAtOnceLeaveOnlyTheDecisionThatTookEffect() throws Exception {
        ProcessInstance run = start("rdqmSwitchoverProcess", "queueManager", "QMDR", "reason", "CHG-RACE");
        Task gate = awaitTask(run.getId(), "userTask_approveSwitchover");
        CountDownLatch rejectedNotYetCommitted = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            // The rejection completes the gate in a transaction it holds open while the approval is attempted.
            Future<Throwable> rejecting = two.submit(() -> failureOf(() -> new TransactionTemplate(transactions)
                    .executeWithoutResult(status -> {
                        complete("lead", gate, "reject");
                        rejectedNotYetCommitted.countDown();
                        sleep(1500);
                    })));
            assertThat(rejectedNotYetCommitted.await(30, TimeUnit.SECONDS)).as("the rejection ran").isTrue();
            Future<Throwable> approving = two.submit(() -> failureOf(() -> complete(CHANGE_MANAGER, gate, "approve")));

            Throwable rejection = rejecting.get(60, TimeUnit.SECONDS);
            Throwable approval = approving.get(60, TimeUnit.SECONDS);
            assertThat(rejection).as("the first completion").isNull();
            assertThat(approval).as("the completion that came second, on a gate already completed")
                    .isInstanceOf(org.camunda.bpm.engine.OptimisticLockingException.class);
        } finally {
            two.shutdownNow();
        }

        assertThat(runRecords.decisions(run.getId())).extracting(RunDecision::decidedBy, RunDecision::decision)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lead", "reject"));
        assertThat(outcome(run)).isEqualTo("rejected");
        assertThat(sideEffects()).isEmpty();
    }

    /** A completion the gate refuses (approve without the data-loss box ticked) leaves no decision behind. */
    @Test
    void aCompletionTheGateRefusesRecordsNoDecision() {
        List.of("nha1", "nha2", "nha3").forEach(labMq::failHost);
        ProcessInstance run = start("nativeHaCrossRegionSwitchProcess", "queueManager", "QMNHA", "switchType",
                "unplanned", "reason", "INC-9 east region down");
        Task gate = awaitTask(run.getId(), "userTask_approveSwitch");
        identityService.setAuthentication(CHANGE_MANAGER, List.of("change-managers"));
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(gate.getId(),
                    Map.of("switchDecision", "approve", "switchComment", "go"))).hasMessageContaining("data-loss");
        } finally {
            identityService.clearAuthentication();
        }

        assertThat(taskService.createTaskQuery().taskId(gate.getId()).count()).isOne();
        assertThat(runRecords.decisions(run.getId())).isEmpty();
    }

    private void complete(String user, Task gate, String decision) {
        identityService.setAuthentication(user, List.of("change-managers"));
        try {
            taskService.complete(gate.getId(), Map.of("switchoverDecision", decision, "switchoverComment", "race " + user));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static Throwable failureOf(Runnable action) {
        try {
            action.run();
            return null;
        } catch (RuntimeException failed) {
            return failed;
        }
    }
}
