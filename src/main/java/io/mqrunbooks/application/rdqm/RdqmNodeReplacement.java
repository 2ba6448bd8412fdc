package io.mqrunbooks.application.rdqm;

import io.mqrunbooks.application.RunbookRefusal;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.mq.DrStatus;
import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.mq.QueueManagerState;
import io.mqrunbooks.estate.Host;
import org.springframework.stereotype.Service;

/**
 * Node replacement (seed 004, "Replace node that was running as DR Primary" and "... DR Secondary"): the
 * replacement has the lost node's name and address; the queue manager runs on the survivor as the DR primary;
 * a stale queue manager on the replacement is deleted; {@code rdqmdr -d} on the survivor gives the command that
 * makes the replacement the DR secondary.
 */
@Service
public class RdqmNodeReplacement {

    private final RdqmPairs pairs;
    private final MqControlPort control;

    public RdqmNodeReplacement(RdqmPairs pairs, MqControlPort control) {
        this.pairs = pairs;
        this.control = control;
    }

    /**
     * @param survivor                the node that keeps (or becomes) the DR primary
     * @param replacement             the replaced node, which becomes the DR secondary
     * @param staleQueueManager       dspmq on the replacement shows the queue manager
     * @param staleSummary            what dspmq shows there, for the deletion gate
     * @param lostNodeWasPrimary      the survivor is not yet the primary: the lost node was
     * @param originalPrimaryReplaced the replacement is the inventory's primary node: restoring the roles is offered
     * @param summary                 the plan, for the gate
     */
    public record ReplacementPlan(String survivor, String replacement, boolean staleQueueManager, String staleSummary,
                                  boolean lostNodeWasPrimary, boolean originalPrimaryReplaced, String summary) {
    }

    public ReplacementPlan assess(String queueManager, String lostNode) {
        DrPair pair = pairs.pair(queueManager);
        if (lostNode == null || !pair.nodes().contains(lostNode)) {
            throw new RunbookRefusal("NODE_NOT_IN_PAIR", "Node '" + lostNode + "' is not a node of " + queueManager
                    + " (its nodes are " + String.join(" and ", pair.nodes()) + ")");
        }
        String survivorName = pair.other(lostNode);
        NodeReading survivor = pairs.read(survivorName, queueManager);
        if (!survivor.reachable()) {
            throw new RunbookRefusal("SURVIVOR_UNREACHABLE", "Node replacement refused: the surviving node "
                    + survivorName + " cannot be reached (" + survivor.unreachable() + "); the queue manager must run"
                    + " there while " + lostNode + " is replaced");
        }
        Host replacementHost = pair.host(lostNode);
        QueueManagerState onReplacement;
        try {
            onReplacement = control.status(lostNode, queueManager);
        } catch (SshException e) {
            if (e.kind() != SshException.Kind.HOST_UNREACHABLE) {
                throw e;
            }
            throw new RunbookRefusal("REPLACEMENT_UNREACHABLE", "Node replacement refused: the replacement node "
                    + lostNode + " (" + replacementHost.address() + ":" + replacementHost.port() + ") cannot be reached ("
                    + e.getMessage() + "). Install it with the lost node's name " + lostNode + " and replication"
                    + " address " + replacementHost.replicationAddress() + ", then start this runbook again");
        }
        boolean stale = onReplacement.status() != QmStatus.NOT_KNOWN;
        String staleSummary = stale
                ? "dspmq on " + lostNode + " shows " + queueManager + " with status " + onReplacement.status().mqWording()
                + ". It is left over from the lost node and must be deleted before the replacement can become the DR"
                + " secondary: " + (onReplacement.status().mayHoldData() ? "endmqm -i " + queueManager + ", then " : "")
                + "dltmqm " + queueManager + " on " + lostNode + ". Its data is destroyed; the queue manager's data is"
                + " on " + survivorName + "."
                : "dspmq on " + lostNode + " does not show " + queueManager + ": nothing to delete.";
        boolean lostWasPrimary = !survivor.isPrimary();
        boolean originalPrimaryReplaced = pair.configuredPrimary().name().equals(lostNode);
        StringBuilder summary = new StringBuilder("Queue manager " + queueManager + "\n")
                .append("Lost node ").append(lostNode).append(lostWasPrimary ? " (was the DR primary)" : " (was the DR secondary)")
                .append(", replaced by a node with the same name and replication address ")
                .append(replacementHost.replicationAddress()).append('\n')
                .append("Survivor: ").append(survivor.describe()).append('\n')
                .append("Replacement: ").append(staleSummary).append('\n')
                .append("Plan:\n");
        if (stale) {
            summary.append("- delete the stale ").append(queueManager).append(" on ").append(lostNode)
                    .append(" (a separate approval)\n");
        }
        if (lostWasPrimary) {
            summary.append("- on ").append(survivorName).append(": rdqmdr -m ").append(queueManager).append(" -p, strmqm ")
                    .append(queueManager).append('\n');
            if (survivor.drStatusIs(DrStatus.INCONSISTENT)) {
                summary.append("  DATA LOSS: ").append(survivorName).append(" shows DR status: Inconsistent; promotion"
                        + " reverts it to its snapshot and the updates since the first link failure are lost\n");
            }
        } else if (survivor.status().queueManagerStatus() != QmStatus.RUNNING) {
            summary.append("- on ").append(survivorName).append(": strmqm ").append(queueManager).append('\n');
        }
        summary.append("- on ").append(survivorName).append(": rdqmdr -m ").append(queueManager)
                .append(" -d (the secondary's crtmqm command)\n")
                .append("- on ").append(lostNode).append(": crtmqm -rr s ... ").append(queueManager)
                .append(" as printed, checked against the inventory\n")
                .append("- wait until both nodes show DR status: Normal (progress shown in the run)\n");
        if (originalPrimaryReplaced) {
            summary.append("- then, if approved, switch back so that ").append(lostNode).append(" is the primary again\n");
        }
        return new ReplacementPlan(survivorName, lostNode, stale, staleSummary, lostWasPrimary, originalPrimaryReplaced,
                summary.toString());
    }
}
