package io.mqrunbooks.cli;

import static io.mqrunbooks.cli.ParseCli.attributes;
import static io.mqrunbooks.cli.ParseCli.command;
import static io.mqrunbooks.cli.ParseCli.notes;
import static io.mqrunbooks.cli.ParseCli.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real IBM MQ output as operators paste it (shell prompt lines, typed commands, excerpts, several sessions,
 * MQ 7 wording, web-page markup), read through {@code parse <kind> -} as {@code java -jar ... parse} reads it.
 * Every value the tests name is compared with the sample; each sample's source is named next to it and at
 * length in its {@code .source} file.
 */
class IbmPastedCorpusTest {

    // HADR: github.com/ibm-client-engineering/solution-mq-rdqm-hadr @ 6b25830 readme.md

    @Test
    void runmqscSessionsPastedWithTheirShellPromptAndTypedCommands() {
        // HADR lines 1348-1355: '[mqm@wdc-mq-client ~]$ runmqsc QM1', banner, typed DEFINE before its echo, no trailer
        JsonNode xmitq = parse("runmqsc", sample("runmqsc", "prompt-define-xmitq-no-trailer-9.2.txt"));
        assertThat(xmitq.get("queueManager").asText()).isEqualTo("QM1");
        assertThat(command(xmitq, 0).get("text").asText())
                .isEqualTo("define qlocal(QM2) DESCR('Transmission queue to QM2') USAGE(XMITQ)");
        assertThat(command(xmitq, 0).get("messages").get(0).get("id").asText()).isEqualTo("AMQ8006");
        assertThat(notes(xmitq)).containsExactly(NOTE_NO_TRAILER);

        // HADR lines 1575-1587: prompt line, then command 10 without banner; SSLPEER longer than the column
        JsonNode sender = parse("runmqsc", sample("runmqsc", "prompt-chs-sslpeer-from-command-10-9.2.txt"));
        assertThat(command(sender, 0).get("number").asInt()).isEqualTo(10);
        JsonNode sdr = attributes(sender, 0, 0);
        assertThat(sdr.get("CONNAME").asText()).isEqualTo("10.241.0.4(1414)");
        assertThat(sdr.get("SSLPEER").asText())
                .isEqualTo("SERIALNUMBER=5E:C8:76:52:DA:81:96:5B,CN=QM2,OU=SSL For MQ,O=IBM,ST=MA,C=US");
        assertThat(sdr.get("SSLCERTI").asText()).isEqualTo("CN=QM2,OU=SSL For MQ,O=IBM,ST=MA,C=US");
        assertThat(sdr.get("XMITQ").asText()).isEqualTo("QM2");
        assertThat(notes(sender)).containsExactly("the excerpt starts at command 10: commands 1 to 9 are not in it",
                NOTE_NO_TRAILER);

        // HADR lines 1593-1606: the receiver end, with banner
        JsonNode receiver = attributes(parse("runmqsc", sample("runmqsc", "prompt-chs-sslpeer-receiver-9.2.txt")), 0, 0);
        assertThat(receiver.get("CHLTYPE").asText()).isEqualTo("RCVR");
        assertThat(receiver.get("SUBSTATE").asText()).isEqualTo("RECEIVE");

        // HADR lines 1756-1767: ALTER with a quoted SSLPEER, REFRESH, then 'quit' typed with nothing after it
        JsonNode quit = parse("runmqsc", sample("runmqsc", "prompt-alter-sslpeer-typed-quit-9.2.txt"));
        assertThat(quit.get("commands")).hasSize(2);
        assertThat(command(quit, 1).get("text").asText()).isEqualTo("refresh qmgr type(configev) object(channel)");
        assertThat(notes(quit)).containsExactly(
                "line 12 'quit' was typed at the prompt; its echo and reply are not in the excerpt", NOTE_NO_TRAILER);

        // HADR lines 946-956: 'runmqsc -u mqadmin ...' with the masked password prompt, then command 15
        JsonNode password = parse("runmqsc", sample("runmqsc", "u-password-prompt-command-15-9.2.txt"));
        assertThat(password.get("queueManager").asText()).isEqualTo("SSLDRHAQM1");
        assertThat(attributes(password, 0, 0).get("SSLKEYR").asText())
                .isEqualTo("/var/mqm/vols/ssldrhaqm1/qmgr/ssldrhaqm1/ssl/key");

        // DataDog/integrations-core ibm_mq/README.md: '> /opt/mqm/bin/runmqsc', typed ALTER, the empty '       :' echo
        JsonNode datadog = parse("runmqsc", sample("runmqsc", "interactive-alter-qmgr-blank-echo-9.1.txt"));
        assertThat(datadog.get("queueManager").asText()).isEqualTo("datadog");
        assertThat(datadog.get("trailer").get("commandsRead").asInt()).isEqualTo(1);
        assertThat(notes(datadog)).isEmpty();

        // WebSphere MQ 7.0.1 notes (find_string 55654631357): '$ runmqsc qmc00', no copyright line, AMQ8408 unlettered
        JsonNode wmq7 = parse("runmqsc", sample("runmqsc", "wmq7-prompt-display-qmgr-end.txt"));
        JsonNode qmgr = attributes(wmq7, 0, 0);
        assertThat(qmgr.get("CMDLEVEL").asText()).isEqualTo("701");
        assertThat(qmgr.get("QMID").asText()).isEqualTo("qmc00_2012-12-30_10.16.26");
        assertThat(qmgr.get("SSLKEYR").asText()).isEqualTo("/var/mqm/qmgrs/qmc00/ssl/key");
        assertThat(qmgr.has("SYNCPT")).isTrue();
        assertThat(qmgr.get("TRIGINT").asText()).isEqualTo("999999999");
        assertThat(command(wmq7, 1).get("text").asText()).isEqualTo("end");
        assertThat(notes(wmq7)).isEmpty();
    }

