package io.mqrunbooks.mq;

/** A value that must not reach a command line; raised before any connection is made. */
public class UnsafeArgumentException extends IllegalArgumentException {

    public UnsafeArgumentException(String message) {
        super(message);
    }
}
