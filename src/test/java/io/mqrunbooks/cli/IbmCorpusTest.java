package io.mqrunbooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mqrunbooks.evidence.MutableClock;
import io.mqrunbooks.lab.LabCommandHandler.LabExecution;
import io.mqrunbooks.lab.mq.LabEstateFixture;
import io.mqrunbooks.lab.mq.SimulatedMqEstate;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real IBM MQ output, one test per family, read through {@code parse <kind> <file>} exactly as
 * {@code java -jar mq-runbooks.jar parse} reads it; where the lab can be put in the same state, what the lab
 * prints is compared with the sample. Each sample's source is named next to it (its {@code .source} file
 * says the same at length).
 */
class IbmCorpusTest {

    private final SimulatedMqEstate lab = new SimulatedMqEstate(LabEstateFixture.labEstate(),
            Clock.fixed(Instant.parse("2026-11-21T09:00:00Z"), ZoneOffset.UTC));

    @Test
    void dspmq() {
        // github.com/ibm-messaging/mq-rdqm @ 7b73388 cloud/aws-drha/README.md line 494: 'dspmq'
        String plain = sample("dspmq", "plain-running.txt");
        assertThat(parse("dspmq", plain).get("queueManagers").get(0).get("status").asText()).isEqualTo("Running");
        // github.com/ibm-client-engineering/solution-mq-rdqm-hadr @ 6b25830 readme.md lines 2206-2207: 'dspmq -a -x -s'
        JsonNode instance = parse("dspmq", sample("dspmq", "a-x-s-after-dr-promotion.txt")).get("queueManagers").get(0)
                .get("instances").get(0);
        assertThat(instance.get("host").asText()).isEqualTo("ceng-dal1-mq1");
        assertThat(instance.get("mode").asText()).isEqualTo("Active");
        // github.com/Checkmk/checkmk tests/unit/cmk/plugins/ibm_mq/agent_based/test_ibm_mq_managers.py @ ed5496a,
        // test_parse(): 'dspmq -n -x -o all', MQ 8.0-9.1, five queue managers
        JsonNode five = parse("dspmq", sample("dspmq", "x-o-all-n-five-managers.txt")).get("queueManagers");
        assertThat(five).hasSize(5);
        assertThat(five.get(1).get("attributes").get("STANDBY").asText()).isEqualTo("PERMITTED");
        assertThat(five.get(4).get("status").asText()).isEqualTo("Ended unexpectedly");
        // github.com/instana/serviceability agent/ibm-mq/README.md "Script output example": 'dspmq -x -o all', 9.4.2
        assertThat(parse("dspmq", sample("dspmq", "x-o-all-9.4-nativeha-fields.txt")).get("queueManagers").get(0)
                .get("attributes").get("INSTVER").asText()).isEqualTo("9.4.2.0");

        String printed = lab("mqeast1", "dspmq", "-m", "QM1").stdout();
        assertThat(printed.indexOf("STATUS(")).isEqualTo(plain.indexOf("STATUS(")).isEqualTo(58);
        assertThat(printed.substring(printed.indexOf("STATUS("))).isEqualTo(plain.substring(plain.indexOf("STATUS(")));
    }

