package io.mqrunbooks.lab.mq;

import io.mqrunbooks.mq.QmStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.lab.LabCommandHandler.LabExecution;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seed 004's RDQM DR lab, step by step, on dr1 (primary) and dr2 (secondary). */
class RdqmDrTest extends LabTestSupport {

    @BeforeEach
    void slowSynchronization() {
        // 4 KB/s: ten persistent messages (40 KB) take ten seconds to synchronize
        lab = new SimulatedMqEstate(LabEstateFixture.labEstate(), clock,
                LabMqOptions.defaults().withSyncRateKbPerSecond(4).withRevertToSnapshotTime(Duration.ofSeconds(20)),
                LabSeed.standard());
        LabExecution defined = mqsc("dr1", "QMDR", "DEFINE QLOCAL(Q1DR) DEFPSIST(YES) MAXDEPTH(100000) REPLACE\n");
        assertThat(defined.exitCode()).isZero();
    }

    private String status(String host) {
        return root(host, "rdqmstatus -m QMDR").stdout();
    }

    private String statusLine(String host, String label) {
        return lines(status(host)).stream().filter(l -> l.startsWith(label)).findFirst().orElse("(no " + label + ")");
    }

    private void put(int count) {
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            body.append("payment ").append(i).append('\n');
        }
        LabExecution r = lab.execute("dr1", "mqm", List.of("/opt/mqm/samp/bin/amqsput", "Q1DR", "QMDR"), body.toString());
        assertThat(r.stdout()).isEqualTo("Sample AMQSPUT0 start\ntarget queue is Q1DR\nSample AMQSPUT0 end\n");
    }

    @Test
    void bothNodesReportNormalReplication() {
        assertThat(status("dr1")).isEqualTo("""
                Node:                                   dr1
                Queue manager status:                   Running
                CPU:                                    0.00%
                Memory:                                 135MB
                Queue manager file system:              51MB used, 1.0GB allocated [5%]
                DR role:                                Primary
                DR status:                              Normal
                DR type:                                Asynchronous
                DR port:                                7001
                DR local IP address:                    127.0.2.14
                DR remote IP address:                   127.0.2.15
                """);
        assertThat(status("dr2")).isEqualTo("""
                Node:                                   dr2
                Queue manager status:                   Ended immediately
                Queue manager file system:              51MB used, 1.0GB allocated [5%]
                DR role:                                Secondary
                DR status:                              Normal
                DR type:                                Asynchronous
                DR port:                                7001
                DR local IP address:                    127.0.2.15
                DR remote IP address:                   127.0.2.14
                """);
        assertThat(root("dr2", "rdqmstatus").stdout()).isEqualTo("""
                Node:                                   dr2
                OS kernel version:                      5.14.0-427.13.1
                DRBD OS kernel version:                 5.14.0-427.13.1
                DRBD version:                           9.2.7
                DRBD kernel module status:              Loaded

                Queue manager name:                     QMDR
                Queue manager status:                   Ended immediately
                DR role:                                Secondary
                """);
    }

    @Test
    void theSecondaryCannotBeStartedAndCannotBePromotedWhileThePrimaryIsConnected() {
        LabExecution start = run("dr2", "strmqm QMDR");
        assertThat(start.exitCode()).isNotZero();
        assertThat(start.stderr()).isEqualTo(
                "Queue manager 'QMDR' cannot be started on this node because it is the DR secondary.\n");
        LabExecution promote = root("dr2", "rdqmdr -m QMDR -p");
        assertThat(promote.exitCode()).isEqualTo(1);
        assertThat(promote.stderr()).isEqualTo("Queue manager 'QMDR' cannot be made the DR primary: it is the DR"
                + " primary on the other node and the DR replication link is working.\n");
        assertThat(lab.drRole("dr2", "QMDR")).contains(DrRole.SECONDARY);
        LabExecution asMqm = run("dr2", "rdqmdr -m QMDR -p");
        assertThat(asMqm.stderr()).as("mqm's rdqmdr re-runs through sudo and is refused like root's")
                .startsWith("Queue manager 'QMDR' cannot be made the DR primary");
        assertThat(asMqm.stdout()).isEqualTo("Command '/opt/mqm/bin/rdqmdr' run with sudo.\n");
        assertThat(lab.execute("dr2", "app", List.of("rdqmdr", "-m", "QMDR", "-p"), "").stderr())
                .isEqualTo("rdqmdr must be run as root or through sudo.\n");
    }

    @Test
    void rdqmCommandsRunByMqmGoThroughSudoAndSaySoAsIbmsWrapperDoes() {
        assertThat(run("dr1", "endmqm QMDR").exitCode()).isZero();
        LabExecution demote = run("dr1", "rdqmdr -m QMDR -s");
        // The same two lines as IBM's sample (mq-output/rdqmdr/made-secondary-with-sudo-note.txt).
        assertThat(demote.stdout()).isEqualTo("Queue manager 'QMDR' has been made the DR secondary on this node.\n"
                + "Command '/opt/mqm/bin/rdqmdr' run with sudo.\n");
        assertThat(new io.mqrunbooks.adapter.outbound.mq.parse.RdqmdrParser().parse(demote.stdout()).outcome().name())
                .isEqualTo("MADE_SECONDARY");
        assertThat(run("dr1", "rdqmstatus -m QMDR").stdout()).contains("DR role:                                Secondary\n")
                .endsWith("Command '/opt/mqm/bin/rdqmstatus' run with sudo.\n");
        assertThat(root("dr1", "rdqmstatus -m QMDR").stdout()).doesNotContain("run with sudo");
    }

    @Test
    void plannedSwitchoverAndBack() {
        put(3);
        assertThat(run("dr1", "endmqm QMDR").exitCode()).isZero();
        LabExecution demote = root("dr1", "rdqmdr -m QMDR -s");
        assertThat(demote.stdout()).isEqualTo("Queue manager 'QMDR' has been made the DR secondary on this node.\n");
        LabExecution promote = root("dr2", "rdqmdr -m QMDR -p");
        assertThat(promote.stdout()).isEqualTo("Queue manager 'QMDR' has been made the DR primary on this node.\n");
        assertThat(run("dr2", "strmqm QMDR").exitCode()).isZero();
        assertThat(statusLine("dr2", "DR role:")).isEqualTo("DR role:                                Primary");
        assertThat(statusLine("dr2", "DR status:")).isEqualTo("DR status:                              Normal");
        assertThat(statusLine("dr1", "Queue manager status:"))
                .isEqualTo("Queue manager status:                   Ended immediately");
        // the three persistent messages were replicated before the switch
        assertThat(lab.queueDepth("dr2", "QMDR", "Q1DR")).isEqualTo(3);
        LabExecution demoteRunning = root("dr2", "rdqmdr -m QMDR -s");
        assertThat(demoteRunning.stderr()).isEqualTo(
                "Queue manager 'QMDR' is running: end it before making it the DR secondary.\n");
    }

    @Test
    void cutLinkShowsRemoteUnavailableAndGrowingOutOfSyncThenSynchronizesWithTheClock() {
        lab.cutReplicationLink("QMDR");
        assertThat(statusLine("dr1", "DR status:")).isEqualTo("DR status:                              Remote unavailable");
        assertThat(statusLine("dr2", "DR status:")).isEqualTo("DR status:                              Remote unavailable");
        put(5);
        assertThat(statusLine("dr1", "DR out of sync data:")).isEqualTo("DR out of sync data:                    20KB");
        put(5);
        assertThat(statusLine("dr1", "DR out of sync data:")).isEqualTo("DR out of sync data:                    40KB");

        lab.restoreReplicationLink("QMDR");
        assertThat(statusLine("dr1", "DR status:"))
                .isEqualTo("DR status:                              Synchronization in progress");
        assertThat(statusLine("dr1", "DR synchronization progress:"))
                .isEqualTo("DR synchronization progress:            0.0%");
        assertThat(statusLine("dr2", "DR estimated time to completion:"))
                .isEqualTo("DR estimated time to completion:        2026-11-21 09:00:10");
        clock.advance(Duration.ofSeconds(4));
        assertThat(statusLine("dr1", "DR synchronization progress:"))
                .isEqualTo("DR synchronization progress:            40.0%");
        assertThat(statusLine("dr1", "DR out of sync data:")).isEqualTo("DR out of sync data:                    24KB");
        clock.advance(Duration.ofSeconds(6));
        assertThat(statusLine("dr1", "DR status:")).isEqualTo("DR status:                              Normal");
        assertThat(status("dr1")).doesNotContain("DR synchronization progress");
        // A real primary in Normal prints no "DR out of sync data" line (drha-primary.txt, MQ 9.2.5).
        assertThat(status("dr1")).doesNotContain("DR out of sync data");
        assertThat(lab.queueDepth("dr2", "QMDR", "Q1DR")).isEqualTo(10);
    }

    @Test
    void cutDuringSynchronizationLeavesTheSecondaryInconsistentAndPromotionRevertsToTheSnapshot() {
        put(2);
        lab.cutReplicationLink("QMDR");
        put(10);
        lab.restoreReplicationLink("QMDR");
        clock.advance(Duration.ofSeconds(5));
        lab.cutReplicationLink("QMDR");
        assertThat(statusLine("dr1", "DR status:")).isEqualTo("DR status:                              Remote unavailable");
        assertThat(statusLine("dr1", "DR out of sync data:")).isEqualTo("DR out of sync data:                    20KB");
        assertThat(statusLine("dr2", "DR status:")).isEqualTo("DR status:                              Inconsistent");

        LabExecution promote = root("dr2", "rdqmdr -m QMDR -p");
        assertThat(promote.exitCode()).isZero();
        assertThat(statusLine("dr2", "DR status:")).isEqualTo("DR status:                              Reverting to snapshot");
        assertThat(run("dr2", "strmqm QMDR").stderr())
                .isEqualTo("Queue manager 'QMDR' cannot be started while it is reverting to its DR snapshot.\n");
        clock.advance(Duration.ofSeconds(20));
        assertThat(statusLine("dr2", "Queue manager status:"))
                .isEqualTo("Queue manager status:                   Ended unexpectedly");
        assertThat(statusLine("dr2", "DR role:")).isEqualTo("DR role:                                Primary");
        assertThat(run("dr2", "strmqm QMDR").exitCode()).isZero();
        // the ten messages put after the first cut are lost: only the snapshot's two remain
        assertThat(lab.queueDepth("dr2", "QMDR", "Q1DR")).isEqualTo(2);
        assertThat(lab.queueDepth("dr1", "QMDR", "Q1DR")).isEqualTo(12);
    }

    @Test
    void replacingTheLostPrimaryNode() {
        lab.cutReplicationLink("QMDR");
        run("dr1", "endmqm QMDR");
        assertThat(root("dr1", "dltmqm QMDR").stdout()).isEqualTo(
                "Removing replicated data queue manager configuration.\nIBM MQ queue manager 'QMDR' deleted.\n");
        assertThat(root("dr2", "rdqmdr -m QMDR -p").exitCode()).isZero();
        assertThat(run("dr2", "strmqm QMDR").exitCode()).isZero();
        LabExecution command = root("dr2", "rdqmdr -m QMDR -d");
        assertThat(command.stdout()).isEqualTo("""
                Issue the following command on the remote node to create the DR
                secondary queue manager:
                crtmqm -rr s -rl 127.0.2.14 -ri 127.0.2.15 -rn dr2 -rp 7001 QMDR
                """);
        lab.restoreReplicationLink("QMDR");
        LabExecution created = root("dr1", "crtmqm -rr s -rl 127.0.2.14 -ri 127.0.2.15 -rn dr2 -rp 7001 QMDR");
        assertThat(created.stdout()).isEqualTo("""
                Creating replicated data queue manager configuration.
                IBM MQ secondary queue manager created.
                Enabling replicated data queue manager.
                Replicated data queue manager enabled.
                """);
        assertThat(statusLine("dr1", "DR status:"))
                .isEqualTo("DR status:                              Synchronization in progress");
        assertThat(statusLine("dr1", "DR role:")).isEqualTo("DR role:                                Secondary");
        // 51 MB at 4 KB/s
        clock.advance(Duration.ofSeconds(13056));
        assertThat(statusLine("dr1", "DR status:")).isEqualTo("DR status:                              Normal");
        assertThat(statusLine("dr2", "DR status:")).isEqualTo("DR status:                              Normal");
    }

    @Test
    void crtmqmOfAPrimaryPrintsTheSecondarysCommand() {
        LabExecution r = root("partner1", "crtmqm -rr p -rt a -rl 10.0.2.14 -ri 10.0.2.15 -rn dr9 -rp 7002 -p 1599 NEWDR");
        assertThat(r.stdout()).isEqualTo("""
                Creating replicated data queue manager configuration.
                IBM MQ queue manager 'NEWDR' created.
                Directory '/var/mqm/vols/newdr/qmgr/newdr' created.
                The queue manager is associated with installation 'Installation1'.
                Creating or replacing default objects for queue manager 'NEWDR'.
                Default objects statistics : 83 created. 0 replaced. 0 failed.
                Completing setup.
                Setup completed.
                Enabling replicated data queue manager.
                Replicated data queue manager enabled.
                Issue the following command on the remote node to create the DR
                secondary queue manager:
                crtmqm -rr s -rl 10.0.2.15 -ri 10.0.2.14 -rn partner1 -rp 7002 NEWDR
                """);
        assertThat(lab.drRole("partner1", "NEWDR")).contains(DrRole.PRIMARY);
    }

    @Test
    void promotingWhileDisconnectedThenReconnectingIsPartitioned() {
        lab.cutReplicationLink("QMDR");
        assertThat(root("dr2", "rdqmdr -m QMDR -p").exitCode()).isZero();
        lab.restoreReplicationLink("QMDR");
        assertThat(statusLine("dr1", "DR status:")).isEqualTo("DR status:                              Partitioned");
        assertThat(statusLine("dr2", "DR status:")).isEqualTo("DR status:                              Partitioned");
    }

    @Test
    void primaryHostFailureLeavesTheSecondaryPromotable() {
        put(4);
        lab.failHost("dr1");
        assertThat(statusLine("dr2", "DR status:")).isEqualTo("DR status:                              Remote unavailable");
        assertThat(root("dr2", "rdqmdr -m QMDR -p").stdout())
                .isEqualTo("Queue manager 'QMDR' has been made the DR primary on this node.\n");
        assertThat(run("dr2", "strmqm QMDR").exitCode()).isZero();
        assertThat(lab.queueDepth("dr2", "QMDR", "Q1DR")).isEqualTo(4);
        assertThat(lab.queueManagerState("dr1", "QMDR")).contains(QmStatus.ENDED_UNEXPECTEDLY);
    }

    @Test
    void replacingTheLostSecondaryNode() {
        lab.cutReplicationLink("QMDR");
        assertThat(root("dr2", "dltmqm QMDR").exitCode()).isZero();
        assertThat(root("dr1", "rdqmdr -m QMDR -d").stdout()).endsWith(
                "crtmqm -rr s -rl 127.0.2.15 -ri 127.0.2.14 -rn dr1 -rp 7001 QMDR\n");
        put(1);
        lab.restoreReplicationLink("QMDR");
        root("dr2", "crtmqm -rr s -rl 127.0.2.15 -ri 127.0.2.14 -rn dr1 -rp 7001 QMDR");
        assertThat(statusLine("dr2", "DR status:"))
                .isEqualTo("DR status:                              Synchronization in progress");
        // 51 MB of initial data plus the 4 KB put while the node was gone
        assertThat(statusLine("dr1", "DR out of sync data:")).isEqualTo("DR out of sync data:                    52228KB");
        clock.advance(Duration.ofSeconds(13057));
        assertThat(statusLine("dr2", "DR status:")).isEqualTo("DR status:                              Normal");
        assertThat(lab.queueDepth("dr2", "QMDR", "Q1DR")).isEqualTo(1);
    }
}
