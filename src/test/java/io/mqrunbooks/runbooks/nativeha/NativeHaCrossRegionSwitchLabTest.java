package io.mqrunbooks.runbooks.nativeha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.runbooks.rdqm.RunbookLabTest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cross-region switch of the lab's QMNHA (Live group NHAEAST on nha1-nha3, Recovery group NHAWEST on
 * nhb1-nhb3) through the engine, over SSH: a planned switch with the messages surviving, the refusal while the
 * groups are out of sync, and an unplanned switch after the Live region is lost.
 */
class NativeHaCrossRegionSwitchLabTest extends RunbookLabTest {

    private static final String PROCESS = "nativeHaCrossRegionSwitchProcess";
    private static final String TO_RECOVERY = "s/GroupRole=Live/GroupRole=Recovery/";
    private static final String TO_LIVE = "s/GroupRole=Recovery/GroupRole=Live/";

    @BeforeEach
    void appQueueWithMessages() {
        assertThat(labMq.execute("nha1", "mqm", List.of("runmqsc", "QMNHA"),
                "DEFINE QLOCAL(APP.Q) DEFPSIST(YES) REPLACE\n").exitCode()).isZero();
        assertThat(labMq.putMessages("nha1", "QMNHA", "APP.Q", 3, true)).isEqualTo(3);
    }

    private String groups(String host) {
        return labMq.execute(host, "mqm", List.of("dspmq", "-o", "nativeha", "-g", "-m", "QMNHA"), "").stdout();
    }

    /** The Recovery group catches up with the messages put before each test at the lab's replication rate. */
    private void awaitRecoveryInSync() {
        for (int i = 0; i < 200 && !groups("nha1").contains("BACKLOG(0) INSYNC(yes)"); i++) {
            sleep(100);
        }
        assertThat(groups("nha1")).contains("GRPNAME(NHAWEST) GRPROLE(Recovery)", "BACKLOG(0) INSYNC(yes)");
    }

    @Test
    void aPlannedSwitchMovesTheLiveRoleToTheOtherRegionWithEveryMessage() {
        awaitRecoveryInSync();
        ProcessInstance run = start(PROCESS, "queueManager", "QMNHA", "switchType", "planned", "reason",
                "CHG-21 east region network work");
        awaitTask(run.getId(), "userTask_approveSwitch");
        assertThat((String) variable(run.getId(), "planSummary")).contains("""
                NHAEAST    Live       Recovery (first)       9.4.0.0    nha1, nha2, nha3
                NHAWEST    Recovery   Live (second)          9.4.0.0    nhb1, nhb2, nhb3
                """);
        decide(run.getId(), "userTask_approveSwitch", "switchDecision", "approve", "switchComment",
                "Window agreed with the payments team");
        awaitEnd(run);

        assertThat(outcome(run)).isEqualTo("completed");
        assertThat(sideEffects()).containsExactly(
                "nha1: sed -i " + TO_RECOVERY + " /var/mqm/qmgrs/QMNHA/qm.ini",
                "nha2: sed -i " + TO_RECOVERY + " /var/mqm/qmgrs/QMNHA/qm.ini",
                "nha3: sed -i " + TO_RECOVERY + " /var/mqm/qmgrs/QMNHA/qm.ini",
                "nhb1: sed -i " + TO_LIVE + " /var/mqm/qmgrs/QMNHA/qm.ini",
                "nhb2: sed -i " + TO_LIVE + " /var/mqm/qmgrs/QMNHA/qm.ini",
                "nhb3: sed -i " + TO_LIVE + " /var/mqm/qmgrs/QMNHA/qm.ini");
        assertThat(labMq.queueManagerState("nhb1", "QMNHA")).contains(QmStatus.RUNNING);
        assertThat(labMq.queueManagerState("nha1", "QMNHA")).contains(QmStatus.REPLICA);
        assertThat(groups("nhb1")).contains("GRPNAME(NHAWEST) GRPROLE(Live)", "GRPNAME(NHAEAST) GRPROLE(Recovery)");
        // the three messages put on the east region are on the west region's active, the test message is gone
        assertThat(labMq.queueDepth("nhb1", "QMNHA", "APP.Q")).isEqualTo(3);
        assertThat(labMq.queueDepth("nhb1", "QMNHA", "MQRUNBOOKS.TEST")).isZero();
        assertThat(labMq.nativeHaCrossRegionLostKb("QMNHA")).isZero();
        assertThat((String) variable(run.getId(), "runLog")).contains("NHAEAST is Recovery", "NHAWEST is Live (nhb1:"
                + " ROLE(Active) GRPROLE(Live))", "put and got back test message");
    }

    @Test
    void aPlannedSwitchIsRefusedWhileTheRecoveryGroupIsBehind() {
        labMq.nativeHaCrossRegionLink("QMNHA", false);
        assertThat(labMq.putMessages("nha1", "QMNHA", "APP.Q", 2, true)).isEqualTo(2);
        ProcessInstance run = start(PROCESS, "queueManager", "QMNHA", "switchType", "planned", "reason", "CHG-22");
        awaitEnd(run);

        assertThat(variable(run.getId(), "refusalCode")).isEqualTo("GROUPS_NOT_IN_SYNC");
        assertThat((String) variable(run.getId(), "refusalReason")).contains("CONNGRP(no)", "INSYNC(no)");
        assertThat(sideEffects()).isEmpty();
        assertThat(labMq.queueManagerState("nha1", "QMNHA")).contains(QmStatus.RUNNING);
    }

