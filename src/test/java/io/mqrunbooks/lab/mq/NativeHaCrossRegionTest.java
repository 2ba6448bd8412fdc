package io.mqrunbooks.lab.mq;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.adapter.outbound.mq.parse.DspmqParser;
import io.mqrunbooks.adapter.outbound.mq.parse.DspmqResult;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.Host;
import io.mqrunbooks.estate.NativeHaCrossRegion;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.QueueManagerKind;
import io.mqrunbooks.estate.Site;
import io.mqrunbooks.estate.Transport;
import io.mqrunbooks.lab.LabCommandHandler.LabExecution;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** QMNHA with a Live group EAST on nha1-nha3 and a Recovery group WEST on nhb1-nhb3. */
class NativeHaCrossRegionTest extends LabTestSupport {

    private static final String TO_RECOVERY = "sed -i s/GroupRole=Live/GroupRole=Recovery/ /var/mqm/qmgrs/QMNHA/qm.ini";
    private static final String TO_LIVE = "sed -i s/GroupRole=Recovery/GroupRole=Live/ /var/mqm/qmgrs/QMNHA/qm.ini";
    private static final List<String> EAST = List.of("nha1", "nha2", "nha3");
    private static final List<String> WEST = List.of("nhb1", "nhb2", "nhb3");

    static Estate crossRegionEstate() {
        return crossRegionEstate("QMNHA");
    }

    static Estate crossRegionEstate(String queueManager) {
        return new Estate(List.of(new Site("east"), new Site("west")),
                List.of(new Host("nha1", "127.0.0.1", 22131, "mqm", false, "east", null),
                        new Host("nha2", "127.0.0.1", 22132, "mqm", false, "east", null),
                        new Host("nha3", "127.0.0.1", 22133, "mqm", false, "east", null),
                        new Host("nhb1", "127.0.0.1", 22161, "mqm", false, "west", null),
                        new Host("nhb2", "127.0.0.1", 22162, "mqm", false, "west", null),
                        new Host("nhb3", "127.0.0.1", 22163, "mqm", false, "west", null)),
                List.of(new QueueManager(queueManager, QueueManagerKind.NATIVE_HA, EAST, "LISTENER.TCP", 1481,
                        Transport.MQSC_SSH, null, null, null, new NativeHaCrossRegion("EAST", "WEST", WEST))),
                List.of(), List.of());
    }

    @BeforeEach
    void crossRegionLab() {
        // 4 KB/s: one persistent message (4 KB) takes a second to reach a group that is catching up
        lab = new SimulatedMqEstate(crossRegionEstate(), clock, LabMqOptions.defaults().withSyncRateKbPerSecond(4),
                LabSeed.standard());
        assertThat(mqsc("nha1", "QMNHA", "DEFINE QLOCAL(APP.Q) DEFPSIST(YES) REPLACE\n").exitCode()).isZero();
    }

    private String groups(String host) {
        return run(host, "dspmq -o nativeha -g -m QMNHA").stdout();
    }

    private void onEach(List<String> hosts, String command) {
        for (String host : hosts) {
            LabExecution edited = run(host, command);
            assertThat(edited.exitCode()).as(host + ": " + edited.stderr()).isZero();
        }
    }

    @Test
    void bothGroupsShowTheirRolesInIbmsFieldOrder() {
        assertThat(groups("nha1")).isEqualTo("""
                QMNAME(QMNHA)                                             ROLE(Active) INSTANCE(nha1) INSYNC(yes) QUORUM(3/3) GRPLSN(<0:0:0:0>) GRPNAME(EAST) GRPROLE(Live)
                GRPNAME(EAST) GRPROLE(Live) GRPADDR(nha1(4445)) GRPVER(9.4.0.0) GRSTATUS(Normal) RCOVLSN(<0:0:0:0>) RCOVTIME(2026-11-21T09:00:00.000000Z) INITLSN(<0:0:0:0>) INITTIME(2026-11-21T09:00:00.000000Z) LIVETIME(2026-11-21T09:00:00.000000Z) ALTDATE(2026-11-21) ALTTIME(09.00.00)
                GRPNAME(WEST) GRPROLE(Recovery) GRPADDR(nhb1(4445)) GRPVER(9.4.0.0) CONNGRP(yes) GRSTATUS(Normal) RCOVLSN(<0:0:0:0>) RCOVTIME(2026-11-21T09:00:00.000000Z) BACKLOG(0) INSYNC(yes) SYNCTIME(2026-11-21T09:00:00.000000Z) ALTDATE(2026-11-21) ALTTIME(09.00.00)
                """);
        assertThat(groups("nhb1")).startsWith("QMNAME(QMNHA)                                             ROLE(Leader)"
                + " INSTANCE(nhb1) INSYNC(yes) QUORUM(3/3) GRPLSN(<0:0:0:0>) GRPNAME(WEST) GRPROLE(Recovery)\n"
                + "GRPNAME(WEST) GRPROLE(Recovery)");
        assertThat(run("nhb2", "dspmq -m QMNHA").stdout()).contains("STATUS(Replica)");
        // no application can connect to a Recovery group
        assertThat(run("nhb1", "/opt/mqm/samp/bin/amqsput APP.Q QMNHA").stdout()).contains("MQCONNX ended with reason code 2059");

        DspmqResult.QueueManagerEntry entry = new DspmqParser().parse(groups("nha2")).queueManagers().get(0);
        assertThat(entry.attribute("GRPROLE")).contains("Live");
        assertThat(entry.groups()).extracting(DspmqResult.Group::name, DspmqResult.Group::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EAST", "Live"),
                        org.assertj.core.groups.Tuple.tuple("WEST", "Recovery"));
    }

