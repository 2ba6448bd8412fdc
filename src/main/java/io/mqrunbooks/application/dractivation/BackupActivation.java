package io.mqrunbooks.application.dractivation;

import io.mqrunbooks.application.port.out.mq.ObjectCommand;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.mq.ControlResult;
import io.mqrunbooks.mq.DrStatus;
import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.mq.RdqmDrStatus;
import io.mqrunbooks.mq.QueueManagerStatus;
import org.springframework.stereotype.Service;

/**
 * Brings the backup up under its own name on its own host: RDQM promotion for a hot backup, strmqm, the
 * listener. Each step reads the state first, so a retried step does not act twice.
 */
@Service
public class BackupActivation {

    private final MqControlPort control;
    private final MqAdminPort admin;

    public BackupActivation(MqControlPort control, MqAdminPort admin) {
        this.control = control;
        this.admin = admin;
    }

    /** rdqmstatus on the secondary node, for the gate: an Inconsistent secondary loses updates when promoted. */
    public RdqmDrStatus secondaryStatus(ActivationTarget target) {
        return control.rdqmStatus(target.backupHost(), target.backupQueueManager());
    }

    /** {@code rdqmdr -m QM -p} on the secondary node, unless it already is the DR primary. */
    public String promote(ActivationTarget target) {
        RdqmDrStatus before = control.rdqmStatus(target.backupHost(), target.backupQueueManager());
        if (before.primary()) {
            return "rdqmdr -p not needed: rdqmstatus on " + target.backupHost() + " shows DR role Primary";
        }
        ControlResult result = control.makeDrPrimary(target.backupHost(), target.backupQueueManager());
        result.expect(target.backupHost(), "rdqmdr -m " + target.backupQueueManager() + " -p",
                ControlOutcome.NOW_DR_PRIMARY);
        return "rdqmdr -m " + target.backupQueueManager() + " -p on " + target.backupHost() + " (DR status was "
                + before.drStatus().mqWording() + "): " + result.saidText();
    }

    /** Promotion is complete when the node is DR primary and no longer reverting to its snapshot. */
    public StepCheck promotionComplete(ActivationTarget target) {
        RdqmDrStatus status = control.rdqmStatus(target.backupHost(), target.backupQueueManager());
        boolean complete = status.primary() && status.drStatus() != DrStatus.REVERTING_TO_SNAPSHOT;
        return new StepCheck(complete, "rdqmstatus on " + target.backupHost() + ": DR role "
                + (status.primary() ? "Primary" : "Secondary") + ", DR status " + status.drStatus().mqWording()
                + ", queue manager " + status.queueManagerStatus().mqWording());
    }

    /**
     * {@code strmqm}; a queue manager that already runs is left alone and said so. A log that is not available
     * (AMQ7017E) is refused with {@link BackupLogNotAvailableException}, carrying MQ's text.
     */
    public String start(ActivationTarget target) {
        QmStatus status = control.status(target.backupHost(), target.backupQueueManager()).status();
        if (status == QmStatus.RUNNING) {
            return "strmqm not needed: dspmq on " + target.backupHost() + " shows Running";
        }
        ControlResult result = control.start(target.backupHost(), target.backupQueueManager());
        if (result.outcome() == ControlOutcome.LOG_NOT_AVAILABLE) {
            throw new BackupLogNotAvailableException("Backup log not available: strmqm " + target.backupQueueManager()
                    + " on " + target.backupHost() + " (exit code " + result.exitCode() + "): " + result.saidText());
        }
        result.expect(target.backupHost(), "strmqm " + target.backupQueueManager(), ControlOutcome.NOW_RUNNING);
        return "strmqm " + target.backupQueueManager() + " on " + target.backupHost() + ": " + result.saidText();
    }

    /** START LISTENER (MQ accepts it for a running listener). */
    public String startListener(ActivationTarget target) {
        admin.run(target.backupQueueManager(), ObjectCommand.START_LISTENER, target.listenerName());
        return "START LISTENER('" + target.listenerName() + "') on " + target.backupQueueManager();
    }

    /** dspmq shows Running and the queue manager answers DISPLAY QMSTATUS with RUNNING. */
    public StepCheck running(ActivationTarget target) {
        QmStatus status = control.status(target.backupHost(), target.backupQueueManager()).status();
        if (status != QmStatus.RUNNING) {
            return new StepCheck(false, "dspmq on " + target.backupHost() + " shows " + status.mqWording());
        }
        QueueManagerStatus qmStatus = admin.queueManagerStatus(target.backupQueueManager());
        return new StepCheck("RUNNING".equals(qmStatus.status()), "dspmq on " + target.backupHost()
                + " shows Running; DISPLAY QMSTATUS shows " + qmStatus.status() + "; listener "
                + target.listenerName() + " started (port " + target.listenerPort() + ")");
    }

    public record StepCheck(boolean done, String detail) {
    }
}
