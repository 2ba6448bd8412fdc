package io.mqrunbooks.adapter.outbound.mq.lab;

import io.mqrunbooks.application.port.out.mq.ObjectCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.adapter.outbound.mq.RoutingMqAdmin;
import io.mqrunbooks.adapter.outbound.mq.mqsc.QueueManagerLocator;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.mq.ControlResult;
import io.mqrunbooks.application.port.out.control.DrPrimarySpec;
import io.mqrunbooks.application.port.out.control.DrSecondaryCommand;
import io.mqrunbooks.mq.DrStatus;
import io.mqrunbooks.application.port.out.control.EndMode;
import io.mqrunbooks.mq.MqVersion;
import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.mq.QueueManagerState;
import io.mqrunbooks.mq.RdqmDrStatus;
import io.mqrunbooks.mq.ClusterQueue;
import io.mqrunbooks.mq.ClusterQueueManager;
import io.mqrunbooks.application.port.out.mq.MqAdminException;
import io.mqrunbooks.application.port.out.mq.MqscScriptResult;
import io.mqrunbooks.lab.LabJournal;
import io.mqrunbooks.lab.mq.DrRole;
import io.mqrunbooks.mq.ChannelStatus;
import io.mqrunbooks.testsupport.DatabaseIndependent;
import io.mqrunbooks.testsupport.LabAppTest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Both MQ ports of the whole app (lab profile) against the lab estate over real SSH: every operation, the
 * commands the lab's journal received (host and argv as they reached the simulated MQ) and the state the lab
 * ended in. Each test starts from the lab's initial state ({@link LabAppTest}).
 */
@DatabaseIndependent
class MqscTransportLabTest extends LabAppTest {

    @Autowired
    MqAdminPort admin;
    @Autowired
    MqControlPort control;
    @Autowired
    QueueManagerLocator locator;

    /** These tests drive the ports directly, outside any run step, which the guard allows only when asked to. */
    private io.mqrunbooks.platform.run.EstateChangeGuard.OutsideRun outsideRun;

    @org.junit.jupiter.api.BeforeEach
    void allowChangesOutsideARun() {
        outsideRun = io.mqrunbooks.platform.run.EstateChangeGuard.outsideRun("MqscTransportLabTest drives the ports");
    }

    @org.junit.jupiter.api.AfterEach
    void endTheAllowance() {
        outsideRun.close();
    }

    /** What reached the simulated MQ since {@code mark}: "host: argv". */
    private List<String> commandsSince(int mark) {
        List<LabJournal.Entry> entries = labJournal.entries();
        return entries.subList(mark, entries.size()).stream()
                .map(e -> e.host() + ": " + String.join(" ", e.argv())).toList();
    }

    private int mark() {
        return labJournal.entries().size();
    }

    @Test
    void theAdminPortIsTheRouterOverMqsc() {
        Object router = io.mqrunbooks.platform.run.EstateChangeGuard.unguarded(admin);
        assertThat(admin).as("the runbooks' admin port is guarded").isNotSameAs(router);
        assertThat(router).isInstanceOf(RoutingMqAdmin.class);
        assertThat(((RoutingMqAdmin) router).transportFor("FR1").getClass().getSimpleName()).isEqualTo("MqscOverSshAdmin");
    }

    @Test
    void queueManagerStatusAndClusterViews() {
        int mark = mark();

        assertThat(admin.queueManagerStatus("FR1").status()).isEqualTo("RUNNING");
        List<ClusterQueueManager> members = admin.clusterQueueManagers("FR1", "*");
        List<ClusterQueue> onPr3 = admin.clusterQueues("FR1", Optional.of("PR3"));

        assertThat(members).extracting(ClusterQueueManager::name).containsExactlyInAnyOrder("FR1", "FR2", "PR1", "PR2",
                "PR3");
        assertThat(members).filteredOn(ClusterQueueManager::isFullRepository).extracting(ClusterQueueManager::name)
                .containsExactlyInAnyOrder("FR1", "FR2");
        assertThat(members).allSatisfy(m -> {
            assertThat(m.cluster()).isEqualTo("PAYCLUS");
            assertThat(m.suspended()).isFalse();
        });
        assertThat(onPr3).extracting(ClusterQueue::name).contains("PAY.AUDIT");
        assertThat(onPr3).allSatisfy(q -> assertThat(q.hostedBy()).isEqualTo("PR3"));
        assertThat(commandsSince(mark)).containsExactly("fr1: runmqsc FR1", "fr1: runmqsc FR1", "fr1: runmqsc FR1");
    }

