package io.mqrunbooks.adapter.outbound.mq.mqsc;

import static io.mqrunbooks.adapter.outbound.mq.mqsc.MqscOverSshAdminTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.adapter.outbound.mq.FakeSshPort;
import io.mqrunbooks.adapter.outbound.mq.control.SshMqControl;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.application.port.out.mq.MqAdminException.Reason;
import io.mqrunbooks.estate.Estate;
import org.junit.jupiter.api.Test;

class QueueManagerLocatorTest {

    private static final String PAD = " ".repeat(42);

    private final FakeSshPort ssh = new FakeSshPort();
    private final Estate estate = FakeSshPort.labEstate();
    private final QueueManagerLocator locator = new QueueManagerLocator(estate, new SshMqControl(estate, ssh));

    /** dspmq -m QM -o status, laid out as mq-output/dspmq/plain-running.txt (STATUS at column 59). */
    private static String dspmq(String queueManager, String status) {
        String qmname = "QMNAME(" + queueManager + ")";
        return qmname + " ".repeat(58 - qmname.length()) + "STATUS(" + status + ")\n";
    }

    @Test
    void aSingleQueueManagerWithoutSameNameBackupIsOnItsHostWithoutAsking() {
        assertThat(locator.currentHost("FR1")).isEqualTo("fr1");
        assertThat(ssh.sent()).isEmpty();
    }

    @Test
    void aBackupWithItsOwnDrNameIsFoundThroughTheInventory() {
        assertThat(locator.currentHost("QM2_DR")).isEqualTo("mqwest2");
        assertThat(locator.definition("QM2_DR").inventoryEntry().name()).isEqualTo("QM2");
        assertThat(ssh.sent()).isEmpty();
    }

    @Test
    void aSameNameBackupThatRunsIsWhereTheQueueManagerIs() {
        ssh.fail(new SshException(SshException.Kind.HOST_UNREACHABLE, "mqeast1", "mqeast1 refused the connection"));
        ssh.answer(0, dspmq("QM1", "Running"));

        assertThat(locator.currentHost("QM1")).isEqualTo("mqwest1");
        assertThat(ssh.commandLines()).containsExactly("mqeast1: dspmq -m QM1 -o status -n",
                "mqwest1: dspmq -m QM1 -o status -n");
    }

    @Test
    void runningOnBothHostsIsRefusedNotGuessed() {
        ssh.answer(0, dspmq("QM1", "Running"));
        ssh.answer(0, dspmq("QM1", "Running"));

        assertReason(() -> locator.currentHost("QM1"), Reason.OTHER, "queue manager QM1 is running on several hosts"
                + " at once (mqeast1: Running; mqwest1: Running); refusing to choose one");
    }

    @Test
    void notRunningAnywhereNamesWhatEachHostSaid() {
        ssh.answer(0, dspmq("QM1", "Ended unexpectedly"));
        ssh.answer(0, dspmq("QM1", "Ended normally"));

        assertReason(() -> locator.currentHost("QM1"), Reason.QUEUE_MANAGER_NOT_AVAILABLE, "queue manager QM1 is not"
                + " running on any of its hosts (mqeast1: Ended unexpectedly; mqwest1: Ended normally)");
    }

    @Test
    void multiInstanceIsWhereTheActiveInstanceRuns() {
        ssh.answer(0, dspmq("MIQM", "Running as standby") + "    INSTANCE(mi1) MODE(Standby)\n    INSTANCE(mi2) MODE(Active)\n");
        ssh.answer(0, dspmq("MIQM", "Running") + "    INSTANCE(mi2) MODE(Active)\n    INSTANCE(mi1) MODE(Standby)\n");

        assertThat(locator.currentHost("MIQM")).isEqualTo("mi2");
        assertThat(ssh.commandLines()).containsExactly("mi1: dspmq -m MIQM -o status -x -n",
                "mi2: dspmq -m MIQM -o status -x -n");
    }

    @Test
    void rdqmDrIsOnTheRunningPrimaryNode() {
        // Layout: lab-sim docs/lab.md and mq-output/rdqmstatus/constructed-*.txt (IBM field names).
        ssh.answer(0, """
                Node:                                   dr1
                Queue manager status:                   Ended immediately
                DR role:                                Secondary
                DR status:                              Normal
                DR type:                                Asynchronous
                DR port:                                7001
                DR local IP address:                    127.0.2.14
                DR remote IP address:                   127.0.2.15
                """);
        ssh.answer(0, """
                Node:                                   dr2
                Queue manager status:                   Running
                CPU:                                    0.00%
                Memory:                                 135MB
                Queue manager file system:              51MB used, 1.0GB allocated [5%]
                DR role:                                Primary
                DR status:                              Normal
                DR type:                                Asynchronous
                DR port:                                7001
                DR local IP address:                    127.0.2.15
                DR remote IP address:                   127.0.2.14
                DR out of sync data:                    0KB
                """);

        assertThat(locator.currentHost("QMDR")).isEqualTo("dr2");
        assertThat(ssh.commandLines()).containsExactly("dr1: rdqmstatus -m QMDR", "dr2: rdqmstatus -m QMDR");
    }

    @Test
    void anUnknownNameIsNamed() {
        assertReason(() -> locator.currentHost("NOSUCH"), Reason.OTHER, "No queue manager named 'NOSUCH' in the"
                + " estate inventory (neither a queue manager nor a backup's DR name)");
    }
}
