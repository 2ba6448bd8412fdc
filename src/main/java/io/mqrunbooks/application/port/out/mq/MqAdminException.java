package io.mqrunbooks.application.port.out.mq;

import io.mqrunbooks.mq.HostText;

/**
 * A failed MQ administration request, with a typed reason and MQ's own text (an AMQ message or a PCF
 * reason code) in the message.
 */
public class MqAdminException extends RuntimeException {

    public enum Reason {
        /** AMQ8147E and friends, PCF 2085 / MQRCCF_OBJECT_NAME_ERROR... */
        OBJECT_NOT_FOUND,
        /** AMQ8135E, PCF 2035 MQRC_NOT_AUTHORIZED. */
        NOT_AUTHORIZED,
        /** PCF 2009 MQRC_CONNECTION_BROKEN. */
        CONNECTION_BROKEN,
        /** PCF 2538 MQRC_HOST_NOT_AVAILABLE, 2059 MQRC_Q_MGR_NOT_AVAILABLE, AMQ8146E. */
        QUEUE_MANAGER_NOT_AVAILABLE,
        /** AMQ8420I, PCF 3065 MQRCCF_CHL_STATUS_NOT_FOUND. */
        NO_CHANNEL_STATUS,
        /** AMQ8405E and other MQSC syntax errors. */
        SYNTAX_ERROR,
        /** Output that no parser recognised: quoted in the message, never guessed at. */
        UNRECOGNISED_OUTPUT,
        OTHER
    }

    private final Reason reason;
    private final String queueManager;

    public MqAdminException(Reason reason, String queueManager, String message, Throwable cause) {
        // The message quotes what the host printed: kept on one line, its control characters escaped (Review E).
        super(HostText.oneLine(message), cause);
        this.reason = reason;
        this.queueManager = queueManager;
    }

    public MqAdminException(Reason reason, String queueManager, String message) {
        this(reason, queueManager, message, null);
    }

    public Reason reason() {
        return reason;
    }

    public String queueManager() {
        return queueManager;
    }
}
