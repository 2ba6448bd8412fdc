package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Review 2026-12-08: the staged migration's migratedQueueManagers and its outcome are built from the members' outcome
 * variables; a member whose run was backed out or rejected is not a migrated queue manager.
 */
class StagedOutcomeFigureTest {

    @Test
    void aBackedOutOrRejectedMemberIsNotCountedAsMigrated() {
        // each entry as the staged run now records it: the result from the member run's end event, then its outcome
        List<String> results = StagedMigration.results(List.of("FR1", "FR2", "PR1"), List.of(
                new MemberRunEnds.MemberRunEnd("FR1", "endEvent_completed",
                        "completed: FR1 runs 9.4.1.0 and is resumed in its clusters"),
                new MemberRunEnds.MemberRunEnd("FR2", "endEvent_backedOut", "backed out: queue depth kept growing"),
                new MemberRunEnds.MemberRunEnd("PR1", "endEvent_rejected", "rejected: not this week")));
        assertThat(StagedMigration.done(results)).as("migratedQueueManagers").containsExactly("FR1");
    }

    @Test
    void membersAreListedInTheMigrationOrderWhateverOrderTheirRunsComeIn() {
        // MariaDB keeps a run's start time to the second, so two quick member runs may come back either way round
        List<String> results = StagedMigration.results(List.of("FR1", "FR2", "PR1"), List.of(
                new MemberRunEnds.MemberRunEnd("FR2", "endEvent_completed", "completed: FR2"),
                new MemberRunEnds.MemberRunEnd("FR1", "endEvent_rejected", "rejected: not this week")));
        assertThat(results).containsExactly("FR1: rejected (rejected: not this week)", "FR2: migrated (completed: FR2)");
        assertThat(StagedMigration.outcome(List.of("FR1", "FR2", "PR1"), results))
                .isEqualTo("stopped: FR1: rejected (rejected: not this week); FR2: migrated (completed: FR2); untouched: PR1");
    }
}
