package io.mqrunbooks.platform.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.testsupport.InMemoryRunRecords;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may abort a run, and the reason it needs, decided before the engine is asked anything. */
class RunAbortsTest {

    private final InMemoryRunRecords records = new InMemoryRunRecords();
    // No engine: every refusal here comes before the run is looked up in it.
    private final RunAborts aborts = new RunAborts(null, records);

    RunAbortsTest() {
        records.seal(new RunRecord("run-1", "rdqmSwitchoverProcess", null, "lead", Instant.EPOCH,
                Map.of("queueManager", "QMDR"), RunScope.NOTHING, "hash"));
        records.seal(new RunRecord("run-2", "drBaselineNightlyProcess", null, null, Instant.EPOCH,
                Map.of(), RunScope.NOTHING, "hash"));
        records.seal(new RunRecord("run-3", "clusterQueueManagerMigrationProcess", "run-9", "lead", Instant.EPOCH,
                Map.of(), RunScope.NOTHING, "hash"));
    }

    @Test
    void theInitiatorChangeManagersAndAdministratorsMayAbortNobodyElse() {
        assertThat(aborts.mayAbort("run-1", "lead", Set.of("mq-operators"))).isTrue();
        assertThat(aborts.mayAbort("run-1", "changemgr", Set.of("change-managers"))).isTrue();
        assertThat(aborts.mayAbort("run-1", "admin", Set.of("camunda-admin"))).isTrue();
        assertThat(aborts.mayAbort("run-1", "operator", Set.of("mq-operators"))).isFalse();
        assertThat(aborts.mayAbort("run-1", "auditor", Set.of("auditors"))).isFalse();

        assertThatThrownBy(() -> aborts.abort("run-1", "operator", Set.of("mq-operators"), "wrong window"))
                .isInstanceOf(RunAborts.NotAllowed.class).hasMessage("operator may not abort run run-1: only the user"
                        + " who started it (lead), a change manager or an administrator may.");
    }

    /**
     * The schedule's run (nightly baseline) holds its targets through human waits: the on-call operator may abort
     * it, with a reason like anyone; an auditor may not, and neither may an operator abort a run a user started.
     */
    @Test
    void anOperatorMayAbortARunTheScheduleStarted() {
        assertThat(aborts.mayAbort("run-2", "operator", Set.of("mq-operators"))).as("a timer's run").isTrue();
        assertThat(aborts.mayAbort("run-2", "auditor", Set.of("auditors"))).isFalse();
        assertThat(aborts.mayAbort("run-1", "operator", Set.of("mq-operators"))).as("a user's run").isFalse();

        // Allowed: what stops the abort now is the reason it lacks (the engine is asked only after that).
        assertThatThrownBy(() -> aborts.abort("run-2", "operator", Set.of("mq-operators"), " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Give the reason for aborting the run: it goes into the run's report.");
        assertThatThrownBy(() -> aborts.abort("run-2", "auditor", Set.of("auditors"), "x"))
                .isInstanceOf(RunAborts.NotAllowed.class).hasMessage("auditor may not abort run run-2: the schedule"
                        + " started it, so only an MQ operator, a change manager or an administrator may.");
        // A run the schedule's run called ends with it: the operator aborts the schedule's run.
        assertThatThrownBy(() -> aborts.abort("run-3", "operator", Set.of("mq-operators"), "x"))
                .isInstanceOf(RunAborts.NotRunning.class);
    }

    @Test
    void anAbortNeedsAReasonInOneLineWithoutSecrets() {
        Set<String> lead = Set.of("mq-operators");
        assertThatThrownBy(() -> aborts.abort("run-1", "lead", lead, "  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Give the reason for aborting the run: it goes into the run's report.");
        assertThatThrownBy(() -> aborts.abort("run-1", "lead", lead, "x".repeat(501)))
                .hasMessage("The reason is 501 characters long; at most 500 are allowed.");
        assertThatThrownBy(() -> aborts.abort("run-1", "lead", lead, "line\nbreak"))
                .hasMessage("The reason takes one line of text, without control characters.");
        assertThatThrownBy(() -> aborts.abort("run-1", "lead", lead, "root password=hunter2"))
                .hasMessageContaining("looks like it holds a password, key or token");
    }

    @Test
    void aRunStartedByAnotherRunIsAbortedThroughThatRun() {
        assertThat(aborts.mayAbort("run-3", "changemgr", Set.of("change-managers"))).as("no button").isFalse();
        assertThatThrownBy(() -> aborts.abort("run-3", "lead", Set.of("mq-operators"), "wrong cluster"))
                .isInstanceOf(RunAborts.NotRunning.class)
                .hasMessage("Run run-3 is a part of run run-9; abort that run, which ends this one with it.");
        assertThatThrownBy(() -> aborts.abort("run-7", "lead", Set.of("mq-operators"), "x"))
                .isInstanceOf(RunAborts.NotRunning.class).hasMessageContaining("has no sealed record");
    }
}
