package io.mqrunbooks.application.rdqm;

import io.mqrunbooks.application.RunbookRefusal;
import io.mqrunbooks.mq.DrStatus;
import io.mqrunbooks.mq.QmStatus;
import org.springframework.stereotype.Service;

/**
 * The planned switchover's decisions (seed 004, "Make the Primary instance the Secondary node"): which node is
 * primary now (read, never assumed), whether both nodes show {@code DR status: Normal}, and whether the new roles
 * took effect.
 */
@Service
public class RdqmSwitchover {

    private final RdqmPairs pairs;

    public RdqmSwitchover(RdqmPairs pairs) {
        this.pairs = pairs;
    }

    /** The roles the switchover swaps and what the change manager approves. */
    public record SwitchoverPlan(String oldPrimary, String newPrimary, String summary) {
    }

    public SwitchoverPlan assess(String queueManager) {
        DrPair pair = pairs.pair(queueManager);
        NodeReading first = pairs.read(pair.configuredPrimary().name(), queueManager);
        NodeReading second = pairs.read(pair.configuredSecondary().name(), queueManager);
        for (NodeReading node : new NodeReading[] {first, second}) {
            if (!node.reachable()) {
                throw new RunbookRefusal("NODE_UNREACHABLE", "Switchover refused: " + node.host() + " cannot be reached ("
                        + node.unreachable() + "). A planned switchover needs both nodes; if the primary is lost, use"
                        + " the failover runbook");
            }
        }
        if (first.isPrimary() == second.isPrimary()) {
            throw new RunbookRefusal("ROLES_UNCLEAR", "Switchover refused: " + (first.isPrimary() ? "both nodes are"
                    : "neither node is") + " the DR primary (" + first.describe() + "; " + second.describe() + ")");
        }
        NodeReading primary = first.isPrimary() ? first : second;
        NodeReading secondary = first.isPrimary() ? second : first;
        for (NodeReading node : new NodeReading[] {primary, secondary}) {
            DrStatus status = node.status().drStatus();
            if (status == DrStatus.SYNCHRONIZATION_IN_PROGRESS) {
                throw new RunbookRefusal("SYNCHRONIZATION_IN_PROGRESS", "Switchover refused: synchronization in"
                        + " progress on " + node.host() + progress(primary, secondary) + ". A planned switchover never"
                        + " loses data: it waits until both nodes show DR status: Normal. Start it again when the"
                        + " synchronization has completed");
            }
            if (status != DrStatus.NORMAL) {
                throw new RunbookRefusal("DR_NOT_NORMAL", "Switchover refused: DR status on " + node.host() + " is "
                        + status.mqWording() + ", not Normal (" + node.describe() + "). A planned switchover never"
                        + " loses data, so both nodes must show DR status: Normal");
            }
        }
        String summary = "Queue manager " + queueManager + " (RDQM DR, " + (pair.replication().synchronous()
                ? "synchronous" : "asynchronous") + " replication, port " + pair.replication().port() + ")\n"
                + "Now: " + primary.describe() + "\n"
                + "Now: " + secondary.describe() + "\n"
                + "Both nodes show DR status: Normal: no data is lost.\n"
                + "Plan: on " + primary.host() + " endmqm -w " + queueManager + ", rdqmdr -m " + queueManager + " -s;"
                + " on " + secondary.host() + " rdqmdr -m " + queueManager + " -p, strmqm " + queueManager + ";"
                + " then rdqmstatus -m " + queueManager + " on both nodes.\n"
                + "Afterwards " + secondary.host() + " is the DR primary and " + primary.host() + " the DR secondary."
                + " Applications are disconnected while the queue manager moves.";
        return new SwitchoverPlan(primary.host(), secondary.host(), summary);
    }

    private static String progress(NodeReading primary, NodeReading secondary) {
        for (NodeReading node : new NodeReading[] {primary, secondary}) {
            if (node.status().syncProgressPercent() != null) {
                return " (" + Sizes.percent(node.status().syncProgressPercent()) + " done"
                        + (node.status().estimatedCompletion() == null ? ""
                        : ", estimated completion " + node.status().estimatedCompletion())
                        + (primary.status().outOfSyncBytes() == null ? ""
                        : ", " + Sizes.describe(primary.status().outOfSyncBytes()) + " still out of sync") + ")";
            }
        }
        return "";
    }

    /**
     * {@code rdqmstatus -m QM} on both nodes: the new primary is the DR primary and Running, the other node the DR
     * secondary. Returns the confirmation for the run; refuses when the roles are not as expected.
     */
    public String confirmRoles(String queueManager, String newPrimary) {
        DrPair pair = pairs.pair(queueManager);
        NodeReading primary = pairs.read(newPrimary, queueManager);
        NodeReading secondary = pairs.read(pair.other(newPrimary), queueManager);
        boolean confirmed = primary.isPrimary() && primary.status().queueManagerStatus() == QmStatus.RUNNING
                && secondary.reachable() && !secondary.isPrimary();
        String roles = primary.describe() + "; " + secondary.describe();
        if (!confirmed) {
            throw new RunbookRefusal("ROLES_NOT_CONFIRMED", "The new roles are not confirmed: expected " + newPrimary
                    + " as the running DR primary and " + pair.other(newPrimary) + " as the DR secondary, rdqmstatus"
                    + " shows " + roles);
        }
        return "Confirmed by rdqmstatus: " + roles;
    }
}
