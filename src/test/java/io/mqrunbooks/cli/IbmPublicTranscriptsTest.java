package io.mqrunbooks.cli;

import static io.mqrunbooks.cli.ParseCli.attributes;
import static io.mqrunbooks.cli.ParseCli.command;
import static io.mqrunbooks.cli.ParseCli.notes;
import static io.mqrunbooks.cli.ParseCli.parse;
import static io.mqrunbooks.cli.ParseCli.refusal;
import static io.mqrunbooks.cli.ParseCli.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Real IBM MQ output from public READMEs, labs and notes that were not in the corpus before issue #18's outside
 * check: Windows prompts (cmd and PowerShell), WebSphere MQ 7.x, MQ 9.0 to 9.4.5, Native HA instance lines as 9.4
 * prints them, RDQM DR/HA on AWS, translated (Spanish) output. Each is read through {@code parse <kind> -}; every
 * value named is compared with the sample, and each refusal must name the line. Sources are in each sample's
 * {@code .source} file.
 */
class IbmPublicTranscriptsTest {

    @Test
    void dspmqverBlocksAfterTheirPromptFromWebSphereMq75ToMq945() {
        // CentOS root prompt, WebSphere MQ 7.5.0.2 TRIAL
        JsonNode wmq75 = installation(parse("dspmqver", sample("dspmqver", "dspmqver-7.5-prompt.txt")));
        assertThat(wmq75.get("name").asText()).isEqualTo("WebSphere MQ");
        assertThat(wmq75.get("version").asText()).isEqualTo("7.5.0.2");
        assertThat(wmq75.get("level").asText()).isEqualTo("p750-002-130704.TRIAL");
        assertThat(wmq75.get("maxCommandLevel").asInt()).isEqualTo(750);
        assertThat(wmq75.get("fields").get("O/S").asText()).isEqualTo("Linux 2.6.32-504.el6.x86_64");
        assertThat(wmq75.get("fields").get("InstDesc").asText()).isEmpty();

        // cmd prompt with a blank in its path, 9.3.0.0 Developer
        JsonNode de = installation(parse("dspmqver", sample("dspmqver", "dspmqver-9.3-windows-de.txt")));
        assertThat(de.get("version").asText()).isEqualTo("9.3.0.0");
        assertThat(de.get("installationPath").asText()).isEqualTo("C:\\Program Files\\IBM\\MQ");
        assertThat(de.get("fields").get("LicenseType").asText()).isEqualTo("Developer");
        assertThat(de.get("fields").get("Platform").asText()).isEqualTo("IBM MQ for Windows (x64 platform)");

        // PowerShell prompt, 9.3.0.0 trial
        JsonNode ps = installation(parse("dspmqver", sample("dspmqver", "dspmqver-9.3-powershell.txt")));
        assertThat(ps.get("level").asText()).isEqualTo("p930-L220607.TRIAL");
        assertThat(ps.get("fields").get("O/S").asText()).isEqualTo("Windows 11 Unknown x64 Edition, Build 26100");

        // Indented inside a Markdown list, 9.4.0.10 LTS trial
        JsonNode lts = installation(parse("dspmqver", sample("dspmqver", "dspmqver-9.4-windows-trial-indented.txt")));
        assertThat(lts.get("version").asText()).isEqualTo("9.4.0.10");
        assertThat(lts.get("maxCommandLevel").asInt()).isEqualTo(940);
        assertThat(lts.get("fields").get("ReleaseType").asText()).isEqualTo("Long Term Support (LTS)");
        assertThat(lts.get("fields").get("DataPath").asText()).isEqualTo("C:\\ProgramData\\IBM\\MQ");

        // No prompt, no O/S line, 9.4.5.0 CD
        JsonNode cd = installation(parse("dspmqver", sample("dspmqver", "dspmqver-9.4.5-windows-cd.txt")));
        assertThat(cd.get("installationName").asText()).isEqualTo("FinvestDTVM");
        assertThat(cd.get("fields").get("ReleaseType").asText()).isEqualTo("Continuous Delivery (CD)");
        assertThat(cd.get("fields").has("O/S")).isFalse();
    }

