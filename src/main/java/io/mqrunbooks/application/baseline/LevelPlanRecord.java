package io.mqrunbooks.application.baseline;

import java.time.Instant;

/** A levelling plan as it was shown for review and approval: the exact script and the comparison's summary. */
public record LevelPlanRecord(long id, String queueManager, String backupQueueManager, long baselineId,
                              Instant createdAt, String script, String summary) {

    /** Where the whole script can be downloaded (BaselinesController). */
    public String downloadPath() {
        return "/api/baselines/levelling/" + id + ".mqsc";
    }
}
