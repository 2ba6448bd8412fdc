package io.mqrunbooks.application;

/**
 * A business reason why a runbook does not go on (DR status not Normal, primary still reachable, no such
 * queue manager): the process decides what follows, by a boundary event on the named code. Not a technical
 * failure, which is an exception and becomes an incident. {@code platform.runbook.Refusals} turns it into the
 * BPMN error.
 */
public class RunbookRefusal extends RuntimeException {

    private final String code;

    public RunbookRefusal(String code, String reason) {
        super(reason);
        this.code = code;
    }

    /** A named code such as {@code DR_NOT_NORMAL}, for the BPMN error and for tests. */
    public String code() {
        return code;
    }
}