    @Test
    void rdqmstatus() {
        // github.com/ibm-client-engineering/solution-mq-rdqm-hadr @ 6b25830 readme.md lines 377-401: 'rdqmstatus -m'
        JsonNode primary = parse("rdqmstatus", sample("rdqmstatus", "drha-primary.txt"));
        assertThat(primary.get("queueManager").get("drStatus").asText()).isEqualTo("Normal");
        assertThat(primary.get("queueManager").get("haCurrentLocation").asText()).isEqualTo("This node");
        assertThat(primary.get("otherNodes").get(1).get("node").asText()).isEqualTo("wdc3-mq1");
        // github.com/ibm-messaging/mq-rdqm @ 7b73388 Architecture.md lines 186-213: node names on the next line
        assertThat(parse("rdqmstatus", sample("rdqmstatus", "drha-primary-wrapped-node.txt")).get("node").asText())
                .isEqualTo("node-a1");
        // github.com/ibm-messaging/mq-rdqm @ 7b73388 Troubleshooting.md lines 31-50: HA, with sudo's note
        assertThat(parse("rdqmstatus", sample("rdqmstatus", "ha-running-with-sudo-note.txt")).get("queueManager")
                .get("haStatus").asText()).isEqualTo("Normal");
        // https://ibm.com/docs/en/ibm-mq/9.3?topic=recovery-viewing-dr-rdqm-status, the summary example
        assertThat(parse("rdqmstatus", sample("rdqmstatus", "summary-dr-9.3-docs.txt")).get("queueManagers").get(1)
                .get("drRole").asText()).isEqualTo("Primary");
        // https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.con.doc/q133987_.html, the first summary example
        JsonNode drha = parse("rdqmstatus", sample("rdqmstatus", "summary-drha-9.2-docs.txt"));
        assertThat(drha.get("queueManagers").get(0).get("haPreferredLocation").asText()).isEqualTo("main-charlie");
        assertThat(drha.get("warnings")).isEmpty();
        // github.com/ibm-messaging/mq-rdqm @ 7b73388 cloud/IBM/README.md lines 130-132: 'rdqmstatus -n'
        assertThat(parse("rdqmstatus", sample("rdqmstatus", "n-three-nodes-online.txt")).get("form").asText())
                .isEqualTo("NODES");
    }

    @Test
    void rdqmdr() {
        // github.com/ibm-client-engineering/solution-mq-rdqm-hadr @ 6b25830 readme.md line 2199: 'rdqmdr -p'
        assertThat(parse("rdqmdr", sample("rdqmdr", "made-primary.txt")).get("outcome").asText())
                .isEqualTo("MADE_PRIMARY");
        // github.com/ibm-messaging/mq-rdqm @ 7b73388 cloud/azure/Test.md lines 230-231: 'rdqmdr -s', sudo's note
        assertThat(parse("rdqmdr", sample("rdqmdr", "made-secondary-with-sudo-note.txt")).get("outcome").asText())
                .isEqualTo("MADE_SECONDARY");
    }

    @Test
    void crtmqm() {
        // github.com/ibm-messaging/mq-rdqm @ 7b73388 cloud/azure/Deployment.md lines 202-217: DR/HA primary
        JsonNode primary = parse("crtmqm", sample("crtmqm", "drha-primary-prints-secondary.txt"));
        assertThat(primary.get("outcome").asText()).isEqualTo("CREATED");
        assertThat(primary.get("drSecondaryCommand").get("port").asInt()).isEqualTo(7001);
        // github.com/ibm-messaging/mq-rdqm @ 7b73388 cloud/azure/Deployment.md lines 224-230: DR/HA secondary
        assertThat(parse("crtmqm", sample("crtmqm", "drha-secondary.txt")).get("haSecondaryNodes").toString())
                .isEqualTo("[\"vm-jc-2-northeurope\",\"vm-jc-3-northeurope\"]");
        // github.com/ricniew/Simple-MQ-TLS-Setup README.md "Sample Run": crtmqm then strmqm, MQ 9.1.3 on Windows
        String createAndStart = sample("crtmqm", "crtmqm-then-strmqm-9.1-windows.txt");
        JsonNode both = parse("crtmqm", createAndStart);
        assertThat(both.get("crtmqm").get("outcome").asText()).isEqualTo("CREATED");
        assertThat(both.get("crtmqm").get("queueManager").asText()).isEqualTo("QM1SEC");
        assertThat(both.get("strmqm").get("outcome").asText()).isEqualTo("STARTED");
        assertThat(both.get("strmqm").get("startedVersion").asText()).isEqualTo("9.1.3.0");
        // The same, with the typed command between them as a pasted console shows it.
        JsonNode typed = parse("crtmqm", createAndStart.replace("Setup completed.\n",
                "Setup completed.\n\nC:\\WINDOWS\\system32>strmqm QM1SEC\n"));
        assertThat(typed.get("strmqm").get("queueManager").asText()).isEqualTo("QM1SEC");
        // The lab's crtmqm and strmqm, one after the other, read the same way.
        String lab = lab("mqeast1", "crtmqm", "QMNEW").stdout() + lab("mqeast1", "strmqm", "QMNEW").stdout();
        JsonNode labBoth = parse("crtmqm", lab);
        assertThat(labBoth.get("crtmqm").get("outcome").asText()).isEqualTo("CREATED");
        assertThat(labBoth.get("strmqm").get("outcome").asText()).isEqualTo("STARTED");
        assertThat(messages(labBoth.get("strmqm")).subList(0, 5)).isEqualTo(messages(both.get("strmqm")).subList(0, 5)
                .stream().map(m -> m.replace("QM1SEC", "QMNEW")).toList());
    }

