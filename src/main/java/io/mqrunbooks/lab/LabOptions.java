package io.mqrunbooks.lab;

/**
 * How the lab starts.
 *
 * @param ephemeralPorts listen on ports the system picks instead of the inventory's ports (tests)
 * @param commandThreads how many commands may run at once across all hosts
 */
public record LabOptions(boolean ephemeralPorts, int commandThreads) {

    public static final int DEFAULT_COMMAND_THREADS = 16;

    public LabOptions {
        if (commandThreads < 1) {
            throw new IllegalArgumentException("Lab options: commandThreads must be at least 1, was " + commandThreads);
        }
    }

    public static LabOptions ephemeral() {
        return new LabOptions(true, DEFAULT_COMMAND_THREADS);
    }
}
