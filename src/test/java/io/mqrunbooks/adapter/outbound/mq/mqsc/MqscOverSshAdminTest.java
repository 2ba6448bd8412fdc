package io.mqrunbooks.adapter.outbound.mq.mqsc;

import io.mqrunbooks.application.port.out.mq.ObjectCommand;
import static io.mqrunbooks.adapter.outbound.mq.FakeSshPort.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.adapter.outbound.mq.FakeSshPort;
import io.mqrunbooks.adapter.outbound.mq.control.SshMqControl;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.mq.UnsafeArgumentException;
import io.mqrunbooks.mq.ClusterQueue;
import io.mqrunbooks.mq.ClusterQueueManager;
import io.mqrunbooks.application.port.out.mq.MqAdminException;
import io.mqrunbooks.application.port.out.mq.MqAdminException.Reason;
import io.mqrunbooks.application.port.out.mq.MqscScriptResult;
import io.mqrunbooks.mq.QueueManagerStatus;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.mq.ChannelStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * runmqsc sessions below are laid out as real MQ 9.x output: banner, echo {@code %6d : }, replies, trailer as in
 * mq-output/runmqsc/display-queue-curdepth.txt (github.com/ibm-messaging/mq-rdqm ansible/Testing.md); object
 * layouts as in the lab-sim transcripts (instana/serviceability agent/ibm-mq/README.md for QMSTATUS, a public
 * Native HA guide for CLUSQMGR). Constructed sessions say so.
 */
class MqscOverSshAdminTest {

    static final String CORREL = "414D5120514D31202020202020202020A1B2C3D4E5F60708";
    private static final String OK = """
            One MQSC command read.
            No commands have a syntax error.
            All valid MQSC commands were processed.
            """;
    private static final String NOT_PROCESSED = """
            One MQSC command read.
            No commands have a syntax error.
            One valid MQSC command could not be processed.
            """;

    private final FakeSshPort ssh = new FakeSshPort();
    private final Estate estate = FakeSshPort.labEstate();
    private final MqscOverSshAdmin admin = new MqscOverSshAdmin(estate, ssh,
            new QueueManagerLocator(estate, new SshMqControl(estate, ssh)));

    static String session(String queueManager, String command, String reply, String trailer) {
        return "5724-H72 (C) Copyright IBM Corp. 1994, 2024.\nStarting MQSC for queue manager " + queueManager
                + ".\n\n\n     1 : " + command + "\n" + reply + trailer;
    }

    @Test
    void queueManagerStatus() {
        // Object: instana/serviceability agent/ibm-mq/README.md (MQ 9.4.2) DISPLAY QMSTATUS ALL, first lines.
        ssh.answer(0, session("FR1", "DISPLAY QMSTATUS ALL", """
                AMQ8705I: Display Queue Manager Status Details.
                   QMNAME(FR1)                             TYPE(QMGR)
                   STATUS(RUNNING)                         AUTOCLUS(NONE)
                   CHINIT(RUNNING)                         CHKPTCNT(217)
                   UNICLUS( )
                """, OK));

        QueueManagerStatus status = admin.queueManagerStatus("FR1");

        assertThat(ssh.sent()).containsExactly(new FakeSshPort.Sent("fr1", "runmqsc FR1", "DISPLAY QMSTATUS ALL\n",
                Duration.ofSeconds(60)));
        assertThat(status.queueManager()).isEqualTo("FR1");
        assertThat(status.status()).isEqualTo("RUNNING");
        assertThat(status.attributes()).containsEntry("CHINIT", "RUNNING").containsEntry("UNICLUS", " ");
    }

    @Test
    void clusterQueueManagersMapsEveryField() {
        ssh.answer(0, session("FR1", "DISPLAY CLUSQMGR(*) ALL", """
                AMQ8441I: Display Cluster Queue Manager details.
                   CLUSQMGR(FR1)                           CHANNEL(TO.FR1)
                   CLUSTER(PAYCLUS)                        CONNAME(127.0.0.1(1441))
                   QMTYPE(REPOS)                           STATUS(RUNNING)
                   SUSPEND(NO)
                AMQ8441I: Display Cluster Queue Manager details.
                   CLUSQMGR(PR3)                           CHANNEL(TO.PR3)
                   CLUSTER(PAYCLUS)                        CONNAME(127.0.0.1(1453))
                   QMTYPE(NORMAL)                          STATUS(RETRYING)
                   SUSPEND(YES)
                """, OK));

        List<ClusterQueueManager> members = admin.clusterQueueManagers("FR1", "*");

        assertThat(ssh.sent().get(0).stdin()).isEqualTo("DISPLAY CLUSQMGR(*) ALL\n");
        assertThat(members).hasSize(2);
        assertThat(members.get(0).isFullRepository()).isTrue();
        ClusterQueueManager pr3 = members.get(1);
        assertThat(pr3.name()).isEqualTo("PR3");
        assertThat(pr3.cluster()).isEqualTo("PAYCLUS");
        assertThat(pr3.channel()).isEqualTo("TO.PR3");
        assertThat(pr3.qmType()).isEqualTo("NORMAL");
        assertThat(pr3.suspended()).isTrue();
        assertThat(pr3.status()).isEqualTo("RETRYING");
        assertThat(pr3.conname()).isEqualTo("127.0.0.1(1453)");
        assertThat(pr3.attributes()).containsEntry("SUSPEND", "YES");
    }

