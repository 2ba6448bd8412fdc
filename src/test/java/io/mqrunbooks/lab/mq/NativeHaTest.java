package io.mqrunbooks.lab.mq;

import io.mqrunbooks.mq.QmStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.adapter.outbound.mq.parse.DspmqParser;
import io.mqrunbooks.adapter.outbound.mq.parse.DspmqResult;
import io.mqrunbooks.adapter.outbound.mq.parse.RunmqscResponseParser;
import io.mqrunbooks.adapter.outbound.mq.parse.RunmqscResult;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.Host;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.QueueManagerKind;
import io.mqrunbooks.estate.Site;
import io.mqrunbooks.estate.Transport;
import io.mqrunbooks.lab.LabCommandHandler.LabExecution;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Native HA queue manager QMNHA with instances on nha1 (active at first), nha2 and nha3. */
class NativeHaTest extends LabTestSupport {

    static Estate nativeHaEstate() {
        return new Estate(List.of(new Site("east")),
                List.of(new Host("nha1", "127.0.0.1", 22131, "mqm", false, "east", "127.0.3.1"),
                        new Host("nha2", "127.0.0.1", 22132, "mqm", false, "east", "127.0.3.2"),
                        new Host("nha3", "127.0.0.1", 22133, "mqm", false, "east", "127.0.3.3")),
                List.of(new QueueManager("QMNHA", QueueManagerKind.NATIVE_HA, List.of("nha1", "nha2", "nha3"),
                        "LISTENER.TCP", 1481, Transport.MQSC_SSH, null, null, null)),
                List.of(), List.of());
    }

    @BeforeEach
    void nativeHaLab() {
        // 4 KB/s: one persistent message (4 KB) takes a second to replicate to a replica that is catching up
        lab = new SimulatedMqEstate(nativeHaEstate(), clock, LabMqOptions.defaults().withSyncRateKbPerSecond(4),
                LabSeed.standard());
        assertThat(mqsc("nha1", "QMNHA", "DEFINE QLOCAL(APP.Q) DEFPSIST(YES) REPLACE\n").exitCode()).isZero();
    }

    private String nativeHa(String host) {
        return run(host, "dspmq -o nativeha -x -m QMNHA").stdout();
    }

    /**
     * As MQ 9.4.2+ prints them (mq-output/dspmq/dspmq-o-nativeha-x-ansible.txt, -x-cp4i.txt: public transcripts): GRPLSN,
     * GRPNAME() and GRPROLE(Live) on the QMNAME line, the instance lines at its column with ACKLSN, HASTATUS and
     * SYNCTIME between CONNINST and ALTDATE, yes/no in lower case, a never-updated ALTDATE/ALTTIME empty.
     */
    @Test
    void theActiveListsEveryInstanceInIbmsFieldOrder() {
        assertThat(nativeHa("nha1")).isEqualTo("""
                QMNAME(QMNHA)                                             ROLE(Active) INSTANCE(nha1) INSYNC(yes) QUORUM(3/3) GRPLSN(<0:0:0:0>) GRPNAME() GRPROLE(Live)
                INSTANCE(nha1) ROLE(Active) REPLADDR(127.0.3.1(4444)) CONNACTV(yes) INSYNC(yes) BACKLOG(0) CONNINST(yes) ACKLSN(<0:0:0:0>) HASTATUS(Normal) SYNCTIME(T) ALTDATE() ALTTIME()
                INSTANCE(nha2) ROLE(Replica) REPLADDR(127.0.3.2(4444)) CONNACTV(yes) INSYNC(yes) BACKLOG(0) CONNINST(yes) ACKLSN(<0:0:0:0>) HASTATUS(Normal) SYNCTIME(T) ALTDATE() ALTTIME()
                INSTANCE(nha3) ROLE(Replica) REPLADDR(127.0.3.3(4444)) CONNACTV(yes) INSYNC(yes) BACKLOG(0) CONNINST(yes) ACKLSN(<0:0:0:0>) HASTATUS(Normal) SYNCTIME(T) ALTDATE() ALTTIME()
                """.replace("SYNCTIME(T)", "SYNCTIME(2026-11-21T09:00:00.000000Z)"));
        // the same fields, in the same order, as the public 9.4 transcript's instance lines
        assertThat(keywords(nativeHa("nha1").lines().toList().get(1)))
                .isEqualTo(keywords(realDspmq("dspmq-o-nativeha-x-ansible.txt").lines().toList().get(2)));
        assertThat(keywords(nativeHa("nha1").lines().findFirst().orElseThrow()))
                .isEqualTo(keywords(realDspmq("dspmq-o-nativeha-x-ansible.txt").lines().toList().get(1)));
        assertThat(run("nha2", "dspmq -m QMNHA").stdout()).isEqualTo(
                "QMNAME(QMNHA)                                             STATUS(Replica)\n");
        // what the app's parser reads from it
        DspmqResult.QueueManagerEntry entry = new DspmqParser().parse(nativeHa("nha2")).queueManagers().get(0);
        assertThat(entry.attribute("ROLE")).contains("Replica");
        assertThat(entry.instances()).extracting(DspmqResult.Instance::mode).containsExactly("Active", "Replica",
                "Replica");
    }

