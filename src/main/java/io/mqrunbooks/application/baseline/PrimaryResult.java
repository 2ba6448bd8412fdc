package io.mqrunbooks.application.baseline;

/** One primary's line in the run summary, and whether it leaves the run with a backup that lags. */
public record PrimaryResult(String queueManager, String line, boolean backupStillLags) {

    private static final String LAGGING = "completed; backups still lag: ";

    /** The operator's review of a lag: {@code request} levelling or {@code leave} the backup as it is. */
    public record Review(String levelling, String reviewedBy, String comment) {
    }

    /**
     * @param review     the operator's review, when the backup lagged
     * @param decision   the gate's decision (approve/reject), null when there was no gate
     * @param levelState what levelling did (APPLIED / TO_APPLY_AT_ACTIVATION), null when it did not run
     * @param verified   whether verification found the backup level, null when it did not run
     */
    public static PrimaryResult of(String queueManager, String backupQueueManager, boolean replicated,
                                   boolean backupLagged, Review review, String decision, String approvedBy, String comment, String levelState,
                                   Boolean verified) {
        String head = queueManager + " -> " + backupQueueManager + ": ";
        if (replicated) {
            return new PrimaryResult(queueManager, head + "hot backup, objects replicated with its data (not compared)",
                    false);
        }
        if (!backupLagged) {
            return new PrimaryResult(queueManager, head + "backup level with the primary's baseline", false);
        }
        if (!"request".equals(review.levelling())) {
            return new PrimaryResult(queueManager, head + "backup lags; left as it is by " + review.reviewedBy()
                    + note(review.comment()), true);
        }
        if (!"approve".equals(decision)) {
            return new PrimaryResult(queueManager, head + "backup lags; levelling rejected" + (approvedBy == null ? "" : " by " + approvedBy)
                    + note(comment), true);
        }
        String what = BackupLevelRecord.State.APPLIED.name().equals(levelState)
                ? "applied and verified by a fresh export"
                : "recorded to be applied at activation";
        if (!Boolean.TRUE.equals(verified)) {
            return new PrimaryResult(queueManager, head + "backup still lags after levelling approved by " + approvedBy, true);
        }
        return new PrimaryResult(queueManager, head + "backup levelled, approved by " + approvedBy + ": " + what, false);
    }

    private static String note(String comment) {
        return comment == null || comment.isBlank() ? "" : " (" + comment.strip() + ")";
    }

    /** The run's outcome after this primary: "completed", or "completed; backups still lag: QM1, QM3". */
    public String outcomeAfter(String outcomeSoFar) {
        String lagging = outcomeSoFar != null && outcomeSoFar.startsWith(LAGGING)
                ? outcomeSoFar.substring(LAGGING.length()) : "";
        if (backupStillLags) {
            lagging = lagging.isEmpty() ? queueManager : lagging + ", " + queueManager;
        }
        return lagging.isEmpty() ? "completed" : LAGGING + lagging;
    }
}
