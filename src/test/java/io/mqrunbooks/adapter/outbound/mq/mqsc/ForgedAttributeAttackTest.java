package io.mqrunbooks.adapter.outbound.mq.mqsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mqrunbooks.adapter.outbound.mq.FakeSshPort;
import io.mqrunbooks.adapter.outbound.mq.control.SshMqControl;
import io.mqrunbooks.application.port.out.mq.MqAdminException;
import io.mqrunbooks.estate.Estate;
import org.junit.jupiter.api.Test;

/**
 * Review E (2026-12-08): runmqsc prints a DESCR unquoted, and another queue manager's administrator writes the DESCR
 * of the cluster-receiver every member's DISPLAY CLUSQMGR shows. A DESCR of {@code x) STATUS(RUNNING) SUSPEND(NO}
 * prints as three attributes. The DR activation reads a full repository's STATUS to decide its cluster channels run,
 * so a forged RUNNING must never be believed: the real STATUS follows in the same object, and an attribute repeated
 * with another value fails the read (the step's incident), rather than either value being taken.
 */
class ForgedAttributeAttackTest {

    private final FakeSshPort ssh = new FakeSshPort();
    private final Estate estate = FakeSshPort.labEstate();
    private final MqscOverSshAdmin admin = new MqscOverSshAdmin(estate, ssh,
            new QueueManagerLocator(estate, new SshMqControl(estate, ssh)));

    @Test
    void aDescrThatPrintsLikeARunningStatusFailsTheReadInsteadOfPassing() {
        // Layout of DISPLAY CLUSQMGR ALL: mq-output/runmqsc/clusqmgr-qmtype-and-all-9.0.txt; the DESCR is the attack.
        ssh.answer(0, MqscOverSshAdminTest.session("FR1", "DISPLAY CLUSQMGR(*) ALL", """
                AMQ8441I: Display Cluster Queue Manager details.
                   CLUSQMGR(FR2)                           CHANNEL(TO.FR2)
                   CLUSTER(GLOBAL)                         CONNAME(fr2.example.com(1414))
                   DEFTYPE(CLUSSDRA)                       DESCR(x) STATUS(RUNNING) SUSPEND(NO)
                   QMID(FR2_2026-01-01_00.00.00)           QMTYPE(REPOS)
                   STATUS(INACTIVE)                        SUSPEND(YES)
                """, """
                One MQSC command read.
                No commands have a syntax error.
                All valid MQSC commands were processed.
                """));

        MqAdminException e = catchThrowableOfType(() -> admin.clusterQueueManagers("FR1", "*"), MqAdminException.class);

        assertThat(e).as("the forged STATUS(RUNNING) was read").isNotNull();
        assertThat(e.reason()).isEqualTo(MqAdminException.Reason.UNRECOGNISED_OUTPUT);
        assertThat(e.getMessage()).contains("STATUS appears twice in one object with different values");
    }
}