    @Test
    void dspmqAfterItsPromptAndNativeHaInstanceLinesAsMq94PrintsThem() {
        JsonNode windows = queueManager(parse("dspmq", sample("dspmq", "dspmq-9.4-windows-prompt.txt")), 0);
        assertThat(windows.get("name").asText()).isEqualTo("QM1");
        assertThat(windows.get("status").asText()).isEqualTo("Running");

        JsonNode tabbed = parse("dspmq", sample("dspmq", "dspmq-tab-prompt-ended-unexpectedly.txt"));
        assertThat(tabbed.get("queueManagers")).hasSize(4);
        assertThat(queueManager(tabbed, 3).get("name").asText()).isEqualTo("BAN01AGN");
        tabbed.get("queueManagers").forEach(q -> assertThat(q.get("status").asText()).isEqualTo("Ended unexpectedly"));

        assertThat(queueManager(parse("dspmq", sample("dspmq", "dspmq-quiescing.txt")), 0).get("status").asText())
                .isEqualTo("Quiescing");
        assertThat(queueManager(parse("dspmq", sample("dspmq", "dspmq-ended-immediately-zh.txt")), 0).get("status")
                .asText()).isEqualTo("Ended immediately");
        // A host with a Chinese locale translates the status (find_string 40922074412): refused, naming the line and
        // the word, and pointing to dspmq -n, which the engine runs, for IBM's untranslated words.
        assertThat(ParseCli.refusal("dspmq", sample("dspmq", "translated-zh-running-and-ended-normally.txt")))
                .contains("line 1 'QMNAME(Test)").contains("unknown queue manager status '正在运行'")
                .contains("dspmq -n prints IBM's words untranslated");

        // -o nativeha -m: no STATUS column, so no status; the Native HA columns as printed
        JsonNode local = queueManager(parse("dspmq", sample("dspmq", "dspmq-o-nativeha-m-cp4i.txt")), 0);
        assertThat(local.get("name").asText()).isEqualTo("QUICKSTART");
        assertThat(local.get("status").isNull()).isTrue();
        assertThat(local.get("attributes").get("ROLE").asText()).isEqualTo("Active");
        assertThat(local.get("attributes").get("QUORUM").asText()).isEqualTo("3/3");
        assertThat(local.get("attributes").get("GRPLSN").asText()).isEqualTo("<0:0:19:33699>");
        assertThat(local.get("attributes").get("GRPROLE").asText()).isEqualTo("Live");
        assertThat(local.get("instances")).isEmpty();

        // -o nativeha -x: instance lines at the QMNAME line's column, yes in lower case, ACKLSN/HASTATUS/SYNCTIME.
        // They were refused ("expected a QMNAME(...) line, an indented INSTANCE(...) ...").
        JsonNode all = queueManager(parse("dspmq", sample("dspmq", "dspmq-o-nativeha-x-cp4i.txt")), 0);
        assertThat(all.get("instances")).hasSize(3);
        JsonNode active = all.get("instances").get(0);
        assertThat(active.get("host").asText()).isEqualTo("mq-lab-qm-ibm-mq-0");
        assertThat(active.get("mode").asText()).isEqualTo("Active");
        assertThat(active.get("nativeHa").get("REPLADDR").asText()).isEqualTo("mq-lab-qm-ibm-mq-replica-0");
        assertThat(active.get("nativeHa").get("CONNACTV").asText()).isEqualTo("yes");
        assertThat(active.get("nativeHa").get("BACKLOG").asText()).isEqualTo("0");
        assertThat(active.get("nativeHa").get("ACKLSN").asText()).isEqualTo("<0:0:19:33699>");
        assertThat(active.get("nativeHa").get("HASTATUS").asText()).isEqualTo("Normal");
        assertThat(active.get("nativeHa").get("SYNCTIME").asText()).isEqualTo("2025-11-12T23:44:37.171474Z");
        assertThat(active.get("nativeHa").get("ALTTIME").asText()).isEqualTo("23.44.37");
        assertThat(all.get("instances").get(2).get("mode").asText()).isEqualTo("Replica");
        assertThat(all.get("instances").get(2).get("nativeHa").get("SYNCTIME").asText())
                .isEqualTo("2025-11-12T23:44:36.754094Z");

        JsonNode ansible = queueManager(parse("dspmq", sample("dspmq", "dspmq-o-nativeha-x-ansible.txt")), 0);
        assertThat(ansible.get("name").asText()).isEqualTo("NATIVEHAQM");
        assertThat(ansible.get("instances")).extracting(i -> i.get("host").asText())
                .containsExactly("alpha", "beta", "gamma");
        assertThat(ansible.get("instances").get(1).get("nativeHa").get("REPLADDR").asText())
                .isEqualTo("mqnha-svr2.dev.fyre.ibm.com");
        assertThat(ansible.get("instances").get(1).get("nativeHa").get("ALTDATE").asText()).isEqualTo("2025-11-11");

        // An instance that is not running: Unknown for CONNACTV, INSYNC and BACKLOG; blank ALTDATE()/ALTTIME()
        JsonNode inactive = queueManager(parse("dspmq", sample("dspmq", "dspmq-o-nativeha-x-unknown-cp4i.txt")), 0);
        assertThat(inactive.get("attributes").get("ROLE").asText()).isEqualTo("Unknown");
        assertThat(inactive.get("attributes").get("QUORUM").asText()).isEqualTo("0/3");
        JsonNode unknown = inactive.get("instances").get(0);
        assertThat(unknown.get("mode").asText()).isEqualTo("Unknown");
        assertThat(unknown.get("nativeHa").get("BACKLOG").asText()).isEqualTo("Unknown");
        assertThat(unknown.get("nativeHa").get("INSYNC").asText()).isEqualTo("Unknown");
        assertThat(unknown.get("nativeHa").get("ALTDATE").asText()).isEmpty();
    }