    /**
     * QMTYPE is REPOS or NORMAL and SUSPEND YES or NO ("DISPLAY CLUSQMGR", IBM MQ 9.4 MQSC reference); any other word
     * used to read as a partial repository that is not suspended. The PCF adapter refuses them the same way.
     */
    @Test
    void clusterQueueManagersRefusesAQmtypeOrSuspendWordItDoesNotKnow() {
        String member = """
                AMQ8441I: Display Cluster Queue Manager details.
                   CLUSQMGR(PR3)                           CHANNEL(TO.PR3)
                   CLUSTER(PAYCLUS)                        CONNAME(127.0.0.1(1453))
                   QMTYPE(NORMAL)                          STATUS(RUNNING)
                   SUSPEND(NO)
                """;
        ssh.answer(0, session("FR1", "DISPLAY CLUSQMGR(*) ALL", member.replace("SUSPEND(NO)", "SUSPEND(PENDING)"), OK));
        assertThatThrownBy(() -> admin.clusterQueueManagers("FR1", "*")).isInstanceOf(MqAdminException.class)
                .hasMessageEndingWith("has SUSPEND(PENDING); expected one of [YES, NO]");
        ssh.answer(0, session("FR1", "DISPLAY CLUSQMGR(*) ALL", member.replace("QMTYPE(NORMAL)", "QMTYPE(FULL)  "), OK));
        assertThatThrownBy(() -> admin.clusterQueueManagers("FR1", "*")).isInstanceOf(MqAdminException.class)
                .hasMessageEndingWith("has QMTYPE(FULL); expected one of [REPOS, NORMAL]");
    }

    @Test
    void aNamedClusterQueueManagerThatIsNotKnownIsObjectNotFound() {
        ssh.answer(10, session("FR1", "DISPLAY CLUSQMGR('PR9') ALL", "AMQ8147E: IBM MQ object PR9 not found.\n",
                NOT_PROCESSED));

        assertReason(() -> admin.clusterQueueManagers("FR1", "PR9"), Reason.OBJECT_NOT_FOUND,
                "queue manager FR1 on host fr1: DISPLAY CLUSQMGR('PR9') ALL: AMQ8147E: IBM MQ object PR9 not found.");
        assertThat(ssh.sent().get(0).stdin()).isEqualTo("DISPLAY CLUSQMGR('PR9') ALL\n");
    }

    @Test
    void aGenericDisplayThatMatchesNothingIsAnEmptyList() {
        ssh.answer(10, session("PR1", "DISPLAY QCLUSTER(*) ALL", "AMQ8147E: IBM MQ object * not found.\n",
                NOT_PROCESSED));

        assertThat(admin.clusterQueues("PR1", Optional.empty())).isEmpty();
    }

    @Test
    void clusterQueuesFilteredByHost() {
        ssh.answer(0, session("FR1", "DISPLAY QCLUSTER(*) ALL", """
                AMQ8409I: Display Queue details.
                   QUEUE(PAY.AUDIT)                        TYPE(QCLUSTER)
                   CLUSTER(PAYCLUS)                        CLUSQMGR(PR3)
                   DEFPSIST(YES)
                AMQ8409I: Display Queue details.
                   QUEUE(PAY.REQUEST)                      TYPE(QCLUSTER)
                   CLUSTER(PAYCLUS)                        CLUSQMGR(PR1)
                   DEFPSIST(NO)
                """, OK));

        List<ClusterQueue> queues = admin.clusterQueues("FR1", Optional.of("PR3"));

        assertThat(queues).hasSize(1);
        assertThat(queues.get(0).name()).isEqualTo("PAY.AUDIT");
        assertThat(queues.get(0).cluster()).isEqualTo("PAYCLUS");
        assertThat(queues.get(0).hostedBy()).isEqualTo("PR3");
        assertThat(queues.get(0).attributes()).containsEntry("DEFPSIST", "YES");
    }