    @Test
    void aTypedCommandAfterAnObjectIsNeverReadAsItsAttributes() {
        // HADR lines 1674-1726: cut after the typed 'refresh qmgr type(configev) object(channel)', before its echo.
        // It was read as attributes refresh, qmgr, type(configev) and object(channel) of the channel above.
        JsonNode cut = parse("runmqsc", sample("runmqsc", "display-channel-then-typed-refresh-9.2.txt"));
        JsonNode channel = attributes(cut, 2, 0);
        assertThat(names(channel)).doesNotContain("refresh", "qmgr", "type", "object", "TYPE", "OBJECT");
        assertThat(names(channel)).endsWith("SSLPEER", "STATCHL", "TRPTYPE", "USEDLQ");
        assertThat(channel.get("SSLPEER").asText()).isEqualTo(" ");
        assertThat(notes(cut)).contains("line 53 'refresh qmgr type(configev) object(channel)' was typed at the prompt;"
                + " its echo and reply are not in the excerpt");

        // HADR lines 1674-1729: the same, up to the echo of command 4
        JsonNode whole = parse("runmqsc", sample("runmqsc", "display-alter-channel-commands-1-to-4-9.2.txt"));
        assertThat(whole.get("commands")).hasSize(4);
        JsonNode before = attributes(whole, 0, 0);
        assertThat(before.get("SSLPEER").asText()).isEqualTo("CN=John Cena, OU=Test, O=IBM, C=GB");
        assertThat(before.get("DESCR").asText()).isEqualTo("Receiver channel using TLS from QM1 to QM2");
        assertThat(before.get("SSLCIPH").asText()).isEqualTo("TLS_RSA_WITH_AES_128_CBC_SHA256");
        assertThat(command(whole, 1).get("text").asText()).isEqualTo("alter channel(QM1.TO.QM2) CHLTYPE(RCVR) SSLPEER('')");
        assertThat(attributes(whole, 2, 0).get("ALTTIME").asText()).isEqualTo("18.31.34");
        assertThat(command(whole, 3).get("messages").get(0).get("id").asText()).isEqualTo("AMQ8724");

        // The cut excerpt indented by a tab (as rst and some wikis show it), its last typed line in upper case: a
        // line no deeper than the AMQ message above the object is not one of its attributes either.
        String tabbed = sample("runmqsc", "display-channel-then-typed-refresh-9.2.txt")
                .replace("refresh qmgr type(configev) object(channel)", "DEFINE QLOCAL(X)").lines()
                .map(l -> "\t" + l + "\n").reduce("", String::concat);
        JsonNode indented = parse("runmqsc", tabbed);
        assertThat(names(attributes(indented, 2, 0))).doesNotContain("DEFINE", "QLOCAL")
                .endsWith("USEDLQ");
        assertThat(notes(indented)).contains("line 53 'DEFINE QLOCAL(X)' was typed at the prompt; its echo and reply"
                + " are not in the excerpt");

        // A typed line that is followed by more output is not an excerpt's end: refused, naming it.
        String inTheMiddle = sample("runmqsc", "display-channel-then-typed-refresh-9.2.txt")
                + "   STATUS(RUNNING)\n";
        assertThat(refusal("runmqsc", inTheMiddle)).contains("line 53 'refresh qmgr type(configev) object(channel)'");
    }

