package io.mqrunbooks.mq;

import java.util.List;
import java.util.Set;

/**
 * A control command's outcome with MQ's own message lines (e.g. {@code AMQ8004I: IBM MQ queue manager
 * 'QM1' ended.}) and its exit code, for the evidence and the forms.
 */
public record ControlResult(ControlOutcome outcome, List<String> messages, int exitCode) {

    public ControlResult {
        messages = List.copyOf(messages);
    }

    /**
     * This result when its outcome is one of {@code accepted} (e.g. {@link ControlOutcome#NOW_RUNNING}); otherwise the
     * command was refused, a technical failure whose incident names the host, the command and MQ's own messages.
     */
    public ControlResult expect(String host, String command, Set<ControlOutcome> accepted) {
        if (!accepted.contains(outcome)) {
            throw new IllegalStateException(host + ": " + command + " was refused (" + outcome + ", exit code "
                    + exitCode + "): " + saidText());
        }
        return this;
    }

    /**
     * MQ's message lines on one line (empty when it printed none), control characters escaped: the lines are the
     * host's, and go into the run log, the report and incidents (Review E).
     */
    public String saidText() {
        return HostText.oneLine(String.join(" ", messages));
    }

    /** The outcome and MQ's messages, for the run log: {@code ENDED (AMQ8004I: ...)}. */
    public String summary() {
        return outcome + (messages.isEmpty() ? "" : " (" + saidText() + ")");
    }
}
