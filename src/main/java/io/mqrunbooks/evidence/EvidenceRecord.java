package io.mqrunbooks.evidence;

import java.time.Instant;

/** One stored evidence record, exactly as in the table. {@code payload} is JSON text. */
public record EvidenceRecord(long id, String runId, String businessKey, String processKey, long sequence,
                             Instant recordedAt, EvidenceKind kind, String stepId, String stepName,
                             String actor, String payload, String prevHash, String hash) {

    /** The same record with the id the database gave it. */
    public EvidenceRecord withId(long newId) {
        return new EvidenceRecord(newId, runId, businessKey, processKey, sequence, recordedAt, kind, stepId, stepName,
                actor, payload, prevHash, hash);
    }
}
