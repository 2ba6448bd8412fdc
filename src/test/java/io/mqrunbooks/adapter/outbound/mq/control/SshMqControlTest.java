package io.mqrunbooks.adapter.outbound.mq.control;

import static io.mqrunbooks.adapter.outbound.mq.FakeSshPort.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.adapter.outbound.mq.FakeSshPort;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.mq.UnsafeArgumentException;
import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.mq.ControlResult;
import io.mqrunbooks.application.port.out.control.DrPrimarySpec;
import io.mqrunbooks.application.port.out.control.DrSecondaryCommand;
import io.mqrunbooks.mq.DrStatus;
import io.mqrunbooks.application.port.out.control.EndMode;
import io.mqrunbooks.application.port.out.control.MqOutputException;
import io.mqrunbooks.mq.MqVersion;
import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.mq.NativeHaStatus;
import io.mqrunbooks.mq.QueueManagerState;
import io.mqrunbooks.mq.RdqmDrStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SshMqControlTest {

    private final FakeSshPort ssh = new FakeSshPort();
    private final SshMqControl control = new SshMqControl(FakeSshPort.labEstate(), ssh);

    @Test
    void statusOfASingleQueueManager() {
        // dspmq -n: layout of the real fixture dspmq/plain-running.txt, the upper-case value of
        // dspmq/x-o-all-n-five-managers.txt (Checkmk's 'dspmq -n -x -o all' agent data), this queue manager's name.
        ssh.answer(0, "QMNAME(QM1)                                               STATUS(ENDED NORMALLY)\n");

        QueueManagerState state = control.status("mqwest1", "QM1");

        assertThat(ssh.commandLines()).containsExactly("mqwest1: dspmq -m QM1 -o status -n");
        assertThat(state).isEqualTo(new QueueManagerState("mqwest1", "QM1", QmStatus.ENDED_NORMALLY, List.of()));
    }

    @Test
    void statusOfAMultiInstanceQueueManagerAsksForItsInstances() {
        // -x layout: real fixture dspmq/a-x-s-after-dr-promotion.txt (four-blank indent, INSTANCE then MODE); -n
        // values: MODE(STANDBY)/MODE(ACTIVE) as in dspmq/x-o-all-n-five-managers.txt, "RUNNING AS STANDBY" as in
        // Checkmk's status map of the untranslated words.
        ssh.answer(0, """
                QMNAME(MIQM)                                              STATUS(RUNNING AS STANDBY)
                    INSTANCE(mi2) MODE(STANDBY)
                    INSTANCE(mi1) MODE(ACTIVE)
                """);

        QueueManagerState state = control.status("mi2", "MIQM");

        assertThat(ssh.commandLines()).containsExactly("mi2: dspmq -m MIQM -o status -x -n");
        assertThat(state.status()).isEqualTo(QmStatus.RUNNING_AS_STANDBY);
        assertThat(state.instances()).containsExactly(new QueueManagerState.Instance("mi2", "Standby"),
                new QueueManagerState.Instance("mi1", "Active"));
        assertThat(state.instances().get(1).isActive()).isTrue();
    }

    @Test
    void nativeHaStatusReadsTheRoleQuorumAndEachInstance() {
        // dspmq -o nativeha -x: IBM's fields in IBM's order (Native_HA_status.html), as the lab prints them
        ssh.answer(0, """
                QMNAME(QMNHA)                                             ROLE(Replica) INSTANCE(nha2) INSYNC(Yes) QUORUM(2/3)
                    INSTANCE(nha1) ROLE(Active) REPLADDR(nha1(4444)) CONNACTV(Yes) INSYNC(Yes) BACKLOG(0) CONNINST(Yes) ALTDATE( ) ALTTIME( )
                    INSTANCE(nha2) ROLE(Replica) REPLADDR(nha2(4444)) CONNACTV(Yes) INSYNC(Yes) BACKLOG(0) CONNINST(Yes) ALTDATE( ) ALTTIME( )
                    INSTANCE(nha3) ROLE(Unknown) REPLADDR(nha3(4444)) CONNACTV(No) INSYNC(No) BACKLOG(1024) CONNINST(No) ALTDATE(2026-12-06) ALTTIME(23.10.05)
                """);

        NativeHaStatus status = control.nativeHaStatus("nha2", "QMNHA");

        assertThat(ssh.commandLines()).containsExactly("nha2: dspmq -m QMNHA -o nativeha -x -n");
        assertThat(status.isActive()).isFalse();
        assertThat(status.quorum()).isEqualTo("2/3");
        assertThat(status.instances()).containsExactly(
                new NativeHaStatus.Instance("nha1", "Active", "nha1(4444)", true, true, 0),
                new NativeHaStatus.Instance("nha2", "Replica", "nha2(4444)", true, true, 0),
                new NativeHaStatus.Instance("nha3", "Unknown", "nha3(4444)", false, false, 1024));
    }

    @Test
    void nativeHaRolesPrintedInUpperCaseReadInIbmsSpelling() {
        // dspmq -n upper-cases the Native HA words as the lab prints them (no public -n transcript of -o nativeha)
        ssh.answer(0, """
                QMNAME(QMNHA)                                             ROLE(ACTIVE) INSTANCE(nha1) INSYNC(YES) QUORUM(3/3) GRPLSN() GRPNAME() GRPROLE(NOT CONFIGURED)
                INSTANCE(nha1) ROLE(ACTIVE) REPLADDR(nha1(4444)) CONNACTV(YES) INSYNC(YES) BACKLOG(0) CONNINST(YES) ALTDATE() ALTTIME()
                INSTANCE(nha2) ROLE(REPLICA) REPLADDR(nha2(4444)) CONNACTV(YES) INSYNC(YES) BACKLOG(0) CONNINST(YES) ALTDATE() ALTTIME()
                """);

        NativeHaStatus status = control.nativeHaStatus("nha1", "QMNHA");

        assertThat(status.role()).isEqualTo("Active");
        assertThat(status.isActive()).isTrue();
        assertThat(status.instances()).extracting(NativeHaStatus.Instance::role).containsExactly("Active", "Replica");
    }

    @Test
    void aTranslatedStatusIsRefusedNamingTheLine() {
        // A host whose dspmq ignored -n: the words of the Chinese transcript dspmq/translated-zh-running-and-ended.txt
        ssh.answer(0, "QMNAME(QM1)                                               STATUS(正在运行)\n");

        assertThatThrownBy(() -> control.status("mqeast1", "QM1"))
                .isInstanceOf(MqOutputException.class)
                .hasMessageContaining("'dspmq -m QM1 -o status -n': output not recognised")
                .hasMessageContaining("line 1 ").hasMessageContaining("unknown queue manager status '正在运行'");
    }

    @Test
    void aNativeHaReplicaIsItsOwnStatus() {
        ssh.answer(0, "QMNAME(QMNHA)                                             STATUS(Replica)\n");

        assertThat(control.status("nha3", "QMNHA").status()).isEqualTo(QmStatus.REPLICA);
    }

    @Test
    void aQueueManagerThatDspmqDoesNotKnowIsNotKnownNotAnError() {
        ssh.answer(72, "", "AMQ7048E: The queue manager name is either not valid or not known.\n");

        QueueManagerState state = control.status("mqwest2", "QM2_DR");

        assertThat(state.status()).isEqualTo(QmStatus.NOT_KNOWN);
        assertThat(ssh.commandLines()).containsExactly("mqwest2: dspmq -m QM2_DR -o status -n");
    }

    @Test
    void aStatusWordTheParserDoesNotKnowIsAnIncidentQuotingIt() {
        ssh.answer(0, "QMNAME(QM1)                                               STATUS(Sleeping)\n");

        assertThatThrownBy(() -> control.status("mqeast1", "QM1"))
                .isInstanceOf(MqOutputException.class)
                .hasMessageStartingWith("host mqeast1: 'dspmq -m QM1 -o status -n': output not recognised (exit code 0): ")
                .hasMessageContaining("Sleeping");
    }

    @Test
    void startMapsMqMessagesAndVersion() {
        ssh.answer(0, fixture("control", "strmqm-x-active-9.3.txt"));

        ControlResult result = control.start("mqeast1", "QM1");

        assertThat(ssh.sent().get(0).commandLine()).isEqualTo("strmqm QM1");
        assertThat(ssh.sent().get(0).deadline()).isEqualTo(Duration.ofMinutes(10));
        assertThat(result.outcome()).isEqualTo(ControlOutcome.STARTED);
        assertThat(result.exitCode()).isZero();
        assertThat(result.messages()).contains("IBM MQ queue manager 'QM1' starting.",
                "IBM MQ queue manager 'QM1' started using V9.3.1.0.");
    }

    @Test
    void startStandbyRecognisesTheWrappedStandbyMessage() {
        ssh.answer(0, fixture("control", "strmqm-x-standby-wrapped.txt"));

        ControlResult result = control.startStandby("mi2", "QM1");

        assertThat(ssh.commandLines()).containsExactly("mi2: strmqm -x QM1");
        assertThat(result.outcome()).isEqualTo(ControlOutcome.STANDBY_STARTED);
        assertThat(result.messages()).contains("A standby instance of queue manager 'QM1' has been started."
                + " The active instance is running elsewhere.");
    }

    @Test
    void endBuildsModeAndSwitchoverFlags() {
        ssh.answer(0, fixture("control", "endmqm-i.txt"));
        ssh.answer(0, fixture("control", "endmqm-w-quiesce.txt"));

        ControlResult immediate = control.end("mi1", "QM1", EndMode.IMMEDIATE, true);
        ControlResult waited = control.end("mqeast1", "QM9", EndMode.WAIT, false);

        assertThat(ssh.commandLines()).containsExactly("mi1: endmqm -i -s QM1", "mqeast1: endmqm -w QM9");
        assertThat(immediate.outcome()).isEqualTo(ControlOutcome.ENDED);
        assertThat(waited.outcome()).isEqualTo(ControlOutcome.ENDED);
        assertThat(waited.messages()).first().isEqualTo("Quiesce request accepted. The queue manager will stop when"
                + " all outstanding work is complete.");
    }

    @Test
    void controlledAndPreemptiveEndUseTheirFlags() {
        ssh.answer(0, "IBM MQ queue manager 'QM1' ending.\n");
        ssh.answer(0, "IBM MQ queue manager 'QM1' ended.\n");

        assertThat(control.end("mqeast1", "QM1", EndMode.CONTROLLED, false).outcome()).isEqualTo(ControlOutcome.ENDING);
        assertThat(control.end("mqeast1", "QM1", EndMode.PREEMPTIVE, false).outcome()).isEqualTo(ControlOutcome.ENDED);
        assertThat(ssh.commandLines()).containsExactly("mqeast1: endmqm -c QM1", "mqeast1: endmqm -p QM1");
    }

    @Test
    void deleteOfARunningOrUnknownQueueManagerIsAResult() {
        // Texts: mq-transcripts control-commands (MQ 9.1 guide) "deleted." and AMQ8118E's wording.
        ssh.answer(0, "IBM MQ queue manager 'QM2SEC' deleted.\n");
        ssh.answer(16, "", "AMQ8118E: IBM MQ queue manager does not exist.\n");

        assertThat(control.delete("mqwest2", "QM2SEC").outcome()).isEqualTo(ControlOutcome.DELETED);
        ControlResult unknown = control.delete("mqwest2", "QM2_DR");
        assertThat(unknown).isEqualTo(new ControlResult(ControlOutcome.NOT_KNOWN,
                List.of("AMQ8118E: IBM MQ queue manager does not exist."), 16));
        assertThat(ssh.commandLines()).containsExactly("mqwest2: dltmqm QM2SEC", "mqwest2: dltmqm QM2_DR");
    }

    /**
     * strmqm of a queue manager without its log: exit 23 and AMQ7017E on standard error (strmqm return codes,
     * https://www.ibm.com/docs/en/ibm-mq/9.4?topic=reference-strmqm-start-queue-manager). A named outcome, and the
     * incident the runbook raises quotes MQ's text.
     */
    @Test
    void startWithoutItsLogIsLogNotAvailableAndTheIncidentQuotesMq() {
        ssh.answer(23, "IBM MQ queue manager 'QM1' starting.\n", "AMQ7017E: Log not available.\n");

        ControlResult result = control.start("mqeast1", "QM1");

        assertThat(result.outcome()).isEqualTo(ControlOutcome.LOG_NOT_AVAILABLE);
        assertThat(result.exitCode()).isEqualTo(23);
        assertThatThrownBy(() -> result.expect("mqeast1", "strmqm QM1", ControlOutcome.NOW_RUNNING))
                .hasMessage("mqeast1: strmqm QM1 was refused (LOG_NOT_AVAILABLE, exit code 23): IBM MQ queue manager"
                        + " 'QM1' starting. AMQ7017E: Log not available.");
    }

    @Test
    void messagesAboutAnotherQueueManagerAreRefused() {
        ssh.answer(0, fixture("control", "endmqm-w-quiesce.txt"));

        assertThatThrownBy(() -> control.end("mqeast1", "QM1", EndMode.WAIT, false))
                .isInstanceOf(MqOutputException.class)
                .hasMessage("host mqeast1: 'endmqm -w QM1': the messages name queue manager QM9, not QM1");
    }

    @Test
    void outputNoParserKnowsIsAnIncidentNamingHostCommandAndLine() {
        ssh.answer(139, "Segmentation fault\n");

        assertThatThrownBy(() -> control.start("mqeast1", "QM1"))
                .isInstanceOf(MqOutputException.class)
                .hasMessage("host mqeast1: 'strmqm QM1': output not recognised (exit code 139): line 1"
                        + " 'Segmentation fault': not a strmqm/endmqm/dltmqm message this parser knows;"
                        + " refusing to guess what it means");
    }

    @Test
    void sudoRefusalIsQuotedNotGuessed() {
        ssh.answer(1, "", "sudo: a password is required\n");

        assertThatThrownBy(() -> control.start("dr1", "QMDR"))
                .isInstanceOf(MqOutputException.class)
                .hasMessageContaining("'sudo: a password is required'");
    }

    @Test
    void rdqmStatusMapsTheDrFields() {
        ssh.answer(0, fixture("rdqmstatus", "constructed-dr-primary-sync-in-progress.txt"));

        RdqmDrStatus status = control.rdqmStatus("dr1", "QMDR");

        assertThat(ssh.commandLines()).containsExactly("dr1: rdqmstatus -m QMDR");
        assertThat(status.node()).isEqualTo("dr1");
        assertThat(status.queueManagerStatus()).isEqualTo(QmStatus.RUNNING);
        assertThat(status.primary()).isTrue();
        assertThat(status.drStatus()).isEqualTo(DrStatus.SYNCHRONIZATION_IN_PROGRESS);
        assertThat(status.outOfSyncBytes()).isEqualTo(1305896L * 1024);
        assertThat(status.syncProgressPercent()).isEqualTo(23.4);
        assertThat(status.estimatedCompletion()).isEqualTo("2020-05-06 11:26:20");
        assertThat(status.fields()).containsEntry("DR port", "7001").containsEntry("DR type", "Asynchronous");
    }

    @Test
    void rdqmStatusOfASecondary() {
        ssh.answer(0, fixture("rdqmstatus", "constructed-dr-secondary-inconsistent.txt"));

        RdqmDrStatus status = control.rdqmStatus("dr2", "QMDR");

        assertThat(status.primary()).isFalse();
        assertThat(status.drStatus()).isEqualTo(DrStatus.INCONSISTENT);
    }

    /** The DR status is on the node the HA group runs the queue manager on: this node's reading names it. */
    @Test
    void rdqmStatusOfADrHaNodeThatDefersTheDrStatusNamesTheNodeToAsk() {
        ssh.answer(0, fixture("rdqmstatus", "drha-ha-secondary-dr-status-see-node.txt"));

        assertThatThrownBy(() -> control.rdqmStatus("dr1", "RDQMAPP"))
                .isInstanceOf(MqOutputException.class)
                .hasMessage("host dr1: 'rdqmstatus -m RDQMAPP': rdqmstatus on this node shows 'DR status: See"
                        + " rdqm-a1': the HA group runs RDQMAPP on rdqm-a1, which alone knows its DR status");
    }

    @Test
    void rdqmStatusWithoutADrRoleIsRefused() {
        ssh.answer(0, fixture("rdqmstatus", "ha-running-with-sudo-note.txt"));

        assertThatThrownBy(() -> control.rdqmStatus("dr1", "QMDR"))
                .isInstanceOf(MqOutputException.class)
                .hasMessage("host dr1: 'rdqmstatus -m QMDR': rdqmstatus shows no 'DR role:' for QMDR: it is not a DR"
                        + " RDQM on this node");
    }

    @Test
    void rdqmdrRoleChanges() {
        ssh.answer(0, fixture("rdqmdr", "made-primary-with-sudo-note.txt"));
        ssh.answer(0, fixture("rdqmdr", "made-secondary-with-sudo-note.txt"));

        ControlResult primary = control.makeDrPrimary("dr2", "RDQMDRHAQM1");
        ControlResult secondary = control.makeDrSecondary("dr1", "RDQMDRHAQM1");

        assertThat(ssh.commandLines()).containsExactly("dr2: rdqmdr -m RDQMDRHAQM1 -p", "dr1: rdqmdr -m RDQMDRHAQM1 -s");
        assertThat(primary.outcome()).isEqualTo(ControlOutcome.MADE_PRIMARY);
        assertThat(primary.messages()).first()
                .isEqualTo("Queue manager 'RDQMDRHAQM1' has been made the DR primary on this node.");
        assertThat(secondary.outcome()).isEqualTo(ControlOutcome.MADE_SECONDARY);
    }

    @Test
    void rdqmdrRefusalKeepsMqsText() {
        ssh.answer(1, "", "AMQ3817E: Queue manager 'QMDR' is running.\n");

        ControlResult result = control.makeDrSecondary("dr1", "QMDR");

        assertThat(result).isEqualTo(new ControlResult(ControlOutcome.REFUSED,
                List.of("AMQ3817E: Queue manager 'QMDR' is running."), 1));
    }

    @Test
    void drSecondaryCommandIsParsedIntoValidatedParts() {
        ssh.answer(0, fixture("rdqmdr", "constructed-d-secondary-command.txt"));

        DrSecondaryCommand command = control.drSecondaryCommand("dr1", "QMDR");

        assertThat(ssh.commandLines()).containsExactly("dr1: rdqmdr -m QMDR -d");
        assertThat(command).isEqualTo(new DrSecondaryCommand("QMDR", "10.0.2.14", "10.0.2.15", "dr2", 7001, null));
        assertThat(command.commandLine()).isEqualTo("crtmqm -rr s -rl 10.0.2.14 -ri 10.0.2.15 -rn dr2 -rp 7001 QMDR");
    }

    @Test
    void createDrPrimaryBuildsTheCommandAndReturnsThePrintedSecondary() {
        // Layout: crtmqm -rr p as in mq-output/crtmqm/drha-primary-prints-secondary.txt, DR-only form (no -sx,
        // one address each), constructed.
        ssh.answer(0, """
                Creating replicated data queue manager configuration.
                IBM MQ queue manager created.
                Directory '/var/mqm/vols/qmdr/qmgr/qmdr' created.
                The queue manager is associated with installation 'Installation1'.
                Creating or replacing default objects for queue manager 'QMDR'.
                Default objects statistics : 84 created. 0 replaced. 0 failed.
                Completing setup.
                Setup completed.
                Enabling replicated data queue manager.
                Replicated data queue manager enabled.
                Issue the following command on the remote node to create the DR secondary queue manager:
                crtmqm -rr s -rt a -rl 127.0.2.15 -ri 127.0.2.14 -rn dr1 -rp 7001 QMDR
                Command '/opt/mqm/bin/crtmqm' run with sudo.
                """);

        DrSecondaryCommand secondary = control.createDrPrimary("dr1",
                new DrPrimarySpec("QMDR", false, "127.0.2.14", "127.0.2.15", "dr2", 7001, 1502));

        assertThat(ssh.commandLines()).containsExactly(
                "dr1: crtmqm -rr p -rt a -rl 127.0.2.14 -ri 127.0.2.15 -rn dr2 -rp 7001 -p 1502 QMDR");
        assertThat(secondary).isEqualTo(new DrSecondaryCommand("QMDR", "127.0.2.15", "127.0.2.14", "dr1", 7001, "a"));
    }

    @Test
    void aDrHaSecondaryCommandIsRefusedBecauseThePortCannotCarryIt() {
        ssh.answer(0, fixture("crtmqm", "drha-primary-prints-secondary.txt"));

        assertThatThrownBy(() -> control.createDrPrimary("dr1",
                new DrPrimarySpec("RDQMDRHAQM1", true, "127.0.2.14", "127.0.2.15", "dr2", 7001, 1502)))
                .isInstanceOf(MqOutputException.class)
                .hasMessageContaining("crtmqm -rr p -rt s -rl 127.0.2.14")
                .hasMessageContaining("refusing the printed secondary command 'crtmqm -sx -rr s -rl"
                        + " 10.241.1.5,10.241.1.4,10.241.1.6 -ri 10.240.1.5,10.240.1.6,10.240.1.4 -rp 7001 RDQMDRHAQM1':"
                        + " it creates a DR/HA secondary (-sx), which this port does not run");
    }

    @Test
    void createDrSecondaryIsRebuiltFromItsParts() {
        // Source: mq-transcripts rdqm.txt (public RDQM write-ups): the secondary's crtmqm output.
        ssh.answer(0, """
                Creating replicated data queue manager configuration.
                IBM MQ secondary queue manager created.
                """);

        ControlResult result = control.createDrSecondary("dr2",
                new DrSecondaryCommand("QMDR", "127.0.2.15", "127.0.2.14", "dr1", 7001, "a"));

        assertThat(ssh.commandLines()).containsExactly(
                "dr2: crtmqm -rr s -rt a -rl 127.0.2.15 -ri 127.0.2.14 -rn dr1 -rp 7001 QMDR");
        assertThat(result.outcome()).isEqualTo(ControlOutcome.CREATED);
    }

    @Test
    void readsTheCrossRegionGroupsAndRequestsAGroupRoleWithAFixedSedEdit() {
        ssh.answer(0, """
                QMNAME(QMNHA)                                             ROLE(Leader) INSTANCE(nhb1) INSYNC(Yes) QUORUM(3/3) GRPLSN(<0:0:0:8>) GRPNAME(NHAWEST) GRPROLE(Recovery)
                GRPNAME(NHAWEST) GRPROLE(Recovery) GRPADDR(nhb1(4445)) GRPVER(9.4.2.0) GRSTATUS(Normal) RCOVLSN(<0:0:0:8>) RCOVTIME(2026-11-21T09:00:00.000000Z) BACKLOG(8) INSYNC(no) SYNCTIME(2026-11-21T09:00:00.000000Z) ALTDATE(2026-11-21) ALTTIME(09.00.00)
                GRPNAME(NHAEAST) GRPROLE(Live) GRPADDR(nha1(4445)) GRPVER(9.4.2.0) CONNGRP(no) GRSTATUS(Normal) RCOVLSN(<0:0:0:16>) RCOVTIME(2026-11-21T09:00:00.000000Z) INITLSN(<0:0:0:0>) INITTIME(2026-11-21T09:00:00.000000Z) LIVETIME(2026-11-21T09:00:00.000000Z) ALTDATE(2026-11-21) ALTTIME(09.00.00)
                """);
        var status = control.nativeHaGroupStatus("nhb1", "QMNHA");
        assertThat(status.role()).isEqualTo("Leader");
        assertThat(status.groupRole()).isEqualTo("Recovery");
        assertThat(status.group("NHAWEST").orElseThrow()).satisfies(g -> {
            assertThat(g.backlogKb()).isEqualTo(8);
            assertThat(g.inSync()).isFalse();
            assertThat(g.syncTime()).isEqualTo("2026-11-21T09:00:00.000000Z");
        });
        assertThat(status.group("NHAEAST").orElseThrow().connected()).isFalse();
        // another group's line without INSYNC is not taken for in sync
        assertThat(status.group("NHAEAST").orElseThrow().inSync()).isFalse();

        ssh.answer(0, "");
        assertThat(control.requestNativeHaGroupRole("nhb1", "QMNHA", "Live").outcome())
                .isEqualTo(ControlOutcome.GROUP_ROLE_REQUESTED);
        assertThat(ssh.commandLines()).containsExactly("nhb1: dspmq -m QMNHA -o nativeha -g -n",
                "nhb1: sed -i s/GroupRole=Recovery/GroupRole=Live/ /var/mqm/qmgrs/QMNHA/qm.ini");
        // what the host printed cannot start a forged line in the exception or the log
        ssh.answer(2, "", "sed: can't read qm.ini\n2026-12-08 INFO GroupRole=Live confirmed by carl\r\u001b[1A");
        assertThatThrownBy(() -> control.requestNativeHaGroupRole("nhb1", "QMNHA", "Live")).hasMessage("nhb1: sed -i "
                + "s/GroupRole=Recovery/GroupRole=Live/ /var/mqm/qmgrs/QMNHA/qm.ini failed (exit code 2): sed: can't read "
                + "qm.ini\\n2026-12-08 INFO GroupRole=Live confirmed by carl\\r\\u001B[1A");
        assertThatThrownBy(() -> control.requestNativeHaGroupRole("nhb1", "QMNHA", "Primary"))
                .hasMessage("A Native HA group role is Live or Recovery, not 'Primary'");
        assertThatThrownBy(() -> control.requestNativeHaGroupRole("nhb1", "QM/A", "Live"))
                .isInstanceOf(UnsafeArgumentException.class).hasMessageContaining("has a /: IBM MQ names its directory with an & in its place");
    }

    @Test
    void injectionAttemptsAreRefusedBeforeSsh() {
        assertThatThrownBy(() -> control.status("mqeast1", "QM1;reboot"))
                .isInstanceOf(UnsafeArgumentException.class)
                .hasMessage("queue manager 'QM1;reboot' has characters IBM MQ does not allow in a name"
                        + " (only A-Z a-z 0-9 . _ / %)");
        assertThatThrownBy(() -> control.createDrSecondary("dr2",
                new DrSecondaryCommand("QMDR", "127.0.2.15", "127.0.2.14", "dr1;reboot", 7001, "a")))
                .isInstanceOf(UnsafeArgumentException.class)
                .hasMessage("remote node 'dr1;reboot' is not a valid host name or IPv4 address");
        assertThatThrownBy(() -> control.createDrSecondary("dr2",
                new DrSecondaryCommand("QMDR", "127.0.2.15", "127.0.2.14", "dr1", 7001, "a -x")))
                .isInstanceOf(UnsafeArgumentException.class)
                .hasMessage("replication type 'a -x' is not a or s");
        assertThatThrownBy(() -> control.createDrPrimary("dr1",
                new DrPrimarySpec("QMDR", false, "127.0.2.14", "$(reboot)", "dr2", 7001, 1502)))
                .isInstanceOf(UnsafeArgumentException.class)
                .hasMessage("remote replication address '$(reboot)' is not a valid host name or IPv4 address");
        assertThatThrownBy(() -> control.createDrPrimary("dr1",
                new DrPrimarySpec("QMDR", false, "127.0.2.14", "127.0.2.15", "dr2", 70000, 1502)))
                .isInstanceOf(UnsafeArgumentException.class)
                .hasMessage("replication port 70000 is out of range (1-65535)");
        assertThat(ssh.sent()).isEmpty();
    }

    @Test
    void unknownHostIsNamed() {
        assertThatThrownBy(() -> control.version("nohost"))
                .hasMessage("No host named 'nohost' in the estate inventory");
        assertThat(ssh.sent()).isEmpty();
    }

    @Test
    void versionFromDspmqver() {
        ssh.answer(0, fixture("dspmqver", "websphere-mq-8.0-linux.txt"));

        MqVersion version = control.version("mqeast1");

        assertThat(ssh.commandLines()).containsExactly("mqeast1: dspmqver");
        assertThat(version).isEqualTo(MqVersion.of("8.0.0.2"));
    }

    @Test
    void sshFailuresPassThroughUnchanged() {
        SshException down = new SshException(SshException.Kind.HOST_UNREACHABLE, "mqeast1", "connection refused");
        ssh.fail(down);

        assertThatThrownBy(() -> control.start("mqeast1", "QM1")).isSameAs(down);
    }
}
