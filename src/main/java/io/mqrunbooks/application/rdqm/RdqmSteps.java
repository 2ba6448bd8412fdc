package io.mqrunbooks.application.rdqm;

import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.mq.ControlResult;
import io.mqrunbooks.application.port.out.control.DrSecondaryCommand;
import io.mqrunbooks.mq.DrStatus;
import io.mqrunbooks.application.port.out.control.EndMode;
import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.mq.QueueManagerState;
import io.mqrunbooks.mq.RdqmDrStatus;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The side-effecting RDQM DR steps (seed 004). Each reads the state first and does nothing when the work is
 * already done, so a retried or resumed step never runs its command twice; each returns one line saying
 * what it did, for the run log. A command MQ refuses is a technical failure with MQ's messages (an incident
 * that can be retried once fixed).
 */
@Service
public class RdqmSteps {

    private final MqControlPort control;

    public RdqmSteps(MqControlPort control) {
        this.control = control;
    }

    /** {@code endmqm -w QM} when the queue manager runs on the node (controlled, waits until ended). */
    public String end(String host, String queueManager) {
        QueueManagerState state = control.status(host, queueManager);
        if (!state.status().mayHoldData()) {
            return host + ": " + queueManager + " is " + state.status().mqWording() + ": endmqm not needed";
        }
        ControlResult result = control.end(host, queueManager, EndMode.WAIT, false);
        result.expect(host, "endmqm -w " + queueManager, Set.of(ControlOutcome.ENDED, ControlOutcome.NOT_RUNNING));
        return host + ": endmqm -w " + queueManager + ": " + result.summary();
    }

    /** {@code rdqmdr -m QM -s} unless the node already is the DR secondary. */
    public String makeSecondary(String host, String queueManager) {
        RdqmDrStatus status = control.rdqmStatus(host, queueManager);
        if (!status.primary()) {
            return host + ": already the DR secondary of " + queueManager + ": rdqmdr -s not needed";
        }
        ControlResult result = control.makeDrSecondary(host, queueManager);
        result.expect(host, "rdqmdr -m " + queueManager + " -s", ControlOutcome.NOW_DR_SECONDARY);
        return host + ": rdqmdr -m " + queueManager + " -s: " + result.summary();
    }

    /** {@code rdqmdr -m QM -p} unless the node already is the DR primary; tells whether it now reverts to its snapshot. */
    public Promotion makePrimary(String host, String queueManager) {
        RdqmDrStatus before = control.rdqmStatus(host, queueManager);
        if (before.primary()) {
            return new Promotion(host + ": already the DR primary of " + queueManager + ": rdqmdr -p not needed",
                    before.drStatus() == DrStatus.REVERTING_TO_SNAPSHOT);
        }
        ControlResult result = control.makeDrPrimary(host, queueManager);
        result.expect(host, "rdqmdr -m " + queueManager + " -p", ControlOutcome.NOW_DR_PRIMARY);
        RdqmDrStatus after = control.rdqmStatus(host, queueManager);
        boolean reverting = after.drStatus() == DrStatus.REVERTING_TO_SNAPSHOT;
        return new Promotion(host + ": rdqmdr -m " + queueManager + " -p: " + result.summary()
                + (reverting ? " (DR status: Reverting to snapshot)" : ""), reverting);
    }

    /** What {@link #makePrimary} did and whether the node is reverting to its snapshot. */
    public record Promotion(String log, boolean revertingToSnapshot) {
    }

    /** {@code strmqm QM} unless it is running on the node. */
    public String start(String host, String queueManager) {
        QueueManagerState state = control.status(host, queueManager);
        if (state.status() == QmStatus.RUNNING) {
            return host + ": " + queueManager + " is Running: strmqm not needed";
        }
        ControlResult result = control.start(host, queueManager);
        result.expect(host, "strmqm " + queueManager, ControlOutcome.NOW_RUNNING);
        return host + ": strmqm " + queueManager + ": " + result.summary();
    }