    @Test
    void anUnplannedSwitchAfterTheLiveRegionIsLostNeedsTheDataLossAccepted() {
        awaitRecoveryInSync();
        labMq.nativeHaCrossRegionLink("QMNHA", false);
        assertThat(labMq.putMessages("nha1", "QMNHA", "APP.Q", 2, true)).isEqualTo(2);
        List.of("nha1", "nha2", "nha3").forEach(labMq::failHost);

        ProcessInstance run = start(PROCESS, "queueManager", "QMNHA", "switchType", "unplanned", "reason",
                "INC-77 east region down");
        awaitTask(run.getId(), "userTask_approveSwitch");
        assertThat((String) variable(run.getId(), "dataLossWindow")).startsWith("The Recovery group NHAWEST last knew"
                + " it lacked 8 KB of the Live group's log (BACKLOG)");
        assertThatThrownBy(() -> decide(run.getId(), "userTask_approveSwitch", "switchDecision", "approve"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("needs the data-loss window accepted");
        decide(run.getId(), "userTask_approveSwitch", "switchDecision", "approve", "dataLossAccepted", true,
                "switchComment", "8 KB lost accepted, incident INC-77");
        awaitEnd(run);

        assertThat(outcome(run)).isEqualTo("completed");
        assertThat(sideEffects()).containsExactly(
                "nhb1: sed -i " + TO_LIVE + " /var/mqm/qmgrs/QMNHA/qm.ini",
                "nhb2: sed -i " + TO_LIVE + " /var/mqm/qmgrs/QMNHA/qm.ini",
                "nhb3: sed -i " + TO_LIVE + " /var/mqm/qmgrs/QMNHA/qm.ini");
        // what reached the west region before the link was cut survives; the two later messages are the loss
        assertThat(labMq.queueDepth("nhb1", "QMNHA", "APP.Q")).isEqualTo(3);
        assertThat(labMq.nativeHaCrossRegionLostKb("QMNHA")).isEqualTo(8);
    }

    /**
     * After an unplanned switch to the west, the east region comes back with its instances ended and its qm.ini still
     * asking for Live. The rejoin runbook makes it Recovery before any instance starts; the east takes the west's log,
     * so the two messages the east wrote after the link was cut (the accepted loss) are gone there too, and the
     * message put on the west since is there.
     */
    @Test
    void theReturnedEastRegionIsMadeRecoveryAndTakesTheWestsLog() {
        awaitRecoveryInSync();
        labMq.nativeHaCrossRegionLink("QMNHA", false);
        assertThat(labMq.putMessages("nha1", "QMNHA", "APP.Q", 2, true)).isEqualTo(2);
        List.of("nha1", "nha2", "nha3").forEach(labMq::failHost);
        for (String host : List.of("nhb1", "nhb2", "nhb3")) {
            assertThat(labMq.execute(host, "mqm", List.of("sed", "-i", TO_LIVE, "/var/mqm/qmgrs/QMNHA/qm.ini"), "")
                    .exitCode()).isZero();
        }
        assertThat(groups("nhb1")).contains("GRPNAME(NHAWEST) GRPROLE(Live)");
        assertThat(labMq.putMessages("nhb1", "QMNHA", "APP.Q", 1, true)).isEqualTo(1);
        List.of("nha1", "nha2", "nha3").forEach(labMq::recoverHost);
        labMq.nativeHaCrossRegionLink("QMNHA", true);

        ProcessInstance run = start("nativeHaCrossRegionRejoinProcess", "queueManager", "QMNHA", "reason",
                "INC-77 east region back", "pollInterval", "PT2S");
        awaitTask(run.getId(), "userTask_approveRejoin");
        assertThat((String) variable(run.getId(), "planSummary")).contains(
                "NHAWEST    Live (active on nhb1)      Live       nhb1, nhb2, nhb3",
                "NHAEAST    returned (3 of 3 answer)   Recovery   nha1, nha2, nha3");
        assertThat(sideEffects()).isEmpty();
        decide(run.getId(), "userTask_approveRejoin", "rejoinDecision", "approve", "rejoinComment",
                "INC-77: the two east messages were re-sent by the payments team");
        awaitEnd(run);

        assertThat(outcome(run)).isEqualTo("completed");
        assertThat(sideEffects()).containsExactly(
                "nha1: sed -i " + TO_RECOVERY + " /var/mqm/qmgrs/QMNHA/qm.ini",
                "nha2: sed -i " + TO_RECOVERY + " /var/mqm/qmgrs/QMNHA/qm.ini",
                "nha3: sed -i " + TO_RECOVERY + " /var/mqm/qmgrs/QMNHA/qm.ini",
                "nha1: strmqm QMNHA", "nha2: strmqm QMNHA", "nha3: strmqm QMNHA");
        assertThat(groups("nhb1")).contains("GRPNAME(NHAWEST) GRPROLE(Live)", "GRPNAME(NHAEAST) GRPROLE(Recovery)",
                "BACKLOG(0) INSYNC(yes)");
        assertThat(labMq.queueManagerState("nha1", "QMNHA")).isNotEqualTo(java.util.Optional.of(QmStatus.RUNNING));
        assertThat(labMq.queueDepth("nha1", "QMNHA", "APP.Q")).isEqualTo(4);
        assertThat(labMq.queueDepth("nhb1", "QMNHA", "APP.Q")).isEqualTo(4);
    }
}
