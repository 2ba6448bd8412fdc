package io.mqrunbooks.application.baseline;

/** runmqsc reported errors while applying a levelling script to a backup: a technical failure (incident). */
public class BaselineApplyException extends RuntimeException {

    public BaselineApplyException(String message) {
        super(message);
    }
}
