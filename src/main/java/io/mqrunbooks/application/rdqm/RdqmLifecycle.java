package io.mqrunbooks.application.rdqm;

import io.mqrunbooks.application.RunbookRefusal;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.application.port.out.control.DrPrimarySpec;
import io.mqrunbooks.application.port.out.control.DrSecondaryCommand;
import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.mq.QueueManagerState;
import org.springframework.stereotype.Service;

/**
 * Creating and deleting a DR queue manager pair (seed 004, "Create the DR RDQM" and "Delete a DR RDQM"), with
 * the specification taken from the inventory: replication port and mode, the nodes' replication addresses and
 * the listener port.
 */
@Service
public class RdqmLifecycle {

    private final RdqmPairs pairs;
    private final MqControlPort control;
    private final RdqmSteps steps;

    public RdqmLifecycle(RdqmPairs pairs, MqControlPort control, RdqmSteps steps) {
        this.pairs = pairs;
        this.control = control;
        this.steps = steps;
    }

    /** What creation will run, for the gate, and the nodes. */
    public record CreatePlan(String primary, String secondary, String summary) {
    }

    public DrPrimarySpec spec(DrPair pair) {
        return new DrPrimarySpec(pair.queueManager(), pair.replication().synchronous(),
                pair.configuredPrimary().replicationAddress(), pair.configuredSecondary().replicationAddress(),
                pair.configuredSecondary().name(), pair.replication().port(), pair.listenerPort());
    }

    public CreatePlan assessCreate(String queueManager) {
        DrPair pair = pairs.pair(queueManager);
        for (String node : pair.nodes()) {
            QueueManagerState state = control.status(node, queueManager);
            if (state.status() != QmStatus.NOT_KNOWN) {
                throw new RunbookRefusal("ALREADY_EXISTS", "Creation refused: " + queueManager + " already exists on "
                        + node + " (" + state.status().mqWording() + "). Delete the pair first, or use the node"
                        + " replacement runbook to rebuild one node");
            }
        }
        DrPrimarySpec spec = spec(pair);
        String primary = pair.configuredPrimary().name();
        String secondary = pair.configuredSecondary().name();
        String summary = "Queue manager " + queueManager + " does not exist on " + primary + " or " + secondary + ".\n"
                + "From the inventory: " + (spec.synchronous() ? "synchronous" : "asynchronous") + " replication on port "
                + spec.replicationPort() + ", " + primary + " replicates from " + spec.localAddress() + ", " + secondary
                + " from " + spec.remoteAddress() + ", listener port " + spec.listenerPort() + ".\n"
                + "Plan: on " + primary + " crtmqm -rr p -rt " + (spec.synchronous() ? "s" : "a") + " -rl "
                + spec.localAddress() + " -ri " + spec.remoteAddress() + " -rn " + secondary + " -rp "
                + spec.replicationPort() + " -p " + spec.listenerPort() + " " + queueManager + "; on " + secondary
                + " the crtmqm -rr s command it prints; wait until both nodes show DR status: Normal; strmqm "
                + queueManager + " on " + primary + "; rdqmstatus on both nodes.";
        return new CreatePlan(primary, secondary, summary);
    }

    /**
     * {@code crtmqm -rr p ...} on the primary unless it exists there already (a resumed run): then {@code rdqmdr -d}
     * gives the secondary's command. Either way the command is checked against the inventory.
     */
    public Created createPrimary(String queueManager) {
        DrPair pair = pairs.pair(queueManager);
        String primary = pair.configuredPrimary().name();
        String secondary = pair.configuredSecondary().name();
        QueueManagerState state = control.status(primary, queueManager);
        if (state.status() != QmStatus.NOT_KNOWN) {
            DrSecondaryCommand command = steps.secondaryCommand(pair, primary, secondary);
            return new Created(command, primary + ": " + queueManager + " already exists (" + state.status().mqWording()
                    + "): crtmqm -rr p not needed; rdqmdr -d gives " + command.commandLine());
        }
        DrSecondaryCommand command = control.createDrPrimary(primary, spec(pair));
        RdqmSteps.checkAgainstInventory(command, pair, primary, secondary, "crtmqm -rr p");
        return new Created(command, primary + ": crtmqm -rr p ... " + queueManager + ": created; it printed "
                + command.commandLine());
    }

    public record Created(DrSecondaryCommand secondaryCommand, String log) {
    }

    /** What deletion will do, for the gate. */
    public String assessDelete(String queueManager) {
        DrPair pair = pairs.pair(queueManager);
        StringBuilder summary = new StringBuilder("Queue manager " + queueManager + "\n");
        boolean anywhere = false;
        for (String node : pair.nodes()) {
            QueueManagerState state = control.status(node, queueManager);
            anywhere |= state.status() != QmStatus.NOT_KNOWN;
            summary.append(node).append(": ").append(state.status() == QmStatus.NOT_KNOWN ? "does not exist"
                    : state.status().mqWording()).append('\n');
        }
        if (!anywhere) {
            throw new RunbookRefusal("NOTHING_TO_DELETE", "Nothing to delete: " + queueManager + " exists on neither "
                    + String.join(" nor ", pair.nodes()));
        }
        return summary.append("Plan: endmqm -w ").append(queueManager).append(" where it runs, then dltmqm ")
                .append(queueManager).append(" on ").append(String.join(" and ", pair.nodes()))
                .append(". The queue manager, its messages and its DR configuration are destroyed on both nodes.")
                .toString();
    }

    /** dspmq on both nodes no longer shows the queue manager. */
    public String confirmDeleted(String queueManager) {
        DrPair pair = pairs.pair(queueManager);
        StringBuilder confirmed = new StringBuilder();
        for (String node : pair.nodes()) {
            QueueManagerState state = control.status(node, queueManager);
            if (state.status() != QmStatus.NOT_KNOWN) {
                throw new IllegalStateException("After dltmqm, dspmq on " + node + " still shows " + queueManager + " ("
                        + state.status().mqWording() + ")");
            }
            confirmed.append(confirmed.isEmpty() ? "" : "; ").append(node).append(": dspmq does not show ")
                    .append(queueManager);
        }
        return confirmed.toString();
    }
}
