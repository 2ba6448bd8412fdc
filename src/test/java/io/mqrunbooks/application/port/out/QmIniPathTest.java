package io.mqrunbooks.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.mq.UnsafeArgumentException;
import org.junit.jupiter.api.Test;

/** The qm.ini a group role edit names: the directory IBM MQ gives the queue manager ("IBM MQ file names"). */
class QmIniPathTest {

    private static String path(String queueManager) {
        return RemoteCommand.builder("sed").flag("-i").sedSubstitution("GroupRole=Live", "GroupRole=Recovery")
                .qmIniPath(queueManager).build().commandLine();
    }

    @Test
    void eachDotBecomesAnExclamationMarkAsIbmMqNamesTheDirectory() {
        assertThat(path("QM.NHA.EAST")).isEqualTo(
                "sed -i s/GroupRole=Live/GroupRole=Recovery/ /var/mqm/qmgrs/QM!NHA!EAST/qm.ini");
        assertThat(path("QMNHA")).endsWith(" /var/mqm/qmgrs/QMNHA/qm.ini");
        assertThat(path("QM_1%A")).endsWith(" /var/mqm/qmgrs/QM_1%A/qm.ini");
    }

    @Test
    void aSlashIsRefusedNamingTheQueueManagerAndWhy() {
        assertThatThrownBy(() -> path("QM/EAST")).isInstanceOf(UnsafeArgumentException.class)
                .hasMessage("queue manager 'QM/EAST' has a /: IBM MQ names its directory with an & in its place,"
                        + " which cannot go on a command line; edit its qm.ini by hand");
    }

    @Test
    void namesOfDotsAloneAndInvalidNamesAreRefused() {
        assertThatThrownBy(() -> path(".")).isInstanceOf(UnsafeArgumentException.class)
                .hasMessage("queue manager '.' is only dots: refused as a directory name under /var/mqm/qmgrs");
        assertThatThrownBy(() -> path("../QM")).isInstanceOf(UnsafeArgumentException.class)
                .hasMessageContaining("'../QM' has a /");
        assertThatThrownBy(() -> path("QM!NHA")).isInstanceOf(UnsafeArgumentException.class)
                .hasMessageContaining("'QM!NHA' has characters IBM MQ does not allow in a name");
    }

    @Test
    void anExclamationMarkPassesOnlyInAQmIniPath() {
        assertThatThrownBy(() -> RemoteCommand.builder("echo").word("QM!NHA").build())
                .isInstanceOf(UnsafeArgumentException.class);
        assertThatThrownBy(() -> new RemoteCommand(java.util.List.of("echo", "/var/mqm/qmgrs/QM!NHA/qm.ini;id"), null,
                RemoteCommand.DEFAULT_DEADLINE)).isInstanceOf(UnsafeArgumentException.class);
    }
}
