package io.mqrunbooks.runbooks.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.mqrunbooks.application.baseline.BaselineApplyException;
import io.mqrunbooks.application.baseline.BaselineService;
import io.mqrunbooks.mq.MqscParseException;
import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.application.port.out.mq.MqscScriptResult;
import org.junit.jupiter.api.Test;

class BaselineServiceTest {

    private final BaselineTestBed bed = new BaselineTestBed("baseline-service");
    private final String monday = Fixtures.read(Fixtures.MONDAY);
    private final String friday = Fixtures.read(Fixtures.FRIDAY_CHANGED);

    @Test
    void aSameNameBackupRunningBesideItsPrimaryIsNotExportedAndIsFlagged() {
        when(bed.admin.exportDefinitions("QM1")).thenReturn(monday);
        long id = bed.service.capture("QM1", "run").baseline().id();
        bed.status("mqwest1", "QM1", QmStatus.RUNNING);

        BaselineService.BackupComparison c = bed.service.compareBackup("QM1", id);

        assertThat(c.applyNow()).isFalse();
        assertThat(c.source()).isEqualTo("QM1 on mqwest1 is running under its primary's own name: the admin port cannot "
                + "tell it from the primary, so it is not exported (and a same-name backup running beside its primary "
                + "is a split-brain risk: check it); no baseline has been recorded for it yet, so its definitions are "
                + "unknown and the whole primary baseline is proposed");
        assertThat(c.plan().differences().counts()).isEqualTo("10 added, 0 removed, 0 changed");
        assertThat(c.plan().notApplied()).containsExactly(
                "QMGR attributes are not copied to a backup automatically: decide them for the DR site",
                "CHLAUTH('QM2.TO.BANK') TYPE(ADDRESSMAP) ADDRESS('127.0.0.1') is missing on the backup: security records "
                        + "are not levelled automatically (they decide who may do what on the backup; set them by hand "
                        + "after review)",
                "AUTHREC PROFILE('PAYMENT.IN') OBJTYPE(QUEUE) PRINCIPAL('payapp') is missing on the backup: security "
                        + "records are not levelled automatically (they decide who may do what on the backup; set them by "
                        + "hand after review)");
        assertThat(c.plan().script()).doesNotContain("SET ");
    }

    @Test
    void runmqscErrorsWhileLevellingAreAFailureQuotingRunmqscOnOneLine() {
        Levelling levelling = levellingFailsWithRunmqscSaying(
                "AMQ8405I: Syntax error detected at or near end of command segment below:-\n"
                        + "2026-12-08 01:00:00 INFO Baseline #1 applied and verified\r\u001b[2K\n");
        assertThatThrownBy(() -> bed.service.level("QM2", levelling.plan(), "carl", "run"))
                .isInstanceOf(BaselineApplyException.class)
                .hasMessage("Applying baseline #" + levelling.baseline() + " to QM2_DR on mqwest2: runmqsc read 3 commands,"
                        + " 1 with errors: "
                        + "AMQ8405I: Syntax error detected at or near end of command segment below:-\\n"
                        + "2026-12-08 01:00:00 INFO Baseline #1 applied and verified\\r\\u001B[2K");
        assertThat(bed.store.latestBackupLevel("QM2")).isEmpty();
    }

    @Test
    void aPasswordRunmqscEchoesInAFailedLevellingStaysOutOfTheFailure() {
        // runmqsc echoes each command it read, so a refused AUTHINFO comes back with its LDAP password in it
        Levelling levelling = levellingFailsWithRunmqscSaying(
                "     1 : DEFINE AUTHINFO('LDAP.AUTH') AUTHTYPE(IDPWLDAP) LDAPUSER('cn=mq') LDAPPWD('Wint3r''s)Key')\n"
                        + "AMQ8405I: Syntax error detected at or near end of command segment below:-\n");
        assertThatThrownBy(() -> bed.service.level("QM2", levelling.plan(), "carl", "run"))
                .isInstanceOf(BaselineApplyException.class)
                .hasMessageContaining("LDAPPWD([REDACTED])")
                .hasMessageNotContaining("Wint3r")
                .hasMessageNotContaining("Key')");
    }

    @Test
    void aRetriedLevellingOfALevelBackupAppliesNothing() {
        when(bed.admin.exportDefinitions("QM2")).thenReturn(friday);
        long id = bed.service.capture("QM2", "run").baseline().id();
        bed.status("mqwest2", "QM2_DR", QmStatus.RUNNING);
        when(bed.admin.exportDefinitions("QM2_DR")).thenReturn(monday, friday);
        long plan = bed.service.recordPlan(bed.service.compareBackup("QM2", id), "run").id();

        assertThat(bed.service.level("QM2", plan, "carl", "run").summary())
                .isEqualTo("QM2_DR on mqwest2 already holds baseline #" + id + "; nothing applied.");
        verify(bed.admin, never()).applyDefinitions(anyString(), anyString());
    }