    @Test
    void suspendAndResumeQuoteTheClusterName() {
        // AMQ8559I/AMQ8558I texts from memory of MQ (constructed).
        ssh.answer(0, session("PR3", "SUSPEND QMGR CLUSTER('PAYCLUS')",
                "AMQ8559I: Suspend Queue Manager Cluster accepted.\n", OK));
        ssh.answer(0, session("PR3", "RESUME QMGR CLUSTER('PAYCLUS')",
                "AMQ8558I: Resume Queue Manager Cluster accepted.\n", OK));

        admin.run("PR3", ObjectCommand.SUSPEND_CLUSTER, "PAYCLUS");
        admin.run("PR3", ObjectCommand.RESUME_CLUSTER, "PAYCLUS");

        assertThat(ssh.sent()).extracting(FakeSshPort.Sent::stdin)
                .containsExactly("SUSPEND QMGR CLUSTER('PAYCLUS')\n", "RESUME QMGR CLUSTER('PAYCLUS')\n");
        assertThat(ssh.commandLines()).containsExactly("pr3: runmqsc PR3", "pr3: runmqsc PR3");
    }

    @Test
    void channelStatusMapsTheStatusObject() {
        // Object: lab-sim transcript cluster.txt (public MQ monitoring fixture), 39-character CONNAME.
        ssh.answer(0, session("FR1", "DISPLAY CHSTATUS('TO.PARTNER') ALL", """
                AMQ8417I: Display Channel Status details.
                   CHANNEL(TO.PARTNER)                     CHLTYPE(SDR)
                   CONNAME(partner.example.internal(1414)) CURRENT
                   RQMNAME(PARTNER_QM)                     STATUS(RUNNING)
                   SUBSTATE(MQGET)                         XMITQ(TO.PARTNER.XMIT)
                """, OK));

        List<ChannelStatus> status = admin.channelStatus("FR1", "TO.PARTNER");

        assertThat(status).hasSize(1);
        ChannelStatus channel = status.get(0);
        assertThat(channel.channel()).isEqualTo("TO.PARTNER");
        assertThat(channel.channelType()).isEqualTo("SDR");
        assertThat(channel.conname()).isEqualTo("partner.example.internal(1414)");
        assertThat(channel.isRunning()).isTrue();
        assertThat(channel.transmissionQueue()).isEqualTo("TO.PARTNER.XMIT");
        assertThat(channel.attributes()).containsEntry("RQMNAME", "PARTNER_QM").containsEntry("CURRENT", "");
    }