    @Test
    void runmqscOfNativeHaClustersAndSeveralSessions() {
        // VKS Native HA guide (find_string 55198651085): the kubectl command line, then three AMQ8705I instances
        JsonNode nativeHa = parse("runmqsc", sample("runmqsc", "kubectl-qmstatus-nativeha-9.4.txt"));
        assertThat(nativeHa.get("queueManager").asText()).isEqualTo("haqueuemgr");
        JsonNode active = attributes(nativeHa, 0, 0);
        assertThat(active.get("ROLE").asText()).isEqualTo("ACTIVE");
        assertThat(active.get("HAINITL").asText()).isEqualTo("<0:0:9:13456>");
        assertThat(active.get("REPLADDR").asText()).isEqualTo("vks-prod-nativeha-mq-ibm-mq-replica-0(9414)");
        JsonNode replica = attributes(nativeHa, 0, 2);
        assertThat(replica.get("INSTANCE").asText()).isEqualTo("vks-prod-nativeha-mq-ibm-mq-2");
        assertThat(replica.get("ACKLSN").asText()).isEqualTo("<0:0:19:17407>");
        assertThat(replica.get("INSYNC").asText()).isEqualTo("YES");
        assertThat(replica.get("SYNCTIME").asText()).isEqualTo("2026-07-16T17:52:03.622800Z");

        // VKS multi-cluster guide (find_string 55095233774): DISPLAY CLUSQMGR with QMTYPE and STATUS
        JsonNode cluster = parse("runmqsc", sample("runmqsc", "clusqmgr-two-full-repositories-9.4.txt"));
        assertThat(attributes(cluster, 0, 1).toString()).isEqualTo("{\"CLUSQMGR\":\"QM2\","
                + "\"CHANNEL\":\"GLOBAL_HA_CHL_QM2\",\"CLUSTER\":\"GLOBAL_HA_CLUSTER\",\"QMTYPE\":\"REPOS\","
                + "\"STATUS\":\"RUNNING\"}");

        // github.com/instana/serviceability @ 845aaf0 agent/ibm-mq/README.md lines 122-564: six sessions in a row
        JsonNode six = parse("runmqsc", sample("runmqsc", "six-sessions-9.4.txt"));
        assertThat(six).hasSize(6);
        assertThat(six.get(1).get("commands").get(0).get("objects")).hasSize(14);
        assertThat(six.get(1).get("commands").get(0).get("objects").get(3).get("attributes").get("DESCR").asText())
                .isEqualTo("Auto-defined by");
        assertThat(six.get(3).get("commands").get(0).get("objects").get(0).get("attributes").get("LOCLADDR").asText())
                .isEqualTo("9.30.219.53(1415)");
        assertThat(six.get(5).get("commands").get(0).get("objects").get(1).get("attributes").get("PORT").asText())
                .isEqualTo("1415");
        // The whole example, with the script's own heading lines, is not runmqsc output: refused, naming the line.
        String processed = "All valid MQSC commands were processed.\n";
        String withHeadings = sample("runmqsc", "six-sessions-9.4.txt")
                .replaceFirst(java.util.regex.Pattern.quote(processed), processed + "\nChannel Definitions:\n");
        assertThat(refusal("runmqsc", withHeadings)).contains("'Channel Definitions:'");
    }