    /** dspmq -n prints the words untranslated, in upper case; the app's parser reads them alike. */
    @Test
    void untranslatedOutputIsUpperCaseAndReadAlike() {
        String untranslated = run("nha1", "dspmq -n -o nativeha -x -m QMNHA").stdout();
        assertThat(untranslated).contains("ROLE(ACTIVE) INSTANCE(nha1) INSYNC(YES) QUORUM(3/3) GRPLSN(<0:0:0:0>) GRPNAME()"
                + " GRPROLE(LIVE)", "CONNINST(YES) ACKLSN(<0:0:0:0>) HASTATUS(NORMAL) SYNCTIME(");
        DspmqResult.QueueManagerEntry entry = new DspmqParser().parse(untranslated).queueManagers().get(0);
        assertThat(entry.instances()).extracting(i -> i.nativeHa().get("HASTATUS")).containsOnly("NORMAL");
    }

    @Test
    void endingAReplicaLeavesTwoOfThreeAndItCatchesUpAfterStrmqm() {
        assertThat(run("nha3", "endmqm -w QMNHA").exitCode()).isZero();
        assertThat(run("nha3", "dspmq -m QMNHA").stdout()).contains("STATUS(Ended normally)");
        assertThat(nativeHa("nha3")).isEqualTo("QMNAME(QMNHA)                                             ROLE(Unknown)"
                + " INSTANCE(nha3) INSYNC(no) QUORUM()\n");
        assertThat(lab.putMessages("nha1", "QMNHA", "APP.Q", 5, true)).isEqualTo(5);
        // five 4 KB messages: the group's log is at 20 KB, nha3 (ended, last in sync at 09:00) has none of it
        assertThat(nativeHa("nha1")).contains("QUORUM(2/3) GRPLSN(<0:0:0:20>)", "INSTANCE(nha3) ROLE(Unknown)"
                + " REPLADDR(127.0.3.3(4444)) CONNACTV(no) INSYNC(no) BACKLOG(20) CONNINST(no) ACKLSN(<0:0:0:0>)"
                + " HASTATUS(Unknown) SYNCTIME(2026-11-21T09:00:00.000000Z) ALTDATE(2026-11-21) ALTTIME(09.00.00)");

        LabExecution started = run("nha3", "strmqm QMNHA");
        assertThat(started.exitCode()).isZero();
        assertThat(started.stdout()).endsWith("IBM MQ queue manager 'QMNHA' started using V9.4.0.0.\n");
        assertThat(nativeHa("nha1")).contains("QUORUM(2/3)", "INSTANCE(nha3) ROLE(Replica)", "INSYNC(no) BACKLOG(20)");
        clock.advance(Duration.ofSeconds(3));
        assertThat(nativeHa("nha1")).contains("INSTANCE(nha3) ROLE(Replica) REPLADDR(127.0.3.3(4444)) CONNACTV(yes)"
                + " INSYNC(no) BACKLOG(8) CONNINST(yes) ACKLSN(<0:0:0:12>) HASTATUS(Synchronizing)"
                + " SYNCTIME(2026-11-21T09:00:00.000000Z)");
        clock.advance(Duration.ofSeconds(2));
        assertThat(nativeHa("nha1")).contains("QUORUM(3/3)", "INSTANCE(nha3) ROLE(Replica) REPLADDR(127.0.3.3(4444))"
                + " CONNACTV(yes) INSYNC(yes) BACKLOG(0) CONNINST(yes) ACKLSN(<0:0:0:20>) HASTATUS(Normal)"
                + " SYNCTIME(2026-11-21T09:00:05.000000Z)");
        assertThat(lab.queueManagerState("nha3", "QMNHA")).contains(QmStatus.REPLICA);
    }

    @Test
    void endingTheActiveMovesTheRoleToAnInSyncReplicaWithItsMessages() {
        assertThat(lab.putMessages("nha1", "QMNHA", "APP.Q", 3, true)).isEqualTo(3);
        assertThat(run("nha1", "endmqm -w QMNHA").stdout()).isEqualTo("""
                Quiesce request accepted. The queue manager will stop when all outstanding work
                is complete.
                IBM MQ queue manager 'QMNHA' ending.
                IBM MQ queue manager 'QMNHA' ended.
                """);
        assertThat(lab.queueManagerState("nha2", "QMNHA")).contains(QmStatus.RUNNING);
        assertThat(lab.queueManagerState("nha1", "QMNHA")).contains(QmStatus.ENDED_NORMALLY);
        assertThat(lab.queueManagerState("nha3", "QMNHA")).contains(QmStatus.REPLICA);
        assertThat(lab.queueDepth("nha2", "QMNHA", "APP.Q")).isEqualTo(3);
        assertThat(nativeHa("nha2")).startsWith("QMNAME(QMNHA)                                             ROLE(Active)"
                + " INSTANCE(nha2) INSYNC(yes) QUORUM(2/3)");

        run("nha1", "strmqm QMNHA");
        assertThat(lab.queueManagerState("nha1", "QMNHA")).contains(QmStatus.REPLICA);
        assertThat(lab.queueManagerState("nha2", "QMNHA")).contains(QmStatus.RUNNING);
    }

