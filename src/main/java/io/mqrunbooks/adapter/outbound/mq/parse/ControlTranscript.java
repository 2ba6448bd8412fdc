package io.mqrunbooks.adapter.outbound.mq.parse;

import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.mq.MqVersion;
import java.util.List;

/**
 * What strmqm / endmqm / dltmqm printed, read message by message. {@link #outcome} is what the command
 * achieved; every message is kept with its AMQ number when one was printed, and what it meant.
 */
public record ControlTranscript(ControlOutcome outcome, String queueManager, MqVersion startedVersion,
                                List<Message> messages) {

    /**
     * One message: AMQ number and severity letter when printed (else null), the text, and what it meant
     * (null for progress/information lines).
     */
    public record Message(String id, String severity, String text, ControlOutcome meaning) {
    }

    public ControlTranscript {
        messages = List.copyOf(messages);
    }
}
