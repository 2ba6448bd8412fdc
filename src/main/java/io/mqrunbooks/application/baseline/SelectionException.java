package io.mqrunbooks.application.baseline;

/** The start form named queue managers the baseline runbook cannot act on; the message says which and why. */
public class SelectionException extends RuntimeException {

    public SelectionException(String message) {
        super(message);
    }
}
