package io.mqrunbooks.mq;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * One DISPLAY CHSTATUS object. {@code status} is MQ's word (RUNNING, RETRYING, PAUSED, ...), one of {@link State}:
 * a word MQ does not document is refused here, so no caller reads an unknown status as running or stopped.
 */
public record ChannelStatus(String channel, String channelType, String conname, String status,
                            String transmissionQueue, Map<String, String> attributes) {

    public ChannelStatus {
        attributes = Map.copyOf(attributes);
        State.parse(status).orElseThrow(() -> new IllegalArgumentException(State.unknown(status)));
    }

    public State state() {
        return State.parse(status).orElseThrow();
    }

    public boolean isRunning() {
        return state() == State.RUNNING;
    }

    /**
     * The STATUS words of DISPLAY CHSTATUS and their PCF values MQCHS_* (IBM MQ 9.4 allclient CMQCFC; the table
     * "MQCHS_* (Command format Channel Status)", https://www.ibm.com/docs/zh/SSFKSJ_8.0.0/com.ibm.mq.ref.dev.doc/q090880_.html).
     * Meanings follow IBM's "Channel states" (https://www.ibm.com/support/knowledgecenter/en/SSFKSJ_9.1.0/com.ibm.mq.con.doc/q015610_.htm):
     * a current channel is stopped, starting, retrying or active; an active one is initializing, binding,
     * requesting, running, paused or stopping. SWITCHING is a cluster-sender moving to another transmission
     * queue as it starts (https://www.ibm.com/docs/en/SSFKSJ_9.4.0/monitor/switchtransqueue.html).
     */
    public enum State {
        INACTIVE(0, "no current instance (PCF only: runmqsc shows no status, AMQ8420I)"),
        BINDING(1, "negotiating with the partner, not yet ready to transfer messages"),
        STARTING(2, "start requested, the channel has not yet begun processing"),
        RUNNING(3, "transferring messages or waiting for them"),
        STOPPING(4, "stopping, or a close request was received"),
        RETRYING(5, "a connection attempt failed; the MCA tries again after the retry interval"),
        STOPPED(6, "stopped by a STOP CHANNEL or after the retry limit; only START CHANNEL restarts it"),
        REQUESTING(7, "a requester channel asking the remote MCA to start"),
        PAUSED(8, "waiting for the message-retry interval before retrying an MQPUT at the receiving end"),
        DISCONNECTED(9, "disconnected (z/OS only)"),
        INITIALIZING(13, "the channel initiator is starting the channel"),
        SWITCHING(14, "switching transmission queues");

        private final int pcfValue;
        private final String meaning;

        State(int pcfValue, String meaning) {
            this.pcfValue = pcfValue;
            this.meaning = meaning;
        }

        /** The MQCHS_* value PCF sends for this word. */
        public int pcfValue() {
            return pcfValue;
        }

        /** What the word means, in IBM's terms, for logs an operator reads. */
        public String meaning() {
            return meaning;
        }

        /** On its way to RUNNING without anyone's help. */
        public boolean isOnItsWay() {
            return this == INITIALIZING || this == STARTING || this == BINDING || this == REQUESTING;
        }

        /**
         * An MCA holds the channel and is not stopping: a START CHANNEL now would only be refused with AMQ9514E
         * (channel in use, as real MQ answers in start-channel-in-use-9.1.txt). RETRYING is not here: it has no
         * connection, and a START stays the operator's way to try again; what MQ answers is logged either way.
         */
        public boolean isStarted() {
            return isOnItsWay() || this == RUNNING || this == PAUSED || this == SWITCHING;
        }

        /** Nothing of the channel runs: STOPPED, or PCF's INACTIVE (no current instance). */
        public boolean isStoppedOrInactive() {
            return this == STOPPED || this == INACTIVE;
        }

        public static Optional<State> parse(String word) {
            return word == null ? Optional.empty() : Arrays.stream(values()).filter(s -> s.name().equals(word)).findFirst();
        }

        /** Why {@code word} is refused, naming it and the words known. */
        public static String unknown(String word) {
            return "channel STATUS(" + word + ") is not a status IBM MQ documents for DISPLAY CHSTATUS (known: "
                    + String.join(", ", Arrays.stream(values()).map(Enum::name).toList()) + ")";
        }
    }
}