    @Test
    void aBackupThatChangedAfterApprovalIsNotGivenTheOldScript() {
        when(bed.admin.exportDefinitions("QM2")).thenReturn(friday);
        long id = bed.service.capture("QM2", "run").baseline().id();
        bed.status("mqwest2", "QM2_DR", QmStatus.RUNNING);
        String mondayWithoutTheBackoutQueue = monday.replace("DEFINE QLOCAL('PAYMENT.BACKOUT')", "DEFINE QLOCAL('OTHER.Q')");
        when(bed.admin.exportDefinitions("QM2_DR")).thenReturn(monday, mondayWithoutTheBackoutQueue
                .replace("MAXDEPTH(500000)", "MAXDEPTH(900000)").replace("   BOQNAME('PAYMENT.BACKOUT') +\n", ""));
        long plan = bed.service.recordPlan(bed.service.compareBackup("QM2", id), "run").id();

        assertThatThrownBy(() -> bed.service.level("QM2", plan, "carl", "run"))
                .isInstanceOf(BaselineApplyException.class)
                .hasMessage("QM2_DR on mqwest2 changed after levelling plan #" + plan + " was approved: the MQSC it needs "
                        + "now differs from the approved MQSC, so nothing was applied. Start a new baseline run to review "
                        + "the differences.");
        verify(bed.admin, never()).applyDefinitions(anyString(), anyString());
    }

    @Test
    void longTextForProcessVariablesIsCutAtALineAndSaysWhereTheRestIs() {
        String line = "DEFINE QLOCAL('Q.%04d') REPLACE\n";
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            script.append(String.format(line, i));
        }
        String fitted = io.mqrunbooks.platform.runbook.RunText.fit(script.toString(),
                "/api/baselines/levelling/7.mqsc");
        assertThat(fitted.length()).isLessThanOrEqualTo(3800);
        assertThat(fitted).startsWith("DEFINE QLOCAL('Q.0000') REPLACE\n")
                .endsWith("REPLACE\n* ... " + (script.length() - fitted.indexOf("* ... ")) + " more characters; the whole "
                        + "text: /api/baselines/levelling/7.mqsc\n");
        assertThat(io.mqrunbooks.platform.runbook.RunText.fit("short", "x")).isEqualTo("short");
    }

    @Test
    void verificationReportsWhatStillLags() {
        when(bed.admin.exportDefinitions("QM2")).thenReturn(friday);
        long id = bed.service.capture("QM2", "run").baseline().id();
        bed.status("mqwest2", "QM2_DR", QmStatus.RUNNING);
        when(bed.admin.exportDefinitions("QM2_DR")).thenReturn(monday);

        BaselineService.Verification v = bed.service.verify("QM2", id);
        assertThat(v.level()).isFalse();
        assertThat(v.summary()).isEqualTo("Still lagging after applying baseline #" + id
                + " (exported from QM2_DR on mqwest2 (running, distinct DR name)):\n"
                + "+ QLOCAL('QM2.TO.CARDS.XMIT')\n+ CHANNEL('QM2.TO.CARDS')\n- QLOCAL('PAYMENT.BACKOUT')\n"
                + "~ QLOCAL('PAYMENT.IN')\n    BOQNAME: 'PAYMENT.BACKOUT' -> (not set)\n    MAXDEPTH: 500000 -> 900000\n");
    }

    @Test
    void anExportThatIsNotMqscNamesTheQueueManagerAndTheLine() {
        when(bed.admin.exportDefinitions("QM2")).thenReturn("DEFINE QLOCAL('A') REPLACE\nDISPLAY QLOCAL(*)\n");
        assertThatThrownBy(() -> bed.service.capture("QM2", "run")).isInstanceOf(MqscParseException.class)
                .hasMessage("the export of QM2: MQSC line 2: 'DISPLAY' is not a definition command (a baseline holds "
                        + "DEFINE, ALTER QMGR, SET AUTHREC and SET CHLAUTH commands) in: DISPLAY QLOCAL(*)");
        assertThat(bed.store.checkCount("QM2")).isZero();
    }

    @Test
    void aDefinitionThatRunsACommandIsShownAtTheGateBeforeApprovalAndFlaggedWhenApplied() {
        when(bed.admin.exportDefinitions("QM2")).thenReturn(monday + "DEFINE SERVICE('BACKUP.AGENT') SERVTYPE(COMMAND) "
                + "STARTCMD('/bin/sh') STARTARG('-c x') REPLACE\n");
        long id = bed.service.capture("QM2", "run").baseline().id();
        bed.status("mqwest2", "QM2_DR", QmStatus.RUNNING);
        when(bed.admin.exportDefinitions("QM2_DR")).thenReturn(monday);
        when(bed.admin.applyDefinitions(anyString(), anyString())).thenReturn(new MqscScriptResult(1, 0, ""));
        String flag = "Flagged: SERVICE('BACKUP.AGENT') runs an operating system command as mqm: STARTCMD('/bin/sh'), "
                + "as in baseline #" + id + " of QM2";

        var plan = bed.service.recordPlan(bed.service.compareBackup("QM2", id), "run");

        assertThat(plan.summary()).contains("Runs code or grants an identity on the backup, replayed only because the "
                + "primary has it: approve only if each is intended:\n  " + flag + "\n");
        assertThat(bed.service.level("QM2", plan.id(), "carl", "run").summary()).endsWith("\n" + flag);
    }

    private record Levelling(long baseline, long plan) {
    }

    /** Friday's baseline of QM2, a plan to level Monday's backup to it, and runmqsc answering with this output. */
    private Levelling levellingFailsWithRunmqscSaying(String output) {
        when(bed.admin.exportDefinitions("QM2")).thenReturn(friday);
        long id = bed.service.capture("QM2", "run").baseline().id();
        bed.status("mqwest2", "QM2_DR", QmStatus.RUNNING);
        when(bed.admin.exportDefinitions("QM2_DR")).thenReturn(monday);
        when(bed.admin.applyDefinitions(anyString(), anyString())).thenReturn(new MqscScriptResult(3, 1, output));
        return new Levelling(id, bed.service.recordPlan(bed.service.compareBackup("QM2", id), "run").id());
    }
}