    @Test
    void messagesPutOnLiveReachRecoveryWithABacklogThatDrainsAtTheLabsRate() {
        lab.nativeHaCrossRegionLink("QMNHA", false);
        assertThat(lab.putMessages("nha1", "QMNHA", "APP.Q", 5, true)).isEqualTo(5);
        assertThat(groups("nha1")).contains("GRPNAME(WEST) GRPROLE(Recovery) GRPADDR(nhb1(4445)) GRPVER(9.4.0.0)"
                + " CONNGRP(no) GRSTATUS(Normal) RCOVLSN(<0:0:0:0>)", "BACKLOG(20) INSYNC(no)");
        lab.nativeHaCrossRegionLink("QMNHA", true);
        assertThat(groups("nha1")).contains("CONNGRP(yes) GRSTATUS(Synchronizing)", "BACKLOG(20) INSYNC(no)");
        clock.advance(Duration.ofSeconds(3));
        assertThat(groups("nha1")).contains("BACKLOG(8) INSYNC(no)");
        clock.advance(Duration.ofSeconds(2));
        assertThat(groups("nha1")).contains("GRPLSN(<0:0:0:20>)", "GRSTATUS(Normal) RCOVLSN(<0:0:0:20>)",
                "BACKLOG(0) INSYNC(yes) SYNCTIME(2026-11-21T09:00:05.000000Z)");
    }

    @Test
    void aPlannedSwitchMakesLiveRecoveryThenRecoveryLiveAndEveryMessageSurvives() {
        assertThat(lab.putMessages("nha1", "QMNHA", "APP.Q", 3, true)).isEqualTo(3);
        onEach(EAST, TO_RECOVERY);
        assertThat(run("nha1", "dspmq -m QMNHA").stdout()).contains("STATUS(Replica)");
        assertThat(groups("nha1")).contains("GRPNAME(EAST) GRPROLE(Recovery)", "GRPNAME(WEST) GRPROLE(Recovery)");

        // two of three are enough for the group's requested role to count
        run("nhb1", TO_LIVE);
        assertThat(groups("nhb1")).contains("GRPNAME(WEST) GRPROLE(Recovery)");
        run("nhb2", TO_LIVE);
        assertThat(groups("nhb1")).contains("ROLE(Active) INSTANCE(nhb1)", "GRPNAME(WEST) GRPROLE(Live)",
                "GRPNAME(EAST) GRPROLE(Recovery) GRPADDR(nha1(4445)) GRPVER(9.4.0.0) CONNGRP(yes)");
        run("nhb3", TO_LIVE);
        assertThat(run("nhb1", "dspmq -m QMNHA").stdout()).contains("STATUS(Running)");
        assertThat(lab.queueDepth("nhb1", "QMNHA", "APP.Q")).isEqualTo(3);
        assertThat(lab.nativeHaCrossRegionLostKb("QMNHA")).isZero();

        // the old Live group now receives the new Live group's log
        assertThat(lab.putMessages("nhb1", "QMNHA", "APP.Q", 1, true)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(groups("nhb1")).contains("GRPNAME(EAST) GRPROLE(Recovery)", "BACKLOG(0) INSYNC(yes)");
        // a retried edit changes nothing
        assertThat(run("nhb1", TO_LIVE).exitCode()).isZero();
        assertThat(groups("nhb1")).contains("GRPNAME(WEST) GRPROLE(Live)");
    }

    @Test
    void aRecoveryGroupAskedToBeLiveWhileLiveIsStillLiveWaitsAsPendingLive() {
        onEach(WEST, TO_LIVE);
        assertThat(groups("nhb1")).contains("GRPNAME(WEST) GRPROLE(Pending live)", "GRPNAME(EAST) GRPROLE(Live)");
        assertThat(run("nha1", "dspmq -m QMNHA").stdout()).contains("STATUS(Running)");
    }

    @Test
    void losingTheLiveRegionAndMakingRecoveryLiveLosesWhatItNeverReceived() {
        assertThat(lab.putMessages("nha1", "QMNHA", "APP.Q", 2, true)).isEqualTo(2);
        lab.nativeHaCrossRegionLink("QMNHA", false);
        assertThat(lab.putMessages("nha1", "QMNHA", "APP.Q", 3, true)).isEqualTo(3);
        EAST.forEach(lab::failHost);
        assertThat(groups("nhb1")).contains("GRPNAME(WEST) GRPROLE(Recovery)", "BACKLOG(12) INSYNC(no)",
                "SYNCTIME(2026-11-21T09:00:00.000000Z)");

        onEach(WEST, TO_LIVE);
        assertThat(groups("nhb1")).contains("ROLE(Active) INSTANCE(nhb1)", "GRPNAME(WEST) GRPROLE(Live)");
        assertThat(lab.queueDepth("nhb1", "QMNHA", "APP.Q")).isEqualTo(2);
        assertThat(lab.nativeHaCrossRegionLostKb("QMNHA")).isEqualTo(12);
    }

    @Test
    void sedEditsOnlyTheGroupRoleOfAQueueManagersQmIni() {
        LabExecution other = run("nha1", "sed -i s/LogPrimaryFiles=3/LogPrimaryFiles=9/ /var/mqm/qmgrs/QMNHA/qm.ini");
        assertThat(other.exitCode()).isEqualTo(1);
        assertThat(other.stderr()).contains("sed here only sets a Native HA instance's requested group role");
        LabExecution unknown = run("nha1", "sed -i s/GroupRole=Live/GroupRole=Recovery/ /var/mqm/qmgrs/QMX/qm.ini");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr()).isEqualTo("sed: can't read /var/mqm/qmgrs/QMX/qm.ini: No such file or directory\n");
    }
}
