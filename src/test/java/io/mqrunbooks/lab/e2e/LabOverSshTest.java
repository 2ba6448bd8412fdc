package io.mqrunbooks.lab.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.application.port.out.CommandResult;
import io.mqrunbooks.application.port.out.RemoteCommand;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.application.port.out.SshPort;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.lab.LabJournal;
import io.mqrunbooks.testsupport.DatabaseIndependent;
import io.mqrunbooks.testsupport.LabAppTest;
import io.mqrunbooks.testsupport.MovableLabTime;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lab's behaviour as the engine meets it: every command through the project's SSH adapter (jsch, strict
 * known_hosts, key from configuration) to the lab's SSH servers and the simulated MQ behind them.
 */
@DatabaseIndependent
class LabOverSshTest extends LabAppTest {

    @Autowired
    SshPort ssh;
    @Autowired
    Estate estate;
    /** Synchronization and the revert to snapshot follow the lab's time: the tests move it on instead of sleeping. */
    @Autowired
    MovableLabTime labTime;

    @Test
    void stateChangesPersistPerHostAndTheJournalRecordsEachCommand() {
        assertThat(run("mqeast1", cmd("endmqm").flag("-i").mqName("qm", "QM1")).exitCode()).isZero();
        assertThat(run("mqeast1", cmd("dspmq").flag("-m").mqName("qm", "QM1")).stdout())
                .contains("QMNAME(QM1)").contains("STATUS(Ended immediately)");
        assertThat(run("mqwest1", cmd("dspmq").flag("-m").mqName("qm", "QM1")).stdout())
                .as("the backup host's QM1 is a different installation").contains("STATUS(Ended normally)");

        List<LabJournal.Entry> entries = labJournal.entries();
        assertThat(entries).extracting(LabJournal.Entry::host).containsExactly("mqeast1", "mqeast1", "mqwest1");
        assertThat(entries.get(0).commandLine()).contains("endmqm -i QM1");
        assertThat(entries).extracting(LabJournal.Entry::exitCode).containsOnly(0);
    }

