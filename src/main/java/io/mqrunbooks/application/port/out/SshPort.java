package io.mqrunbooks.application.port.out;

import io.mqrunbooks.estate.Host;

/**
 * Runs one control command on a host over SSH. Implementations verify the host key, authenticate with
 * a key from configuration, enforce the command's deadline and record evidence of the call.
 */
public interface SshPort {

    /**
     * Runs the command and returns what it printed and its exit code. A non-zero exit code is a result,
     * not an exception: MQ commands use them to say things (e.g. strmqm's 5 for "already running").
     *
     * @throws SshException when the command could not be run or did not finish: host unreachable, host key
     *                      refused, authentication failed, deadline passed, session dropped
     */
    CommandResult run(Host host, RemoteCommand command);
}
