package io.mqrunbooks.ops.crash.drill;

import io.mqrunbooks.application.port.out.CommandResult;
import io.mqrunbooks.application.port.out.RemoteCommand;
import io.mqrunbooks.application.port.out.SshPort;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.Host;

/**
 * Check-then-act queue manager steps over the app's real SSH adapter. {@code dspmq -m QM -o status}
 * answers exit 72 with AMQ7048E for an unknown queue manager and {@code STATUS(Running)} for a running
 * one (docs/lab.md; IBM MQ 9.4 dspmq return codes). Anything else unexpected fails the step.
 */
final class DrillSteps {

    private enum State { ABSENT, RUNNING, NOT_RUNNING }

    private final SshPort ssh;
    private final Estate estate;

    DrillSteps(SshPort ssh, Estate estate) {
        this.ssh = ssh;
        this.estate = estate;
    }

    String createIfAbsent(String hostName, String queueManager) {
        if (state(hostName, queueManager) != State.ABSENT) {
            return "skipped: exists";
        }
        return expectSuccess(hostName, RemoteCommand.builder("crtmqm").mqName("queue manager", queueManager).build());
    }

    String startIfNotRunning(String hostName, String queueManager) {
        State state = state(hostName, queueManager);
        if (state == State.ABSENT) {
            throw new IllegalStateException("queue manager " + queueManager + " does not exist on " + hostName);
        }
        if (state == State.RUNNING) {
            return "skipped: running";
        }
        return expectSuccess(hostName, RemoteCommand.builder("strmqm").mqName("queue manager", queueManager).build());
    }

    String endIfRunning(String hostName, String queueManager) {
        if (state(hostName, queueManager) != State.RUNNING) {
            return "skipped: not running";
        }
        return expectSuccess(hostName, RemoteCommand.builder("endmqm").flag("-i").mqName("queue manager", queueManager).build());
    }

    String deleteIfPresent(String hostName, String queueManager) {
        State state = state(hostName, queueManager);
        if (state == State.ABSENT) {
            return "skipped: absent";
        }
        if (state == State.RUNNING) {
            throw new IllegalStateException("queue manager " + queueManager + " on " + hostName + " is still running");
        }
        return expectSuccess(hostName, RemoteCommand.builder("dltmqm").mqName("queue manager", queueManager).build());
    }

    private State state(String hostName, String queueManager) {
        CommandResult result = ssh.run(host(hostName), RemoteCommand.builder("dspmq").flag("-m")
                .mqName("queue manager", queueManager).flag("-o").word("status").build());
        if (result.exitCode() == 72 && result.stderr().contains("AMQ7048E")) {
            return State.ABSENT;
        }
        if (result.exitCode() != 0 || !result.stdout().contains("QMNAME(" + queueManager + ")")) {
            throw new IllegalStateException("unrecognised dspmq answer on " + hostName + " (exit " + result.exitCode()
                    + "): " + result.stdout() + result.stderr());
        }
        return result.stdout().contains("STATUS(Running)") ? State.RUNNING : State.NOT_RUNNING;
    }

    private String expectSuccess(String hostName, RemoteCommand command) {
        CommandResult result = ssh.run(host(hostName), command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(command.commandLine() + " on " + hostName + " failed (exit "
                    + result.exitCode() + "): " + result.stdout() + result.stderr());
        }
        return "ran " + command.commandLine();
    }

    private Host host(String name) {
        return estate.host(name);
    }
}
