package io.mqrunbooks.application.port.out.control;

import io.mqrunbooks.mq.HostText;

/**
 * An IBM MQ control command answered with output that was not recognised, or with an answer the port's
 * result cannot express (a refusal where a command line was expected). The message names the host, the
 * command line and quotes the parser's reason or MQ's text; the engine turns it into an incident.
 */
public class MqOutputException extends RuntimeException {

    public MqOutputException(String host, String commandLine, String problem, Throwable cause) {
        // The problem quotes what the host printed: kept on one line, its control characters escaped (Review E).
        super("host " + host + ": '" + commandLine + "': " + HostText.oneLine(problem), cause);
    }

    public MqOutputException(String host, String commandLine, String problem) {
        this(host, commandLine, problem, null);
    }
}