    @Test
    void nativeHaStatusesAsIbmsExamplesWordThem() {
        // Instances still electing their active one, and IBM's "Ended Immediately" with a capital I.
        JsonNode negotiating = queueManager(parse("dspmq", sample("dspmq", "dspmq-negotiating.txt")), 0);
        assertThat(negotiating.get("name").asText()).isEqualTo("QUICKSTART");
        assertThat(negotiating.get("status").asText()).isEqualTo("Negotiating");
        JsonNode inactive = queueManager(parse("dspmq", sample("dspmq", "dspmq-ended-immediately-capital.txt")), 0);
        assertThat(inactive.get("status").asText()).isEqualTo("Ended immediately");
        assertThat(refusal("dspmq", "QMNAME(QM1)  STATUS(Electing)\n"))
                .contains("line 1", "unknown queue manager status 'Electing'");
        // A made-up Native HA value is still refused, naming it.
        String badBacklog = sample("dspmq", "dspmq-o-nativeha-x-ansible.txt").replace("BACKLOG(0)", "BACKLOG(lots)");
        assertThat(refusal("dspmq", badBacklog)).contains("line 3", "unexpected value BACKLOG(lots)");
    }

    @Test
    void crtmqmAfterPromptsAndTypedLinesWithTheStrmqmThatFollowed() {
        JsonNode wmq75 = parse("crtmqm", sample("crtmqm", "crtmqm-7.5-trial-then-strmqm.txt"));
        assertThat(wmq75.get("crtmqm").get("outcome").asText()).isEqualTo("CREATED");
        assertThat(wmq75.get("crtmqm").get("queueManager").asText()).isEqualTo("QMA");
        assertThat(wmq75.get("strmqm").get("outcome").asText()).isEqualTo("STARTED");
        assertThat(wmq75.get("strmqm").get("startedVersion").asText()).isEqualTo("7.5.0.2");

        // "mqm@ubuntu:/opt/mqm/bin$ ./crtmqm QM1" was refused as "not a message crtmqm is known to print"
        JsonNode dotSlash = parse("crtmqm", sample("crtmqm", "crtmqm-9.0-dot-slash-then-strmqm.txt"));
        assertThat(dotSlash.get("crtmqm").get("queueManager").asText()).isEqualTo("QM1");
        assertThat(dotSlash.get("strmqm").get("queueManager").asText()).isEqualTo("QM1");
        assertThat(dotSlash.get("strmqm").get("startedVersion").asText()).isEqualTo("9.0.0.0");

        JsonNode windows = parse("crtmqm", sample("crtmqm", "crtmqm-9.4-windows-trial.txt"));
        assertThat(windows.get("outcome").asText()).isEqualTo("CREATED");
        assertThat(windows.get("queueManager").asText()).isEqualTo("QM1");
        assertThat(windows.get("lines").get(2).asText()).isEqualTo("Directory 'C:\\ProgramData\\IBM\\MQ\\qmgrs\\QM1' created.");

        JsonNode wmq70 = parse("crtmqm", sample("crtmqm", "crtmqm-wmq7-ll-then-strmqm.txt"));
        assertThat(wmq70.get("crtmqm").get("queueManager").asText()).isEqualTo("QMLL");
        assertThat(wmq70.get("strmqm").get("outcome").asText()).isEqualTo("STARTED");
        assertThat(wmq70.get("strmqm").get("startedVersion").isNull()).isTrue();

        // The typed "crtmqm -sx -rr p ..." with no prompt before it was refused.
        JsonNode drha = parse("crtmqm", sample("crtmqm", "crtmqm-aws-drha-primary-trial.txt"));
        assertThat(drha.get("outcome").asText()).isEqualTo("CREATED");
        assertThat(drha.get("queueManager").asText()).isEqualTo("DRHAQM1");
        JsonNode secondary = drha.get("drSecondaryCommand");
        assertThat(secondary.get("haOption").asText()).isEqualTo("-sx");
        assertThat(secondary.get("port").asInt()).isEqualTo(7004);
        assertThat(secondary.get("localIpAddresses")).extracting(JsonNode::asText)
                .containsExactly("10.1.192.25", "10.1.200.25", "10.1.208.25");
        assertThat(secondary.get("remoteIpAddresses")).extracting(JsonNode::asText)
                .containsExactly("10.0.192.25", "10.0.200.25", "10.0.208.25");
        assertThat(secondary.get("fileSystemSize").asText()).isEqualTo("3072M");

        assertThat(parse("crtmqm", sample("crtmqm", "crtmqm-aws-drha-secondary-sxs-trial.txt")).get("outcome")
                .asText()).isEqualTo("SECONDARY_CREATED");
    }

