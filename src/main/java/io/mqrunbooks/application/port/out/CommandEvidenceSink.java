package io.mqrunbooks.application.port.out;

/**
 * Receives every command an adapter ran, for the audit trail. The run and step it belongs to come from
 * {@link RunContext}, set by the engine around each step.
 */
@FunctionalInterface
public interface CommandEvidenceSink {

    void commandRan(CommandResult result);

    CommandEvidenceSink NONE = result -> { };
}
