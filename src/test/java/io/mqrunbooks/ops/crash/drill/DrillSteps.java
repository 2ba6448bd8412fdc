package io.mqrunbooks.ops.crash.drill;

import io.mqrunbooks.application.port.out.CommandResult;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.application.port.out.RemoteCommand;
import io.mqrunbooks.application.port.out.SshPort;
import io.mqrunbooks.application.port.out.control.ControlOutcome;
import io.mqrunbooks.application.port.out.control.ControlResult;
import io.mqrunbooks.application.port.out.control.EndMode;
import io.mqrunbooks.application.port.out.control.QmStatus;
import io.mqrunbooks.estate.Estate;

/**
 * Check-then-act queue manager steps through the app's real adapters: {@link MqControlPort} (dspmq,
 * strmqm, endmqm, dltmqm over SSH, parsed) and, for a plain {@code crtmqm} which that port does not offer,
 * the {@link SshPort}. Each step reads the state first and does nothing when its work is already done.
 */
final class DrillSteps {

    private final MqControlPort control;
    private final SshPort ssh;
    private final Estate estate;

    DrillSteps(MqControlPort control, SshPort ssh, Estate estate) {
        this.control = control;
        this.ssh = ssh;
        this.estate = estate;
    }

    String createIfAbsent(String host, String queueManager) {
        if (status(host, queueManager) != QmStatus.NOT_KNOWN) {
            return "skipped: exists";
        }
        RemoteCommand crtmqm = RemoteCommand.builder("crtmqm").mqName("queue manager", queueManager).build();
        CommandResult result = ssh.run(estate.host(host), crtmqm);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(crtmqm.commandLine() + " on " + host + " failed (exit " + result.exitCode()
                    + "): " + result.stdout() + result.stderr());
        }
        return "ran " + crtmqm.commandLine();
    }

    String startIfNotRunning(String host, String queueManager) {
        QmStatus status = status(host, queueManager);
        if (status == QmStatus.NOT_KNOWN) {
            throw new IllegalStateException("queue manager " + queueManager + " does not exist on " + host);
        }
        if (status == QmStatus.RUNNING) {
            return "skipped: running";
        }
        return expect(control.start(host, queueManager), ControlOutcome.STARTED, "strmqm " + queueManager);
    }

    String endIfRunning(String host, String queueManager) {
        if (status(host, queueManager) != QmStatus.RUNNING) {
            return "skipped: not running";
        }
        ControlResult result = control.end(host, queueManager, EndMode.IMMEDIATE, false);
        if (result.outcome() != ControlOutcome.ENDED && result.outcome() != ControlOutcome.ENDING) {
            throw new IllegalStateException("endmqm -i " + queueManager + " on " + host + ": " + result);
        }
        return "ran endmqm -i " + queueManager;
    }

    String deleteIfPresent(String host, String queueManager) {
        QmStatus status = status(host, queueManager);
        if (status == QmStatus.NOT_KNOWN) {
            return "skipped: absent";
        }
        if (status.mayHoldData()) {
            throw new IllegalStateException("queue manager " + queueManager + " on " + host + " is " + status.mqWording());
        }
        return expect(control.delete(host, queueManager), ControlOutcome.DELETED, "dltmqm " + queueManager);
    }

    private QmStatus status(String host, String queueManager) {
        return control.status(host, queueManager).status();
    }

    private static String expect(ControlResult result, ControlOutcome expected, String command) {
        if (result.outcome() != expected) {
            throw new IllegalStateException(command + " answered " + result.outcome() + " (exit " + result.exitCode()
                    + "): " + String.join(" ", result.messages()));
        }
        return "ran " + command;
    }
}