    @Test
    void dspmqver() {
        // github.com/dsuch/pymqi @ 7707410 tools.md: dspmqver of MQ 8.0 and 7.5 ('<br/>' turned back into newlines)
        assertThat(parse("dspmqver", sample("dspmqver", "websphere-mq-8.0-linux.txt")).get("installations").get(0)
                .get("level").asText()).isEqualTo("p800-002-150519.TRIAL");
        assertThat(parse("dspmqver", sample("dspmqver", "websphere-mq-7.5-linux.txt")).get("installations"))
                .hasSize(1);
    }

    @Test
    void dspmqverFieldSelection() {
        // An MQ 7 -> 8 migration runbook (find_string file id 37937522633): 'dspmqver -f 2', a Version line alone
        JsonNode versionOnly = parse("dspmqver", sample("dspmqver", "f2-version-only-mq8.txt")).get("installations");
        assertThat(versionOnly).hasSize(1);
        assertThat(versionOnly.get(0).get("version").asText()).isEqualTo("8.0.0.2");
        assertThat(versionOnly.get(0).get("name").isNull()).isTrue();
        // dspmqver -b -f 2, as ibm-messaging/mq-container's Dockerfile reads it into its prompt ("mq:$(dspmqver -b -f 2)")
        assertThat(parse("dspmqver", "9.4.0.0\n").get("installations").get(0).get("version").asText())
                .isEqualTo("9.4.0.0");
        assertThat(ParseCli.refusal("dspmqver", "Version:     9.4.0.0\nbogus\n"))
                .contains("line 2 'bogus'").contains("expected a dspmqver field");
    }

    @Test
    void control() {
        // MQ 9.3.1 multi-instance walkthrough on GitHub (find_string file id 3364494460): 'strmqm -x QM1' on both VMs
        assertThat(parse("control", sample("control", "strmqm-x-active-9.3.txt")).get("startedVersion").asText())
                .isEqualTo("9.3.1.0");
        String standby = sample("control", "strmqm-x-standby-wrapped.txt");
        assertThat(parse("control", standby).get("outcome").asText()).isEqualTo("STANDBY_STARTED");
        // MQ 9.1 multi-instance notes on GitHub (find_string file id 6910422900), "Failover": 'endmqm -is PSAP'
        String switchover = sample("control", "endmqm-is-switchover-9.1.txt");
        assertThat(parse("control", switchover).get("outcome").asText()).isEqualTo("ENDED");

        LabExecution ended = lab("mi1", "endmqm", "-is", "MIQM");
        assertThat(ended.stdout()).isEqualTo(switchover.replace("PSAP", "MIQM"));
        LabExecution started = lab("mi1", "strmqm", "-x", "MIQM");
        // the same messages, less the sample machine's RLIMIT note
        assertThat(messages(parse("control", started.stdout()))).isEqualTo(
                messages(parse("control", standby.replace("QM1", "MIQM"))).subList(1, 5));
    }

