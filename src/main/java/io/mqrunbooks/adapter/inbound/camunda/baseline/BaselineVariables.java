package io.mqrunbooks.adapter.inbound.camunda.baseline;

import static io.mqrunbooks.platform.runbook.RunVariable.booleanVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.longVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.stringVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.textVariable;

import io.mqrunbooks.platform.runbook.RunVariable;
import io.mqrunbooks.platform.runbook.RunbookVariables;

/**
 * The variables of {@code drBaselineProcess}, declared once. Run-level ones live on the process instance; the
 * per-primary ones are local to one instance of the multi-instance subprocess "Baseline one primary".
 */
public final class BaselineVariables {

    public static final String PROCESS_KEY = "drBaselineProcess";
    /** Where the whole of a cut text is when no page shows it. */
    static final String EVIDENCE = "the run's evidence";

    // run level
    /** Start form: queue managers to baseline, separated by commas or blanks; blank or "all" = all with a backup. */
    public static final RunVariable<String> QUEUE_MANAGERS = stringVariable("queueManagers");
    /** The primaries this run covers, comma-separated (the multi-instance collection). */
    public static final RunVariable<String> PRIMARIES = stringVariable("primaries");
    /** One line per primary: what the run found and did. */
    public static final RunVariable<String> RUN_SUMMARY = textVariable("runSummary", EVIDENCE);
    public static final RunVariable<String> OUTCOME = RunbookVariables.OUTCOME;

    // per primary (local)
    /** The multi-instance element: the primary queue manager of this instance. */
    public static final RunVariable<String> QUEUE_MANAGER = RunbookVariables.QUEUE_MANAGER;
    public static final RunVariable<Long> BASELINE_ID = longVariable("baselineId");
    public static final RunVariable<Boolean> BASELINE_NEW = booleanVariable("baselineNew");
    public static final RunVariable<String> CHANGE_SUMMARY = stringVariable("changeSummary");
    public static final RunVariable<String> BACKUP_QUEUE_MANAGER = stringVariable("backupQueueManager");
    public static final RunVariable<Boolean> BACKUP_LAGS = booleanVariable("backupLags");
    /** A hot backup: its objects are replicated with its data, so nothing was compared. */
    public static final RunVariable<Boolean> BACKUP_REPLICATED = booleanVariable("backupReplicated");
    public static final RunVariable<Boolean> BACKUP_APPLY_NOW = booleanVariable("backupApplyNow");
    /** What the gate shows: the comparison, its source, what approval does, what is not applied. */
    public static final RunVariable<String> LEVEL_SUMMARY = stringVariable("levelSummary");
    /** The stored levelling plan (the whole script and summary) that was reviewed and approved. */
    public static final RunVariable<Long> LEVEL_PLAN_ID = longVariable("levelPlanId");
    /** The exact MQSC that brings the backup level (DEFINE ... REPLACE); cut with a link when very long. */
    public static final RunVariable<String> LEVEL_SCRIPT = stringVariable("levelScript");
    /** The operator's review: {@code request} levelling (then the gate) or {@code leave} the backup as it is. */
    public static final RunVariable<String> LEVELLING = stringVariable("levelling");
    public static final RunVariable<String> REVIEW_COMMENT = stringVariable("reviewComment");
    /** Who completed the review (set by its complete listener). */
    public static final RunVariable<String> LAG_REVIEWED_BY = stringVariable("lagReviewedBy");
    public static final RunVariable<String> DECISION = stringVariable("decision");
    public static final RunVariable<String> LEVELLING_COMMENT = stringVariable("levellingComment");
    public static final RunVariable<String> LEVEL_RESULT = stringVariable("levelResult");
    public static final RunVariable<Boolean> BACKUP_VERIFIED = booleanVariable("backupVerified");
    public static final RunVariable<String> VERIFY_SUMMARY = stringVariable("verifySummary");

    private BaselineVariables() {
    }
}
