package io.mqrunbooks.application.port.out.control;

/**
 * An IBM MQ control command answered with output that was not recognised, or with an answer the port's
 * result cannot express (a refusal where a command line was expected). The message names the host, the
 * command line and quotes the parser's reason or MQ's text; the engine turns it into an incident.
 */
public class MqOutputException extends RuntimeException {

    public MqOutputException(String host, String commandLine, String problem, Throwable cause) {
        super("host " + host + ": '" + commandLine + "': " + problem, cause);
    }

    public MqOutputException(String host, String commandLine, String problem) {
        this(host, commandLine, problem, null);
    }
}
