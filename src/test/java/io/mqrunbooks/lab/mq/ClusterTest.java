package io.mqrunbooks.lab.mq;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.lab.LabCommandHandler.LabExecution;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** PAYCLUS: full repositories FR1/FR2, partial PR1/PR2/PR3 (seed 002's migration pre-checks). */
class ClusterTest extends LabTestSupport {

    private void put(String host, String qm, String queue, String... bodies) {
        LabExecution r = lab.execute(host, "mqm", List.of("/opt/mqm/samp/bin/amqsput", queue, qm),
                String.join("\n", bodies) + "\n");
        assertThat(r.stdout()).doesNotContain("reason code");
    }

    @Test
    void fullRepositoryKnowsEveryMember() {
        LabExecution r = mqsc("fr1", "FR1", "DIS CLUSQMGR(*)\n");
        assertThat(r.stdout()).contains("""
                AMQ8441I: Display Cluster Queue Manager details.
                   CLUSQMGR(FR1)                           CHANNEL(TO.FR1)
                   CLUSTER(PAYCLUS)
                AMQ8441I: Display Cluster Queue Manager details.
                   CLUSQMGR(FR2)                           CHANNEL(TO.FR2)
                   CLUSTER(PAYCLUS)
                AMQ8441I: Display Cluster Queue Manager details.
                   CLUSQMGR(PR1)                           CHANNEL(TO.PR1)
                   CLUSTER(PAYCLUS)
                AMQ8441I: Display Cluster Queue Manager details.
                   CLUSQMGR(PR2)                           CHANNEL(TO.PR2)
                   CLUSTER(PAYCLUS)
                AMQ8441I: Display Cluster Queue Manager details.
                   CLUSQMGR(PR3)                           CHANNEL(TO.PR3)
                   CLUSTER(PAYCLUS)
                One MQSC command read.
                """);
        assertThat(mqsc("fr1", "FR1", "DIS CLUSQMGR(PR3) ALL\n").stdout()).contains("""
                AMQ8441I: Display Cluster Queue Manager details.
                   CLUSQMGR(PR3)                           CHANNEL(TO.PR3)
                   CLUSTER(PAYCLUS)                        ALTDATE(2026-11-21)
                   ALTTIME(09.00.00)                       BATCHSZ(50)
                   CLUSDATE(2026-11-21)                    CLUSTIME(09.00.00)
                   CONNAME(pr3(1453))                      DEFTYPE(CLUSSDRA)
                   DESCR( )                                QMID(PR3_2026-11-21_09.00.00)
                   QMTYPE(NORMAL)                          STATUS(RUNNING)
                   SUSPEND(NO)                             TRPTYPE(TCP)
                   VERSION(09040000)
                """);
    }

    @Test
    void suspensionIsSeenByBothFullRepositoriesAndAStoppedMemberRetries() {
        LabExecution suspend = mqsc("pr3", "PR3", "SUSPEND QMGR CLUSTER(PAYCLUS)\n");
        assertThat(suspend.stdout()).contains("AMQ8559I: Suspend Queue Manager Cluster accepted.\n");
        for (String[] fr : List.of(new String[] {"fr1", "FR1"}, new String[] {"fr2", "FR2"})) {
            assertThat(mqsc(fr[0], fr[1], "DIS CLUSQMGR(PR3) SUSPEND QMTYPE STATUS\n").stdout()).contains("""
                       CLUSQMGR(PR3)                           CHANNEL(TO.PR3)
                       CLUSTER(PAYCLUS)                        QMTYPE(NORMAL)
                       STATUS(RUNNING)                         SUSPEND(YES)
                    """);
        }
        run("pr3", "endmqm PR3");
        assertThat(mqsc("fr2", "FR2", "DIS CLUSQMGR(PR3) STATUS\n").stdout()).contains("   STATUS(RETRYING)\n");
        run("pr3", "strmqm PR3");
        assertThat(mqsc("pr3", "PR3", "RESUME QMGR CLUSTER(PAYCLUS)\n").stdout())
                .contains("AMQ8558I: Resume Queue Manager Cluster accepted.\n");
        assertThat(mqsc("fr1", "FR1", "DIS CLUSQMGR(PR3) SUSPEND\n").stdout()).contains("SUSPEND(NO)");
        assertThat(mqsc("pr3", "PR3", "SUSPEND QMGR CLUSTER(OTHER)\n").stdout())
                .contains("AMQ8147E: IBM MQ object OTHER not found.\n");
    }

    @Test
    void fullRepositoryShowsTheClusterQueuesOfAMember() {
        LabExecution r = mqsc("fr2", "FR2", "DIS QC(*) WHERE(CLUSQMGR EQ PR3)\n");
        assertThat(r.stdout()).contains("""
                     1 : DIS QC(*) WHERE(CLUSQMGR EQ PR3)
                AMQ8409I: Display Queue details.
                   QUEUE(PAY.AUDIT)                        TYPE(QCLUSTER)
                   CLUSQMGR(PR3)                           CLUSTER(PAYCLUS)
                AMQ8409I: Display Queue details.
                   QUEUE(PAY.ROUTING)                      TYPE(QCLUSTER)
                   CLUSQMGR(PR3)                           CLUSTER(PAYCLUS)
                One MQSC command read.
                """);
        assertThat(mqsc("fr1", "FR1", "DIS QCLUSTER(PAY.AUDIT)\n").stdout())
                .containsOnlyOnce("AMQ8409I").contains("CLUSQMGR(PR3)");
    }

    @Test
    void partialRepositoryKnowsTheFullRepositoriesAndWhatItUsed() {
        assertThat(mqsc("pr1", "PR1", "DIS CLUSQMGR(*) QMTYPE\n").stdout())
                .contains("CLUSQMGR(FR1)").contains("CLUSQMGR(FR2)").contains("CLUSQMGR(PR1)")
                .doesNotContain("CLUSQMGR(PR3)");
        assertThat(mqsc("pr1", "PR1", "DIS QC(*)\n").stdout()).contains("QUEUE(PAY.REQUEST)")
                .doesNotContain("PAY.AUDIT");
        put("pr1", "PR1", "PAY.AUDIT", "audit 1");
        assertThat(lab.queueDepth("pr1", "PR1", "SYSTEM.CLUSTER.TRANSMIT.QUEUE")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(lab.messages("pr3", "PR3", "PAY.AUDIT")).containsExactly("audit 1");
        assertThat(mqsc("pr1", "PR1", "DIS QC(PAY.AUDIT)\n").stdout()).contains("CLUSQMGR(PR3)");
        assertThat(mqsc("pr1", "PR1", "DIS CLUSQMGR(PR3)\n").stdout()).contains("CLUSQMGR(PR3)");
    }

    @Test
    void clusterPutsBalanceOverRunningHostsAndAvoidSuspendedOnes() {
        put("pr3", "PR3", "PAY.REQUEST", "r1", "r2", "r3", "r4");
        clock.advance(Duration.ofSeconds(1));
        assertThat(lab.messages("pr1", "PR1", "PAY.REQUEST")).containsExactly("r1", "r3");
        assertThat(lab.messages("pr2", "PR2", "PAY.REQUEST")).containsExactly("r2", "r4");
        mqsc("pr1", "PR1", "SUSPEND QMGR CLUSTER(PAYCLUS)\n");
        put("pr3", "PR3", "PAY.REQUEST", "r5", "r6");
        clock.advance(Duration.ofSeconds(1));
        assertThat(lab.messages("pr2", "PR2", "PAY.REQUEST")).containsExactly("r2", "r4", "r5", "r6");
        run("pr2", "endmqm -i PR2");
        put("pr3", "PR3", "PAY.REQUEST", "r7");
        clock.advance(Duration.ofSeconds(1));
        assertThat(lab.messages("pr1", "PR1", "PAY.REQUEST")).containsExactly("r1", "r3", "r7");
        mqsc("pr1", "PR1", "RESUME QMGR CLUSTER(PAYCLUS)\n");
        run("pr2", "strmqm PR2");
        mqsc("pr3", "PR3", "STOP CHANNEL(TO.PR1)\n");
        put("pr3", "PR3", "PAY.REQUEST", "r8", "r9");
        clock.advance(Duration.ofSeconds(1));
        assertThat(lab.messages("pr2", "PR2", "PAY.REQUEST")).as("passes over the stopped cluster-sender to PR1")
                .endsWith("r8", "r9");
        assertThat(lab.messages("pr1", "PR1", "PAY.REQUEST")).containsExactly("r1", "r3", "r7");
    }

    @Test
    void theDefaultClusterSenderTemplateIsNeverStartedSoHasNoStatus() {
        run("pr2", "endmqm -i PR2");
        run("pr2", "strmqm PR2");
        assertThat(mqsc("pr2", "PR2", "DIS CHSTATUS(SYSTEM.*)\n").stdout())
                .contains("AMQ8420I: Channel Status not found.").doesNotContain("SYSTEM.DEF.CLUSSDR");
    }

    @Test
    void clusterChannelsToTheFullRepositoriesRunAfterStart() {
        run("pr2", "endmqm -i PR2");
        assertThat(mqsc("pr2", "PR2", "DIS CHSTATUS(TO.FR1)\n").exitCode()).isEqualTo(20);
        run("pr2", "strmqm PR2");
        assertThat(mqsc("pr2", "PR2", "DIS CHSTATUS(TO.FR*)\n").stdout()).contains("""
                AMQ8417I: Display Channel Status details.
                   CHANNEL(TO.FR1)                         CHLTYPE(CLUSSDR)
                   CONNAME(fr1(1441))                      CURRENT
                   RQMNAME(FR1)                            STATUS(RUNNING)
                   SUBSTATE(MQGET)                         XMITQ(SYSTEM.CLUSTER.TRANSMIT.QUEUE)
                AMQ8417I: Display Channel Status details.
                   CHANNEL(TO.FR2)                         CHLTYPE(CLUSSDR)
                   CONNAME(fr2(1442))                      CURRENT
                   RQMNAME(FR2)                            STATUS(RUNNING)
                   SUBSTATE(MQGET)                         XMITQ(SYSTEM.CLUSTER.TRANSMIT.QUEUE)
                """);
    }

    @Test
    void migrationShowsTheNewVersionToTheFullRepositories() {
        run("pr3", "endmqm -w PR3");
        lab.installVersion("pr3", "9.4.1.0");
        run("pr3", "strmqm PR3");
        assertThat(mqsc("fr1", "FR1", "DIS CLUSQMGR(PR3) VERSION\n").stdout()).contains("VERSION(09040100)");
    }
    @Test
    void anAutoDefinedClusterSenderStopsHoldsItsMessagesAndStartsAgain() {
        assertThat(mqsc("fr1", "FR1", "STOP CHANNEL(TO.PR3)\nDIS CHS(TO.PR3) STATUS\nDIS CLUSQMGR(PR3) STATUS\n")
                .stdout()).contains("AMQ8019I: Stop IBM MQ channel accepted.\n", "STATUS(STOPPED)\n",
                "   CLUSQMGR(PR3)                           CHANNEL(TO.PR3)\n");
        assertThat(mqsc("fr1", "FR1", "DIS CLUSQMGR(PR3) STATUS\n").stdout()).contains("STATUS(STOPPED)");
        put("fr1", "FR1", "PAY.AUDIT", "held");
        assertThat(lab.queueDepth("fr1", "FR1", "SYSTEM.CLUSTER.TRANSMIT.QUEUE")).isEqualTo(1);
        assertThat(mqsc("fr1", "FR1", "STOP CHANNEL(TO.PR3)\n").stdout())
                .contains("AMQ9533E: Channel 'TO.PR3' is not currently active.\n");
        assertThat(mqsc("fr1", "FR1", "START CHANNEL(TO.PR3)\n").stdout())
                .contains("AMQ8018I: Start IBM MQ channel accepted.\n");
        clock.advance(Duration.ofSeconds(1));
        assertThat(lab.messages("pr3", "PR3", "PAY.AUDIT")).containsExactly("held");
        assertThat(mqsc("fr1", "FR1", "START CHANNEL(TO.PR3)\n").stdout())
                .contains("AMQ9514E: Channel 'TO.PR3' is in use.\n");
    }

    /**
     * IBM: messages for another cluster queue manager wait on SYSTEM.CLUSTER.TRANSMIT.QUEUE, the cluster-sender to
     * that queue manager takes its own off it, and XQMSGSA shows each channel's share ("Monitoring clusters",
     * "Solving problems with cluster channels"; docs/lab.md "Channels, clusters, messages").
     */
    @Test
    void aBacklogForAStoppedClusterSenderWaitsOnTheClusterTransmissionQueueThenDrainsAtTheChannelRate() {
        lab = new SimulatedMqEstate(LabEstateFixture.labEstate(), clock,
                LabMqOptions.defaults().withChannelMessagesPerSecond(10), LabSeed.standard());
        mqsc("fr1", "FR1", "STOP CHANNEL(TO.PR3)\n");
        String[] audit = IntStream.rangeClosed(1, 30).mapToObj(i -> "audit " + i).toArray(String[]::new);
        put("fr1", "FR1", "PAY.AUDIT", audit);
        put("fr1", "FR1", "PAY.REQUEST", "request 1", "request 2");
        assertThat(mqsc("fr1", "FR1", "DIS QL(SYSTEM.CLUSTER.TRANSMIT.QUEUE) CURDEPTH\n").stdout())
                .contains("   CURDEPTH(32)\n");
        assertThat(mqsc("fr1", "FR1", "DIS CHS(TO.PR*) XQMSGSA\n").stdout()).contains("""
                   CHANNEL(TO.PR1)                         CHLTYPE(CLUSSDR)
                   CONNAME(pr1(1451))                      CURRENT
                   RQMNAME(PR1)                            STATUS(RUNNING)
                   SUBSTATE(MQGET)                         XMITQ(SYSTEM.CLUSTER.TRANSMIT.QUEUE)
                   XQMSGSA(1)
                """, """
                   CHANNEL(TO.PR3)                         CHLTYPE(CLUSSDR)
                   CONNAME(pr3(1453))                      CURRENT
                   RQMNAME( )                              STATUS(STOPPED)
                   SUBSTATE( )                             XMITQ(SYSTEM.CLUSTER.TRANSMIT.QUEUE)
                   XQMSGSA(30)
                """);

        clock.advance(Duration.ofSeconds(10));
        assertThat(lab.messages("pr1", "PR1", "PAY.REQUEST")).as("the other cluster-senders drain meanwhile")
                .containsExactly("request 1");
        assertThat(lab.messages("pr2", "PR2", "PAY.REQUEST")).containsExactly("request 2");
        assertThat(mqsc("fr1", "FR1", "DIS QSTATUS(SYSTEM.CLUSTER.TRANSMIT.QUEUE) CURDEPTH\n").stdout())
                .as("a stopped cluster-sender sends nothing").contains("CURDEPTH(30)");
        assertThat(lab.queueDepth("pr3", "PR3", "PAY.AUDIT")).isZero();

        mqsc("fr1", "FR1", "START CHANNEL(TO.PR3)\n");
        assertThat(lab.queueDepth("fr1", "FR1", "SYSTEM.CLUSTER.TRANSMIT.QUEUE")).isEqualTo(30);
        clock.advance(Duration.ofMillis(1050));
        assertThat(mqsc("fr1", "FR1", "DIS CHS(TO.PR3) MSGS XQMSGSA\n").stdout())
                .contains("STATUS(RUNNING)", "MSGS(10)", "XQMSGSA(20)");
        assertThat(lab.queueDepth("fr1", "FR1", "SYSTEM.CLUSTER.TRANSMIT.QUEUE")).isEqualTo(20);
        assertThat(lab.queueDepth("pr3", "PR3", "PAY.AUDIT")).isEqualTo(10);
        clock.advance(Duration.ofSeconds(1));
        assertThat(lab.queueDepth("fr1", "FR1", "SYSTEM.CLUSTER.TRANSMIT.QUEUE")).isEqualTo(10);
        clock.advance(Duration.ofSeconds(1));
        assertThat(mqsc("fr1", "FR1", "DIS CHS(TO.PR3) MSGS XQMSGSA\n").stdout()).contains("MSGS(30)", "XQMSGSA(0)");
        assertThat(mqsc("pr3", "PR3", "DIS CHS(TO.PR3) MSGS\n").stdout()).contains("MSGS(30)");
        assertThat(lab.messages("pr3", "PR3", "PAY.AUDIT")).containsExactly(audit);
    }

    @Test
    void messagesForAQueueManagerThatIsDownWaitWhileItsClusterSenderRetries() {
        run("pr3", "endmqm -i PR3");
        put("pr1", "PR1", "PAY.AUDIT", "while down 1", "while down 2");
        clock.advance(Duration.ofMinutes(5));
        assertThat(mqsc("pr1", "PR1", "DIS CHS(TO.PR3) XQMSGSA\n").stdout())
                .contains("STATUS(RETRYING)", "XQMSGSA(2)");
        assertThat(lab.queueDepth("pr1", "PR1", "SYSTEM.CLUSTER.TRANSMIT.QUEUE")).isEqualTo(2);
        run("pr3", "strmqm PR3");
        clock.advance(Duration.ofSeconds(1));
        assertThat(lab.messages("pr3", "PR3", "PAY.AUDIT")).containsExactly("while down 1", "while down 2");
        assertThat(mqsc("pr1", "PR1", "DIS CHS(TO.PR3) XQMSGSA\n").stdout())
                .contains("STATUS(RUNNING)", "XQMSGSA(0)");
        mqsc("pr3", "PR3", "STOP LISTENER(LISTENER.TCP)\n");
        put("pr1", "PR1", "PAY.AUDIT", "listener stopped");
        clock.advance(Duration.ofSeconds(5));
        assertThat(mqsc("pr1", "PR1", "DIS CHS(TO.PR3) XQMSGSA\n").stdout())
                .contains("STATUS(RETRYING)", "XQMSGSA(1)");
        mqsc("pr3", "PR3", "START LISTENER(LISTENER.TCP)\n");
        clock.advance(Duration.ofSeconds(1));
        assertThat(lab.messages("pr3", "PR3", "PAY.AUDIT")).endsWith("listener stopped");
    }

    @Test
    void aMessageTriggersAnExplicitClusterSenderThatWasNeverStarted() {
        // MQ starts a cluster-sender for a message on SYSTEM.CLUSTER.TRANSMIT.QUEUE; it must not wait forever.
        mqsc("pr1", "PR1", "DEFINE CHANNEL(TO.PR3) CHLTYPE(CLUSSDR) CONNAME('pr3(1453)') CLUSTER(PAYCLUS)\n");
        lab.execute("pr1", "mqm", java.util.List.of("/opt/mqm/samp/bin/amqsput", "PAY.AUDIT", "PR1"), "a1\n");
        clock.advance(java.time.Duration.ofSeconds(30));

        assertThat(lab.queueDepth("pr1", "PR1", "SYSTEM.CLUSTER.TRANSMIT.QUEUE")).isZero();
        assertThat(lab.queueDepth("pr3", "PR3", "PAY.AUDIT")).isEqualTo(1);
    }
}
