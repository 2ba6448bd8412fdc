package io.mqrunbooks.lab;

/** A command line the lab refuses, with the exit code and message the client sees on stderr. */
public class LabShellException extends RuntimeException {

    private final int exitCode;

    public LabShellException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
