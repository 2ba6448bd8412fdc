package io.mqrunbooks.mq;

import java.util.List;

/**
 * A control command's outcome with MQ's own message lines (e.g. {@code AMQ8004I: IBM MQ queue manager
 * 'QM1' ended.}) and its exit code, for the evidence and the forms.
 */
public record ControlResult(ControlOutcome outcome, List<String> messages, int exitCode) {

    public ControlResult {
        messages = List.copyOf(messages);
    }
}
