package io.mqrunbooks.adapter.inbound.camunda.baseline;

/**
 * The variables of {@code drBaselineProcess}, declared once. Run-level ones live on the process instance; the
 * per-primary ones are local to one instance of the multi-instance subprocess "Baseline one primary".
 */
public final class BaselineVariables {

    public static final String PROCESS_KEY = "drBaselineProcess";

    // run level
    /** Start form: queue managers to baseline, separated by commas or blanks; blank or "all" = all with a backup. */
    public static final String QUEUE_MANAGERS = "queueManagers";
    /** The primaries this run covers, comma-separated (the multi-instance collection). */
    public static final String PRIMARIES = "primaries";
    public static final String SELECTION_VALID = "selectionValid";
    /** One line per primary: what the run found and did. */
    public static final String RUN_SUMMARY = "runSummary";

    // per primary (local)
    /** The multi-instance element: the primary queue manager of this instance. */
    public static final String QUEUE_MANAGER = "queueManager";
    public static final String BASELINE_ID = "baselineId";
    public static final String BASELINE_NEW = "baselineNew";
    public static final String CHANGE_SUMMARY = "changeSummary";
    public static final String BACKUP_QUEUE_MANAGER = "backupQueueManager";
    public static final String BACKUP_LAGS = "backupLags";
    /** A hot backup: its objects are replicated with its data, so nothing was compared. */
    public static final String BACKUP_REPLICATED = "backupReplicated";
    public static final String BACKUP_APPLY_NOW = "backupApplyNow";
    /** What the gate shows: the comparison, its source, what approval does, what is not applied. */
    public static final String LEVEL_SUMMARY = "levelSummary";
    /** The stored levelling plan (the whole script and summary) that was reviewed and approved. */
    public static final String LEVEL_PLAN_ID = "levelPlanId";
    /** The exact MQSC that brings the backup level (DEFINE ... REPLACE); cut with a link when very long. */
    public static final String LEVEL_SCRIPT = "levelScript";
    /** The operator's review: {@code request} levelling (then the gate) or {@code leave} the backup as it is. */
    public static final String LEVELLING = "levelling";
    public static final String REVIEW_COMMENT = "reviewComment";
    /** Who completed the review (set by its complete listener). */
    public static final String LAG_REVIEWED_BY = "lagReviewedBy";
    public static final String DECISION = "decision";
    public static final String LEVELLING_COMMENT = "levellingComment";
    /** Who completed the gate (set by its complete listener). */
    public static final String LEVEL_APPROVED_BY = "levelApprovedBy";
    public static final String LEVEL_RESULT = "levelResult";
    public static final String BACKUP_VERIFIED = "backupVerified";
    public static final String VERIFY_SUMMARY = "verifySummary";

    private BaselineVariables() {
    }
}
