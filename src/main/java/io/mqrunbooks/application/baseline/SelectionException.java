package io.mqrunbooks.application.baseline;

import io.mqrunbooks.application.RunbookRefusal;

/** The start form named queue managers the baseline runbook cannot act on; the message says which and why. */
public class SelectionException extends RunbookRefusal {

    /** The BPMN error code: the run ends at "Aborted: queue managers not valid" with the reason. */
    public static final String CODE = "SELECTION_REFUSED";

    public SelectionException(String message) {
        super(CODE, message);
    }
}
