package io.mqrunbooks.adapter.outbound.mq.parse;

import io.mqrunbooks.mq.QmStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DspmqParserTest {

    private final DspmqParser parser = new DspmqParser();

    @Test
    void readsFiveManagersOfDspmqNXOAllWithInstances() {
        DspmqResult result = parser.parse(Fixtures.read("dspmq", "x-o-all-n-five-managers.txt"));

        assertThat(result.queueManagerNotKnown()).isFalse();
        assertThat(result.queueManagers()).extracting(DspmqResult.QueueManagerEntry::name).containsExactly(
                "THE.LOCAL.ONE", "THE.MULTI.INSTANCE.ONE", "THE.RDQM.ONE", "THE.SLEEPING.ONE", "THE.CRASHED.ONE");
        DspmqResult.QueueManagerEntry multi = result.find("THE.MULTI.INSTANCE.ONE").orElseThrow();
        assertThat(multi.status()).isEqualTo(QmStatus.RUNNING);
        assertThat(multi.attributes()).containsEntry("STANDBY", "PERMITTED").containsEntry("INSTVER", "8.0.0.6")
                .containsEntry("HA", "").containsEntry("DRROLE", "");
        // -n prints MODE(ACTIVE); the mode reads in IBM's spelling, as the runbooks compare and show it
        assertThat(multi.instances()).containsExactly(new DspmqResult.Instance("sb112233", "Active"),
                new DspmqResult.Instance("sb112255", "Standby"));
        assertThat(result.find("THE.RDQM.ONE").orElseThrow().attribute("HA")).contains("REPLICATED");
        assertThat(result.find("THE.SLEEPING.ONE").orElseThrow().status()).isEqualTo(QmStatus.ENDED_NORMALLY);
        DspmqResult.QueueManagerEntry crashed = result.find("THE.CRASHED.ONE").orElseThrow();
        assertThat(crashed.status()).isEqualTo(QmStatus.ENDED_UNEXPECTEDLY);
        assertThat(crashed.attribute("INSTPATH")).contains("/opt/mqm9");
        assertThat(crashed.instances()).isEmpty();
        assertThat(List.copyOf(crashed.attributes().keySet())).containsExactly("STATUS", "DEFAULT", "STANDBY",
                "INSTNAME", "INSTPATH", "INSTVER", "HA", "DRROLE");
    }

    @Test
    void readsRunningElsewhereAndTheOlderPreEmptivelySpelling() {
        assertThat(parser.parse(Fixtures.read("dspmq", "o-all-n-running-elsewhere.txt")).find("THE.STANDBY.RDQM")
                .orElseThrow().status()).isEqualTo(QmStatus.RUNNING_ELSEWHERE);
        assertThat(parser.parse(Fixtures.read("dspmq", "o-all-n-ended-pre-emptively-mq8.txt")).queueManagers().get(0)
                .status()).isEqualTo(QmStatus.ENDED_PREEMPTIVELY);
    }

    @Test
    void readsMq94NativeHaFieldsAndInstance() {
        DspmqResult.QueueManagerEntry qm1 = parser.parse(Fixtures.read("dspmq", "x-o-all-9.4-nativeha-fields.txt"))
                .find("QM1").orElseThrow();
        assertThat(qm1.status()).isEqualTo(QmStatus.RUNNING);
        assertThat(qm1.attributes()).containsEntry("STANDBY", "Not permitted").containsEntry("ROLE", "Not configured")
                .containsEntry("INSTANCE", "").containsEntry("GRPROLE", "Not configured")
                .containsEntry("INSTVER", "9.4.2.0");
        assertThat(qm1.instances()).containsExactly(new DspmqResult.Instance("ibmmq1.fyre.ibm.com", "Active"));
    }

    @Test
    void readsTheCrossRegionGroupLinesOfDashG() {
        DspmqResult.QueueManagerEntry payqm = parser.parse(
                Fixtures.read("dspmq", "o-nativeha-g-9.4.2-live-and-recovery.txt")).find("PAYQM").orElseThrow();
        assertThat(payqm.attributes()).containsEntry("ROLE", "Active").containsEntry("GRPNAME", "East_group")
                .containsEntry("GRPROLE", "Live").containsEntry("GRPLSN", "<0:0:31:20480>");
        assertThat(payqm.groups()).extracting(DspmqResult.Group::name, DspmqResult.Group::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("East_group", "Live"),
                        org.assertj.core.groups.Tuple.tuple("West_group", "Recovery"));
        DspmqResult.Group recovery = payqm.groups().get(1);
        assertThat(recovery.field("BACKLOG")).contains("4096");
        assertThat(recovery.field("INSYNC")).contains("no");
        assertThat(recovery.field("CONNGRP")).contains("yes");
        assertThat(recovery.field("SYNCTIME")).contains("2025-06-02T10:14:40.000000Z");
        assertThat(payqm.groups().get(0).field("LIVETIME")).contains("2025-06-01T08:00:03.250000Z");
    }

    @Test
    void refusesAGroupLineItCannotRead() {
        String qm = "QMNAME(QM1)                                               ROLE(Active) INSTANCE(a) INSYNC(yes)"
                + " QUORUM(3/3) GRPLSN(<0:0:1:2>) GRPNAME(A) GRPROLE(Live)\n";
        assertThatThrownBy(() -> parser.parse(qm + "GRPNAME(B) GRPROLE(Standby) GRPADDR(b(4445))\n"))
                .hasMessageContaining("unknown group role 'Standby'");
        assertThatThrownBy(() -> parser.parse(qm + "GRPNAME(B) GRPROLE(Recovery) BACKLOG(lots)\n"))
                .hasMessageContaining("BACKLOG is 'lots'; expected a number of KB");
        assertThatThrownBy(() -> parser.parse(qm + "GRPNAME(B) GRPROLE(Recovery) LAG(3)\n"))
                .hasMessageContaining("unknown Native HA group attribute LAG");
        assertThatThrownBy(() -> parser.parse("GRPNAME(B) GRPROLE(Recovery)\n"))
                .hasMessageContaining("a GRPNAME line must follow a QMNAME line");
        // -n prints the roles upper case; the parser gives IBM's translated spelling
        assertThat(parser.parse(qm + "GRPNAME(B) GRPROLE(PENDING LIVE) INSYNC(NO)\n").queueManagers().get(0)
                .groups().get(0).role()).isEqualTo("Pending live");
    }

    @Test
    void readsPlainAndDashXForms() {
        assertThat(parser.parse(Fixtures.read("dspmq", "plain-running.txt")).queueManagers())
                .singleElement().satisfies(q -> {
                    assertThat(q.name()).isEqualTo("DRHAQM1");
                    assertThat(q.status()).isEqualTo(QmStatus.RUNNING);
                    assertThat(q.attributes()).containsOnlyKeys("STATUS");
                });
        assertThat(parser.parse(Fixtures.read("dspmq", "a-x-s-after-dr-promotion.txt")).find("DRHAQM1").orElseThrow()
                .instances()).containsExactly(new DspmqResult.Instance("ceng-dal1-mq1", "Active"));
    }

    @Test
    void toleratesCrlfTrailingBlanksBlankLinesAndWindowsPathsWithParentheses() {
        String output = "QMNAME(QM1)                                               STATUS(Running as standby)   \r\n"
                + "\r\n"
                + "    INSTANCE(hosta) MODE(Active)\r\n"
                + "    INSTANCE(hostb) MODE(Standby)\r\n"
                + "QMNAME(QM2)    STATUS(Status not available) INSTPATH(C:\\Program Files (x86)\\IBM\\MQ)\r\n";
        DspmqResult result = parser.parse(output);
        assertThat(result.find("QM1").orElseThrow().status()).isEqualTo(QmStatus.RUNNING_AS_STANDBY);
        assertThat(result.find("QM1").orElseThrow().instances()).hasSize(2);
        assertThat(result.find("QM2").orElseThrow().status()).isEqualTo(QmStatus.STATUS_NOT_AVAILABLE);
        assertThat(result.find("QM2").orElseThrow().attribute("INSTPATH")).contains("C:\\Program Files (x86)\\IBM\\MQ");
    }

    @Test
    void notKnownIsNoStatusDspmqPrints() {
        assertThatThrownBy(() -> parser.parse("QMNAME(QM1)  STATUS(Not known)"))
                .hasMessageContaining("unknown queue manager status 'Not known'");
    }

    @Test
    void everyDocumentedStatusWordingIsUnderstood() {
        for (QmStatus state : QmStatus.values()) {
            if (state == QmStatus.NOT_KNOWN) {
                continue; // what AMQ7048E means, never a STATUS(...) value
            }
            assertThat(parser.parse("QMNAME(QM1)  STATUS(" + state.mqWording() + ")").queueManagers().get(0).status())
                    .isEqualTo(state);
        }
    }

    /**
     * The untranslated words {@code dspmq -n} prints, as Checkmk's ibm_mq_managers check maps them (its agent runs
     * {@code dspmq -n -x -o all}; github.com/Checkmk/checkmk cmk/plugins/ibm_mq/agent_based/ibm_mq_managers.py @
     * ed5496a, _DEFAULT_STATUS_MAP, the older spellings "for MQ 7.5.0.2" included).
     */
    @Test
    void everyUntranslatedStatusOfDspmqNIsRead() {
        Map<String, QmStatus> untranslated = new LinkedHashMap<>();
        untranslated.put("STARTING", QmStatus.STARTING);
        untranslated.put("RUNNING", QmStatus.RUNNING);
        untranslated.put("RUNNING AS STANDBY", QmStatus.RUNNING_AS_STANDBY);
        untranslated.put("RUNNING ELSEWHERE", QmStatus.RUNNING_ELSEWHERE);
        untranslated.put("QUIESCING", QmStatus.QUIESCING);
        untranslated.put("ENDING IMMEDIATELY", QmStatus.ENDING_IMMEDIATELY);
        untranslated.put("ENDING PREEMPTIVELY", QmStatus.ENDING_PREEMPTIVELY);
        untranslated.put("ENDING PRE-EMPTIVELY", QmStatus.ENDING_PREEMPTIVELY);
        untranslated.put("ENDED NORMALLY", QmStatus.ENDED_NORMALLY);
        untranslated.put("ENDED IMMEDIATELY", QmStatus.ENDED_IMMEDIATELY);
        untranslated.put("ENDED UNEXPECTEDLY", QmStatus.ENDED_UNEXPECTEDLY);
        untranslated.put("ENDED PREEMPTIVELY", QmStatus.ENDED_PREEMPTIVELY);
        untranslated.put("ENDED PRE-EMPTIVELY", QmStatus.ENDED_PREEMPTIVELY);
        untranslated.put("NOT AVAILABLE", QmStatus.NOT_AVAILABLE);
        untranslated.put("STATUS NOT AVAILABLE", QmStatus.STATUS_NOT_AVAILABLE);
        untranslated.forEach((word, status) -> assertThat(parser.parse(
                "QMNAME(QM1)                                               STATUS(" + word + ")\n").queueManagers()
                .get(0).status()).as(word).isEqualTo(status));
    }

    @Test
    void readsDspmqNWithUpperCaseStatusesAndMixedCaseModesOfMq8() {
        // Checkmk's comment samples: -n upper-cases STATUS, DEFAULT and STANDBY while MQ 8 kept MODE(Active)
        DspmqResult standby = parser.parse(Fixtures.read("dspmq", "n-x-o-all-running-as-standby-mq8.txt"));
        DspmqResult.QueueManagerEntry entry = standby.find("QMIMIQ11").orElseThrow();
        assertThat(entry.status()).isEqualTo(QmStatus.RUNNING_AS_STANDBY);
        assertThat(entry.attributes()).containsEntry("DEFAULT", "YES").containsEntry("STANDBY", "PERMITTED");
        assertThat(entry.instances()).containsExactly(new DspmqResult.Instance("iasv0001", "Active"),
                new DspmqResult.Instance("tasv0397", "Standby"));

        DspmqResult ended = parser.parse(Fixtures.read("dspmq", "n-x-o-all-ended-immediately-mq8.txt"));
        assertThat(ended.queueManagers()).extracting(DspmqResult.QueueManagerEntry::status)
                .containsExactly(QmStatus.ENDED_IMMEDIATELY, QmStatus.RUNNING);
        assertThat(ended.find("QMTEMQS02A").orElseThrow().attribute("STANDBY")).contains("NOT APPLICABLE");
        assertThat(ended.find("QMTEMQS02").orElseThrow().instances()).containsExactly(
                new DspmqResult.Instance("tasv0065", "Active"));
    }

    /** A host with a Chinese locale (public notes, dspmq/translated-zh-running-and-ended-normally.txt). */
    @Test
    void refusesTheTranslatedStatusOfARealChineseHostNamingTheLine() {
        assertThatThrownBy(() -> parser.parse(Fixtures.read("dspmq", "translated-zh-running-and-ended-normally.txt")))
                .isInstanceOf(MqOutputParseException.class)
                .hasMessageStartingWith("line 1 'QMNAME(Test)                                              STATUS(正在运行)':"
                        + " unknown queue manager status '正在运行'; expected one of Starting, Running")
                .hasMessageEndingWith("dspmq -n prints IBM's words untranslated)");
    }

    @Test
    void unknownQueueManagerIsATypedResult() {
        DspmqResult result = parser.parse("AMQ7048E: The queue manager name is either not valid or not known.\n");
        assertThat(result.queueManagerNotKnown()).isTrue();
        assertThat(result.notKnownMessage().id()).isEqualTo("AMQ7048");
        assertThat(result.queueManagers()).isEmpty();
    }

    @Test
    void refusesAnUnknownStatusQuotingTheLine() {
        assertThatThrownBy(() -> parser.parse("QMNAME(QM1)   STATUS(Running sideways)"))
                .isInstanceOf(MqOutputParseException.class)
                .hasMessageStartingWith("line 1 'QMNAME(QM1)   STATUS(Running sideways)': unknown queue manager status"
                        + " 'Running sideways'; expected one of Starting, Running, Running as standby");
    }

    /** A host with another locale prints dspmq's words translated: refused, saying how to get IBM's words. */
    @Test
    void refusesATranslatedStatusPointingToDspmqN() {
        assertThatThrownBy(() -> parser.parse("QMNAME(QM1)                                               STATUS(Aktiv)"))
                .isInstanceOf(MqOutputParseException.class)
                .hasMessageContaining("unknown queue manager status 'Aktiv'")
                .hasMessageEndingWith("(dspmq translates them into the host's language; dspmq -n prints IBM's words"
                        + " untranslated)");
    }

    @Test
    void readsAStatusInAnyCaseAsNoTwoStatusesDifferOnlyInCase() {
        // IBM's Native HA examples write "Ended Immediately"; dspmq -n prints upper case.
        assertThat(parser.parse("QMNAME(QM1) STATUS(Ended Immediately)").queueManagers().get(0).status())
                .isEqualTo(QmStatus.ENDED_IMMEDIATELY);
        assertThat(parser.parse("QMNAME(QM1) STATUS(running)").queueManagers().get(0).status())
                .isEqualTo(QmStatus.RUNNING);
        assertThatThrownBy(() -> parser.parse("QMNAME(QM1) STATUS(Runing)"))
                .hasMessageContaining("unknown queue manager status 'Runing'");
    }

    @Test
    void refusesAnUnknownAttribute() {
        assertThatThrownBy(() -> parser.parse("QMNAME(QM1) STATUS(Running) COLOUR(blue)"))
                .isInstanceOf(MqOutputParseException.class)
                .hasMessageContaining("unknown dspmq attribute COLOUR");
    }

    @Test
    void refusesATruncatedLine() {
        assertThatThrownBy(() -> parser.parse("QMNAME(QM1)       STATUS(Runn"))
                .hasMessage("line 1 'QMNAME(QM1)       STATUS(Runn': a value is not closed: the line is cut short");
    }

    @Test
    void refusesGarbledLinesAndOrphanInstances() {
        assertThatThrownBy(() -> parser.parse("QMNAME(QM1) STATUS(Running)\nSegmentation fault (core dumped)"))
                .hasMessageStartingWith("line 2 'Segmentation fault (core dumped)'");
        assertThatThrownBy(() -> parser.parse("    INSTANCE(a) MODE(Active)"))
                .hasMessageContaining("an INSTANCE line must follow a QMNAME line");
        assertThatThrownBy(() -> parser.parse("QMNAME(QM1) STATUS(Running)\n    INSTANCE(a) MODE(Leader)"))
                .hasMessageContaining("unknown instance MODE 'Leader'");
        assertThatThrownBy(() -> parser.parse("QMNAME(QM1) STATUS(Running) STATUS(Running)"))
                .hasMessageContaining("STATUS appears twice");
        assertThatThrownBy(() -> parser.parse("  \n\n")).hasMessageStartingWith("the output is empty");
        assertThatThrownBy(() -> parser.parse("QMNAME(QM1) STATUS(Running) STANDBY(Maybe)"))
                .hasMessageContaining("unexpected value STANDBY(Maybe)");
    }

    @Test
    void cutsQuotedLinesAt200Characters() {
        String longLine = "X".repeat(300);
        assertThatThrownBy(() -> parser.parse(longLine))
                .hasMessageStartingWith("line 1 '" + "X".repeat(200) + "...':");
    }

    /**
     * dspmq -o nativeha -x: a QMNAME line with ROLE, INSTANCE, INSYNC, QUORUM, then one indented line per instance
     * with IBM's fields in IBM's order (https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.ctr.doc/Native_HA_status.html;
     * constructed from that field list, no public transcript of the instance lines was found).
     */
    @Test
    void nativeHaInstanceLinesKeepEveryFieldInOrder() {
        String text = """
                QMNAME(BOB)                                               ROLE(Active) INSTANCE(inst1) INSYNC(Yes) QUORUM(3/3)
                 INSTANCE(inst1) ROLE(Active) REPLADDR(9.20.123.45) CONNACTV(Yes) INSYNC(Yes) BACKLOG(0) CONNINST(Yes) ALTDATE(2022-01-12) ALTTIME(12.03.44)
                 INSTANCE(inst2) ROLE(Replica) REPLADDR(9.20.123.46) CONNACTV(Yes) INSYNC(Yes) BACKLOG(0) CONNINST(Yes) ALTDATE(2022-01-12) ALTTIME(12.03.44)
                 INSTANCE(inst3) ROLE(Replica) REPLADDR(9.20.123.47) CONNACTV(No) INSYNC(No) BACKLOG(1024) CONNINST(No) ALTDATE( ) ALTTIME( )
                """;
        DspmqResult.QueueManagerEntry bob = parser.parse(text).queueManagers().get(0);
        assertThat(bob.attribute("QUORUM")).contains("3/3");
        assertThat(bob.instances()).extracting(DspmqResult.Instance::host, DspmqResult.Instance::mode)
                .containsExactly(tuple("inst1", "Active"), tuple("inst2", "Replica"), tuple("inst3", "Replica"));
        assertThat(bob.instances().get(2).nativeHa()).containsExactly(entry("INSTANCE", "inst3"),
                entry("ROLE", "Replica"), entry("REPLADDR", "9.20.123.47"), entry("CONNACTV", "No"),
                entry("INSYNC", "No"), entry("BACKLOG", "1024"), entry("CONNINST", "No"), entry("ALTDATE", ""),
                entry("ALTTIME", ""));
        assertThatThrownBy(() -> parser.parse(text.replace("ROLE(Replica) REPLADDR(9.20.123.46)",
                "ROLE(Leader) REPLADDR(9.20.123.46)"))).hasMessageContaining("line 3").hasMessageContaining("ROLE(Leader)");
        assertThatThrownBy(() -> parser.parse(text.replace("BACKLOG(1024)", "BACKLOG(1024) LAG(5)")))
                .hasMessageContaining("unknown Native HA instance attribute LAG");
    }

    /** MQ 9.4's own layout (public Ansible Native HA transcript): unindented instance lines, yes in lower case. */
    @Test
    void theEngineReadsNativeHaInstanceLinesAsMq94PrintsThem() {
        String pasted = Fixtures.read("dspmq", "dspmq-o-nativeha-x-ansible.txt");
        DspmqResult result = parser.readTranscript(pasted);
        assertThat(result.queueManagers().get(0).instances())
                .extracting(DspmqResult.Instance::host, DspmqResult.Instance::mode)
                .containsExactly(tuple("alpha", "Active"), tuple("beta", "Replica"), tuple("gamma", "Replica"));
        assertThat(result.queueManagers().get(0).instances().get(0).nativeHa())
                .contains(entry("CONNACTV", "yes"), entry("HASTATUS", "Normal"), entry("ACKLSN", "<0:0:28:64618>"));
        // The engine's parse is given dspmq's output alone; the typed command line is not part of it.
        assertThatThrownBy(() -> parser.parse(pasted)).hasMessageContaining("line 1 '    $ dspmq -o nativeha -x'");
        assertThat(parser.parse(pasted.substring(pasted.indexOf('\n') + 1)).queueManagers().get(0).instances())
                .hasSize(3);
        assertThatThrownBy(() -> parser.readTranscript(pasted.replace("SYNCTIME(2025-11-12T04:43:12.500008Z)",
                "SYNCTIME(yesterday)"))).hasMessageContaining("line 3").hasMessageContaining("SYNCTIME(yesterday)");
    }

    /**
     * dspmq -o all of an MQ 9.3 RDQM node (dspmq reference, https://www.ibm.com/docs/en/ibm-mq/9.3?topic=reference-dspmq-display-queue-managers:
     * "-o ha" prints "replicated" for an HA queue manager and blank otherwise, "-o dr" the DR role) and the Native HA
     * fields of 9.4 ("ROLE ... one of Active, Replica, Unknown, (for a recovery group) Leader, or Not Configured";
     * "QUORUM ... number_of_instances_in-sync/number_of_instances_configured"). HA, DRROLE, ROLE, INSYNC and QUORUM
     * are read by the runbooks: a value outside these lists used to be kept as if it were one of them.
     */
    @Test
    void readsAndChecksTheHaDrAndNativeHaValuesOfAQmnameLine() {
        String rdqm = """
                QMNAME(DRQM1)                                             STATUS(Running) DEFAULT(no) STANDBY(Not permitted) INSTNAME(Installation1) INSTPATH(/opt/mqm) INSTVER(9.3.0.15) HA(Replicated) DRROLE(Primary)
                QMNAME(DRQM2)                                             STATUS(Ended immediately) DEFAULT(no) STANDBY(Not permitted) INSTNAME(Installation1) INSTPATH(/opt/mqm) INSTVER(9.3.0.15) HA() DRROLE(Secondary)
                """.replace("\n", "\r\n");
        DspmqResult result = parser.parse(rdqm);
        assertThat(result.find("DRQM1").orElseThrow().attributes()).containsEntry("HA", "Replicated")
                .containsEntry("DRROLE", "Primary");
        assertThat(result.find("DRQM2").orElseThrow().attributes()).containsEntry("HA", "")
                .containsEntry("DRROLE", "Secondary");
        String nativeHa = "QMNAME(QM1)                                               STATUS(Running) ROLE(Active)"
                + " INSTANCE(inst1) INSYNC(yes) QUORUM(3/3)\n";
        assertThat(parser.parse(nativeHa).queueManagers().get(0).attributes()).containsEntry("ROLE", "Active")
                .containsEntry("INSYNC", "yes").containsEntry("QUORUM", "3/3");

        assertThatThrownBy(() -> parser.parse(rdqm.replace("HA(Replicated)", "HA(Replicating)")))
                .hasMessageContaining("line 1").hasMessageContaining("unexpected value HA(Replicating); expected Replicated or blank");
        assertThatThrownBy(() -> parser.parse(rdqm.replace("DRROLE(Secondary)", "DRROLE(Standby)")))
                .hasMessageContaining("line 2").hasMessageContaining("unexpected value DRROLE(Standby); expected Primary, Secondary or blank");
        assertThatThrownBy(() -> parser.parse(nativeHa.replace("ROLE(Active)", "ROLE(Primary)")))
                .hasMessageContaining("unexpected value ROLE(Primary); expected one of");
        assertThatThrownBy(() -> parser.parse(nativeHa.replace("INSYNC(yes)", "INSYNC(partly)")))
                .hasMessageContaining("unexpected value INSYNC(partly)");
        assertThatThrownBy(() -> parser.parse(nativeHa.replace("QUORUM(3/3)", "QUORUM(three)")))
                .hasMessageContaining("unexpected value QUORUM(three); expected in-sync/configured instances such as 3/3");
    }

    /**
     * dspmq -x -o standby indents each instance line under its QMNAME line ("dspmq" reference, -x); pasted from a web
     * page or a chat the indentation may be lost or become a tab. INSTANCE(...) MODE(...) cannot start a QMNAME line,
     * so it is read alike; before, an unindented line was refused.
     */
    @Test
    void readsDashXInstanceLinesWhateverTheirIndentation() {
        String printed = """
                QMNAME(QM1)                                               STANDBY(Permitted)
                    INSTANCE(mi1.example.com) MODE(Active)
                    INSTANCE(mi2.example.com) MODE(Standby)
                """;
        List<DspmqResult.Instance> expected = List.of(new DspmqResult.Instance("mi1.example.com", "Active"),
                new DspmqResult.Instance("mi2.example.com", "Standby"));
        assertThat(parser.parse(printed).queueManagers().get(0).instances()).isEqualTo(expected);
        assertThat(parser.parse(printed.replace("    INSTANCE", "INSTANCE")).queueManagers().get(0).instances())
                .isEqualTo(expected);
        assertThat(parser.parse(printed.replace("    INSTANCE", "\tINSTANCE").replace("\n", "\r\n")).queueManagers()
                .get(0).instances()).isEqualTo(expected);
        assertThatThrownBy(() -> parser.parse(printed.replace("MODE(Standby)", "MODE(Passive)")))
                .hasMessageContaining("line 3").hasMessageContaining("unknown instance MODE 'Passive'");
    }
}
