package io.mqrunbooks.evidence.report;

import io.mqrunbooks.evidence.EvidenceKind;
import io.mqrunbooks.evidence.EvidenceRecord;
import java.util.Map;

/** A stored record with its payload read from JSON. */
record ReadRecord(EvidenceRecord record, Map<String, Object> payload) {

    boolean is(EvidenceKind kind) {
        return record.kind() == kind;
    }
}