    @Test
    void crtmqmAndStrmqmAsTyped() {
        // HADR lines 1328-1342: 'crtmqm QM1 && strmqm QM1', strmqm's RLIMIT note before 'starting.'
        JsonNode rlimit = parse("crtmqm", sample("crtmqm", "crtmqm-then-strmqm-9.2.5-rlimit-note.txt"));
        assertThat(rlimit.get("crtmqm").get("queueManager").asText()).isEqualTo("QM1");
        assertThat(rlimit.get("strmqm").get("startedVersion").asText()).isEqualTo("9.2.5.0");
        // HADR lines 1383-1396: the same on the other host
        assertThat(parse("crtmqm", sample("crtmqm", "crtmqm-then-strmqm-9.2.5.txt")).get("strmqm").get("queueManager")
                .asText()).isEqualTo("QM2");
        // HADR lines 720-732: DR/HA primary with -sx; the printed secondary command keeps -sx
        JsonNode primary = parse("crtmqm", sample("crtmqm", "drha-sx-primary-prints-secondary.txt"));
        assertThat(primary.get("drSecondaryCommand").get("haOption").asText()).isEqualTo("-sx");
        assertThat(primary.get("drSecondaryCommand").get("port").asInt()).isEqualTo(7005);
        assertThat(primary.get("drSecondaryCommand").get("localIpAddresses").toString())
                .isEqualTo("[\"10.240.0.4\",\"10.240.64.4\",\"10.240.128.4\"]");
        // HADR lines 705-706 and 751-754: the secondaries
        assertThat(parse("crtmqm", sample("crtmqm", "drha-sxs-secondary-ha-node.txt")).get("outcome").asText())
                .isEqualTo("SECONDARY_CREATED");
        assertThat(parse("crtmqm", sample("crtmqm", "drha-sx-secondary.txt")).get("outcome").asText())
                .isEqualTo("SECONDARY_CREATED");

        // WebSphere MQ 7.0.1 notes (find_string 55654631357): '$ crtmqm qmc00' then '$ strmqm qmc00', 7.0 wording
        JsonNode wmq7 = parse("crtmqm", sample("crtmqm", "wmq7-prompt-crtmqm-then-strmqm.txt"));
        assertThat(wmq7.get("crtmqm").get("outcome").asText()).isEqualTo("CREATED");
        assertThat(wmq7.get("crtmqm").get("queueManager").asText()).isEqualTo("qmc00");
        assertThat(wmq7.get("strmqm").get("outcome").asText()).isEqualTo("STARTED");
        assertThat(wmq7.get("strmqm").get("startedVersion").isNull()).isTrue();
        // ... and AMQ7077 without severity letter when crtmqm ran as root before mqm was set up
        assertThat(parse("crtmqm", sample("crtmqm", "wmq7-not-authorized.txt")).get("outcome").asText())
                .isEqualTo("FAILED");
        // An unlettered message crtmqm is not known to print is still refused, not taken for a failure.
        assertThat(refusal("crtmqm", "AMQ7999: Something else.\n")).contains("not a message crtmqm is known to print");
    }

    @Test
    void rdqmstatusAndDspmqAroundADrSwitch() {
        // HADR lines 444-468: the new DR primary after 'rdqmdr -s' on wdc1 and 'rdqmdr -p' on dal1
        JsonNode primary = parse("rdqmstatus", sample("rdqmstatus", "drha-primary-after-dr-switch.txt"));
        assertThat(primary.get("node").asText()).isEqualTo("dal1-mq1");
        assertThat(primary.get("queueManager").get("drRole").asText()).isEqualTo("Primary");
        assertThat(primary.get("queueManager").get("drCurrentRemoteIpAddress").asText()).isEqualTo("10.241.0.4");
        assertThat(primary.get("otherNodes").get(1).get("node").asText()).isEqualTo("dal3-mq1");
        assertThat(primary.get("warnings")).isEmpty();
        // HADR lines 471-492: the old primary, now DR secondary
        JsonNode secondary = parse("rdqmstatus", sample("rdqmstatus", "drha-secondary-after-dr-switch.txt"));
        assertThat(secondary.get("queueManager").get("status").asText()).isEqualTo("Ended immediately");
        assertThat(secondary.get("queueManager").get("drRole").asText()).isEqualTo("Secondary");
        // HADR lines 759-783: a second queue manager on DR port 7005
        JsonNode port = parse("rdqmstatus", sample("rdqmstatus", "drha-primary-port-7005.txt"));
        assertThat(port.get("queueManager").get("drPort").asInt()).isEqualTo(7005);
        assertThat(port.get("queueManager").get("drRemoteIpAddresses").toString())
                .isEqualTo("[\"10.240.0.4\",\"10.240.64.4\",\"10.240.128.4\"]");
        // The same sample with Windows line ends and indented by a tab reads the same.
        String crlfTabbed = sample("rdqmstatus", "drha-primary-port-7005.txt").lines().map(l -> "\t" + l + "\r\n")
                .reduce("", String::concat);
        assertThat(parse("rdqmstatus", crlfTabbed).get("queueManager")).isEqualTo(port.get("queueManager"));

        // HADR lines 2045-2046 and 2119-2120: 'dspmq -a -x -s' after the HA node was put in standby and resumed
        JsonNode moved = parse("dspmq", sample("dspmq", "a-x-s-after-node-standby.txt")).get("queueManagers").get(0);
        assertThat(moved.get("instances").get(0).get("host").asText()).isEqualTo("wdc2-mq1");
        assertThat(moved.get("instances").get(0).get("mode").asText()).isEqualTo("Active");
        assertThat(parse("dspmq", sample("dspmq", "a-x-s-after-node-resume.txt")).get("queueManagers").get(0)
                .get("instances").get(0).get("host").asText()).isEqualTo("wdc1-mq1");
    }

