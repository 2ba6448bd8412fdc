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

    /** What the command printed and its exit code. */
    record LabExecution(int exitCode, String stdout, String stderr) {
    }
}
