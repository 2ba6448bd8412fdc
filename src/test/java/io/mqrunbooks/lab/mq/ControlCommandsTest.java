package io.mqrunbooks.lab.mq;

import io.mqrunbooks.mq.QmStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.adapter.outbound.mq.parse.DspmqParser;
import io.mqrunbooks.adapter.outbound.mq.parse.DspmqResult;
import io.mqrunbooks.lab.LabCommandHandler.LabExecution;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ControlCommandsTest extends LabTestSupport {

    @Test
    void dspmqPadsTheNameToColumn58AsMqDoes() {
        LabExecution r = run("mqeast1", "dspmq");
        // instana/serviceability agent/ibm-mq/README.md: "QMNAME(QM1)" + 47 spaces + "STATUS(Running)"
        assertThat(r.stdout()).isEqualTo("QMNAME(QM1)                                               STATUS(Running)\n");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void dspmqUnknownQueueManagerIsAmq7048WithExit72() {
        LabExecution r = run("mqeast1", "dspmq -m NOPE");
        assertThat(r.stderr()).isEqualTo("AMQ7048E: The queue manager name is either not valid or not known.\n");
        assertThat(r.stdout()).isEmpty();
        assertThat(r.exitCode()).isEqualTo(72);
    }

    @Test
    void backupsStartInTheirLevelsState() {
        assertThat(run("mqwest1", "dspmq -m QM1").stdout())
                .isEqualTo("QMNAME(QM1)                                               STATUS(Ended normally)\n");
        assertThat(run("mqwest2", "dspmq").stdout())
                .isEqualTo("QMNAME(QM2_DR)                                            STATUS(Ended normally)\n");
        assertThat(run("mqwest3", "dspmq").stdout())
                .isEqualTo("QMNAME(QM3)                                               STATUS(Ended immediately)\n");
        assertThat(run("dr2", "dspmq").stdout())
                .isEqualTo("QMNAME(QMDR)                                              STATUS(Ended immediately)\n");
        assertThat(lab.queueManagersOn("mqeast2")).containsExactly("QM2");
    }

    @Test
    void multiInstanceShowsActiveAndStandbyInstances() {
        String expected = "QMNAME(MIQM)                                              STATUS(Running)\n"
                + "    INSTANCE(mi1) MODE(Active)\n"
                + "    INSTANCE(mi2) MODE(Standby)\n";
        assertThat(run("mi1", "dspmq -x").stdout()).isEqualTo(expected);
        assertThat(run("mi2", "dspmq -x -m MIQM").stdout()).isEqualTo(
                "QMNAME(MIQM)                                              STATUS(Running as standby)\n"
                        + "    INSTANCE(mi1) MODE(Active)\n"
                        + "    INSTANCE(mi2) MODE(Standby)\n");
        assertThat(run("mi2", "dspmq -o standby").stdout())
                .isEqualTo("QMNAME(MIQM)                                              STANDBY(Permitted)\n");
        assertThat(run("mqeast1", "dspmq -o all").stdout()).isEqualTo(
                "QMNAME(QM1)                                               STATUS(Running) DEFAULT(no)"
                        + " STANDBY(Not permitted) INSTNAME(Installation1) INSTPATH(/opt/mqm) INSTVER(9.4.0.0)"
                        + " ROLE(Not configured) INSTANCE() INSYNC() QUORUM()\n");
    }

    @Test
    void endmqmSwitchoverMovesTheActiveInstanceToTheStandby() {
        LabExecution r = run("mi1", "endmqm -is MIQM");
        // public MQ 9.1 multi-instance transcript ("endmqm -is PSAP", then "strmqm -x PSAP" on the old active)
        assertThat(r.stdout()).isEqualTo("IBM MQ queue manager 'MIQM' ending.\n"
                + "IBM MQ queue manager 'MIQM' ended, permitting switchover to a standby instance.\n");
        assertThat(r.exitCode()).isZero();
        assertThat(run("mi2", "dspmq -x").stdout()).isEqualTo(
                "QMNAME(MIQM)                                              STATUS(Running)\n"
                        + "    INSTANCE(mi2) MODE(Active)\n");
        assertThat(run("mi1", "dspmq").stdout())
                .isEqualTo("QMNAME(MIQM)                                              STATUS(Running elsewhere)\n");
        LabExecution standby = run("mi1", "strmqm -x MIQM");
        // wrapped at 79 columns: the 9.1 transcript wraps 'PSAP' (as long as MIQM) the same way
        assertThat(standby.stdout()).isEqualTo("""
                IBM MQ queue manager 'MIQM' starting.
                The queue manager is associated with installation 'Installation1'.
                Plain text communication is enabled.
                A standby instance of queue manager 'MIQM' has been started. The active
                instance is running elsewhere.
                """);
        assertThat(standby.exitCode()).isEqualTo(30);
        assertThat(lab.queueManagerState("mi1", "MIQM")).contains(QmStatus.RUNNING_AS_STANDBY);
        assertThat(run("mi2", "dspmq -x -o standby").stdout()).isEqualTo(
                "QMNAME(MIQM)                                              STANDBY(Permitted)\n"
                        + "    INSTANCE(mi2) MODE(Active)\n"
                        + "    INSTANCE(mi1) MODE(Standby)\n");
    }

    @Test
    void endmqmSwitchoverWithoutAStandbyEndsTheQueueManagerAndStartsNothing() {
        run("mi2", "endmqm -x MIQM");
        assertThat(lab.queueManagerState("mi2", "MIQM")).contains(QmStatus.RUNNING_ELSEWHERE);
        LabExecution r = run("mi1", "endmqm -s MIQM");
        assertThat(r.stdout()).isEqualTo("Quiesce request accepted. The queue manager will stop when all outstanding"
                + " work\nis complete, permitting switchover to a standby instance.\n");
        assertThat(lab.queueManagerState("mi1", "MIQM")).contains(QmStatus.ENDED_NORMALLY);
        assertThat(lab.queueManagerState("mi2", "MIQM")).contains(QmStatus.ENDED_NORMALLY);
    }

    @Test
    void endmqmWithoutDashSOnTheActiveEndsTheStandbyToo() {
        LabExecution r = run("mi1", "endmqm -w MIQM");
        assertThat(r.stdout()).endsWith("IBM MQ queue manager 'MIQM' ended.\n");
        assertThat(lab.queueManagerState("mi1", "MIQM")).contains(QmStatus.ENDED_NORMALLY);
        assertThat(lab.queueManagerState("mi2", "MIQM")).contains(QmStatus.ENDED_NORMALLY);
        assertThat(run("mi2", "dspmq -sx").stdout())
                .isEqualTo("QMNAME(MIQM)                                              STATUS(Ended normally)\n");
    }

    @Test
    void endmqmDashWsQuiescesWaitsAndHandsOver() {
        assertThat(run("mi1", "endmqm -ws MIQM").stdout()).isEqualTo("""
                Quiesce request accepted. The queue manager will stop when all outstanding work
                is complete, permitting switchover to a standby instance.
                IBM MQ queue manager 'MIQM' ending.
                IBM MQ queue manager 'MIQM' ended, permitting switchover to a standby instance.
                """);
        assertThat(lab.queueManagerState("mi2", "MIQM")).contains(QmStatus.RUNNING);
    }

    @Test
    void aStandbyStartsOnlyWithDashXAndOnlyWhileTheActivePermitsIt() {
        run("mi2", "endmqm -x MIQM");
        LabExecution withoutX = run("mi2", "strmqm MIQM");
        assertThat(withoutX.stderr()).isEqualTo("The queue manager already has an active instance. The queue manager"
                + " permits standby instances.\n");
        assertThat(withoutX.exitCode()).isEqualTo(31);
        assertThat(lab.queueManagerState("mi2", "MIQM")).contains(QmStatus.RUNNING_ELSEWHERE);

        run("mi1", "endmqm -i MIQM");
        assertThat(run("mi1", "strmqm MIQM").exitCode()).isZero();
        assertThat(run("mi1", "dspmq -o standby").stdout())
                .isEqualTo("QMNAME(MIQM)                                              STANDBY(Not permitted)\n");
        LabExecution refused = run("mi2", "strmqm -x MIQM");
        assertThat(refused.stderr()).isEqualTo("The queue manager already has an active instance. The queue manager"
                + " does not permit standby instances.\n");
        assertThat(refused.exitCode()).isEqualTo(43);
        assertThat(lab.queueManagerState("mi2", "MIQM")).contains(QmStatus.RUNNING_ELSEWHERE);
    }

    @Test
    void dspmqShowsTheDrRoleHaActiveOnlyAndUntranslatedForms() {
        assertThat(run("dr1", "dspmq -o dr").stdout())
                .isEqualTo("QMNAME(QMDR)                                              DRROLE(Primary)\n");
        assertThat(run("dr2", "dspmq -m QMDR -o dr -o ha").stdout())
                .isEqualTo("QMNAME(QMDR)                                              HA() DRROLE(Secondary)\n");
        assertThat(run("mqeast1", "dspmq -o dr").stdout())
                .isEqualTo("QMNAME(QM1)                                               DRROLE()\n");

        LabExecution active = run("dr2", "dspmq -a");
        assertThat(active.stdout()).isEmpty();
        assertThat(active.exitCode()).isEqualTo(5);
        assertThat(run("dr1", "dspmq -a -x -s").stdout()).isEqualTo(
                "QMNAME(QMDR)                                              STATUS(Running)\n"
                        + "    INSTANCE(dr1) MODE(Active)\n");

        String untranslated = run("mi2", "dspmq -n -x -o all").stdout();
        assertThat(untranslated).isEqualTo(
                "QMNAME(MIQM)                                              STATUS(RUNNING AS STANDBY) DEFAULT(NO)"
                        + " STANDBY(PERMITTED) INSTNAME(Installation1) INSTPATH(/opt/mqm) INSTVER(9.4.0.0)"
                        + " ROLE(NOT CONFIGURED) INSTANCE() INSYNC() QUORUM()\n"
                        + "    INSTANCE(mi1) MODE(ACTIVE)\n"
                        + "    INSTANCE(mi2) MODE(STANDBY)\n");
        var parsed = new io.mqrunbooks.adapter.outbound.mq.parse.DspmqParser().parse(untranslated);
        assertThat(parsed.queueManagers().get(0).status())
                .isEqualTo(QmStatus.RUNNING_AS_STANDBY);
    }

    /** Only the words of a real zh_CN transcript are translated; -n prints IBM's words on any host. */
    @Test
    void aHostWithChineseMessagesTranslatesDspmqUnlessAskedWithN() {
        lab.hostLanguage("mqeast1", "zh_CN");
        assertThat(run("mqeast1", "dspmq -m QM1").stdout())
                .isEqualTo("QMNAME(QM1)                                               STATUS(正在运行)\n");
        assertThat(run("mqeast1", "dspmq -m QM1 -o status -n").stdout())
                .isEqualTo("QMNAME(QM1)                                               STATUS(RUNNING)\n");
        run("mqeast1", "endmqm -i QM1");
        assertThat(run("mqeast1", "dspmq -m QM1").stdout()).endsWith("STATUS(Ended immediately)\n");
        assertThat(run("mqeast2", "dspmq -m QM2").stdout()).endsWith("STATUS(Running)\n");

        assertThatThrownBy(() -> lab.hostLanguage("mqeast1", "de_DE"))
                .hasMessage("The lab's hosts speak en or [zh_CN], not 'de_DE'");
        assertThatThrownBy(() -> lab.hostLanguage("nosuch", "zh_CN")).isInstanceOf(IllegalArgumentException.class);
    }

    /** The command's own locale picks the catalogue, as LANG/LC_ALL do for IBM MQ: C or en_US is English on any host. */
    @Test
    void theCommandsLocaleOverridesTheHostsLanguage() {
        lab.hostLanguage("mqeast1", "zh_CN");
        List<String> dspmq = List.of("dspmq", "-m", "QM1");

        assertThat(lab.execute("mqeast1", "mqm", dspmq, "", "C").stdout()).endsWith("STATUS(Running)\n");
        assertThat(lab.execute("mqeast1", "mqm", dspmq, "", "en_US.UTF-8").stdout()).endsWith("STATUS(Running)\n");
        assertThat(lab.execute("mqeast1", "mqm", dspmq, "", null).stdout()).endsWith("STATUS(正在运行)\n");
        assertThat(lab.execute("mqeast2", "mqm", List.of("dspmq", "-m", "QM2"), "", "zh_CN.UTF-8").stdout())
                .endsWith("STATUS(正在运行)\n");
    }

    @Test
    void dspmqTakesItsFlagsTogether() {
        assertThat(run("mi2", "dspmq -sx").stdout()).isEqualTo(run("mi2", "dspmq -s -x").stdout());
        assertThat(run("mi2", "dspmq -xz").stdout()).isEmpty();
        assertThat(run("mi2", "dspmq -xz").exitCode()).isEqualTo(20);
    }

    @Test
    void strmqmOnARunningQueueManagerAnswersAsMqAndChangesNothing() {
        LabExecution r = run("mqeast1", "strmqm QM1");
        assertThat(r.stdout()).isEqualTo("IBM MQ queue manager running.\n");
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(lab.queueManagerState("mqeast1", "QM1")).contains(QmStatus.RUNNING);
    }

    @Test
    void stateStaysPerHostAcrossCommands() {
        assertThat(run("mqeast1", "endmqm -i QM1").stdout())
                .isEqualTo("IBM MQ queue manager 'QM1' ending.\nIBM MQ queue manager 'QM1' ended.\n");
        assertThat(run("mqeast1", "dspmq -m QM1 -s").stdout())
                .isEqualTo("QMNAME(QM1)                                               STATUS(Ended immediately)\n");
        assertThat(run("mqwest1", "dspmq -m QM1").stdout()).contains("STATUS(Ended normally)");
        LabExecution again = run("mqeast1", "endmqm QM1");
        assertThat(again.stderr()).isEqualTo("AMQ8146E: IBM MQ queue manager not available.\n");
        assertThat(again.exitCode()).isEqualTo(40);
        LabExecution start = run("mqeast1", "strmqm QM1");
        assertThat(start.stdout()).isEqualTo("""
                IBM MQ queue manager 'QM1' starting.
                The queue manager is associated with installation 'Installation1'.
                5 log records accessed on queue manager 'QM1' during the log replay phase.
                Log replay for queue manager 'QM1' complete.
                Transaction manager state recovered for queue manager 'QM1'.
                Plain text communication is enabled.
                IBM MQ queue manager 'QM1' started using V9.4.0.0.
                """);
        assertThat(start.exitCode()).isZero();
    }

    @Test
    void endmqmWaitPrintsQuiesceThenEndingAndEnded() {
        assertThat(run("fr1", "endmqm -w FR1").stdout()).isEqualTo("""
                Quiesce request accepted. The queue manager will stop when all outstanding work
                is complete.
                IBM MQ queue manager 'FR1' ending.
                IBM MQ queue manager 'FR1' ended.
                """);
    }

    @Test
    void coldBackupNeedsItsMediaRestoredBeforeStarting() {
        LabExecution refused = run("mqwest3", "strmqm QM3");
        assertThat(refused.stderr()).isEqualTo("AMQ7017E: Log not available.\n");
        assertThat(refused.exitCode()).isEqualTo(23);
        lab.restoreMedia("mqwest3", "QM3");
        assertThat(run("mqwest3", "strmqm QM3").exitCode()).isZero();
        assertThat(lab.queueManagerState("mqwest3", "QM3")).contains(QmStatus.RUNNING);
    }

    @Test
    void dspmqverReportsTheInstalledLevelAndInstallVersionChangesIt() {
        assertThat(run("pr3", "dspmqver").stdout()).isEqualTo("""
                Name:        IBM MQ
                Version:     9.4.0.0
                Level:       p940-L240605.1
                BuildType:   IKAP - (Production)
                Platform:    IBM MQ for Linux (x86-64 platform)
                Mode:        64-bit
                O/S:         Linux 5.14.0-427.13.1.el9_4.x86_64
                O/S Details: Red Hat Enterprise Linux 9.4 (Plow)
                InstName:    Installation1
                InstDesc:   \s
                Primary:     Yes
                InstPath:    /opt/mqm
                DataPath:    /var/mqm
                MaxCmdLevel: 940
                LicenseType: Production
                ReleaseType: Long Term Support (LTS) and Continuous Delivery (CD)
                """);
        lab.installVersion("pr3", "9.4.1.0");
        assertThat(run("pr3", "dspmqver").stdout()).contains("Version:     9.4.1.0\n")
                .contains("MaxCmdLevel: 941\n").endsWith("ReleaseType: Continuous Delivery (CD)\n");
        run("pr3", "endmqm -i PR3");
        assertThat(run("pr3", "strmqm PR3").stdout()).contains("IBM MQ queue manager 'PR3' started using V9.4.1.0.");
        assertThatThrownBy(() -> lab.installVersion("pr3", "9.9.9.9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not '9.9.9.9'");
    }

    @Test
    void crtmqmThenDltmqm() {
        LabExecution created = run("partner1", "crtmqm -p 1481 NEWQM");
        assertThat(created.stdout()).isEqualTo("""
                IBM MQ queue manager 'NEWQM' created.
                Directory '/var/mqm/qmgrs/NEWQM' created.
                The queue manager is associated with installation 'Installation1'.
                Creating or replacing default objects for queue manager 'NEWQM'.
                Default objects statistics : 83 created. 0 replaced. 0 failed.
                Completing setup.
                Setup completed.
                """);
        assertThat(run("partner1", "crtmqm NEWQM").stderr()).isEqualTo("AMQ8110E: IBM MQ queue manager already exists.\n");
        run("partner1", "strmqm NEWQM");
        LabExecution refused = run("partner1", "dltmqm NEWQM");
        assertThat(refused.stdout()).isEqualTo("IBM MQ queue manager running.\n");
        assertThat(refused.exitCode()).isEqualTo(5);
        run("partner1", "endmqm -i NEWQM");
        assertThat(run("partner1", "dltmqm NEWQM").stdout()).isEqualTo("IBM MQ queue manager 'NEWQM' deleted.\n");
        assertThat(lab.queueManagerState("partner1", "NEWQM")).isEqualTo(Optional.empty());
    }

    @Test
    void unknownProgramsAreNotFoundByTheShell() {
        LabExecution r = lab.execute("mqeast1", "mqm", List.of("foo", "-x"), "");
        assertThat(r.stderr()).isEqualTo("bash: foo: command not found\n");
        assertThat(r.exitCode()).isEqualTo(127);
        LabExecution samples = lab.execute("mqeast1", "mqm", List.of("amqsput", "Q", "QM1"), "");
        assertThat(samples.stderr()).isEqualTo("bash: amqsput: command not found\n");
        LabExecution path = lab.execute("mqeast1", "mqm", List.of("/opt/mqm/bin/nothing"), "");
        assertThat(path.stderr()).isEqualTo("bash: /opt/mqm/bin/nothing: No such file or directory\n");
    }

    @Test
    void badUsageGivesTheUsageLine() {
        LabExecution r = run("mqeast1", "strmqm");
        assertThat(r.stderr()).isEqualTo("Usage: strmqm [-a | -r | -x] [-ns] QMgrName\n");
        assertThat(r.exitCode()).isEqualTo(20);
        assertThat(run("mqeast1", "endmqm NOPE").stderr()).isEqualTo("AMQ8118E: IBM MQ queue manager does not exist.\n");
    }

    @Test
    void hostFailureFailsAMultiInstanceQueueManagerOverToItsStandby() {
        lab.failHost("mi1");
        assertThat(run("mi2", "dspmq -x").stdout()).isEqualTo(
                "QMNAME(MIQM)                                              STATUS(Running)\n"
                        + "    INSTANCE(mi2) MODE(Active)\n");
        lab.failHost("mqeast1");
        assertThat(lab.queueManagerState("mqeast1", "QM1")).contains(QmStatus.ENDED_UNEXPECTEDLY);
        assertThat(run("mqeast1", "dspmq -m QM1").stdout())
                .isEqualTo("QMNAME(QM1)                                               STATUS(Ended unexpectedly)\n");
        // An ended queue manager permits nothing: "STATUS(ENDED IMMEDIATELY) DEFAULT(NO) STANDBY(NOT APPLICABLE)"
        // (dspmq -n -x -o all of MQ 8.0.0.4 in Checkmk's ibm_mq agent plugin documentation).
        assertThat(run("mqeast1", "dspmq -o standby -m QM1").stdout())
                .isEqualTo("QMNAME(QM1)                                               STANDBY(Not applicable)\n");
    }

    @Test
    void dltmqmOnTheStandbysHostIsRefusedWithReturnCode26AndOnTheActivesAsRunning() {
        LabExecution onStandby = run("mi2", "dltmqm MIQM");
        assertThat(onStandby.exitCode()).isEqualTo(26);
        assertThat(onStandby.stderr()).isEqualTo("Queue manager running as a standby instance.\n");
        LabExecution onActive = run("mi1", "dltmqm MIQM");
        assertThat(onActive.exitCode()).isEqualTo(5);
        assertThat(onActive.stdout()).isEqualTo("IBM MQ queue manager running.\n");
        assertThat(run("mi2", "dspmq -m MIQM").stdout()).contains("STATUS(Running as standby)");
    }

    @Test
    void strmqmNsStartsWithoutListenersOrClusterSenders() {
        run("fr1", "endmqm -i FR1");
        LabExecution started = run("fr1", "strmqm -ns FR1");
        assertThat(started.exitCode()).isZero();
        assertThat(started.stdout()).endsWith("IBM MQ queue manager 'FR1' started using V9.4.0.0.\n");
        String status = lab.execute("fr1", "mqm", List.of("runmqsc", "FR1"),
                "DIS LSSTATUS(*)\nDIS CHS(TO.FR2)\n").stdout();
        assertThat(status).contains("AMQ8420I: Channel Status not found.\n").doesNotContain("STATUS(RUNNING)");
        run("fr1", "endmqm -i FR1");
        run("fr1", "strmqm FR1");
        assertThat(lab.execute("fr1", "mqm", List.of("runmqsc", "FR1"), "DIS LSSTATUS(*)\nDIS CHS(TO.FR2)\n")
                .stdout()).contains("STATUS(RUNNING)");
    }

    @Test
    void dspmqWithOneQueueManagerAndSeveralOutputsPrintsThemOnOneLineTheParserReads() {
        String both = run("mi1", "dspmq -m MIQM -o status -o standby -x").stdout();
        assertThat(both).startsWith("QMNAME(MIQM)").contains("STATUS(Running)", "STANDBY(Permitted)")
                .contains("    INSTANCE(mi1) MODE(Active)\n");
        DspmqResult.QueueManagerEntry entry = new DspmqParser().parse(both).queueManagers().get(0);
        assertThat(entry.attributes()).containsEntry("STATUS", "Running").containsEntry("STANDBY", "Permitted");
        assertThat(entry.instances()).hasSize(2);
    }

    @Test
    void aBackupReplayedWithStrmqmRIsRefusedAPlainStartUntilStrmqmAActivatesIt() {
        // IBM MQ 9.4 "Creating a backup queue manager"
        // (https://www.ibm.com/docs/ja/ibm-mq/9.4.x?topic=manager-creating-backup-queue, English text at https://www.ibm.com/docs/en/ibm-mq/10.0.x?topic=manager-creating-backup-queue):
        // "strmqm -r BackupQMName ... flags the queue manager as a backup queue manager within IBM MQ, and replays
        // all the copied log extents"; strmqm -a: "The backup queue manager is not started."
        LabExecution replay = run("mqwest1", "strmqm -r QM1");
        assertThat(replay.exitCode()).isZero();
        assertThat(replay.stdout()).isEqualTo("5 log records accessed on queue manager 'QM1' during the log replay"
                + " phase.\nLog replay for queue manager 'QM1' complete.\n");
        assertThat(run("mqwest1", "dspmq -m QM1").stdout())
                .isEqualTo("QMNAME(QM1)                                               STATUS(Ended normally)\n");
        // "The requirement to activate a backup queue manager prevents accidental startup." (strmqm -a,
        // https://www.ibm.com/support/knowledgecenter/en/SSFKSJ_7.5.0/com.ibm.mq.ref.adm.doc/q083650_.htm)
        for (String start : List.of("strmqm QM1", "strmqm -x QM1", "strmqm -ns QM1")) {
            LabExecution refused = run("mqwest1", start);
            assertThat(refused.exitCode()).as(start).isEqualTo(1);
            assertThat(refused.stderr()).as(start).isEqualTo("Queue manager 'QM1' is a backup queue manager."
                    + " Activate it with strmqm -a before starting it.\n");
        }
        assertThat(lab.queueManagerState("mqwest1", "QM1")).contains(QmStatus.ENDED_NORMALLY);
        // replay is "periodically driven by use of the command strmqm -r" (strmqm usage notes,
        // https://ibm.com/support/knowledgecenter/en/SSFKSJ_latest/refadmin/q083650_.html): it stays a backup
        assertThat(run("mqwest1", "strmqm -r QM1").exitCode()).isZero();
        assertThat(run("mqwest1", "strmqm QM1").exitCode()).isEqualTo(1);

        // "Starting a backup queue manager" (http://setgetweb.com/p/MQ92/con/q018640_.htm, IBM's MQ 9.2 topic):
        // "strmqm -a BackupQMName  The backup queue manager is activated."
        LabExecution activated = run("mqwest1", "strmqm -a QM1");
        assertThat(activated.exitCode()).isZero();
        assertThat(activated.stdout()).isEqualTo("The backup queue manager is activated.\n");
        assertThat(lab.queueManagerState("mqwest1", "QM1")).contains(QmStatus.ENDED_NORMALLY);
        assertThat(run("mqwest1", "strmqm -a QM1").stdout()).isEqualTo("The backup queue manager is activated.\n");
        LabExecution started = run("mqwest1", "strmqm QM1");
        assertThat(started.exitCode()).isZero();
        assertThat(started.stdout()).endsWith("IBM MQ queue manager 'QM1' started using V9.4.0.0.\n");
        assertThat(run("mqwest1", "dspmq -m QM1").stdout())
                .isEqualTo("QMNAME(QM1)                                               STATUS(Running)\n");
    }

    @Test
    void strmqmAAndROnARunningColdOrReplicatedQueueManager() {
        // exit 5 "Queue manager running", 23 "Log not available": IBM MQ 9.4 strmqm return codes
        for (String cmd : List.of("strmqm -r QM1", "strmqm -a QM1")) {
            LabExecution running = run("mqeast1", cmd);
            assertThat(running.exitCode()).as(cmd).isEqualTo(5);
            assertThat(running.stdout()).as(cmd).isEqualTo("IBM MQ queue manager running.\n");
        }
        LabExecution cold = run("mqwest3", "strmqm -r QM3");
        assertThat(cold.exitCode()).isEqualTo(23);
        assertThat(cold.stderr()).isEqualTo("AMQ7017E: Log not available.\n");
        assertThat(run("mqwest3", "strmqm QM3").stderr()).isEqualTo("AMQ7017E: Log not available.\n");
        // an RDQM DR secondary, and -a with -r (one choice in IBM's syntax diagram): usage line
        for (String cmd : List.of("strmqm -r QMDR", "strmqm -a -r QM1", "strmqm -c QM1")) {
            LabExecution refused = run(cmd.endsWith("QMDR") ? "dr2" : "mqwest1", cmd);
            assertThat(refused.exitCode()).as(cmd).isEqualTo(20);
            assertThat(refused.stderr()).as(cmd).isEqualTo("Usage: strmqm [-a | -r | -x] [-ns] QMgrName\n");
        }
        assertThat(lab.queueManagerState("mqwest1", "QM1")).contains(QmStatus.ENDED_NORMALLY);
        assertThat(run("mqwest1", "strmqm QM1").exitCode()).isZero();
    }

    @Test
    void dspmqCAndXfAreRefusedWithTheUsageLine() {
        // IBM MQ 9.4 dspmq (https://www.ibm.com/docs/en/ibm-mq/9.4?topic=reference-dspmq-display-queue-managers)
        // lists -c in its syntax but no public text shows what it prints; -xf is not in it at all.
        for (String cmd : List.of("dspmq -c", "dspmq -xf", "dspmq -m MIQM -x -f")) {
            LabExecution r = run("mi1", cmd);
            assertThat(r.exitCode()).as(cmd).isEqualTo(20);
            assertThat(r.stdout()).as(cmd).isEmpty();
            assertThat(r.stderr()).as(cmd).startsWith("Usage: dspmq [-m QMgrName]");
        }
    }
}
