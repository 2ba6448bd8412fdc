package io.mqrunbooks.adapter.outbound.mq.parse;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A runmqsc session: the queue manager from the banner, messages printed before any command
 * (such as AMQ8146 queue manager not available), each command with its messages and displayed
 * objects, and the trailer counts (already cross-checked against the commands). A pasted excerpt
 * ({@link RunmqscResponseParser#readTranscript}) has notes saying what it lacks, and no trailer when
 * it stops before one; a whole session has no notes.
 */
public record RunmqscResult(String queueManager, boolean echoed, List<MqMessage> sessionMessages,
                            List<Command> commands, Trailer trailer, List<String> notes) {

    public RunmqscResult {
        sessionMessages = List.copyOf(sessionMessages);
        commands = List.copyOf(commands);
        notes = List.copyOf(notes);
    }

    /** Whether this is only part of a session (see the notes). */
    public boolean isPartial() {
        return !notes.isEmpty();
    }

    /**
     * One command. Without echo ({@code runmqsc -e}) the replies cannot be told apart per command, so
     * they are all held by one command with number 0 and no text.
     */
    public record Command(int number, String text, List<MqMessage> messages, List<MqscObject> objects,
                          String syntaxErrorSegment, List<String> detailLines) {
        public Command {
            messages = List.copyOf(messages);
            objects = List.copyOf(objects);
            detailLines = List.copyOf(detailLines);
        }

        @JsonIgnore
        public boolean hasSyntaxError() {
            return syntaxErrorSegment != null;
        }

        public boolean hasMessage(String amqId) {
            return messages.stream().anyMatch(m -> m.id().equals(amqId));
        }
    }

    /**
     * One displayed object: the "Display ... details." message that opened it (null in output filtered
     * through grep) and its attributes in order.
     */
    public record MqscObject(MqMessage heading, Map<String, String> attributes) {
        public MqscObject {
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }

        public Optional<String> attribute(String keyword) {
            return Optional.ofNullable(attributes.get(keyword));
        }
    }

    /** "N MQSC commands read.", "N commands have a syntax error.", and how many could not be processed. */
    public record Trailer(int commandsRead, int syntaxErrors, int notProcessed) {
    }
}
