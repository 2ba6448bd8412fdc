package io.mqrunbooks.evidence;

/** Asked for a run the evidence store has no record of. */
public class UnknownRunException extends RuntimeException {

    public UnknownRunException(String runId) {
        super("No evidence recorded for run '" + runId + "'");
    }
}
