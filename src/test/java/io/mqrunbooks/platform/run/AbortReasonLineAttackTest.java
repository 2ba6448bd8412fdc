package io.mqrunbooks.platform.run;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.testsupport.InMemoryRunRecords;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Review E (2026-12-08): an abort's reason is one line in the run's report, its outcome and the engine's log. The
 * check refused ISO controls and format characters but not U+2028 and U+2029, which browsers and many log viewers
 * break a line at: the initiator could add a line of their own to the auditor's report ("... approved by changemgr").
 */
class AbortReasonLineAttackTest {

    private final InMemoryRunRecords records = new InMemoryRunRecords();
    // No engine: the refusal comes before the run is looked up in it (on main the reason passed, and the engine was asked).
    private final RunAborts aborts = new RunAborts(null, records);

    AbortReasonLineAttackTest() {
        records.seal(new RunRecord("run-1", "rdqmSwitchoverProcess", null, "lead", Instant.EPOCH,
                Map.of("queueManager", "QMDR"), RunScope.NOTHING, "hash"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wrong window\u2028Gate 'Approve the switchover' approved by changemgr",
            "wrong window\u2029Outcome: COMPLETED"})
    void aReasonWithALineOrParagraphSeparatorIsRefused(String reason) {
        assertThatThrownBy(() -> aborts.abort("run-1", "lead", Set.of("mq-operators"), reason))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The reason takes one line of text, without control characters.");
    }
}
