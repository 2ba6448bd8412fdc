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
        List<String> results = List.of("FR1: completed: FR1 runs 9.4.1.0 and is resumed in its clusters",
                "FR2: backed out: queue depth kept growing", "PR1: rejected: not this week");
        assertThat(StagedMigration.done(results)).as("migratedQueueManagers").containsExactly("FR1");
    }
}
