package io.mqrunbooks.lab.control;

/** A lab control request refused with this HTTP status and a one-line reason naming what is wrong. */
public final class LabControlException extends RuntimeException {

    private final int status;

    public LabControlException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
