package io.mqrunbooks.evidence;

/** What an evidence record is about. Stored by name; the table has a CHECK constraint on these names. */
public enum EvidenceKind {
    RUN_STARTED, RUN_ENDED, STEP_STARTED, STEP_ENDED, COMMAND, GATE, USER_TASK, INCIDENT, RETRY, NOTE
}