    /** {@code dltmqm QM} (after {@code endmqm -i} if it runs) unless the node does not know the queue manager. */
    public String delete(String host, String queueManager) {
        QueueManagerState state = control.status(host, queueManager);
        if (state.status() == QmStatus.NOT_KNOWN) {
            return host + ": " + queueManager + " does not exist: dltmqm not needed";
        }
        StringBuilder log = new StringBuilder();
        if (state.status().mayHoldData()) {
            ControlResult ended = control.end(host, queueManager, EndMode.IMMEDIATE, false);
            ended.expect(host, "endmqm -i " + queueManager, ControlOutcome.NOW_DOWN);
            log.append(host).append(": endmqm -i ").append(queueManager).append(": ").append(ended.summary()).append("; ");
        }
        ControlResult result = control.delete(host, queueManager);
        result.expect(host, "dltmqm " + queueManager, Set.of(ControlOutcome.DELETED, ControlOutcome.NOT_KNOWN));
        return log.append(host).append(": dltmqm ").append(queueManager).append(": ").append(result.summary()).toString();
    }

    /** {@code rdqmdr -m QM -d} on the primary: the secondary's command, checked against the inventory. */
    public DrSecondaryCommand secondaryCommand(DrPair pair, String primaryHost, String secondaryHost) {
        DrSecondaryCommand command = control.drSecondaryCommand(primaryHost, pair.queueManager());
        checkAgainstInventory(command, pair, primaryHost, secondaryHost, "rdqmdr -m " + pair.queueManager() + " -d");
        return command;
    }

    /** {@code crtmqm -rr s ...} on the new secondary unless the queue manager already exists there. */
    public String createSecondary(DrPair pair, String host, DrSecondaryCommand command) {
        checkAgainstInventory(command, pair, pair.other(host), host, "the stored secondary command");
        QueueManagerState state = control.status(host, pair.queueManager());
        if (state.status() != QmStatus.NOT_KNOWN) {
            return host + ": " + pair.queueManager() + " already exists (" + state.status().mqWording()
                    + "): crtmqm -rr s not needed";
        }
        ControlResult result = control.createDrSecondary(host, command);
        result.expect(host, command.commandLine(), Set.of(ControlOutcome.CREATED));
        return host + ": " + command.commandLine() + ": " + result.summary();
    }

    /**
     * The command RDQM printed must be the one the inventory implies: same queue manager, the new secondary's and
     * the primary's replication addresses, the primary's node name, the replication port and (when printed) the
     * replication type. Anything else means the inventory and the nodes disagree, and nothing is run.
     */
    static void checkAgainstInventory(DrSecondaryCommand command, DrPair pair, String primaryHost, String secondaryHost,
                                      String source) {
        String expectedLocal = pair.host(secondaryHost).replicationAddress();
        String expectedRemote = pair.host(primaryHost).replicationAddress();
        StringBuilder problems = new StringBuilder();
        mismatch(problems, "queue manager", pair.queueManager(), command.queueManager());
        mismatch(problems, "-rl (replication address of " + secondaryHost + ")", expectedLocal, command.localAddress());
        mismatch(problems, "-ri (replication address of " + primaryHost + ")", expectedRemote, command.remoteAddress());
        mismatch(problems, "-rn (primary node)", primaryHost, command.remoteNode());
        mismatch(problems, "-rp (replication port)", Integer.toString(pair.replication().port()),
                Integer.toString(command.port()));
        if (command.replicationType() != null) {
            mismatch(problems, "-rt (replication type)", pair.replication().synchronous() ? "s" : "a",
                    command.replicationType());
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(source + " gave '" + command.commandLine()
                    + "', which does not match the inventory:" + problems);
        }
    }

    private static void mismatch(StringBuilder problems, String what, String expected, String actual) {
        if (!expected.equals(actual)) {
            problems.append(" ").append(what).append(" is '").append(actual).append("', the inventory says '")
                    .append(expected).append("';");
        }
    }
}