    @Test
    void runmqsc() {
        // github.com/ibm-messaging/mq-rdqm @ 7b73388 cloud/azure/Deployment.md lines 281-314: a script with 'end'
        assertThat(parse("runmqsc", sample("runmqsc", "define-script-with-comments.txt")).get("trailer")
                .get("commandsRead").asInt()).isEqualTo(6);
        // github.com/Checkmk/checkmk test_ibm_mq_channels.py @ c80f543, test_parse(): 'runmqsc -e', MQ 8
        assertThat(parse("runmqsc", sample("runmqsc", "e-mode-channels-chstatus-mq8.txt")).get("commands").get(0)
                .get("objects").get(3).get("attributes").get("CONNAME").asText())
                .isEqualTo("55.888.222.333(1414),22,333.444.555(1414)");
        // "Instalación MQ MFT" notes (find_string file id 42140790478): an interactive MQ 9.1 session, and a
        // DISPLAY NAMELIST whose NAMES list wraps, with an echoed '+' continuation
        assertThat(parse("runmqsc", sample("runmqsc", "interactive-define-end-9.1.txt")).get("partial").asBoolean())
                .isFalse();
        JsonNode namelist = parse("runmqsc", sample("runmqsc", "namelist-wrapped-and-continued-9.1.txt"));
        assertThat(namelist.get("commands").get(4).get("objects").get(0).get("attributes").get("NAMES").asText())
                .isEqualTo("SYSTEM.BROKER.DEFAULT.STREAM,SYSTEM.BROKER.ADMIN.STREAM");
        // MQ 9.1 multi-instance notes (find_string file id 6910422900): pasted from command 3, no trailer
        JsonNode excerpt = parse("runmqsc", sample("runmqsc", "interactive-excerpt-from-command-3-9.1.txt"));
        assertThat(excerpt.get("partial").asBoolean()).isTrue();
        assertThat(excerpt.get("commands").get(0).get("number").asInt()).isEqualTo(3);
        assertThat(excerpt.get("commands").get(0).get("objects").get(0).get("attributes").get("CONNAUTH").asText())
                .isEqualTo("SYSTEM.DEFAULT.AUTHINFO.IDPWOS");
        assertThat(excerpt.get("commands").get(3).get("objects").get(0).get("attributes").get("CHLAUTH").asText())
                .isEqualTo("DISABLED");
    }

