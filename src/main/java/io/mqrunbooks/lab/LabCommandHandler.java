package io.mqrunbooks.lab;

import java.util.List;

/**
 * The simulated MQ installation of every lab host: runs one command that arrived over SSH. The SSH side
 * has already taken off the wrappers a real shell would run ({@code sudo -n}, {@code timeout}) and split
 * the line into words.
 */
public interface LabCommandHandler {

    /**
     * @param host  the lab host's logical name (inventory {@code hosts[].name})
     * @param user  the SSH user, or {@code root} when the command came through sudo
     * @param argv  program and arguments, e.g. {@code [dspmq, -m, QM1, -o, status]}
     * @param stdin everything the client sent on standard input (MQSC for runmqsc), possibly empty
     */
    LabExecution execute(String host, String user, List<String> argv, String stdin);

    /**
     * As {@link #execute(String, String, List, String)}, with the locale the command line gave the command's
     * messages ({@code LC_ALL}, {@code LC_MESSAGES} or {@code LANG}), or null for the host's own. A handler that
     * models no translated host ignores it.
     */
    default LabExecution execute(String host, String user, List<String> argv, String stdin, String messageLocale) {
        return execute(host, user, argv, stdin);
    }

    /** What the command printed and its exit code. */
    record LabExecution(int exitCode, String stdout, String stderr) {
    }
}
