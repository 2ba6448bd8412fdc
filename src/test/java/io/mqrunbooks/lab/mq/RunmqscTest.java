package io.mqrunbooks.lab.mq;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.lab.LabCommandHandler.LabExecution;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunmqscTest extends LabTestSupport {

    private static final String HEAD = "5724-H72 (C) Copyright IBM Corp. 1994, 2024.\n"
            + "Starting MQSC for queue manager QM1.\n\n\n";
    private static final String ALL_GOOD = "No commands have a syntax error.\nAll valid MQSC commands were processed.\n";

    @Test
    void oneCommandWithBannerEchoAndTrailer() {
        LabExecution r = mqsc("mqeast1", "QM1", "DISPLAY QMSTATUS\n");
        assertThat(r.stdout()).isEqualTo(HEAD
                + "     1 : DISPLAY QMSTATUS\n"
                + "AMQ8705I: Display Queue Manager Status Details.\n"
                + "   QMNAME(QM1)                             STATUS(RUNNING)\n"
                + "One MQSC command read.\n" + ALL_GOOD);
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void abbreviationsContinuationCommentsAndEnd() {
        String script = """
                * create the queue
                def ql(app.q) +
                    descr('Application queue') -
                 maxdepth(100)

                dis ql(APP.Q) DESCR MAXDEPTH
                end
                DISPLAY QMGR
                """;
        LabExecution r = mqsc("mqeast1", "QM1", script);
        assertThat(r.stdout()).isEqualTo(HEAD
                + "       : * create the queue\n"
                + "     1 : def ql(app.q) +\n"
                + "       :     descr('Application queue') -\n"
                + "       :  maxdepth(100)\n"
                + "AMQ8006I: IBM MQ queue created.\n"
                + "       : \n"
                + "     2 : dis ql(APP.Q) DESCR MAXDEPTH\n"
                + "AMQ8409I: Display Queue details.\n"
                + "   QUEUE(APP.Q)                            TYPE(QLOCAL)\n"
                + "   DESCR(Application queue)                MAXDEPTH(100)\n"
                + "     3 : end\n"
                + "2 MQSC commands read.\n" + ALL_GOOD);
    }

    @Test
    void syntaxErrorsAndFailedCommandsAreCountedAndExitTen() {
        String script = """
                DEFINE QLOCAL(PAYMENT.IN)
                DISPLAY QMGR LOGTYPE
                FROB QLOCAL(X)
                ALTER QLOCAL(NOT.THERE) MAXDEPTH(10)
                DISPLAY CHSTATUS(QM1.TO.NOWHERE)
                """;
        LabExecution r = mqsc("mqeast1", "QM1", script);
        assertThat(r.stdout()).isEqualTo(HEAD
                + "     1 : DEFINE QLOCAL(PAYMENT.IN)\n"
                + "AMQ8150E: IBM MQ object already exists.\n"
                + "     2 : DISPLAY QMGR LOGTYPE\n"
                + "AMQ8405I: Syntax error detected at or near end of command segment below:-\n"
                + "DISPLAY QMGR LOGTYPE\n"
                + "\n"
                + "     3 : FROB QLOCAL(X)\n"
                + "AMQ8405I: Syntax error detected at or near end of command segment below:-\n"
                + "FROB\n"
                + "\n"
                + "     4 : ALTER QLOCAL(NOT.THERE) MAXDEPTH(10)\n"
                + "AMQ8147E: IBM MQ object NOT.THERE not found.\n"
                + "     5 : DISPLAY CHSTATUS(QM1.TO.NOWHERE)\n"
                + "AMQ8420I: Channel Status not found.\n"
                + "5 MQSC commands read.\n"
                + "2 commands have a syntax error.\n"
                + "3 valid MQSC commands could not be processed.\n");
        assertThat(r.exitCode()).isEqualTo(10);
        LabExecution one = mqsc("mqeast1", "QM1", "DEFINE QLOCAL(PAYMENT.IN) REPLACE\nDIS QL(X) BOGUS\n");
        assertThat(one.stdout()).endsWith("2 MQSC commands read.\nOne command has a syntax error.\n"
                + "All valid MQSC commands were processed.\n");
        assertThat(one.exitCode()).isEqualTo(10);
    }

    /**
     * As an MQ 9.1 runmqsc printed it (github.com/cgomeznt/MQ-MFT, the Spanish setup guide, find_string id
     * 42140790478): "     3 : DEFINE QREMOTE (LOCAL.DEF.OF.REMOTE.QUEUE) RNAME (RECEIVER.Q) RQMNAME (QMB') XMITQ (QMB)",
     * then AMQ8405I and the segment "DEFINE QREMOTE (LOCAL.DEF.OF.REMOTE.QUEUE) RNAME (RECEIVER.Q) RQMNAME (QMB'"
     * and a blank line: the segment ends at the stray quote, not at the end of the command.
     */
    @Test
    void unbalancedQuoteEndsTheSegmentAtTheQuote() {
        LabExecution r = mqsc("mqeast1", "QM1", "DEFINE QREMOTE (R1) RNAME (Q) RQMNAME (QMB') XMITQ (QMB)\n");
        assertThat(r.stdout()).contains("     1 : DEFINE QREMOTE (R1) RNAME (Q) RQMNAME (QMB') XMITQ (QMB)\n"
                + "AMQ8405I: Syntax error detected at or near end of command segment below:-\n"
                + "DEFINE QREMOTE (R1) RNAME (Q) RQMNAME (QMB'\n\n"
                + "One MQSC command read.\nOne command has a syntax error.\n");
    }

    @Test
    void queueManagerNotRunningIsAmq8146WithExit20() {
        LabExecution r = mqsc("mqwest1", "QM1", "DISPLAY QMGR\n");
        assertThat(r.stdout()).isEqualTo("5724-H72 (C) Copyright IBM Corp. 1994, 2024.\n"
                + "Starting MQSC for queue manager QM1.\n\n"
                + "AMQ8146E: IBM MQ queue manager not available.\n"
                + "No MQSC commands read.\n" + ALL_GOOD);
        assertThat(r.exitCode()).isEqualTo(20);
    }

    @Test
    void displayQueueDepthFollowsPutsAndGets() {
        LabExecution put = lab.execute("mqeast1", "mqm", List.of("/opt/mqm/samp/bin/amqsput", "PAYMENT.IN", "QM1"),
                "corr=4f1c2a test one\ncorr=77aa test two\n\nnot sent\n");
        assertThat(put.stdout()).isEqualTo("Sample AMQSPUT0 start\ntarget queue is PAYMENT.IN\nSample AMQSPUT0 end\n");
        assertThat(mqsc("mqeast1", "QM1", "DIS QL(PAYMENT.IN) CURDEPTH\n").stdout()).contains(
                "AMQ8409I: Display Queue details.\n"
                        + "   QUEUE(PAYMENT.IN)                       TYPE(QLOCAL)\n"
                        + "   CURDEPTH(2)\n");
        assertThat(mqsc("mqeast1", "QM1", "DIS QSTATUS(PAYMENT.IN)\n").stdout()).contains(
                "AMQ8450I: Display queue status details.\n"
                        + "   QUEUE(PAYMENT.IN)                       TYPE(QUEUE)\n"
                        + "   CURDEPTH(2)                             IPPROCS(0)\n"
                        + "   OPPROCS(0)                              UNCOM(NO)\n");
        LabExecution get = lab.execute("mqeast1", "mqm", List.of("/opt/mqm/samp/bin/amqsget", "PAYMENT.IN", "QM1"), "");
        assertThat(get.stdout()).isEqualTo("Sample AMQSGET0 start\nmessage <corr=4f1c2a test one>\n"
                + "message <corr=77aa test two>\nno more messages\nSample AMQSGET0 end\n");
        assertThat(lab.queueDepth("mqeast1", "QM1", "PAYMENT.IN")).isZero();
        LabExecution missing = lab.execute("mqeast1", "mqm", List.of("/opt/mqm/samp/bin/amqsput", "NOPE", "QM1"), "x\n");
        assertThat(missing.stdout()).isEqualTo("Sample AMQSPUT0 start\ntarget queue is NOPE\n"
                + "MQOPEN ended with reason code 2085\nunable to open queue for output\nSample AMQSPUT0 end\n");
        LabExecution down = lab.execute("mqwest1", "mqm", List.of("/opt/mqm/samp/bin/amqsput", "PAYMENT.IN", "QM1"), "x\n");
        assertThat(down.stdout()).isEqualTo("Sample AMQSPUT0 start\nMQCONNX ended with reason code 2059\n");
        assertThat(down.exitCode()).isEqualTo(2059 & 0xFF);
    }

    @Test
    void displayQmgrListsAttributesInTwoColumns() {
        LabExecution r = mqsc("fr1", "FR1", "DIS QMGR QMNAME REPOS VERSION CMDLEVEL\n");
        assertThat(r.stdout()).contains("AMQ8408I: Display Queue Manager details.\n"
                + "   QMNAME(FR1)                             CMDLEVEL(940)\n"
                + "   REPOS(PAYCLUS)                          VERSION(09040000)\n");
    }

    @Test
    void senderChannelRunsWhenItsPartnerListensAndRetriesWhenNot() {
        assertThat(mqsc("mqeast1", "QM1", "START CHANNEL(QM1.TO.BANK)\n").stdout())
                .contains("AMQ8018I: Start IBM MQ channel accepted.\n");
        assertThat(mqsc("mqeast1", "QM1", "DIS CHS(QM1.TO.BANK)\n").stdout()).contains(
                "AMQ8417I: Display Channel Status details.\n"
                        + "   CHANNEL(QM1.TO.BANK)                    CHLTYPE(SDR)\n"
                        + "   CONNAME(partner1(1471))                 CURRENT\n"
                        + "   RQMNAME(BANKGW)                         STATUS(RUNNING)\n"
                        + "   SUBSTATE(MQGET)                         XMITQ(QM1.TO.BANK.XMIT)\n");
        assertThat(mqsc("partner1", "BANKGW", "DIS CHSTATUS(QM1.TO.BANK)\n").stdout())
                .contains("   RQMNAME(QM1)                            STATUS(RUNNING)\n");
        assertThat(mqsc("mqeast1", "QM1", "START CHANNEL(QM1.TO.BANK)\n").stdout())
                .contains("AMQ9514E: Channel 'QM1.TO.BANK' is in use.\n");
        run("partner1", "endmqm -i BANKGW");
        assertThat(mqsc("mqeast1", "QM1", "DIS CHSTATUS(QM1.TO.BANK) STATUS\n").stdout()).contains(
                "   CHANNEL(QM1.TO.BANK)                    CHLTYPE(SDR)\n"
                        + "   CONNAME(partner1(1471))                 CURRENT\n"
                        + "   RQMNAME( )                              STATUS(RETRYING)\n"
                        + "   SUBSTATE( )                             XMITQ(QM1.TO.BANK.XMIT)\n");
        assertThat(mqsc("mqeast1", "QM1", "PING CHANNEL(QM1.TO.BANK)\n").stdout())
                .contains("AMQ9202E: Remote host 'partner1 (1471)' not available, retry later.\n");
        assertThat(mqsc("mqeast1", "QM1", "STOP CHANNEL(QM1.TO.BANK)\nDIS CHS(QM1.TO.BANK) STATUS\n").stdout())
                .contains("AMQ8019I: Stop IBM MQ channel accepted.\n")
                .contains("   RQMNAME( )                              STATUS(STOPPED)\n");
        assertThat(mqsc("mqeast1", "QM1", "STOP CHANNEL(QM1.TO.CARDS)\n").stdout())
                .contains("AMQ9533E: Channel 'QM1.TO.CARDS' is not currently active.\n");
        assertThat(mqsc("mqeast1", "QM1", "START CHANNEL(NO.SUCH)\n").stdout())
                .contains("AMQ8227E: Channel NO.SUCH not found.\n");
    }

    @Test
    void drActivationOfAWarmBackupRepointsTheSenderAndMessagesFlow() {
        run("mqeast1", "endmqm -i QM1");
        assertThat(run("mqwest1", "strmqm QM1").exitCode()).isZero();
        String script = """
                ALTER CHANNEL(QM1.TO.BANK) CHLTYPE(SDR) CONNAME('127.0.0.1(1471)')
                START LISTENER(LISTENER.TCP)
                START CHANNEL(QM1.TO.BANK)
                DIS CHSTATUS(QM1.TO.BANK) STATUS CONNAME
                """;
        LabExecution r = mqsc("mqwest1", "QM1", script);
        assertThat(r.stdout()).contains("AMQ8016I: IBM MQ channel changed.\n")
                .contains("AMQ8021I: Request to start IBM MQ listener accepted.\n")
                .contains("   CONNAME(127.0.0.1(1471))                CURRENT\n"
                        + "   RQMNAME(BANKGW)                         STATUS(RUNNING)\n");
        assertThat(r.exitCode()).isZero();
        lab.execute("mqwest1", "mqm", List.of("/opt/mqm/samp/bin/amqsput", "QM1.TO.BANK.OUT", "QM1"), "dr test 1\n");
        clock.advance(Duration.ofSeconds(1));
        assertThat(lab.messages("partner1", "BANKGW", "PAYMENTS.IN")).containsExactly("dr test 1");
        assertThat(lab.queueDepth("mqwest1", "QM1", "QM1.TO.BANK.XMIT")).isZero();
    }

    @Test
    void transmissionQueueHoldsMessagesUntilTheChannelRuns() {
        lab.execute("mqeast2", "mqm", List.of("/opt/mqm/samp/bin/amqsput", "QM2.TO.BANK.OUT", "QM2"), "a\nb\n");
        assertThat(mqsc("mqeast2", "QM2", "DIS QL(QM2.TO.BANK.XMIT) CURDEPTH USAGE\n").stdout()).contains(
                "   QUEUE(QM2.TO.BANK.XMIT)                 TYPE(QLOCAL)\n"
                        + "   CURDEPTH(2)                             USAGE(XMITQ)\n");
        mqsc("mqeast2", "QM2", "START CHANNEL(QM2.TO.BANK)\n");
        clock.advance(Duration.ofSeconds(1));
        assertThat(lab.queueDepth("mqeast2", "QM2", "QM2.TO.BANK.XMIT")).isZero();
        assertThat(lab.messages("partner1", "BANKGW", "PAYMENTS.IN")).containsExactly("a", "b");
    }

    @Test
    void deleteClearPingAndListeners() {
        lab.putMessages("mqeast1", "QM1", "PAYMENT.OUT", 3, false);
        String script = """
                DELETE QLOCAL(PAYMENT.OUT)
                CLEAR QLOCAL(PAYMENT.OUT)
                DELETE QLOCAL(PAYMENT.OUT)
                DELETE QLOCAL(PAYMENT.OUT)
                PING CHANNEL(QM1.TO.CARDS)
                """;
        assertThat(mqsc("mqeast1", "QM1", script).stdout()).contains(
                "     1 : DELETE QLOCAL(PAYMENT.OUT)\n"
                        + "AMQ8143E: IBM MQ queue not empty.\n"
                        + "     2 : CLEAR QLOCAL(PAYMENT.OUT)\n"
                        + "AMQ8022I: IBM MQ queue cleared.\n"
                        + "     3 : DELETE QLOCAL(PAYMENT.OUT)\n"
                        + "AMQ8007I: IBM MQ queue deleted.\n"
                        + "     4 : DELETE QLOCAL(PAYMENT.OUT)\n"
                        + "AMQ8147E: IBM MQ object PAYMENT.OUT not found.\n"
                        + "     5 : PING CHANNEL(QM1.TO.CARDS)\n"
                        + "AMQ8020I: Ping IBM MQ channel complete.\n");
        mqsc("partner1", "BANKGW", "STOP LISTENER(LISTENER.TCP)\n");
        assertThat(mqsc("mqeast1", "QM1", "START CHL(QM1.TO.CARDS)\nDIS CHS(QM1.TO.CARDS)\n").stdout())
                .contains("STATUS(RETRYING)");
        assertThat(mqsc("partner1", "BANKGW", "START LISTENER(LISTENER.TCP)\n").stdout())
                .contains("AMQ8021I: Request to start IBM MQ listener accepted.\n");
        assertThat(mqsc("mqeast1", "QM1", "DIS CHS(QM1.TO.CARDS)\n").stdout()).contains("STATUS(RUNNING)");
        assertThat(mqsc("partner1", "BANKGW", "DIS LISTENER(*) ALL\n").stdout()).contains("""
                AMQ8630I: Display listener information details.
                   LISTENER(LISTENER.TCP)                  CONTROL(QMGR)
                   TRPTYPE(TCP)                            PORT(1471)
                   IPADDR( )                               BACKLOG(0)
                   DESCR( )                                ALTDATE(2026-11-21)
                   ALTTIME(09.00.00)
                """);
    }

    @Test
    void whereFiltersOnNumbersAndShowsTheFilterAttribute() {
        lab.putMessages("mqeast1", "QM1", "PAYMENT.IN", 2, true);
        assertThat(mqsc("mqeast1", "QM1", "DIS QL(PAY*) WHERE(CURDEPTH GT 0)\n").stdout()).contains(
                "AMQ8409I: Display Queue details.\n"
                        + "   QUEUE(PAYMENT.IN)                       TYPE(QLOCAL)\n"
                        + "   CURDEPTH(2)\n"
                        + "One MQSC command read.\n");
        assertThat(mqsc("mqeast1", "QM1", "DIS Q(NOTHING*)\n").stdout())
                .contains("AMQ8147E: IBM MQ object NOTHING* not found.\n");
    }

    @Test
    void displayQmstatusAllFollowsMqsOrder() {
        assertThat(mqsc("mqeast1", "QM1", "DIS QMSTATUS ALL\n").stdout()).contains("""
                AMQ8705I: Display Queue Manager Status Details.
                   QMNAME(QM1)                             TYPE(QMGR)
                   STATUS(RUNNING)                         CHINIT(RUNNING)
                   CMDSERV(RUNNING)                        CONNS(22)
                   DATPATH(/var/mqm/qmgrs/QM1)             HOSTNAME(mqeast1)
                   INSTNAME(Installation1)                 INSTPATH(/opt/mqm)
                   LOGPATH(/var/mqm/log/QM1/active/)       STANDBY(NOPERMIT)
                   STARTDA(2026-11-21)                     STARTTI(09.00.00)
                """);
    }

    @Test
    void listenerStatusShowsRunningListenersOnly() {
        assertThat(mqsc("mqeast1", "QM1", "DIS LSSTATUS(*)\n").stdout()).contains("""
                AMQ8631I: Display listener status details.
                   LISTENER(LISTENER.TCP)                  STATUS(RUNNING)
                   PID(3887)                               STARTDA(2026-11-21)
                   STARTTI(09.00.00)                       DESCR( )
                   TRPTYPE(TCP)                            CONTROL(QMGR)
                   IPADDR(*)                               PORT(1414)
                   BACKLOG(100)
                One MQSC command read.
                """);
        LabExecution stopped = mqsc("mqeast1", "QM1", "STOP LISTENER(LISTENER.TCP)\nDIS LSSTATUS(LISTENER.TCP)\n");
        assertThat(stopped.stdout()).contains("AMQ8147E: IBM MQ object LISTENER.TCP not found.\n");
        assertThat(stopped.exitCode()).isEqualTo(10);
    }

    @Test
    void aMessagePutStraightOntoATransmissionQueueEndsOnThePartnersDeadLetterQueue() {
        lab.putMessages("mqeast2", "QM2", "QM2.TO.BANK.XMIT", 1, false);
        mqsc("mqeast2", "QM2", "START CHANNEL(QM2.TO.BANK)\n");
        clock.advance(Duration.ofSeconds(1));
        assertThat(lab.messages("partner1", "BANKGW", "SYSTEM.DEAD.LETTER.QUEUE")).containsExactly("lab message 1");
    }

    @Test
    void oneNameWithNoAttributeListShowsEveryAttributeAndAGenericNameOnlyNameAndType() {
        String one = mqsc("mqeast1", "QM1", "DIS QL(PAYMENT.IN)\n").stdout();
        assertThat(one).isEqualTo(mqsc("mqeast1", "QM1", "DIS QL(PAYMENT.IN) ALL\n").stdout()
                .replace(" ALL\n", "\n"));
        assertThat(one).contains("CURDEPTH(0)", "MAXDEPTH(", "DEFPSIST(");
        String channel = mqsc("mqeast1", "QM1", "DIS CHL(SYSTEM.DEF.SENDER)\n").stdout();
        assertThat(channel).contains("CHLTYPE(SDR)", "XMITQ(", "DISCINT(");
        assertThat(mqsc("fr1", "FR1", "DIS CLUSQMGR(PR3)\n").stdout()).contains("QMTYPE(NORMAL)", "SUSPEND(NO)",
                "VERSION(");
        assertThat(mqsc("mqeast1", "QM1", "DIS QL(PAYMENT.*)\n").stdout()).contains(
                "   QUEUE(PAYMENT.IN)                       TYPE(QLOCAL)\n"
                        + "AMQ8409I: Display Queue details.\n").doesNotContain("MAXDEPTH(");
        assertThat(mqsc("mqeast1", "QM1", "DIS QL(PAYMENT.IN) CURDEPTH\n").stdout()).doesNotContain("MAXDEPTH(");
    }

    @Test
    void channelStatusAllAndRequestedAttributesKeepWhatMqAlwaysReturns() {
        mqsc("mqeast2", "QM2", "START CHANNEL(QM2.TO.BANK)\nSTOP CHANNEL(QM2.TO.BANK)\n");
        lab.putMessages("mqeast2", "QM2", "QM2.TO.BANK.XMIT", 2, false);
        String waiting = mqsc("mqeast2", "QM2", "DIS CHS(QM2.TO.BANK) XQMSGSA MSGS INDOUBT\n").stdout();
        assertThat(waiting).contains("""
                AMQ8417I: Display Channel Status details.
                   CHANNEL(QM2.TO.BANK)                    CHLTYPE(SDR)
                """, "   INDOUBT(NO)", "   MSGS(0)", "STATUS(STOPPED)", "XQMSGSA(2)");
        mqsc("mqeast2", "QM2", "START CHANNEL(QM2.TO.BANK)\n");
        clock.advance(Duration.ofSeconds(1));
        String sent = mqsc("mqeast2", "QM2", "DIS CHS(QM2.TO.BANK) XQMSGSA MSGS\n").stdout();
        assertThat(sent).contains("MSGS(2)", "XQMSGSA(0)", "STATUS(RUNNING)");
        assertThat(mqsc("partner1", "BANKGW", "DIS CHS(QM2.TO.BANK) MSGS\n").stdout()).contains("MSGS(2)",
                "SUBSTATE(RECEIVE)");
        String all = mqsc("mqeast2", "QM2", "DIS CHS(QM2.TO.BANK) ALL\n").stdout();
        assertThat(all).contains("   BATCHES(2)                              BATCHSZ(50)\n", "   LONGRTS(999999999)",
                "   XQTIME(0,0)                             RVERSION(09040000)\n   RPRODUCT(MQMM)\n");
    }

    @Test
    void aStoppedClusterReceiverLeavesAStoppedRow() {
        LabExecution stopped = mqsc("fr1", "FR1", "STOP CHANNEL(TO.FR1)\nDIS CHS(TO.FR1)\n");
        assertThat(stopped.stdout()).contains("""
                AMQ8417I: Display Channel Status details.
                   CHANNEL(TO.FR1)                         CHLTYPE(CLUSRCVR)
                   CONNAME( )                              CURRENT
                   RQMNAME( )                              STATUS(STOPPED)
                   SUBSTATE( )
                """);
    }
    @Test
    void aTransmissionQueueBacklogDrainsAtTheChannelRate() {
        lab = new SimulatedMqEstate(LabEstateFixture.labEstate(), clock,
                LabMqOptions.defaults().withChannelMessagesPerSecond(10), LabSeed.standard());
        lab.putMessages("mqeast2", "QM2", "QM2.TO.BANK.XMIT", 50, true);
        mqsc("mqeast2", "QM2", "START CHANNEL(QM2.TO.BANK)\n");
        assertThat(lab.queueDepth("mqeast2", "QM2", "QM2.TO.BANK.XMIT")).isEqualTo(50);
        clock.advance(Duration.ofMillis(2050));
        assertThat(lab.queueDepth("mqeast2", "QM2", "QM2.TO.BANK.XMIT")).isEqualTo(30);
        assertThat(mqsc("mqeast2", "QM2", "DIS CHS(QM2.TO.BANK) XQMSGSA MSGS\n").stdout()).contains("MSGS(20)",
                "XQMSGSA(30)");
        clock.advance(Duration.ofSeconds(1));
        mqsc("mqeast2", "QM2", "STOP CHANNEL(QM2.TO.BANK)\n");
        clock.advance(Duration.ofSeconds(10));
        assertThat(lab.queueDepth("mqeast2", "QM2", "QM2.TO.BANK.XMIT")).isEqualTo(20);
        mqsc("mqeast2", "QM2", "START CHANNEL(QM2.TO.BANK)\n");
        clock.advance(Duration.ofSeconds(2));
        assertThat(lab.queueDepth("mqeast2", "QM2", "QM2.TO.BANK.XMIT")).isZero();
        assertThat(lab.queueDepth("partner1", "BANKGW", "SYSTEM.DEAD.LETTER.QUEUE")).isEqualTo(50);
    }
    @Test
    void anIdleSenderEndsAfterItsDisconnectIntervalAndTheNextMessageStartsItAgain() {
        mqsc("mqeast2", "QM2", "ALTER CHANNEL(QM2.TO.BANK) CHLTYPE(SDR) DISCINT(60)\nSTART CHANNEL(QM2.TO.BANK)\n");
        clock.advance(Duration.ofSeconds(59));
        assertThat(mqsc("mqeast2", "QM2", "DIS CHS(QM2.TO.BANK) STATUS\n").stdout()).contains("STATUS(RUNNING)");
        clock.advance(Duration.ofSeconds(1));
        LabExecution ended = mqsc("mqeast2", "QM2", "DIS CHS(QM2.TO.BANK)\nSTOP CHANNEL(QM2.TO.BANK)\n");
        assertThat(ended.stdout()).contains("AMQ8420I: Channel Status not found.\n",
                "AMQ9533E: Channel 'QM2.TO.BANK' is not currently active.\n");
        lab.execute("mqeast2", "mqm", List.of("/opt/mqm/samp/bin/amqsput", "QM2.TO.BANK.OUT", "QM2"), "later\n");
        clock.advance(Duration.ofSeconds(1));
        assertThat(lab.messages("partner1", "BANKGW", "PAYMENTS.IN")).containsExactly("later");
        assertThat(mqsc("mqeast2", "QM2", "DIS CHS(QM2.TO.BANK) MSGS\n").stdout()).contains("STATUS(RUNNING)",
                "MSGS(1)");
    }

    @Test
    void aStartedSenderIsStartingThenBindingThenRunningAndAQuiescedStopIsStoppingBeforeStopped() {
        lab = new SimulatedMqEstate(LabEstateFixture.labEstate(), clock, LabMqOptions.defaults()
                .withChannelStartTime(Duration.ofSeconds(2)).withChannelBindTime(Duration.ofSeconds(3))
                .withChannelStopTime(Duration.ofSeconds(4)), LabSeed.standard());
        lab.putMessages("mqeast2", "QM2", "QM2.TO.BANK.XMIT", 2, false);
        mqsc("mqeast2", "QM2", "START CHANNEL(QM2.TO.BANK)\n");
        clock.advance(Duration.ofSeconds(1));
        assertThat(mqsc("mqeast2", "QM2", "DIS CHS(QM2.TO.BANK) MCASTAT\n").stdout())
                .contains("STATUS(STARTING)", "MCASTAT(NOTRUNNING)");
        assertThat(mqsc("mqeast2", "QM2", "START CHANNEL(QM2.TO.BANK)\n").stdout())
                .contains("AMQ9514E: Channel 'QM2.TO.BANK' is in use.\n");
        clock.advance(Duration.ofSeconds(2));
        assertThat(mqsc("mqeast2", "QM2", "DIS CHS(QM2.TO.BANK)\n").stdout()).contains("STATUS(BINDING)");
        assertThat(lab.queueDepth("mqeast2", "QM2", "QM2.TO.BANK.XMIT")).as("nothing moves before it runs").isEqualTo(2);
        clock.advance(Duration.ofSeconds(3));
        assertThat(mqsc("mqeast2", "QM2", "DIS CHS(QM2.TO.BANK)\n").stdout()).contains("STATUS(RUNNING)");

        assertThat(mqsc("mqeast2", "QM2", "STOP CHANNEL(QM2.TO.BANK)\n").stdout())
                .contains("AMQ8019I: Stop IBM MQ channel accepted.\n");
        assertThat(mqsc("mqeast2", "QM2", "DIS CHS(QM2.TO.BANK) MCASTAT STOPREQ\n").stdout())
                .contains("STATUS(STOPPING)", "MCASTAT(RUNNING)", "STOPREQ(YES)");
        clock.advance(Duration.ofSeconds(4));
        assertThat(mqsc("mqeast2", "QM2", "DIS CHS(QM2.TO.BANK) MCASTAT STOPREQ\n").stdout())
                .contains("STATUS(STOPPED)", "MCASTAT(NOTRUNNING)", "STOPREQ(NO)");

        mqsc("mqeast2", "QM2", "START CHANNEL(QM2.TO.BANK)\n");
        clock.advance(Duration.ofSeconds(5));
        assertThat(mqsc("mqeast2", "QM2", "STOP CHANNEL(QM2.TO.BANK) MODE(FORCE)\nDIS CHS(QM2.TO.BANK)\n").stdout())
                .as("FORCE does not wait for the batch").contains("STATUS(STOPPED)").doesNotContain("STOPPING");
        assertThat(mqsc("mqeast2", "QM2", "STOP CHANNEL(QM2.TO.BANK) MODE(NOW)\n").stdout())
                .contains("AMQ8405I: Syntax error detected");
    }

    @Test
    void aStartedSenderBindsForTheConfiguredTimeAndSendsNothingUntilItRuns() {
        lab = new SimulatedMqEstate(LabEstateFixture.labEstate(), clock,
                LabMqOptions.defaults().withChannelBindTime(Duration.ofSeconds(3)), LabSeed.standard());
        lab.putMessages("mqeast2", "QM2", "QM2.TO.BANK.XMIT", 2, false);
        mqsc("mqeast2", "QM2", "START CHANNEL(QM2.TO.BANK)\n");
        clock.advance(Duration.ofSeconds(2));
        // Layout and values of a binding sender as the real MQ 8 DIS CHS(*) ALL sample shows them
        // (mq-output/runmqsc/chstatus-all-sender-receiver-mq8.txt): MCA running, partner not yet known.
        String binding = mqsc("mqeast2", "QM2", "DIS CHS(QM2.TO.BANK) MCASTAT RVERSION\n").stdout();
        assertThat(binding).contains("""
                   CHANNEL(QM2.TO.BANK)                    CHLTYPE(SDR)
                   CONNAME(partner1(1471))                 CURRENT
                   MCASTAT(RUNNING)                        RQMNAME( )
                   STATUS(BINDING)                         SUBSTATE(NETCONNECT)
                   XMITQ(QM2.TO.BANK.XMIT)                 RVERSION( )
                """);
        assertThat(mqsc("mqeast2", "QM2", "START CHANNEL(QM2.TO.BANK)\n").stdout())
                .contains("AMQ9514E: Channel 'QM2.TO.BANK' is in use.\n");
        assertThat(lab.queueDepth("mqeast2", "QM2", "QM2.TO.BANK.XMIT")).as("nothing moves while binding").isEqualTo(2);
        assertThat(mqsc("partner1", "BANKGW", "DIS CHS(QM2.TO.BANK)\n").stdout())
                .contains("AMQ8420I: Channel Status not found.\n");
        clock.advance(Duration.ofSeconds(1));
        assertThat(mqsc("mqeast2", "QM2", "DIS CHS(QM2.TO.BANK)\n").stdout())
                .contains("   RQMNAME(BANKGW)                         STATUS(RUNNING)\n");
        clock.advance(Duration.ofSeconds(1));
        assertThat(lab.queueDepth("mqeast2", "QM2", "QM2.TO.BANK.XMIT")).isZero();
    }

    @Test
    void savedStatusStartsWithTheFirstBatchOutlivesARestartAndRecordsAStop() {
        assertThat(mqsc("mqeast2", "QM2", "DIS CHS(QM2.TO.BANK) SAVED\n").stdout())
                .as("no batch sent yet").contains("AMQ8420I: Channel Status not found.\n");
        mqsc("mqeast2", "QM2", "START CHANNEL(QM2.TO.BANK)\n");
        lab.putMessages("mqeast2", "QM2", "QM2.TO.BANK.XMIT", 3, true);
        clock.advance(Duration.ofSeconds(1));
        String saved = mqsc("mqeast2", "QM2", "DIS CHS(QM2.TO.BANK) SAVED\n").stdout();
        assertThat(saved).contains("""
                AMQ8417I: Display Channel Status details.
                   CHANNEL(QM2.TO.BANK)                    CHLTYPE(SDR)
                   CONNAME(partner1(1471))                 RQMNAME(BANKGW)
                   SAVED                                   STATUS(RUNNING)
                   XMITQ(QM2.TO.BANK.XMIT)
                """).doesNotContain("CURRENT", "SUBSTATE");
        assertThat(mqsc("mqeast2", "QM2", "DIS CHS(QM2.TO.BANK) SAVED ALL\n").stdout()).contains("""
                   CHANNEL(QM2.TO.BANK)                    CHLTYPE(SDR)
                   CONNAME(partner1(1471))                 CURLUWID(0000000000000000)
                   CURMSGS(0)                              CURSEQNO(3)
                   INDOUBT(NO)                             LSTLUWID(0000000000000000)
                   LSTSEQNO(3)                             RQMNAME(BANKGW)
                   SAVED                                   STATUS(RUNNING)
                   XMITQ(QM2.TO.BANK.XMIT)
                """).doesNotContain(" MSGS(", "BATCHES(", "SUBSTATE(");
        assertThat(mqsc("partner1", "BANKGW", "DIS CHS(QM2.TO.BANK) SAVED LSTSEQNO\n").stdout()).contains("""
                   CHANNEL(QM2.TO.BANK)                    CHLTYPE(RCVR)
                   CONNAME(127.0.0.1)                      LSTSEQNO(3)
                   RQMNAME(QM2)                            SAVED
                   STATUS(RUNNING)
                """);
        mqsc("mqeast2", "QM2", "STOP CHANNEL(QM2.TO.BANK)\n");
        assertThat(mqsc("mqeast2", "QM2", "DIS CHS(QM2.TO.BANK) SAVED\n").stdout()).contains("STATUS(STOPPED)");
        run("mqeast2", "endmqm -i QM2");
        run("mqeast2", "strmqm QM2");
        assertThat(mqsc("mqeast2", "QM2", "DIS CHS(QM2.TO.BANK) SAVED LSTSEQNO\n").stdout())
                .as("saved status is kept on disk across a restart").contains("LSTSEQNO(3)", "STATUS(STOPPED)");
        assertThat(mqsc("mqeast2", "QM2", "DIS CHS(QM2.TO.BANK) CURRENT\n").stdout()).contains("STATUS(STOPPED)");
    }

    @Test
    void shortStatusIsZosOnlyAndOneStatusTypeAtATime() {
        LabExecution r = mqsc("mqeast2", "QM2", "DIS CHS(*) SHORT\nDIS CHS(*) SAVED CURRENT\n");
        assertThat(r.stdout()).contains("""
                AMQ8405I: Syntax error detected at or near end of command segment below:-
                DIS CHS(*) SHORT
                """, """
                AMQ8405I: Syntax error detected at or near end of command segment below:-
                DIS CHS(*) SAVED CURRENT
                """, "2 commands have a syntax error.");
        assertThat(r.exitCode()).isEqualTo(10);
    }
}