    @Test
    void channelStatus() {
        // github.com/cgomeznt/MQ-MFT guia/estatuscanales.rst: 'display chstatus(X)' of a running sender, MQ 9.1
        JsonNode running = parse("runmqsc", sample("runmqsc", "chstatus-default-running-sdr.txt")).get("commands").get(0)
                .get("objects").get(0).get("attributes");
        assertThat(running.get("STATUS").asText()).isEqualTo("RUNNING");
        // MQ 8 TLS notes (find_string file id 7627574882): 'DIS CHS(*) ALL', a sender BINDING and a receiver RUNNING
        JsonNode all = parse("runmqsc", sample("runmqsc", "chstatus-all-sender-receiver-mq8.txt"));
        assertThat(all.get("partial").asBoolean()).isTrue();
        JsonNode binding = all.get("commands").get(0).get("objects").get(0).get("attributes");
        assertThat(binding.get("STATUS").asText()).isEqualTo("BINDING");
        assertThat(binding.get("SUBSTATE").asText()).isEqualTo("NETCONNECT");
        JsonNode receiver = all.get("commands").get(0).get("objects").get(1).get("attributes");
        assertThat(receiver.get("SSLPEER").asText()).endsWith("UNSTRUCTUREDNAME=mqfellowwest.host");

        lab.execute("mqeast2", "mqm", List.of("runmqsc", "QM2"), "START CHANNEL(QM2.TO.BANK)\n");
        JsonNode labDefault = parse("runmqsc", lab.execute("mqeast2", "mqm", List.of("runmqsc", "QM2"),
                "DIS CHS(QM2.TO.BANK)\n").stdout()).get("commands").get(0).get("objects").get(0).get("attributes");
        assertThat(names(labDefault)).isEqualTo(names(running));
        JsonNode labAll = parse("runmqsc", lab.execute("mqeast2", "mqm", List.of("runmqsc", "QM2"),
                "DIS CHS(QM2.TO.BANK) ALL\n").stdout()).get("commands").get(0).get("objects").get(0).get("attributes");
        List<String> mq9 = names(labAll);
        assertThat(mq9.remove("XQMSGSA")).isTrue();
        assertThat(mq9).isEqualTo(names(binding));

        // Saved status, as the lab prints it once a message has crossed the channel, is read by parse too: IBM's
        // common status fields (DISPLAY CHSTATUS reference) and what is always returned, SAVED in place of CURRENT.
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T09:00:00Z"));
        SimulatedMqEstate moving = new SimulatedMqEstate(LabEstateFixture.labEstate(), clock);
        moving.execute("mqeast2", "mqm", List.of("runmqsc", "QM2"), "START CHANNEL(QM2.TO.BANK)\n");
        moving.putMessages("mqeast2", "QM2", "QM2.TO.BANK.XMIT", 1, false);
        clock.advance(Duration.ofSeconds(1));
        JsonNode labSaved = parse("runmqsc", moving.execute("mqeast2", "mqm", List.of("runmqsc", "QM2"),
                "DIS CHS(QM2.TO.BANK) SAVED ALL\n").stdout()).get("commands").get(0).get("objects").get(0)
                .get("attributes");
        assertThat(names(labSaved)).containsExactly("CHANNEL", "CHLTYPE", "CONNAME", "CURLUWID", "CURMSGS", "CURSEQNO",
                "INDOUBT", "LSTLUWID", "LSTSEQNO", "RQMNAME", "SAVED", "STATUS", "XMITQ");
        assertThat(labSaved.get("LSTSEQNO").asText()).isEqualTo("1");
        assertThat(names(binding)).as("every saved field is one MQ prints for current status too, but SAVED")
                .containsAll(names(labSaved).stream().filter(n -> !n.equals("SAVED")).toList());
    }

