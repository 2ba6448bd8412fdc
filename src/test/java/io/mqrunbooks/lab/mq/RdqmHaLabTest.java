package io.mqrunbooks.lab.mq;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.Host;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.QueueManagerKind;
import io.mqrunbooks.estate.Site;
import io.mqrunbooks.estate.Transport;
import io.mqrunbooks.lab.LabCommandHandler.LabExecution;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lab's RDQM HA group: rdqmstatus and rdqmadm as an administrator sees them on the nodes. */
class RdqmHaLabTest {

    private final SimulatedMqEstate lab = new SimulatedMqEstate(estate(),
            Clock.fixed(Instant.parse("2026-12-06T22:00:00Z"), ZoneOffset.UTC));

    @Test
    void rdqmstatusShowsTheHaFieldsOfEveryNode() {
        LabExecution status = run("ha2", "rdqmstatus", "-m", "QMA");

        assertThat(status.stdout()).startsWith("""
                Node:                                   ha2
                Queue manager status:                   Running elsewhere
                Queue manager file system:              51MB used, 1.0GB allocated [5%]
                HA role:                                Secondary
                HA status:                              Normal
                HA control:                             Enabled
                HA current location:                    ha1
                HA preferred location:                  ha1
                HA blocked location:                    None
                HA floating IP interface:               None
                HA floating IP address:                 None

                Node:                                   ha1
                HA status:                              Normal

                Node:                                   ha3
                HA status:                              Normal
                """);
        assertThat(run("ha3", "rdqmstatus", "-n").stdout())
                .isEqualTo("Node ha1 is online\nNode ha2 is online\nNode ha3 is online\n");
        assertThat(run("ha3", "rdqmstatus").stdout()).endsWith("""
                Queue manager name:                     QMA
                Queue manager status:                   Running elsewhere
                HA current location:                    ha1
                HA preferred location:                  ha1
                HA blocked location:                    None

                Queue manager name:                     QMB
                Queue manager status:                   Running elsewhere
                HA current location:                    ha2
                HA preferred location:                  ha2
                HA blocked location:                    None
                """);
        io.mqrunbooks.adapter.outbound.mq.parse.RdqmStatusResult summary = new io.mqrunbooks.adapter.outbound.mq.parse
                .RdqmStatusParser().parse(run("ha3", "rdqmstatus").stdout());
        assertThat(summary.queueManagers()).extracting(e -> e.name() + "@" + e.haCurrentLocation())
                .containsExactly("QMA@ha1", "QMB@ha2");
    }

    @Test
    void suspendingANodeMovesItsQueueManagersAndResumingBringsThemBack() {
        assertThat(run("ha1", "rdqmadm", "-s").stdout()).isEqualTo("The replicated data node 'ha1' has been suspended.\n");

        assertThat(lab.haCurrentLocation("QMA")).contains("ha2");
        assertThat(lab.haCurrentLocation("QMB")).contains("ha2");
        // An RDQM running on another node: "STATUS(RUNNING ELSEWHERE) ... STANDBY(NOT APPLICABLE)" (Checkmk's
        // ibm_mq test data, test_rdqm, MQ 9.2); where it runs: Not permitted (RDQM has no standby instances).
        assertThat(run("ha3", "dspmq", "-o", "standby", "-m", "QMA").stdout()).contains("STANDBY(Not applicable)");
        assertThat(run("ha2", "dspmq", "-o", "standby", "-m", "QMA").stdout()).contains("STANDBY(Not permitted)");
        assertThat(run("ha3", "rdqmstatus", "-n").stdout()).contains("Node ha1 is offline");
        assertThat(run("ha2", "rdqmstatus", "-m", "QMA").stdout())
                .contains("HA status:                              Mixed")
                .contains("HA current location:                    This node")
                .contains("Node:                                   ha1\nHA status:                              Remote unavailable");
        assertThat(run("ha1", "rdqmadm", "-s").stdout()).isEqualTo("The replicated data node 'ha1' is already suspended.\n");
        assertThat(run("ha2", "rdqmadm", "-s").exitCode()).isZero();
        LabExecution last = run("ha3", "rdqmadm", "-s");
        assertThat(last.exitCode()).isEqualTo(1);
        assertThat(last.stderr()).contains("it is the last active node of the HA group");

        run("ha2", "rdqmadm", "-r");
        run("ha1", "rdqmadm", "-r");
        assertThat(lab.haCurrentLocation("QMA")).contains("ha1");
        assertThat(lab.haCurrentLocation("QMB")).contains("ha2");
    }

    @Test
    void thePreferredLocationMovesTheQueueManagerAndALostNodeIsReplacedByAnother() {
        assertThat(run("ha1", "rdqmadm", "-p", "-m", "QMA", "-n", "ha3").stdout())
                .isEqualTo("The preferred location of queue manager 'QMA' has been set to 'ha3'.\n");
        assertThat(lab.haCurrentLocation("QMA")).contains("ha3");

        lab.failHost("ha3");
        assertThat(lab.haCurrentLocation("QMA")).contains("ha1");
        lab.failHost("ha2");
        assertThat(lab.haCurrentLocation("QMA")).as("two nodes lost: no quorum").isEmpty();
        lab.recoverHost("ha2");
        lab.recoverHost("ha3");
        assertThat(lab.haCurrentLocation("QMA")).contains("ha3");
    }

    @Test
    void aReplicaOutOfSyncShowsSynchronizationInProgress() {
        lab.haReplicaOutOfSync("QMA", "ha3", 4096);

        assertThat(run("ha1", "rdqmstatus", "-m", "QMA").stdout())
                .contains("HA status:                              Synchronization in progress")
                .contains("Node:                                   ha3\nHA status:                              Synchronization in progress\n"
                        + "HA out of sync data:                    4096KB");
    }

    private LabExecution run(String host, String... argv) {
        return lab.execute(host, "root", List.of(argv), "");
    }

    private static Estate estate() {
        List<Host> hosts = List.of("ha1", "ha2", "ha3").stream()
                .map(n -> new Host(n, "127.0.0.1", 22000, "mqm", true, "east", null)).toList();
        return new Estate(List.of(new Site("east")), hosts, List.of(
                new QueueManager("QMA", QueueManagerKind.RDQM_HA, List.of("ha1", "ha2", "ha3"), "LISTENER.TCP", 1481,
                        Transport.MQSC_SSH, null, null, null),
                new QueueManager("QMB", QueueManagerKind.RDQM_HA, List.of("ha2", "ha3", "ha1"), "LISTENER.TCP", 1482,
                        Transport.MQSC_SSH, null, null, null)), List.of(), List.of());
    }
}