    @Test
    void strmqmOnARunningQueueManagerAnswersAsMqDoesAndChangesNothing() {
        CommandResult result = run("mqeast1", cmd("strmqm").mqName("qm", "QM1"));
        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.stdout() + result.stderr()).contains("IBM MQ queue manager running.");
        assertThat(run("mqeast1", cmd("dspmq").flag("-m").mqName("qm", "QM1")).stdout()).contains("STATUS(Running)");
    }

    @Test
    void aDrSecondaryCannotBeStartedAndCannotBePromotedWhileThePrimaryIsConnected() {
        CommandResult start = run("dr2", cmd("strmqm").mqName("qm", "QMDR"));
        assertThat(start.exitCode()).isNotZero();
        assertThat(start.stderr()).contains("cannot be started on this node because it is the DR secondary");

        CommandResult promote = run("dr2", cmd("rdqmdr").flag("-m").mqName("qm", "QMDR").flag("-p"));
        assertThat(promote.exitCode()).isNotZero();
        assertThat(promote.stderr()).contains("it is the DR primary on the other node and the DR replication link is working");
        assertThat(rdqmstatus("dr2")).contains("DR role:                                Secondary");
    }

    @Test
    void aCutLinkShowsRemoteUnavailableAndGrowingOutOfSyncDataThenSynchronizesWithProgressToNormal() {
        defineSeedQueue();
        labMq.cutReplicationLink("QMDR");
        assertThat(rdqmstatus("dr1")).contains("DR status:                              Remote unavailable");
        long before = outOfSyncKb(rdqmstatus("dr1"));
        labMq.putMessages("dr1", "QMDR", "Q1DR", 50_000, true);
        long after = outOfSyncKb(rdqmstatus("dr1"));
        assertThat(after).isGreaterThan(before + 190_000);

        labMq.restoreReplicationLink("QMDR");
        String syncing = rdqmstatus("dr1");
        assertThat(syncing).contains("DR status:                              Synchronization in progress");
        double firstProgress = progress(syncing);
        labTime.advance(Duration.ofSeconds(2));
        String later = rdqmstatus("dr1");
        assertThat(later).contains("Synchronization in progress");
        assertThat(progress(later)).isGreaterThan(firstProgress);

        // Within 60 s of the lab's time, moved on a second at a time (at the lab's 10 MB/s, about 20 s).
        Duration synchronizing = Duration.ofSeconds(2);
        while (!rdqmstatus("dr1").contains("DR status:                              Normal")) {
            assertThat(synchronizing).as("synchronization finishes").isLessThan(Duration.ofSeconds(60));
            labTime.advance(Duration.ofSeconds(1));
            synchronizing = synchronizing.plusSeconds(1);
        }
        // Normal: nothing is out of sync, and a real primary then prints no "DR out of sync data" line.
        assertThat(rdqmstatus("dr1")).doesNotContain("DR out of sync data");
    }

    @Test
    void aLinkCutDuringSynchronizationLeavesTheSecondaryInconsistentAndPromotionRevertsToTheSnapshot() {
        defineSeedQueue();
        labMq.putMessages("dr1", "QMDR", "Q1DR", 10, true);
        labMq.cutReplicationLink("QMDR");
        labMq.putMessages("dr1", "QMDR", "Q1DR", 40_000, true);
        labMq.restoreReplicationLink("QMDR");
        labMq.cutReplicationLink("QMDR");
        assertThat(rdqmstatus("dr2")).contains("DR status:                              Inconsistent");

        CommandResult promote = run("dr2", cmd("rdqmdr").flag("-m").mqName("qm", "QMDR").flag("-p"));
        assertThat(promote.exitCode()).isZero();
        assertThat(rdqmstatus("dr2")).contains("Reverting to snapshot");
        Duration reverting = Duration.ZERO;
        while (rdqmstatus("dr2").contains("Reverting to snapshot")) {
            assertThat(reverting).isLessThan(Duration.ofSeconds(30));
            labTime.advance(Duration.ofMillis(500));
            reverting = reverting.plusMillis(500);
        }
        assertThat(rdqmstatus("dr2")).contains("Queue manager status:                   Ended unexpectedly");
        assertThat(run("dr2", cmd("strmqm").mqName("qm", "QMDR")).exitCode()).isZero();
        assertThat(labMq.queueDepth("dr2", "QMDR", "Q1DR")).as("only what was replicated before the first cut")
                .isEqualTo(10);
    }

    @Test
    void endmqmSwitchoverMovesAMultiInstanceQueueManagerToItsStandby() throws InterruptedException {
        assertThat(run("mi1", cmd("endmqm").flag("-s").mqName("qm", "MIQM")).exitCode()).isZero();
        String onStandbyHost = run("mi2", cmd("dspmq").flag("-m").mqName("qm", "MIQM").flag("-x")).stdout();
        assertThat(onStandbyHost).contains("STATUS(Running)").contains("INSTANCE(mi2) MODE(Active)");
        assertThat(run("mi1", cmd("dspmq").flag("-m").mqName("qm", "MIQM")).stdout())
                .contains("STATUS(Running elsewhere)");
    }

    @Test
    void suspendingAQueueManagerIsSeenByBothFullRepositoriesAndPutsAvoidIt() {
        CommandResult suspend = runmqsc("pr1", "PR1", "SUSPEND QMGR CLUSTER(PAYCLUS)\n");
        assertThat(suspend.stdout()).contains("AMQ8559I").contains("All valid MQSC commands were processed.");
        for (String fullRepository : List.of("FR1", "FR2")) {
            String host = fullRepository.toLowerCase();
            assertThat(runmqsc(host, fullRepository, "DISPLAY CLUSQMGR(PR1) SUSPEND\n").stdout())
                    .as(fullRepository).contains("SUSPEND(YES)");
        }
        int pr1Before = labMq.queueDepth("pr1", "PR1", "PAY.REQUEST");
        int pr2Before = labMq.queueDepth("pr2", "PR2", "PAY.REQUEST");
        CommandResult put = ssh.run(estate.host("pr3"), RemoteCommand.builder("/opt/mqm/samp/bin/amqsput")
                .mqName("queue", "PAY.REQUEST").mqName("qm", "PR3").stdin("one\ntwo\nthree\nfour\n").build());
        assertThat(put.exitCode()).isZero();
        assertThat(labMq.queueDepth("pr1", "PR1", "PAY.REQUEST")).isEqualTo(pr1Before);
        assertThat(labMq.queueDepth("pr2", "PR2", "PAY.REQUEST")).isEqualTo(pr2Before + 4);
    }

    @Test
    void faultsOnDemandReachTheAdapterAsTheErrorsARealHostWouldCause() {
        labFaults.hostDown("fr2");
        assertThatThrownBy(() -> run("fr2", cmd("dspmq")))
                .isInstanceOfSatisfying(SshException.class, e -> assertThat(e.kind()).isEqualTo(SshException.Kind.HOST_UNREACHABLE));
        labFaults.hostUp("fr2");
        assertThat(run("fr2", cmd("dspmq")).exitCode()).isZero();

        labFaults.fail("fr1", "dspmq", 71, "AMQ6109E: An internal IBM MQ error has occurred.");
        CommandResult failed = run("fr1", cmd("dspmq"));
        assertThat(failed.exitCode()).isEqualTo(71);
        assertThat(failed.stderr()).contains("AMQ6109E");

        labFaults.hang("pr2", "dspmq");
        assertThatThrownBy(() -> ssh.run(estate.host("pr2"), cmd("dspmq").deadline(Duration.ofSeconds(2)).build()))
                .isInstanceOfSatisfying(SshException.class, e -> assertThat(e.kind()).isEqualTo(SshException.Kind.DEADLINE_EXCEEDED));

        labFaults.dropSession("pr1", "dspmq");
        assertThatThrownBy(() -> run("pr1", cmd("dspmq")))
                .isInstanceOfSatisfying(SshException.class, e -> assertThat(e.kind()).isEqualTo(SshException.Kind.SESSION_DROPPED));
    }

    /** Seed 004's persistent queue for the replication exercises. */
    private void defineSeedQueue() {
        CommandResult define = runmqsc("dr1", "QMDR", "DEFINE QLOCAL(Q1DR) DEFPSIST(YES) MAXDEPTH(100000) REPLACE\n");
        assertThat(define.stdout()).contains("AMQ8006I");
    }

    private static RemoteCommand.Builder cmd(String program) {
        return RemoteCommand.builder(program);
    }

    private CommandResult run(String host, RemoteCommand.Builder command) {
        return ssh.run(estate.host(host), command.build());
    }

    private CommandResult runmqsc(String host, String qm, String mqsc) {
        return ssh.run(estate.host(host), RemoteCommand.builder("runmqsc").mqName("qm", qm).stdin(mqsc).build());
    }

    private String rdqmstatus(String host) {
        return run(host, cmd("rdqmstatus").flag("-m").mqName("qm", "QMDR")).stdout();
    }

    private static long outOfSyncKb(String status) {
        Matcher m = Pattern.compile("DR out of sync data:\\s+(\\d+)KB").matcher(status);
        assertThat(m.find()).as("out of sync data in:%n%s", status).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static double progress(String status) {
        Matcher m = Pattern.compile("DR synchronization progress:\\s+([\\d.]+)%").matcher(status);
        assertThat(m.find()).as("synchronization progress in:%n%s", status).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