    /**
     * Every STATUS word of DISPLAY CHSTATUS (IBM's list: "Channel states",
     * https://www.ibm.com/support/knowledgecenter/en/SSFKSJ_9.1.0/com.ibm.mq.con.doc/q015610_.htm; SWITCHING:
     * https://www.ibm.com/docs/en/SSFKSJ_9.4.0/monitor/switchtransqueue.html) in the layout of a real MQ 9.1
     * transcript (mq-output/runmqsc/chstatus-default-running-sdr.txt). Constructed: no public transcript shows
     * PAUSED, REQUESTING or SWITCHING; the channel type is one that can be in the state.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "BINDING, SDR, NETCONNECT", "INITIALIZING, SDR, ' '", "PAUSED, RCVR, ' '", "REQUESTING, RQSTR, NETCONNECT",
            "RETRYING, SDR, ' '", "RUNNING, SDR, MQGET", "STARTING, SDR, ' '", "STOPPED, SDR, ' '",
            "STOPPING, SDR, ' '", "SWITCHING, CLUSSDR, ' '"})
    void everyDocumentedChannelStatusIsRead(String word, String type, String substate) {
        // Receiving channels have no transmission queue, so no XMITQ (MQ 8 receiver, chstatus-all-sender-receiver-mq8.txt).
        String last = type.endsWith("RCVR") || type.equals("RQSTR") ? "SUBSTATE(" + substate + ")"
                : "%-40sXMITQ(PARTNER)".formatted("SUBSTATE(" + substate + ")");
        ssh.answer(0, session("FR1", "DISPLAY CHSTATUS('TO.PARTNER') ALL", """
                AMQ8417I: Display Channel Status details.
                   %-40sCHLTYPE(%s)
                   CONNAME(192.168.1.110(1416))            CURRENT
                   RQMNAME(PARTNER)                        STATUS(%s)
                   %s
                """.formatted("CHANNEL(TO.PARTNER)", type, word, last), OK));

        ChannelStatus status = admin.channelStatus("FR1", "TO.PARTNER").get(0);

        assertThat(status.status()).isEqualTo(word);
        assertThat(status.state()).isEqualTo(ChannelStatus.State.valueOf(word));
        assertThat(status.isRunning()).isEqualTo(word.equals("RUNNING"));
        assertThat(status.channelType()).isEqualTo(type);
    }

    @Test
    void aChannelStatusMqDoesNotDocumentIsRefusedNamingIt() {
        // Constructed: as above, with a word no IBM MQ level prints.
        ssh.answer(0, session("FR1", "DISPLAY CHSTATUS('TO.PARTNER') ALL", """
                AMQ8417I: Display Channel Status details.
                   CHANNEL(TO.PARTNER)                     CHLTYPE(SDR)
                   CONNAME(192.168.1.110(1416))            CURRENT
                   RQMNAME(PARTNER)                        STATUS(SLEEPING)
                   SUBSTATE( )                             XMITQ(PARTNER)
                """, OK));

        assertReason(() -> admin.channelStatus("FR1", "TO.PARTNER"), Reason.UNRECOGNISED_OUTPUT,
                "queue manager FR1 on host fr1: DISPLAY CHSTATUS('TO.PARTNER') ALL: output not recognised (exit code 0):"
                        + " channel STATUS(SLEEPING) is not a status IBM MQ documents for DISPLAY CHSTATUS (known:"
                        + " INACTIVE, BINDING, STARTING, RUNNING, STOPPING, RETRYING, STOPPED, REQUESTING, PAUSED,"
                        + " DISCONNECTED, INITIALIZING, SWITCHING) for channel TO.PARTNER");
    }

    @Test
    void noChannelStatusIsAnEmptyList() {
        ssh.answer(10, session("FR1", "DISPLAY CHSTATUS('TO.PR1') ALL", "AMQ8420I: Channel Status not found.\n",
                NOT_PROCESSED));

        assertThat(admin.channelStatus("FR1", "TO.PR1")).isEmpty();
    }

    @Test
    void startChannelFailureCarriesMqsText() {
        ssh.answer(10, fixture("runmqsc", "start-channel-in-use-9.1.txt"));

        assertReason(() -> admin.onHost("fr1").run("MQ01CRD", ObjectCommand.START_CHANNEL, "MQ01CRD.A.BAN01AGN"), Reason.OTHER,
                "queue manager MQ01CRD on host fr1: START CHANNEL('MQ01CRD.A.BAN01AGN'): AMQ9514E: Channel"
                        + " 'MQ01CRD.A.BAN01AGN' is in use.");
        assertThat(ssh.sent().get(0).stdin()).isEqualTo("START CHANNEL('MQ01CRD.A.BAN01AGN')\n");
    }

    @Test
    void stopChannelAndListeners() {
        ssh.answer(0, session("FR1", "STOP CHANNEL('TO.FR2')", "AMQ8019I: Stop IBM MQ channel accepted.\n", OK));
        ssh.answer(0, session("FR1", "STOP LISTENER('LISTENER.TCP')",
                "AMQ8706I: Request to stop IBM MQ Listener accepted.\n", OK));
        ssh.answer(0, session("FR1", "START LISTENER('LISTENER.TCP')",
                "AMQ8021I: Request to start IBM MQ Listener accepted.\n", OK));
        ssh.answer(0, session("FR1", "START CHANNEL('TO.FR2')", "AMQ8018I: Start IBM MQ channel accepted.\n", OK));

        admin.run("FR1", ObjectCommand.STOP_CHANNEL, "TO.FR2");
        admin.run("FR1", ObjectCommand.STOP_LISTENER, "LISTENER.TCP");
        admin.run("FR1", ObjectCommand.START_LISTENER, "LISTENER.TCP");
        admin.run("FR1", ObjectCommand.START_CHANNEL, "TO.FR2");

        assertThat(ssh.sent()).extracting(FakeSshPort.Sent::stdin).containsExactly("STOP CHANNEL('TO.FR2')\n",
                "STOP LISTENER('LISTENER.TCP')\n", "START LISTENER('LISTENER.TCP')\n", "START CHANNEL('TO.FR2')\n");
    }

    @Test
    void alterSenderConname() {
        ssh.answer(0, session("QM1", "ALTER CHANNEL('QM1.TO.BANK') CHLTYPE(SDR) CONNAME('127.0.0.1(1471)')",
                "AMQ8016I: IBM MQ channel changed.\n", OK));

        admin.onHost("mqwest1").alterSenderConname("QM1", "QM1.TO.BANK", "127.0.0.1(1471)");

        assertThat(ssh.sent()).containsExactly(new FakeSshPort.Sent("mqwest1", "runmqsc QM1",
                "ALTER CHANNEL('QM1.TO.BANK') CHLTYPE(SDR) CONNAME('127.0.0.1(1471)')\n", Duration.ofSeconds(60)));
    }

    @Test
    void injectionAttemptsAreRefusedBeforeSsh() {
        MqAdminPort pinned = admin.onHost("mqwest1");
        assertThatThrownBy(() -> pinned.alterSenderConname("QM1", "QM1.TO.BANK", "x(1414)) DELETE QLOCAL(Q"))
                .isInstanceOf(UnsafeArgumentException.class)
                .hasMessage("CONNAME 'x(1414)) DELETE QLOCAL(Q' is not host(port)[,host(port)] with a valid host name"
                        + " or IPv4 address and a port 1-65535");
        assertThatThrownBy(() -> pinned.alterSenderConname("QM1", "QM1.TO.BANK", "dr.example(1414),x(99999)"))
                .isInstanceOf(UnsafeArgumentException.class);
        assertThatThrownBy(() -> pinned.run("QM1", ObjectCommand.START_CHANNEL, "A') DELETE QLOCAL('B"))
                .isInstanceOf(UnsafeArgumentException.class)
                .hasMessage("channel name 'A') DELETE QLOCAL('B' has characters IBM MQ does not allow in a name"
                        + " (only A-Z a-z 0-9 . _ / %)");
        assertThatThrownBy(() -> pinned.run("QM1", ObjectCommand.START_CHANNEL, "A.CHANNEL.NAME.TOO.LONG"))
                .hasMessage("channel name 'A.CHANNEL.NAME.TOO.LONG' is 23 characters; IBM MQ channel names allow at most 20");
        assertThatThrownBy(() -> pinned.queueDepth("QM1", "Q\nDELETE QLOCAL(X)"))
                .isInstanceOf(UnsafeArgumentException.class);
        assertThatThrownBy(() -> pinned.run("QM1", ObjectCommand.SUSPEND_CLUSTER, "PAYCLUS) ALL"))
                .isInstanceOf(UnsafeArgumentException.class);
        assertThatThrownBy(() -> admin.queueManagerStatus("QM1;reboot"))
                .isInstanceOf(UnsafeArgumentException.class)
                .hasMessage("queue manager 'QM1;reboot' has characters IBM MQ does not allow in a name"
                        + " (only A-Z a-z 0-9 . _ / %)");
        assertThatThrownBy(() -> pinned.putTestMessage("QM1", "Q", CORREL, "two\nlines"))
                .isInstanceOf(UnsafeArgumentException.class);
        assertThatThrownBy(() -> pinned.putTestMessage("QM1", "Q", "not-hex", "body"))
                .isInstanceOf(UnsafeArgumentException.class)
                .hasMessage("correlation id 'not-hex' is not 24 bytes in hex (48 characters 0-9 A-F)");
        assertThat(ssh.sent()).isEmpty();
    }

    @Test
    void queueDepthFromARealSession() {
        ssh.answer(0, fixture("runmqsc", "display-queue-curdepth.txt"));

        assertThat(admin.onHost("mqeast1").queueDepth("QM1", "QUEUE1")).isEqualTo(1);
        assertThat(ssh.sent().get(0).stdin()).isEqualTo("DISPLAY QLOCAL('QUEUE1') CURDEPTH\n");
    }

    @Test
    void queueDepthOfAMissingQueueIsObjectNotFound() {
        ssh.answer(10, session("FR1", "DISPLAY QLOCAL('NOSUCH') CURDEPTH",
                "AMQ8147E: IBM MQ object NOSUCH not found.\n", NOT_PROCESSED));

        assertReason(() -> admin.queueDepth("FR1", "NOSUCH"), Reason.OBJECT_NOT_FOUND,
                "queue manager FR1 on host fr1: DISPLAY QLOCAL('NOSUCH') CURDEPTH: AMQ8147E: IBM MQ object NOSUCH"
                        + " not found.");
    }

    @Test
    void aQueueManagerThatIsNotRunningIsNotAvailable() {
        ssh.answer(20, fixture("runmqsc", "e-mode-qmgr-not-available.txt"));

        assertReason(() -> admin.queueManagerStatus("FR1"), Reason.QUEUE_MANAGER_NOT_AVAILABLE,
                "queue manager FR1 on host fr1: DISPLAY QMSTATUS ALL: AMQ8146: WebSphere MQ queue manager not available.");
    }

    @Test
    void syntaxErrorKeepsTheSegment() {
        // Layout: lab-sim transcript runmqsc-session.txt (MQ 9.4 Native HA guide), AMQ8405I then the segment.
        ssh.answer(10, session("FR1", "DISPLAY QLOCAL('Q') CURDEPTH", """
                AMQ8405I: Syntax error detected at or near end of command segment below:-
                DISPLAY QLOCAL('Q') CURDEPTH

                """, """
                One MQSC command read.
                One command has a syntax error.
                All valid MQSC commands were processed.
                """));

        assertReason(() -> admin.queueDepth("FR1", "Q"), Reason.SYNTAX_ERROR,
                "queue manager FR1 on host fr1: DISPLAY QLOCAL('Q') CURDEPTH: syntax error at 'DISPLAY QLOCAL('Q')"
                        + " CURDEPTH' AMQ8405I: Syntax error detected at or near end of command segment below:-");
    }

    @Test
    void notAuthorized() {
        ssh.answer(10, session("FR1", "STOP CHANNEL('TO.FR2')", "AMQ8135E: Not authorized.\n", NOT_PROCESSED));

        assertReason(() -> admin.run("FR1", ObjectCommand.STOP_CHANNEL, "TO.FR2"), Reason.NOT_AUTHORIZED,
                "queue manager FR1 on host fr1: STOP CHANNEL('TO.FR2'): AMQ8135E: Not authorized.");
    }

    @Test
    void outputThatIsNotARunmqscSessionIsQuoted() {
        ssh.answer(1, "", "sudo: a password is required\n");

        assertThatThrownBy(() -> admin.queueManagerStatus("FR1"))
                .isInstanceOf(MqAdminException.class)
                .satisfies(e -> assertThat(((MqAdminException) e).reason()).isEqualTo(Reason.UNRECOGNISED_OUTPUT))
                .hasMessageStartingWith("queue manager FR1 on host fr1: 'runmqsc FR1': output not recognised (exit"
                        + " code 1): ")
                .hasMessageEndingWith("; stderr: sudo: a password is required");
    }

    @Test
    void aReplyCutAtTheSshCapIsRefused() {
        ssh.answerTruncated(0, "5724-H72 (C) Copyright IBM Corp. 1994, 2024.\n[... output truncated at 262144 bytes]");

        assertReason(() -> admin.clusterQueues("FR1", Optional.empty()), Reason.OTHER, "queue manager FR1 on host fr1:"
                + " 'runmqsc FR1': the reply was cut at the SSH output cap; raise mqrunbooks.ssh.output-cap-bytes");
    }

    @Test
    void aMissingAttributeIsUnrecognisedNotDefaulted() {
        ssh.answer(0, session("FR1", "DISPLAY QMSTATUS ALL", """
                AMQ8705I: Display Queue Manager Status Details.
                   QMNAME(FR1)                             TYPE(QMGR)
                """, OK));

        assertReason(() -> admin.queueManagerStatus("FR1"), Reason.UNRECOGNISED_OUTPUT,
                "queue manager FR1 on host fr1: DISPLAY QMSTATUS ALL: output not recognised (exit code 0): the object"
                        + " AMQ8705I: Display Queue Manager Status Details. has no STATUS attribute; it has [QMNAME, TYPE]");
    }

    @Test
    void sshFailureIsAnAdminFailureNamingTheHost() {
        ssh.fail(new SshException(SshException.Kind.HOST_UNREACHABLE, "fr1", "host fr1 (127.0.0.1:22109) refused"));

        assertReason(() -> admin.queueManagerStatus("FR1"), Reason.QUEUE_MANAGER_NOT_AVAILABLE,
                "queue manager FR1 on host fr1: 'runmqsc FR1': host fr1 (127.0.0.1:22109) refused");
    }

    @Test
    void applyDefinitionsReturnsTheTrailerCounts() {
        ssh.answer(0, fixture("runmqsc", "config-script.txt"));
        String script = "define ql(queue1) maxdepth(50000)\n";

        MqscScriptResult result = admin.onHost("mqeast1").applyDefinitions("QM1", script);

        // Sent as rendered from the parsed object: the unquoted name folded to upper case, as MQ folds it, and quoted.
        assertThat(ssh.sent()).containsExactly(new FakeSshPort.Sent("mqeast1", "runmqsc QM1",
                "DEFINE QLOCAL('QUEUE1') +\n   MAXDEPTH(50000) +\n   REPLACE\n", Duration.ofMinutes(10)));
        assertThat(result.commandsRead()).isEqualTo(6);
        assertThat(result.commandsWithErrors()).isZero();
        assertThat(result.succeeded()).isTrue();
        assertThat(result.output()).contains("AMQ8006I: IBM MQ queue created.");
    }

    @Test
    void applyDefinitionsCountsFailedCommands() {
        // Layout: lab-sim transcript runmqsc-session.txt (MQ 9.1 guide), START CHANNEL of an unknown channel.
        ssh.answer(10, """
                5724-H72 (C) Copyright IBM Corp. 1994, 2018.
                Starting MQSC for queue manager FR1.


                     1 : START CHANNEL (CRC01CRD.A.SRVFSAGN)
                AMQ8227E: Channel CRC01CRD.A.SRVFSAGN not found.
                     2 : START CHANNEL (CRC01CRD.A.CRC01CMM)
                AMQ8018I: Start IBM MQ channel accepted.
                2 MQSC commands read.
                No commands have a syntax error.
                One valid MQSC command could not be processed.
                """);

        // The fake answers with that recorded session whatever it is sent: the counts come from its trailer.
        MqscScriptResult result = admin.applyDefinitions("FR1", "DEFINE QLOCAL('A') REPLACE\nDEFINE QLOCAL('B') REPLACE\n");

        assertThat(result.commandsRead()).isEqualTo(2);
        assertThat(result.commandsWithErrors()).isEqualTo(1);
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    void applyDefinitionsRefusesControlCharactersAndEveryCommandButDefineBeforeSsh() {
        assertThatThrownBy(() -> admin.applyDefinitions("QM1", "DEFINE QLOCAL('A') +\n   DESCR('x\rDELETE QLOCAL(B)') +\n"
                + "   REPLACE\n")).isInstanceOf(UnsafeArgumentException.class).hasMessage("MQSC for QM1 refused, nothing was "
                + "sent: MQSC line 2: control character U+000D (carriage return) at column 12; a script with control "
                + "characters is refused (lines end with a line feed only)");
        assertThatThrownBy(() -> admin.applyDefinitions("QM1", "DEFINE QLOCAL('A') REPLACE\r\n"))
                .hasMessageContaining("MQSC line 1: control character U+000D (carriage return) at column 27");
        assertThatThrownBy(() -> admin.applyDefinitions("QM1", "DEFINE QLOCAL('A\0B')\n"))
                .hasMessageContaining("MQSC line 1: control character U+0000 (NUL) at column 17");
        assertThatThrownBy(() -> admin.applyDefinitions("QM1", "DEFINE QLOCAL('A') REPLACE\nDELETE QLOCAL('B')\n"))
                .hasMessage("MQSC for QM1 refused, nothing was sent: MQSC line 2: 'DELETE' is not a definition command "
                        + "(a baseline holds DEFINE, ALTER QMGR, SET AUTHREC and SET CHLAUTH commands) in: DELETE QLOCAL('B')");
        assertThatThrownBy(() -> admin.applyDefinitions("QM1", "REFRESH SECURITY(*)\n"))
                .hasMessageContaining("MQSC line 1: 'REFRESH' is not a definition command");
        assertThatThrownBy(() -> admin.applyDefinitions("QM1", "SET AUTHREC PROFILE('A') OBJTYPE(QUEUE) "
                + "PRINCIPAL('app') AUTHADD(ALL)\n")).hasMessage("MQSC for QM1 refused, nothing was sent: MQSC line 1: "
                + "AUTHREC PROFILE('A') OBJTYPE(QUEUE) PRINCIPAL('app') is not sent to a queue manager by a runbook: only "
                + "DEFINE of queues, channels, listeners and the other object types is (queue manager attributes, "
                + "authority and channel authentication records are decided by a person) in: SET AUTHREC PROFILE('A') "
                + "OBJTYPE(QUEUE) PRINCIPAL('app') AUTHADD(ALL)");
        assertThatThrownBy(() -> admin.applyDefinitions("QM1", "DEFINE QLOCAL('A.QUEUE.NAME.FAR.LONGER.THAN.FORTY.EIGHT."
                + "CHARACTERS')\n")).hasMessageContaining("MQSC line 1: QLOCAL name 'A.QUEUE.NAME.FAR.LONGER.THAN.FORTY."
                + "EIGHT.CHARACTERS' is 51 characters; IBM MQ allows at most 48");
        assertThatThrownBy(() -> admin.applyDefinitions("QM1", "")).hasMessage("MQSC for QM1 refused, nothing was sent: "
                + "the MQSC script holds no DEFINE command");
        assertThat(ssh.sent()).isEmpty();
    }

    @Test
    void exportDefinitionsRunsDmpmqcfg() {
        // Header: lab-sim transcript dmpmqcfg-header.txt (IBM Cloud MQ docs); the DEFINE lines are constructed.
        String dump = """
                *******************************************************************************
                * Script generated on 2026-11-21   at 06.10.00
                * Queue manager name: FR1
                *******************************************************************************
                ALTER QMGR +
                   DESCR(' ') +
                   FORCE
                DEFINE QLOCAL('PAY.ROUTING') +
                   REPLACE
                """;
        ssh.answer(0, dump);

        assertThat(admin.exportDefinitions("FR1")).isEqualTo(dump);
        assertThat(ssh.commandLines()).containsExactly("fr1: dmpmqcfg -m FR1 -a");
    }

    @Test
    void exportDefinitionsWithoutDmpmqcfgOnTheHost() {
        ssh.answer(127, "", "bash: dmpmqcfg: command not found\n");

        assertReason(() -> admin.exportDefinitions("FR1"), Reason.OTHER, "queue manager FR1 on host fr1: 'dmpmqcfg"
                + " -m FR1 -a': dmpmqcfg is not available on this host: bash: dmpmqcfg: command not found");
    }

    @Test
    void exportDefinitionsOfAStoppedQueueManager() {
        ssh.answer(1, "", "AMQ8146E: IBM MQ queue manager not available.\n");

        assertReason(() -> admin.exportDefinitions("FR1"), Reason.QUEUE_MANAGER_NOT_AVAILABLE,
                "queue manager FR1 on host fr1: 'dmpmqcfg -m FR1 -a': exit code 1: AMQ8146E: IBM MQ queue manager not"
                        + " available.");
    }

    @Test
    void putTestMessageCarriesTheCorrelationTokenInTheBody() {
        // Lines: lab-sim transcript amqsput-amqsget.txt (MQ 9.1 guide).
        ssh.answer(0, "Sample AMQSPUT0 start\ntarget queue is MQRB.TEST\nSample AMQSPUT0 end\n");

        admin.putTestMessage("FR1", "MQRB.TEST", CORREL.toLowerCase(), "hello from the runbook");

        assertThat(ssh.sent()).containsExactly(new FakeSshPort.Sent("fr1", "/opt/mqm/samp/bin/amqsput MQRB.TEST FR1",
                "MQRB-TEST " + CORREL + " hello from the runbook\n", Duration.ofSeconds(60)));
    }

    @Test
    void putToAMissingQueue() {
        ssh.answer(0, """
                Sample AMQSPUT0 start
                target queue is NOSUCH
                MQOPEN ended with reason code 2085
                unable to open queue for output
                Sample AMQSPUT0 end
                """);

        assertReason(() -> admin.putTestMessage("FR1", "NOSUCH", CORREL, "x"), Reason.OBJECT_NOT_FOUND,
                "queue manager FR1 on host fr1: '/opt/mqm/samp/bin/amqsput NOSUCH FR1': MQOPEN ended with reason"
                        + " code 2085");
    }

    @Test
    void putToAStoppedQueueManager() {
        ssh.answer(11, "Sample AMQSPUT0 start\nMQCONNX ended with reason code 2059\n");

        assertReason(() -> admin.putTestMessage("FR1", "Q", CORREL, "x"), Reason.QUEUE_MANAGER_NOT_AVAILABLE,
                "queue manager FR1 on host fr1: '/opt/mqm/samp/bin/amqsput Q FR1': MQCONNX ended with reason code 2059");
    }

    @Test
    void getTestMessageFindsItsTokenAmongOthers() {
        ssh.answer(0, """
                Sample AMQSGET0 start
                message <MQRB-TEST 000000000000000000000000000000000000000000000001 other run>
                message <MQRB-TEST %s hello back>

                no more messages
                Sample AMQSGET0 end
                """.formatted(CORREL));

        Optional<String> body = admin.getTestMessage("FR1", "MQRB.TEST", CORREL, Duration.ZERO);

        assertThat(body).contains("hello back");
        assertThat(ssh.sent()).containsExactly(new FakeSshPort.Sent("fr1", "/opt/mqm/samp/bin/amqsget MQRB.TEST FR1",
                null, Duration.ofSeconds(60)));
    }

    @Test
    void getTestMessageAsksAgainUntilTheWaitIsOver() {
        String empty = "Sample AMQSGET0 start\nno more messages\nSample AMQSGET0 end\n";
        ssh.answer(0, empty);
        ssh.answer(0, "Sample AMQSGET0 start\nmessage <MQRB-TEST " + CORREL + " late>\nno more messages\n"
                + "Sample AMQSGET0 end\n");

        assertThat(admin.getTestMessage("FR1", "MQRB.TEST", CORREL, Duration.ofSeconds(5))).contains("late");
        assertThat(ssh.sent()).hasSize(2);
    }

    @Test
    void getTestMessageWithNothingThereIsEmpty() {
        ssh.answer(0, "Sample AMQSGET0 start\nno more messages\nSample AMQSGET0 end\n");

        assertThat(admin.getTestMessage("FR1", "MQRB.TEST", CORREL, Duration.ZERO)).isEmpty();
        assertThat(ssh.sent()).hasSize(1);
    }

    @Test
    void getTestMessageRefusesLinesTheSampleDoesNotPrint() {
        ssh.answer(0, "Sample AMQSGET0 start\nSegmentation fault\n");

        assertReason(() -> admin.getTestMessage("FR1", "Q", CORREL, Duration.ZERO), Reason.UNRECOGNISED_OUTPUT,
                "queue manager FR1 on host fr1: '/opt/mqm/samp/bin/amqsget Q FR1': output not recognised (exit code"
                        + " 0): line 2 'Segmentation fault' is not a line the amqsput/amqsget samples print");
    }

    static void assertReason(ThrowingCallable call, Reason reason, String message) {
        assertThatThrownBy(call)
                .isInstanceOf(MqAdminException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((MqAdminException) e).reason()).isEqualTo(reason));
    }
}
