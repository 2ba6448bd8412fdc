package io.mqrunbooks.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.mq.UnsafeArgumentException;
import org.junit.jupiter.api.Test;

/**
 * Review 2026-12-08: {@code sed -i ... /var/mqm/qmgrs/<QM>/qm.ini} (the Native HA group role). IBM MQ transforms a
 * '.' in a queue manager's directory name ("queue.manager" is "queue!manager", IBM MQ file names), and a name of
 * dots alone is a path segment of its own.
 */
class QmIniPathAttackTest {

    @Test
    void aNameOfDotsIsNotAPathSegment() {
        assertThatThrownBy(() -> RemoteCommand.builder("sed").flag("-i").sedSubstitution("GroupRole=Live",
                "GroupRole=Recovery").qmIniPath("..").build())
                .isInstanceOf(UnsafeArgumentException.class);
    }

    @Test
    void aDottedNameIsNotGuessedAsItsOwnDirectory() {
        // Either refused like '/' and '%', or transformed as IBM MQ does: never /var/mqm/qmgrs/QM.NHA/qm.ini.
        try {
            RemoteCommand command = RemoteCommand.builder("sed").flag("-i").qmIniPath("QM.NHA").build();
            assertThat(command.argv()).doesNotContain("/var/mqm/qmgrs/QM.NHA/qm.ini");
        } catch (UnsafeArgumentException refused) {
            assertThat(refused).hasMessageContaining("QM.NHA");
        }
    }
}