    @Test
    void rdqmstatusOfAnHaGroupInTrouble() {
        // MQRDQM: github.com/ibm-messaging/mq-rdqm @ 7b73388
        // MQRDQM Troubleshooting.md lines 237-254: every link down, the value marked '<b>Remote unavailable</b>'
        JsonNode down = parse("rdqmstatus", sample("rdqmstatus", "ha-remote-unavailable-html-bold.txt"));
        assertThat(down.get("queueManager").get("status").asText()).isEqualTo("Running elsewhere");
        assertThat(down.get("queueManager").get("haStatus").asText()).isEqualTo("Remote unavailable");
        assertThat(down.get("queueManager").get("haCurrentLocation").asText()).isEqualTo("mqhavm14.hursley.ibm.com");
        assertThat(down.get("otherNodes").get(1).get("haStatus").asText()).isEqualTo("Remote unavailable");
        assertThat(down.get("otherNodes").get(1).get("haOutOfSyncBytes").asLong()).isZero();
        assertThat(down.get("warnings")).isEmpty();
        // MQRDQM Troubleshooting.md lines 323-342: Mixed; the bold opens on one line and closes on the next
        JsonNode mixed = parse("rdqmstatus", sample("rdqmstatus", "ha-mixed-html-bold-across-lines.txt"));
        assertThat(mixed.get("queueManager").get("haStatus").asText()).isEqualTo("Mixed");
        assertThat(mixed.get("otherNodes").get(0).get("haStatus").asText()).isEqualTo("Remote unavailable");
        assertThat(mixed.get("otherNodes").get(0).get("haOutOfSyncBytes").asLong()).isZero();
        assertThat(mixed.get("otherNodes").get(1).get("haStatus").asText()).isEqualTo("Normal");
        assertThat(mixed.get("otherNodes").get(1).get("haOutOfSyncBytes").isNull()).isTrue();
        // MQRDQM Troubleshooting.md lines 52-67: the queue manager runs on another node
        JsonNode elsewhere = parse("rdqmstatus", sample("rdqmstatus", "ha-running-elsewhere-secondary.txt"));
        assertThat(elsewhere.get("queueManager").get("haRole").asText()).isEqualTo("Secondary");
        assertThat(elsewhere.get("queueManager").get("haCurrentLocation").asText()).isEqualTo("mqhavm14.hursley.ibm.com");
        // MQRDQM cloud/aws/README.md lines 279-304: initial synchronization, node names wrapped, CPU without '%'
        JsonNode sync = parse("rdqmstatus", sample("rdqmstatus", "ha-sync-in-progress-wrapped-nodes.txt"));
        assertThat(sync.get("node").asText()).isEqualTo("InstanceA");
        assertThat(sync.get("queueManager").get("haStatus").asText()).isEqualTo("Synchronization in progress");
        assertThat(sync.get("queueManager").get("fields").get("CPU").asText()).isEqualTo("0.17");
        JsonNode instanceB = sync.get("otherNodes").get(0);
        assertThat(instanceB.get("node").asText()).isEqualTo("InstanceB");
        assertThat(instanceB.get("fields").get("HA synchronization progress").asText()).isEqualTo("6.3%");
        assertThat(instanceB.get("fields").get("HA estimated time to completion").asText())
                .isEqualTo("2018-01-15 10:14:20");
        assertThat(sync.get("otherNodes").get(1).get("node").asText()).isEqualTo("InstanceC");
        // MQRDQM cloud/azure/HA/approach2/Deployment.md lines 160-179: inside <pre> ... </pre>
        JsonNode pre = parse("rdqmstatus", sample("rdqmstatus", "ha-html-pre-block.txt"));
        assertThat(pre.get("node").asText()).isEqualTo("vm-1-uksouth");
        assertThat(pre.get("otherNodes").get(1).get("node").asText()).isEqualTo("vm-3-uksouth");
    }

