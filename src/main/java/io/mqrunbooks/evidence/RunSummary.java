package io.mqrunbooks.evidence;

import java.time.Instant;

/** The summary of one run kept beside its evidence (the head row of its chain). */
public record RunSummary(String runId, String processKey, String businessKey, String startedBy,
                         Instant startedAt, Instant endedAt, String outcome, String queueManager,
                         String reason, long recordCount) {
}
