package io.mqrunbooks.adapter.outbound.mq.parse;

import java.util.List;

/**
 * strmqm / endmqm / dltmqm output classified. {@link #outcome} is what the command achieved; every
 * message is kept with its AMQ number when one was printed, and what it meant.
 */
public record ControlResult(Outcome outcome, String queueManager, MqVersion startedVersion, List<Message> messages) {

    public enum Outcome {
        STARTED, STANDBY_STARTED, ALREADY_RUNNING, ENDING, ENDED, NOT_RUNNING, DELETED, REFUSED,
        REFUSED_DR_SECONDARY, NOT_KNOWN
    }

    /**
     * One message: AMQ number and severity letter when printed (else null), the text, and what it meant
     * (null for progress/information lines).
     */
    public record Message(String id, String severity, String text, Outcome meaning) {
    }

    public ControlResult {
        messages = List.copyOf(messages);
    }
}