    @Test
    void controlMessagesFromWindowsAndWebSphereMq7AndTheProcessesAmq8041Lists() {
        // The corpus's 9.4 Windows strmqm with the cmd prompt line the same README shows before it
        JsonNode windows = parse("control", "C:\\Windows\\System32>strmqm QM1\n"
                + sample("control", "strmqm-9.4-windows-trial.txt"));
        assertThat(windows.get("outcome").asText()).isEqualTo("STARTED");
        assertThat(windows.get("startedVersion").asText()).isEqualTo("9.4.0.10");

        JsonNode ended = parse("control", sample("control", "endmqm-i-wmq7.txt"));
        assertThat(ended.get("outcome").asText()).isEqualTo("ENDED");
        assertThat(ended.get("queueManager").asText()).isEqualTo("qmgr1");

        JsonNode started = parse("control", sample("control", "strmqm-wmq7-no-version.txt"));
        assertThat(started.get("outcome").asText()).isEqualTo("STARTED");
        assertThat(started.get("startedVersion").isNull()).isTrue();

        // "Process 1973 is still running." was refused as unknown.
        JsonNode refused = parse("control", sample("control", "dltmqm-amq8041s-processes.txt"));
        assertThat(refused.get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(refused.get("messages")).extracting(m -> m.get("text").asText()).containsExactly(
                "The queue manager cannot be restarted or deleted because processes, that were previously connected,"
                        + " are still running.",
                "Process 1973 is still running.", "Process 2409 is still running.",
                "The queue manager operation cannot be completed.");
        assertThat(refused.get("messages").get(3).get("id").asText()).isEqualTo("AMQ7018");
        assertThat(refused.get("messages").get(3).get("severity").asText()).isEqualTo("E");

        JsonNode quiescing = parse("control", sample("control", "dltmqm-quiescing-ending.txt"));
        assertThat(quiescing.get("outcome").asText()).isEqualTo("ENDING");
        assertThat(quiescing.get("queueManager").asText()).isEqualTo("QM_ZAVIER2");
    }

    @Test
    void rdqmstatusAndRdqmdrAfterTheTypedCommand() {
        JsonNode primary = parse("rdqmstatus", sample("rdqmstatus", "rdqmstatus-aws-drha-primary.txt"));
        assertThat(primary.get("form").asText()).isEqualTo("DETAIL");
        assertThat(primary.get("node").asText()).isEqualTo("InstanceA");
        JsonNode qm = primary.get("queueManager");
        assertThat(qm.get("status").asText()).isEqualTo("Running");
        assertThat(qm.get("drRole").asText()).isEqualTo("Primary");
        assertThat(qm.get("drPort").asInt()).isEqualTo(7002);
        assertThat(qm.get("drCurrentRemoteIpAddress").asText()).isEqualTo("10.1.192.25");
        assertThat(primary.get("otherNodes")).extracting(n -> n.get("node").asText())
                .containsExactly("InstanceB", "InstanceC");
        assertThat(primary.get("warnings")).isEmpty();

        JsonNode secondary = parse("rdqmstatus",
                sample("rdqmstatus", "rdqmstatus-aws-drha-secondary-ended-immediately.txt")).get("queueManager");
        assertThat(secondary.get("status").asText()).isEqualTo("Ended immediately");
        assertThat(secondary.get("drRole").asText()).isEqualTo("Secondary");
        assertThat(secondary.get("drStatus").asText()).isEqualTo("Normal");
        assertThat(secondary.get("fields").get("HA control").asText()).isEqualTo("Disabled");

        JsonNode azure = parse("rdqmstatus", sample("rdqmstatus", "rdqmstatus-azure-summary-excerpt.txt"));
        assertThat(azure.get("form").asText()).isEqualTo("SUMMARY");
        assertThat(azure.get("queueManagers").get(0).get("name").asText()).isEqualTo("RDQMHAQM1");
        assertThat(azure.get("queueManagers").get(0).get("haCurrentLocation").asText()).isEqualTo("This node");

        JsonNode madeSecondary = parse("rdqmdr", sample("rdqmdr", "rdqmdr-root-prompt-secondary.txt"));
        assertThat(madeSecondary.get("outcome").asText()).isEqualTo("MADE_SECONDARY");
        assertThat(madeSecondary.get("queueManager").asText()).isEqualTo("DRHAQM1");
        assertThat(parse("rdqmdr", sample("rdqmdr", "rdqmdr-root-prompt-primary.txt")).get("outcome").asText())
                .isEqualTo("MADE_PRIMARY");
    }

    @Test
    void runmqscPastesFromWebSphereMq75ToNativeHaOnOpenShift() {
        JsonNode wmq75 = parse("runmqsc", sample("runmqsc", "runmqsc-7.5-interactive.txt"));
        assertThat(wmq75.get("queueManager").asText()).isEqualTo("QMA");
        assertThat(command(wmq75, 0).get("text").asText()).isEqualTo("DEFINE QLOCAL (QUEUE1)");
        assertThat(command(wmq75, 0).get("messages").get(0).get("id").asText()).isEqualTo("AMQ8006");
        assertThat(wmq75.get("trailer").get("commandsRead").asInt()).isEqualTo(1);
        assertThat(notes(wmq75)).isEmpty();

        JsonNode windows = parse("runmqsc", sample("runmqsc", "runmqsc-9.4-windows-unindented-echo.txt"));
        assertThat(command(windows, 0).get("text").asText()).isEqualTo("DEFINE QLOCAL(TEST.Q)");
        assertThat(command(windows, 1).get("text").asText()).isEqualTo("END");
        assertThat(windows.get("trailer").get("commandsRead").asInt()).isEqualTo(1);

        JsonNode openshift = parse("runmqsc", sample("runmqsc", "runmqsc-oc-exec-chstatus-nativeha.txt"));
        assertThat(openshift.get("queueManager").asText()).isEqualTo("QM6");
        assertThat(command(openshift, 0).get("objects")).hasSize(2);
        assertThat(attributes(openshift, 0, 1).get("CONNAME").asText()).isEqualTo("172.30.93.252");
        assertThat(attributes(openshift, 0, 1).get("SUBSTATE").asText()).isEqualTo("RECEIVE");

        JsonNode container = parse("runmqsc", sample("runmqsc", "runmqsc-9.2.3-container-dis-qmgr-indented.txt"));
        JsonNode qmgr = attributes(container, 0, 0);
        assertThat(qmgr.get("CMDLEVEL").asText()).isEqualTo("923");
        assertThat(qmgr.get("VERSION").asText()).isEqualTo("09020300");
        assertThat(qmgr.get("QMID").asText()).isEqualTo("QM1_2021-09-29_09.20.14");
        assertThat(qmgr.get("SSLKEYR").asText()).isEqualTo("/run/runmqserver/tls/key");
        assertThat(qmgr.get("CONNAUTH").asText()).isEqualTo("SYSTEM.DEFAULT.AUTHINFO.IDPWOS");
        assertThat(qmgr.has("SYNCPT")).isTrue();
        assertThat(qmgr.get("XRCAP").asText()).isEqualTo("NO");
        assertThat(container.get("trailer").get("commandsRead").asInt()).isEqualTo(1);

        JsonNode psap = parse("runmqsc", sample("runmqsc", "runmqsc-9.1-psap-interactive-commands-3-to-7.txt"));
        assertThat(psap.get("commands")).extracting(c -> c.get("number").asInt()).containsExactly(3, 4, 5, 6, 7);
        assertThat(attributes(psap, 0, 0).get("CONNAUTH").asText()).isEqualTo("SYSTEM.DEFAULT.AUTHINFO.IDPWOS");
        assertThat(command(psap, 1).get("text").asText()).isEqualTo("ALTER QMGR CONNAUTH(' ')");
        assertThat(attributes(psap, 3, 0).get("CHLAUTH").asText()).isEqualTo("DISABLED");
        assertThat(attributes(psap, 3, 0).get("CONNAUTH").asText()).isEqualTo(" ");
        assertThat(command(psap, 4).get("messages").get(0).get("id").asText()).isEqualTo("AMQ8560");
        assertThat(notes(psap)).containsExactly("the excerpt starts at command 3: commands 1 to 2 are not in it",
                "the excerpt stops before the trailer (\"N MQSC commands read.\"): the counts are not checked");

        JsonNode excerpt = parse("runmqsc", sample("runmqsc", "runmqsc-typed-dis-chstatus-two-channels.txt"));
        assertThat(command(excerpt, 0).get("number").asInt()).isEqualTo(4);
        assertThat(attributes(excerpt, 0, 0).get("SUBSTATE").asText()).isEqualTo("MQGET");
        assertThat(attributes(excerpt, 0, 0).get("XMITQ").asText()).isEqualTo("QMR01");
        assertThat(attributes(excerpt, 0, 1).get("CHLTYPE").asText()).isEqualTo("RCVR");
        assertThat(attributes(excerpt, 0, 1).get("SUBSTATE").asText()).isEqualTo("RECEIVE");
        assertThat(excerpt.get("partial").asBoolean()).isTrue();
    }

    @Test
    void aCommandTypedWithoutItsEchoHoldsTheRepliesThatFollowIt() {
        // Was refused: "line 1 'DISPLAY CHSTATUS(...) ...': expected a runmqsc banner, an echoed command ..."
        JsonNode noEcho = parse("runmqsc", sample("runmqsc", "runmqsc-typed-chstatus-no-echo.txt"));
        assertThat(command(noEcho, 0).get("number").asInt()).isZero();
        assertThat(command(noEcho, 0).get("text").asText())
                .isEqualTo("DISPLAY CHSTATUS(TEST.CHAN) CONNAME(10.131.1.23) LSTMSGDA LSTMSGTI");
        JsonNode status = attributes(noEcho, 0, 0);
        assertThat(status.get("LSTMSGDA").asText()).isEqualTo("2025-10-10");
        assertThat(status.get("LSTMSGTI").asText()).isEqualTo("14.57.01");
        assertThat(status.get("STATUS").asText()).isEqualTo("RUNNING");
        assertThat(notes(noEcho)).first().asString().startsWith("line 1 'DISPLAY CHSTATUS(TEST.CHAN)")
                .contains("its echo is not in the excerpt");
        assertThat(noEcho.get("partial").asBoolean()).isTrue();
    }

    @Test
    void attributesAtTheColumnOfTheirMessageWhenAPasteLostTheIndentation() {
        // Was refused: "line 2 'CHANNEL(MQGEM.SVRCONN) ...': not attributes of the displayed object ..."
        JsonNode blog = parse("runmqsc", sample("runmqsc", "runmqsc-mq8-blog-chstatus-unindented.txt"));
        JsonNode status = attributes(blog, 0, 0);
        assertThat(status.get("CHANNEL").asText()).isEqualTo("MQGEM.SVRCONN");
        assertThat(status.get("RAPPLTAG").asText()).isEqualTo("D:\\nttools\\mqmonntp.exe");
        assertThat(status.get("RVERSION").asText()).isEqualTo("08000002");
        assertThat(status.get("RPRODUCT").asText()).isEqualTo("MQCC");
        assertThat(notes(blog)).first().asString().startsWith("attributes at the column of the message");
        // An MQSC command typed at that column is still not an attribute: refused, naming it.
        assertThat(refusal("runmqsc", sample("runmqsc", "runmqsc-mq8-blog-chstatus-unindented.txt")
                + "DIS CHSTATUS(MQGEM.SVRCONN) RVERSION\n" + "AMQ8417: Display Channel Status details.\n"))
                .contains("line 7 'DIS CHSTATUS(MQGEM.SVRCONN) RVERSION'");
    }

    @Test
    void editedAndTranslatedPastesAreRefusedNamingTheLine() {
        // Commands 7 to 12 were cut from this interactive paste; a gap in the numbers is refused, not guessed over.
        assertThat(refusal("runmqsc", sample("runmqsc", "runmqsc-9.1-typed-refresh-chstatus-all.txt")))
                .contains("line 8 '    13 : DIS CHSTATUS(QMR01.QM01) ALL'", "command number 13 out of order; expected 7");
        // An author's "..." in place of attributes: what was left out cannot be read.
        assertThat(refusal("runmqsc", sample("runmqsc", "runmqsc-9.2-abridged-with-dots.txt")))
                .contains("line 6", "not attributes of the displayed object");
        // Spanish messages: the parsers read IBM's English wording only.
        assertThat(refusal("crtmqm", sample("crtmqm", "crtmqm-9.3-windows-spanish.txt")))
                .contains("line 2 'Se ha creado el gestor de colas de IBM MQ 'QM1'.'", "not a message crtmqm is known to print");
        assertThat(refusal("control", sample("control", "strmqm-9.3-windows-spanish.txt")))
                .contains("line 2 'El gestor de colas de IBM MQ 'QM1' se está iniciando.'");
        assertThat(refusal("runmqsc", sample("runmqsc", "runmqsc-9.3-windows-spanish-script.txt")))
                .contains("line 3 'Se está iniciando MQSC para el gestor de colas QM1.'");
    }

    private static JsonNode installation(JsonNode dspmqver) {
        assertThat(dspmqver.get("installations")).hasSize(1);
        return dspmqver.get("installations").get(0);
    }

    private static JsonNode queueManager(JsonNode dspmq, int index) {
        return dspmq.get("queueManagers").get(index);
    }
}