    @Test
    void multiInstanceCommandsAsTyped() {
        // MQ 9.1 multi-instance notes on AWS EFS (find_string 6910422900): 'dspmq -x -o standby' before and after
        // the standby started, and 'dspmq' on the other host
        JsonNode activeOnly = parse("dspmq", sample("dspmq", "x-o-standby-active-only-9.1.txt")).get("queueManagers")
                .get(0);
        assertThat(activeOnly.get("status").isNull()).isTrue();
        assertThat(activeOnly.get("attributes").get("STANDBY").asText()).isEqualTo("Permitted");
        assertThat(activeOnly.get("instances")).hasSize(1);
        JsonNode both = parse("dspmq", sample("dspmq", "x-o-standby-active-and-standby-9.1.txt")).get("queueManagers")
                .get(0);
        assertThat(both.get("instances").get(1).get("host").asText()).isEqualTo("ip-172-31-67-58.ec2.internal");
        assertThat(both.get("instances").get(1).get("mode").asText()).isEqualTo("Standby");
        assertThat(parse("dspmq", sample("dspmq", "plain-running-elsewhere-9.1.txt")).get("queueManagers").get(0)
                .get("status").asText()).isEqualTo("Running elsewhere");
        // The same notes, "Failover": '$ endmqm -is PSAP' as typed, then its two lines
        JsonNode ended = parse("control", "$ endmqm -is PSAP\n" + sample("control", "endmqm-is-switchover-9.1.txt"));
        assertThat(ended.get("outcome").asText()).isEqualTo("ENDED");
        assertThat(ended.get("queueManager").asText()).isEqualTo("PSAP");
        // MQ 9.3.1 walkthrough (find_string 3364494460) step 10: '$ strmqm -x QM1' then the wrapped standby message
        JsonNode standby = parse("control", "$ strmqm -x QM1\n" + sample("control", "strmqm-x-standby-wrapped.txt"));
        assertThat(standby.get("outcome").asText()).isEqualTo("STANDBY_STARTED");
        // ... step 6: '$ crtmqm -ld /MQHA/logs -md /MQHA/qmgrs QM1' as typed
        JsonNode created = parse("crtmqm", sample("crtmqm", "prompt-crtmqm-multi-instance-9.3.1.txt"));
        assertThat(created.get("outcome").asText()).isEqualTo("CREATED");
        assertThat(created.get("queueManager").asText()).isEqualTo("QM1");
        // A typed line anywhere but first is still not output.
        assertThat(refusal("control", sample("control", "strmqm-x-standby-wrapped.txt") + "$ strmqm -x QM1\n"))
                .contains("'$ strmqm -x QM1'");
    }

    @Test
    void markupCopiedFromAWebPageIsIgnoredButMqAngleBracketsAreKept() {
        // The VKS sample as a web page shows it: in <pre>, with <br/> and the LSNs escaped.
        String page = "<pre class=\"screen\">" + sample("runmqsc", "kubectl-qmstatus-nativeha-9.4.txt")
                .replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>\n") + "</pre>\n";
        JsonNode read = parse("runmqsc", page);
        assertThat(attributes(read, 0, 0).get("HAINITL").asText()).isEqualTo("<0:0:9:13456>");
        assertThat(attributes(read, 0, 1).get("ACKLSN").asText()).isEqualTo("<0:0:19:17407>");
        // Without markup, MQ's angle brackets are left alone.
        assertThat(attributes(parse("runmqsc", sample("runmqsc", "kubectl-qmstatus-nativeha-9.4.txt")), 0, 1)
                .get("ACKLSN").asText()).isEqualTo("<0:0:19:17407>");
        // crtmqm and dspmq copied as paragraphs.
        String paragraphs = sample("crtmqm", "crtmqm-then-strmqm-9.2.5.txt").lines().map(l -> "<p>" + l + "</p>\n")
                .reduce("", String::concat);
        assertThat(parse("crtmqm", paragraphs).get("strmqm").get("startedVersion").asText()).isEqualTo("9.2.5.0");
        String dspmq = "<pre><code>" + sample("dspmq", "a-x-s-after-node-resume.txt") + "</code></pre>\n";
        assertThat(parse("dspmq", dspmq).get("queueManagers").get(0).get("status").asText()).isEqualTo("Running");
    }

    private static final String NOTE_NO_TRAILER = "the excerpt stops before the trailer (\"N MQSC commands read.\"):"
            + " the counts are not checked";

    private static List<String> names(JsonNode attributes) {
        List<String> names = new ArrayList<>();
        attributes.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode parse(String kind, String text) {
        return ParseCli.parse(kind, text);
    }

    private static String sample(String kind, String name) {
        return ParseCli.sample(kind, name);
    }
}