    @Test
    void suspendAndResumeAreSeenByTheFullRepository() {
        int mark = mark();

        admin.run("PR3", ObjectCommand.SUSPEND_CLUSTER, "PAYCLUS");
        ClusterQueueManager suspended = admin.clusterQueueManagers("FR1", "PR3").get(0);
        admin.run("PR3", ObjectCommand.RESUME_CLUSTER, "PAYCLUS");
        ClusterQueueManager resumed = admin.clusterQueueManagers("FR1", "PR3").get(0);

        assertThat(suspended.suspended()).isTrue();
        assertThat(resumed.suspended()).isFalse();
        assertThat(commandsSince(mark)).containsExactly("pr3: runmqsc PR3", "fr1: runmqsc FR1", "pr3: runmqsc PR3",
                "fr1: runmqsc FR1");
    }

    @Test
    void senderChannelConnameStartStopAndStatus() {
        int mark = mark();

        admin.alterSenderConname("QM1", "QM1.TO.BANK", "127.0.0.1(1471)");
        admin.run("QM1", ObjectCommand.START_CHANNEL, "QM1.TO.BANK");
        List<ChannelStatus> running = admin.channelStatus("QM1", "QM1.TO.BANK");
        admin.run("QM1", ObjectCommand.STOP_CHANNEL, "QM1.TO.BANK");
        List<ChannelStatus> stopped = admin.channelStatus("QM1", "QM1.TO.BANK");

        assertThat(labMq.objects("mqeast1", "QM1").get("CHANNEL/QM1.TO.BANK").attribute("CONNAME"))
                .isEqualTo("127.0.0.1(1471)");
        assertThat(running).singleElement().satisfies(s -> {
            assertThat(s.isRunning()).isTrue();
            assertThat(s.channelType()).isEqualTo("SDR");
            assertThat(s.conname()).isEqualTo("127.0.0.1(1471)");
            assertThat(s.transmissionQueue()).isEqualTo("QM1.TO.BANK.XMIT");
        });
        assertThat(stopped).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo("STOPPED"));
        assertThat(admin.channelStatus("QM1", "QM1.TO.CARDS")).as("a channel never started has no status").isEmpty();
        // QM1 has a same-name backup on mqwest1, so each call first asks both hosts where it runs.
        assertThat(commandsSince(mark)).containsSubsequence("mqeast1: dspmq -m QM1 -o status -n",
                "mqwest1: dspmq -m QM1 -o status -n", "mqeast1: runmqsc QM1");
        assertThat(commandsSince(mark)).filteredOn(c -> c.contains("runmqsc")).hasSize(6)
                .allMatch(c -> c.equals("mqeast1: runmqsc QM1"));
    }

    @Test
    void listenersStopAndStart() {
        int mark = mark();

        admin.run("FR2", ObjectCommand.STOP_LISTENER, "LISTENER.TCP");
        admin.run("FR2", ObjectCommand.START_LISTENER, "LISTENER.TCP");

        assertThat(commandsSince(mark)).containsExactly("fr2: runmqsc FR2", "fr2: runmqsc FR2");
        assertThat(admin.clusterQueueManagers("FR1", "FR2").get(0).status()).isEqualTo("RUNNING");
    }

    @Test
    void definitionsDepthAndExport() {
        int mark = mark();

        MqscScriptResult applied = admin.applyDefinitions("QM1", "DEFINE QLOCAL(MQRB.TEST) REPLACE\n"
                + "DEFINE QLOCAL(MQRB.BAD) NOSUCHKEYWORD(1)\n");
        labMq.putMessages("mqeast1", "QM1", "MQRB.TEST", 2, false);
        int depth = admin.queueDepth("QM1", "MQRB.TEST");
        String exported = admin.exportDefinitions("QM1");

        assertThat(applied.commandsRead()).isEqualTo(2);
        assertThat(applied.commandsWithErrors()).isEqualTo(1);
        assertThat(applied.succeeded()).isFalse();
        assertThat(applied.output()).contains("AMQ8006I: IBM MQ queue created.");
        assertThat(labMq.objects("mqeast1", "QM1")).containsKey("QUEUE/MQRB.TEST").doesNotContainKey("QUEUE/MQRB.BAD");
        assertThat(depth).isEqualTo(2).isEqualTo(labMq.queueDepth("mqeast1", "QM1", "MQRB.TEST"));
        assertThat(exported).contains("MQRB.TEST").contains("QM1.TO.BANK");
        assertThat(commandsSince(mark)).filteredOn(c -> !c.contains("dspmq")).containsExactly(
                "mqeast1: runmqsc QM1", "mqeast1: runmqsc QM1", "mqeast1: dmpmqcfg -m QM1 -a");
    }

    @Test
    void adminErrorsCarryMqsReasonAndText() {
        assertThatThrownBy(() -> admin.queueDepth("FR1", "NOSUCH"))
                .isInstanceOf(MqAdminException.class)
                .hasMessage("queue manager FR1 on host fr1: DISPLAY QLOCAL('NOSUCH') CURDEPTH: AMQ8147E: IBM MQ object"
                        + " NOSUCH not found.")
                .satisfies(e -> assertThat(((MqAdminException) e).reason())
                        .isEqualTo(MqAdminException.Reason.OBJECT_NOT_FOUND));
        // QM2_DR is QM2's warm backup with its own name, ended in the lab: found through the inventory's backup.
        assertThatThrownBy(() -> admin.queueManagerStatus("QM2_DR"))
                .isInstanceOf(MqAdminException.class)
                .hasMessage("queue manager QM2_DR on host mqwest2: DISPLAY QMSTATUS ALL: AMQ8146E: IBM MQ queue manager"
                        + " not available.")
                .satisfies(e -> assertThat(((MqAdminException) e).reason())
                        .isEqualTo(MqAdminException.Reason.QUEUE_MANAGER_NOT_AVAILABLE));
        assertThatThrownBy(() -> admin.alterSenderConname("QM1", "QM1.TO.BANK", "x(1414)) DELETE QLOCAL(Q"))
                .hasMessageStartingWith("CONNAME 'x(1414)) DELETE QLOCAL(Q' is not host(port)");
    }

    @Test
    void versionStatusAndNotKnown() {
        int mark = mark();

        MqVersion version = control.version("mqeast1");
        QueueManagerState running = control.status("mqeast1", "QM1");
        QueueManagerState unknown = control.status("mqeast1", "NOSUCH");

        assertThat(version).isEqualTo(MqVersion.of(labMq.installedVersion("mqeast1")));
        assertThat(running.status()).isEqualTo(QmStatus.RUNNING);
        assertThat(unknown.status()).isEqualTo(QmStatus.NOT_KNOWN);
        assertThat(commandsSince(mark)).containsExactly("mqeast1: dspmqver", "mqeast1: dspmq -m QM1 -o status -n",
                "mqeast1: dspmq -m NOSUCH -o status -n");
        assertThat(labJournal.entries().get(labJournal.entries().size() - 1).exitCode()).isEqualTo(72);
    }

    @Test
    void startAndEndAWarmBackupAndTheLocatorRefusesTwoRunningCopies() {
        int mark = mark();

        QmStatus before = control.status("mqwest1", "QM1").status();
        ControlResult started = control.start("mqwest1", "QM1");
        assertThatThrownBy(() -> locator.currentHost("QM1"))
                .hasMessage("queue manager QM1 is running on several hosts at once (mqeast1: Running; mqwest1:"
                        + " Running); refusing to choose one");
        ControlResult ended = control.end("mqwest1", "QM1", EndMode.IMMEDIATE, false);

        assertThat(before).isEqualTo(QmStatus.ENDED_NORMALLY);
        assertThat(started.outcome()).isEqualTo(ControlOutcome.STARTED);
        assertThat(started.exitCode()).isZero();
        assertThat(started.messages()).last().asString().startsWith("IBM MQ queue manager 'QM1' started using V");
        assertThat(ended.outcome()).isEqualTo(ControlOutcome.ENDED);
        assertThat(labMq.queueManagerState("mqwest1", "QM1")).contains(io.mqrunbooks.mq.QmStatus.ENDED_IMMEDIATELY);
        assertThat(locator.currentHost("QM1")).isEqualTo("mqeast1");
        assertThat(commandsSince(mark)).containsSubsequence("mqwest1: dspmq -m QM1 -o status -n", "mqwest1: strmqm QM1",
                "mqwest1: endmqm -i QM1");
    }

    @Test
    void multiInstanceSwitchoverStandbyAndTheLocatorFollowsTheActiveInstance() {
        int mark = mark();

        ControlResult switched = control.end("mi1", "MIQM", EndMode.IMMEDIATE, true);
        QueueManagerState onMi2 = control.status("mi2", "MIQM");
        String current = locator.currentHost("MIQM");
        int beforeAdmin = mark();
        String status = admin.queueManagerStatus("MIQM").status();
        List<String> adminCommands = commandsSince(beforeAdmin);
        ControlResult standby = control.startStandby("mi1", "MIQM");
        QueueManagerState onMi1 = control.status("mi1", "MIQM");

        assertThat(switched.outcome()).isEqualTo(ControlOutcome.ENDED);
        assertThat(onMi2.status()).isEqualTo(QmStatus.RUNNING);
        assertThat(onMi2.instances()).filteredOn(QueueManagerState.Instance::isActive)
                .extracting(QueueManagerState.Instance::host).containsExactly("mi2");
        assertThat(current).isEqualTo("mi2");
        assertThat(status).isEqualTo("RUNNING");
        assertThat(adminCommands).containsExactly("mi1: dspmq -m MIQM -o status -x -n", "mi2: dspmq -m MIQM -o status -x -n",
                "mi2: runmqsc MIQM");
        assertThat(standby.outcome()).isEqualTo(ControlOutcome.STANDBY_STARTED);
        assertThat(onMi1.status()).isEqualTo(QmStatus.RUNNING_AS_STANDBY);
        assertThat(labMq.queueManagerState("mi1", "MIQM")).contains(io.mqrunbooks.mq.QmStatus.RUNNING_AS_STANDBY);
        assertThat(commandsSince(mark)).startsWith("mi1: endmqm -i -s MIQM").contains("mi1: strmqm -x MIQM");
    }

    @Test
    void rdqmDrRoleSwap() {
        int mark = mark();

        RdqmDrStatus primary = control.rdqmStatus("dr1", "QMDR");
        DrSecondaryCommand printed = control.drSecondaryCommand("dr1", "QMDR");
        ControlResult refused = control.start("dr2", "QMDR");
        ControlResult ended = control.end("dr1", "QMDR", EndMode.IMMEDIATE, false);
        ControlResult madeSecondary = control.makeDrSecondary("dr1", "QMDR");
        ControlResult madePrimary = control.makeDrPrimary("dr2", "QMDR");
        ControlResult started = control.start("dr2", "QMDR");
        RdqmDrStatus newPrimary = control.rdqmStatus("dr2", "QMDR");
        int beforeAdmin = mark();
        admin.queueManagerStatus("QMDR");
        List<String> adminCommands = commandsSince(beforeAdmin);

        assertThat(primary.primary()).isTrue();
        assertThat(primary.drStatus()).isEqualTo(DrStatus.NORMAL);
        assertThat(primary.queueManagerStatus()).isEqualTo(QmStatus.RUNNING);
        assertThat(printed).isEqualTo(new DrSecondaryCommand("QMDR", "127.0.2.15", "127.0.2.14", "dr1", 7001, null));
        assertThat(refused.outcome()).isEqualTo(ControlOutcome.REFUSED_DR_SECONDARY);
        assertThat(ended.outcome()).isEqualTo(ControlOutcome.ENDED);
        assertThat(madeSecondary.outcome()).isEqualTo(ControlOutcome.MADE_SECONDARY);
        assertThat(madePrimary.outcome()).isEqualTo(ControlOutcome.MADE_PRIMARY);
        assertThat(madePrimary.messages()).containsExactly(
                "Queue manager 'QMDR' has been made the DR primary on this node.");
        assertThat(started.outcome()).isEqualTo(ControlOutcome.STARTED);
        assertThat(newPrimary.primary()).isTrue();
        assertThat(newPrimary.node()).isEqualTo("dr2");
        assertThat(labMq.drRole("dr2", "QMDR")).contains(DrRole.PRIMARY);
        assertThat(labMq.drRole("dr1", "QMDR")).contains(DrRole.SECONDARY);
        assertThat(adminCommands).containsExactly("dr1: rdqmstatus -m QMDR", "dr2: rdqmstatus -m QMDR",
                "dr2: runmqsc QMDR");
        assertThat(commandsSince(mark)).startsWith("dr1: rdqmstatus -m QMDR", "dr1: rdqmdr -m QMDR -d",
                "dr2: strmqm QMDR", "dr1: endmqm -i QMDR", "dr1: rdqmdr -m QMDR -s", "dr2: rdqmdr -m QMDR -p",
                "dr2: strmqm QMDR");
        assertThat(labJournal.entriesFor("dr1")).last().satisfies(e -> assertThat(e.runAs()).isEqualTo("root"));
    }

    @Test
    void createADrPairFromThePrintedCommand() {
        int mark = mark();

        DrSecondaryCommand printed = control.createDrPrimary("dr1",
                new DrPrimarySpec("QMNEW", false, "127.0.2.14", "127.0.2.15", "dr2", 7002, 1503));
        ControlResult secondary = control.createDrSecondary("dr2", printed);

        assertThat(printed).isEqualTo(new DrSecondaryCommand("QMNEW", "127.0.2.15", "127.0.2.14", "dr1", 7002, null));
        assertThat(secondary.outcome()).isEqualTo(ControlOutcome.CREATED);
        assertThat(labMq.queueManagersOn("dr2")).contains("QMNEW");
        assertThat(labMq.drRole("dr1", "QMNEW")).contains(DrRole.PRIMARY);
        assertThat(labMq.drRole("dr2", "QMNEW")).contains(DrRole.SECONDARY);
        assertThat(commandsSince(mark)).containsExactly(
                "dr1: crtmqm -rr p -rt a -rl 127.0.2.14 -ri 127.0.2.15 -rn dr2 -rp 7002 -p 1503 QMNEW",
                "dr2: crtmqm -rr s -rl 127.0.2.15 -ri 127.0.2.14 -rn dr1 -rp 7002 QMNEW");
    }

    @Test
    void deleteAColdBackup() {
        int mark = mark();

        ControlResult deleted = control.delete("mqwest3", "QM3");

        assertThat(deleted.outcome()).isEqualTo(ControlOutcome.DELETED);
        assertThat(deleted.messages()).containsExactly("IBM MQ queue manager 'QM3' deleted.");
        assertThat(labMq.queueManagersOn("mqwest3")).doesNotContain("QM3");
        assertThat(control.status("mqwest3", "QM3").status()).isEqualTo(QmStatus.NOT_KNOWN);
        assertThat(commandsSince(mark)).containsExactly("mqwest3: dltmqm QM3", "mqwest3: dspmq -m QM3 -o status -n");
    }
}
