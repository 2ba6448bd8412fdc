package io.mqrunbooks.application.rdqm;

/**
 * A business reason why a runbook does not go on (DR status not Normal, primary still reachable, no such
 * queue manager): the run ends with this reason as its outcome. Not a technical failure.
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
