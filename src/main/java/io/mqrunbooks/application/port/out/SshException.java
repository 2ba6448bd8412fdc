package io.mqrunbooks.application.port.out;

import io.mqrunbooks.mq.HostText;

/**
 * A command could not be run or did not finish. The message names the host and what went wrong; the
 * engine turns it into an incident that can be retried.
 */
public class SshException extends RuntimeException {

    /** What went wrong, for callers that react differently (e.g. "host unreachable" during assessment). */
    public enum Kind {
        HOST_UNREACHABLE,
        HOST_KEY_UNKNOWN,
        HOST_KEY_CHANGED,
        AUTHENTICATION_FAILED,
        DEADLINE_EXCEEDED,
        SESSION_DROPPED,
        OTHER
    }

    private final Kind kind;
    private final String host;

    public SshException(Kind kind, String host, String message, Throwable cause) {
        // The message may quote what the host sent (a disconnect's description): one line, controls escaped (Review E).
        super(HostText.oneLine(message), cause);
        this.kind = kind;
        this.host = host;
    }

    public SshException(Kind kind, String host, String message) {
        this(kind, host, message, null);
    }

    public Kind kind() {
        return kind;
    }

    public String host() {
        return host;
    }
}