    @Test
    void aCutReplicaIsOutOfSyncAndTwoInstancesDownLoseTheQuorum() {
        lab.nativeHaReplicationLink("nha3", "QMNHA", false);
        lab.putMessages("nha1", "QMNHA", "APP.Q", 1, true);
        clock.advance(Duration.ofMinutes(5));
        assertThat(nativeHa("nha1")).contains("QUORUM(2/3)", "INSTANCE(nha3) ROLE(Unknown) REPLADDR(127.0.3.3(4444))"
                + " CONNACTV(no) INSYNC(no) BACKLOG(4) CONNINST(no) ACKLSN(<0:0:0:0>) HASTATUS(Unknown)"
                + " SYNCTIME(2026-11-21T09:00:00.000000Z)");

        // with nha3 cut off, ending the active leaves nha2 alone: one of three is no quorum, nothing is elected
        run("nha1", "endmqm QMNHA");
        assertThat(List.of("nha1", "nha2", "nha3")).allSatisfy(h ->
                assertThat(lab.queueManagerState(h, "QMNHA")).isNotEqualTo(java.util.Optional.of(QmStatus.RUNNING)));
        assertThat(nativeHa("nha2")).startsWith("QMNAME(QMNHA)                                             ROLE(Replica)"
                + " INSTANCE(nha2) INSYNC(no) QUORUM(0/3)");

        // the link comes back: two of three connected, and nha2 (in sync, nha3 is 4 KB behind) is elected
        lab.nativeHaReplicationLink("nha3", "QMNHA", true);
        assertThat(lab.queueManagerState("nha2", "QMNHA")).contains(QmStatus.RUNNING);
        assertThat(lab.queueDepth("nha2", "QMNHA", "APP.Q")).isEqualTo(1);
    }

    /**
     * Laid out as MQ 9.4 prints it (mq-output/runmqsc/kubectl-qmstatus-nativeha-9.4.txt, a public transcript): no
     * QMNAME, INSTANCE alone, TYPE and NHATYPE, ROLE, then the attributes in MQ's order; the active with HAINITDA,
     * HAINITL, HAINITTI, HASTATUS and REPLADDR, a replica with ACKLSN, BACKLOG, CONNACTV, HASTATUS, INSYNC, REPLADDR
     * and SYNCTIME; no ALTDATE/ALTTIME.
     */
    @Test
    void displayQmstatusTypeNativehaListsEachInstanceAsMqDoes() {
        String output = mqsc("nha1", "QMNHA", "DISPLAY QMSTATUS TYPE(NATIVEHA) ALL\n").stdout();
        assertThat(output).contains("""
                AMQ8705I: Display Queue Manager Status Details.
                   INSTANCE(nha1)
                   TYPE(NATIVEHA)                          NHATYPE(INSTANCE)
                   ROLE(ACTIVE)                            HAINITDA(2026-11-21)
                   HAINITL(<0:0:0:0>)                      HAINITTI(09.00.00)
                   HASTATUS(NORMAL)                        REPLADDR(127.0.3.1(4444))
                AMQ8705I: Display Queue Manager Status Details.
                   INSTANCE(nha2)
                   TYPE(NATIVEHA)                          NHATYPE(INSTANCE)
                   ROLE(REPLICA)                           ACKLSN(<0:0:0:0>)
                   BACKLOG(0)                              CONNACTV(YES)
                   HASTATUS(NORMAL)                        INSYNC(YES)
                   REPLADDR(127.0.3.2(4444))               SYNCTIME(2026-11-21T09:00:00.000000Z)
                """).doesNotContain("QMNAME(", "ALTDATE(");

        RunmqscResponseParser parser = new RunmqscResponseParser();
        RunmqscResult real = parser.readTranscript(realOutput("kubectl-qmstatus-nativeha-9.4.txt")).get(0);
        RunmqscResult lab = parser.parse(output);
        assertThat(keywords(lab, "REPLICA")).isEqualTo(keywords(real, "REPLICA"));
        assertThat(keywords(lab, "ACTIVE")).isEqualTo(keywords(real, "ACTIVE"));
    }

    private static List<String> keywords(RunmqscResult session, String role) {
        return session.commands().get(0).objects().stream()
                .filter(o -> o.attribute("ROLE").filter(role::equals).isPresent()).findFirst().orElseThrow()
                .attributes().keySet().stream().toList();
    }

    /** The keywords of a dspmq line, in order. */
    private static List<String> keywords(String dspmqLine) {
        return java.util.regex.Pattern.compile("([A-Z]+)\\(").matcher(dspmqLine).results().map(m -> m.group(1)).toList();
    }

    private static String realDspmq(String name) {
        try (var in = NativeHaTest.class.getResourceAsStream("/mq-output/dspmq/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String realOutput(String name) {
        try (var in = NativeHaTest.class.getResourceAsStream("/mq-output/runmqsc/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