    @Test
    void channelStatusNotFound() {
        // github.com/instana/serviceability @ 7d83851 agent/ibm-mq/README.md: 'DISPLAY CHSTATUS(*) ALL', no instance, MQ 9.4
        String real = sample("runmqsc", "chstatus-not-found-9.4.txt");
        JsonNode session = parse("runmqsc", real);
        JsonNode command = session.get("commands").get(0);
        assertThat(messages(command)).containsExactly("Channel Status not found.");
        assertThat(command.get("messages").get(0).get("id").asText() + command.get("messages").get(0).get("severity").asText())
                .isEqualTo("AMQ8420I");
        assertThat(command.get("objects")).isEmpty();
        assertThat(session.get("trailer").toString()).contains("\"notProcessed\":1");

        // The lab prints the same session for a channel that never ran, but for the names.
        String labText = lab.execute("mqeast2", "mqm", List.of("runmqsc", "QM2"), "DISPLAY CHSTATUS(*) ALL\n").stdout();
        assertThat(labText.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("Starting MQSC")
                && !l.startsWith("5724-H72")).toList())
                .isEqualTo(real.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("Starting MQSC")
                        && !l.startsWith("5724-H72")).toList());
    }

    @Test
    void notAuthorizedWithAbridgedTrailer() {
        // github.com/ibm-messaging/mq-exits @ b8e2fc8 instserv/oamcrt/README.md: AMQ8135E, the trailer's last line alone
        String real = sample("runmqsc", "not-authorized-abridged-trailer.txt");
        JsonNode session = parse("runmqsc", real);
        assertThat(session.get("queueManager").asText()).isEqualTo("OAMLOG");
        JsonNode command = session.get("commands").get(0);
        assertThat(command.get("text").asText()).isEqualTo("DEF QL(NOTALLOWED.1) REPLACE");
        assertThat(command.get("messages").get(0).get("id").asText()).isEqualTo("AMQ8135");
        assertThat(messages(command)).containsExactly("Not authorized.");
        assertThat(session.get("trailer").isNull()).isTrue();
        assertThat(ParseCli.notes(session)).containsExactly("the excerpt keeps only the trailer's last line (whether"
                + " all valid commands were processed): the commands read and syntax errors are not in it, so the"
                + " counts are not checked");
        assertThat(ParseCli.refusal("runmqsc", real + "     2 : DISPLAY QMGR\n"))
                .contains("line 5 '     2 : DISPLAY QMGR'").contains("output continues after the runmqsc trailer");
    }

    @Test
    void typedLowerCaseLinesAndObjectDamaged() {
        // github.com/ibm-messaging/mq-mqi-python @ b599f36 docs/PCF.md: typed 'dis ql(x*)' echoes as 'dis ql(X*)'
        JsonNode session = parse("runmqsc", sample("runmqsc", "interactive-object-damaged-typed-lowercase.txt"));
        assertThat(session.get("commands")).hasSize(4);
        assertThat(session.get("commands").get(1).get("text").asText()).isEqualTo("dis ql(X*)");
        JsonNode first = session.get("commands").get(0);
        assertThat(first.get("messages").get(0).get("id").asText() + first.get("messages").get(0).get("severity")
                .asText()).isEqualTo("AMQ8149S");
        assertThat(first.get("objects").findValuesAsText("QUEUE")).containsExactly("X1", "X2");
        assertThat(session.get("commands").get(2).get("objects").findValuesAsText("CURDEPTH")).containsExactly("0", "0");
        assertThat(messages(session.get("commands").get(3))).containsExactly("IBM MQ object damaged.");
        // Quoted text keeps its case in the echo: a typed line that differs from it inside quotes is not that echo.
        assertThat(ParseCli.refusal("runmqsc", "     1 : DISPLAY QMGR\nAMQ8408I: Display Queue Manager details.\n"
                + "   QMNAME(QM1)\ndis ql('x')\n     2 : dis ql('X')\nAMQ8147E: IBM MQ object X not found.\n"))
                .contains("line 4 'dis ql('x')'").contains("not an echoed command");
    }

    @Test
    void clusterQueueManagersMq90() {
        // Public "Cluster Setup - Partial/full repository" notes (find_string file id 6852209416), MQ 9.0 container
        JsonNode sessions = parse("runmqsc", sample("runmqsc", "clusqmgr-qmtype-and-all-9.0.txt"));
        assertThat(sessions).hasSize(2);
        JsonNode qmtype = sessions.get(0).get("commands").get(0);
        assertThat(qmtype.get("text").asText()).isEqualTo("DISPLAY CLUSQMGR(*) QMTYPE");
        assertThat(qmtype.get("objects").findValuesAsText("QMTYPE")).containsExactly("REPOS", "REPOS", "NORMAL", "NORMAL");
        JsonNode all = sessions.get(1).get("commands").get(0).get("objects").get(0).get("attributes");
        assertThat(all.get("CLUSQMGR").asText()).isEqualTo("A");
        assertThat(all.get("DEFTYPE").asText()).isEqualTo("CLUSRCVR");
        assertThat(all.get("STATUS").asText()).isEqualTo("RUNNING");
        assertThat(all.get("SUSPEND").asText()).isEqualTo("NO");
        assertThat(all.get("CONNAME").asText()).isEqualTo("LOCALHOST(3131)");
        assertThat(all.get("BATCHLIM").asText()).isEqualTo("5000");
        assertThat(ParseCli.notes(sessions.get(1))).containsExactly("the excerpt stops before the trailer (\"N MQSC commands read.\"): the counts are not checked");
    }

    private static List<String> names(JsonNode attributes) {
        List<String> names = new java.util.ArrayList<>();
        attributes.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> messages(JsonNode control) {
        return control.get("messages").findValuesAsText("text");
    }

    private LabExecution lab(String host, String... argv) {
        return lab.execute(host, "mqm", List.of(argv), "");
    }

    private static JsonNode parse(String kind, String text) {
        return ParseCli.parse(kind, text);
    }

    private static String sample(String kind, String name) {
        return ParseCli.sample(kind, name);
    }
}
