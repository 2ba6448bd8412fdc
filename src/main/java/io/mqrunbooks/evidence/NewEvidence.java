package io.mqrunbooks.evidence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A record to append. The store adds the sequence, time and hashes.
 *
 * @param runId       process instance id (or {@link EvidenceStore#NO_RUN} for commands outside any run)
 * @param businessKey the run's business key; when null the store takes the one recorded for the run
 * @param processKey  the process definition key; when null the store takes the one recorded for the run
 * @param stepId      BPMN activity id, null for run-level records
 * @param stepName    BPMN activity name
 * @param actor       the user (or "engine") the record is attributed to
 * @param payload     kind-specific fields; strings are scrubbed of secrets before storing
 */
public record NewEvidence(String runId, String businessKey, String processKey, EvidenceKind kind,
                          String stepId, String stepName, String actor, Map<String, Object> payload) {

    public NewEvidence {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(kind, "kind");
        payload = payload == null ? Map.of() : new LinkedHashMap<>(payload);
    }
}
