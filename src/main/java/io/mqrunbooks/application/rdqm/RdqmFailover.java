package io.mqrunbooks.application.rdqm;

import io.mqrunbooks.application.RunbookRefusal;
import io.mqrunbooks.mq.DrStatus;
import io.mqrunbooks.mq.QmStatus;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * The unplanned failover's decisions (seed 004, "Revert to a snapshot"): the primary node is unreachable, so the
 * secondary is promoted and started. An {@code Inconsistent} secondary (the link failed during a synchronization)
 * reverts to its snapshot on promotion and loses every update since the first link failure: the plan says so.
 */
@Service
public class RdqmFailover {

    private final RdqmPairs pairs;

    public RdqmFailover(RdqmPairs pairs) {
        this.pairs = pairs;
    }

    /**
     * @param lostPrimary      the unreachable primary node
     * @param newPrimary       the node that is promoted
     * @param dataLoss         true when promotion reverts to the snapshot (the secondary is Inconsistent)
     * @param summary          what was read and what happens, for the gate
     * @param dataLossWarning  the loss in words and numbers as the status shows it
     */
    public record FailoverPlan(String lostPrimary, String newPrimary, boolean dataLoss, String summary,
                               String dataLossWarning) {
    }

    public FailoverPlan assess(String queueManager) {
        DrPair pair = pairs.pair(queueManager);
        NodeReading first = pairs.read(pair.configuredPrimary().name(), queueManager);
        NodeReading second = pairs.read(pair.configuredSecondary().name(), queueManager);
        if (!first.reachable() && !second.reachable()) {
            throw new RunbookRefusal("BOTH_NODES_UNREACHABLE", "Failover refused: neither node can be reached ("
                    + first.describe() + "; " + second.describe() + "): there is no node to promote");
        }
        if (first.reachable() && second.reachable()) {
            NodeReading primary = first.isPrimary() ? first : second;
            throw new RunbookRefusal("PRIMARY_REACHABLE", "Failover refused: both nodes answer (" + first.describe()
                    + "; " + second.describe() + "). An unplanned failover is for a primary node that cannot be"
                    + " reached; with " + primary.host() + " reachable, use the planned switchover, which loses"
                    + " nothing");
        }
        NodeReading survivor = first.reachable() ? first : second;
        NodeReading lost = first.reachable() ? second : first;
        if (survivor.isPrimary() && survivor.status().queueManagerStatus() == QmStatus.RUNNING) {
            throw new RunbookRefusal("SURVIVOR_ALREADY_PRIMARY", "Failover not needed: " + survivor.describe()
                    + ". The unreachable node " + lost.host() + " is not the running primary; to rebuild it use the"
                    + " node replacement runbook");
        }
        boolean inconsistent = survivor.drStatusIs(DrStatus.INCONSISTENT);
        String warning = dataLossWarning(pair, survivor, inconsistent);
        String summary = "Queue manager " + queueManager + "\n"
                + "Primary node " + lost.host() + " cannot be reached: " + lost.unreachable() + "\n"
                + "Survivor: " + survivor.describe() + "\n"
                + "Status shown by " + survivor.host() + ":\n" + fields(survivor)
                + "Plan: on " + survivor.host() + " rdqmdr -m " + queueManager + " -p"
                + (inconsistent ? ", wait while it shows Reverting to snapshot" : "") + ", then strmqm "
                + queueManager + ".\n"
                + "Do not start " + queueManager + " on " + lost.host() + " if it comes back: both nodes would be"
                + " primary (split brain). Rebuild it with the node replacement runbook.";
        return new FailoverPlan(lost.host(), survivor.host(), inconsistent, summary, warning);
    }

    private static String dataLossWarning(DrPair pair, NodeReading survivor, boolean inconsistent) {
        if (survivor.isPrimary()) {
            return survivor.host() + " is already the DR primary (" + survivor.describe() + "): promotion is done, the"
                    + " run only starts the queue manager.";
        }
        if (inconsistent) {
            return "DATA LOSS: " + survivor.host() + " shows DR status: Inconsistent: the replication link failed while"
                    + " a synchronization was in progress. Promoting it reverts it to the snapshot taken when the link"
                    + " first failed: every update made on the primary since then is lost. Amount as shown by the"
                    + " status: " + shownAmount(survivor) + ". The primary, which tracks 'DR out of sync data', cannot"
                    + " be asked.";
        }
        if (pair.replication().synchronous()) {
            return "No data loss expected: synchronous replication, and " + survivor.host() + " shows DR status: "
                    + survivor.status().drStatus().mqWording() + ".";
        }
        return "Possible loss: asynchronous replication. Updates the primary made that had not reached "
                + survivor.host() + " when it was lost are missing on the new primary. " + survivor.host()
                + " shows DR status: " + survivor.status().drStatus().mqWording() + "; amount as shown by the status: "
                + shownAmount(survivor) + ".";
    }

    private static String shownAmount(NodeReading node) {
        var status = node.status();
        StringBuilder text = new StringBuilder();
        if (status.outOfSyncBytes() != null) {
            text.append("DR out of sync data ").append(Sizes.describe(status.outOfSyncBytes())).append("; ");
        }
        if (status.syncProgressPercent() != null) {
            text.append("synchronization progress ").append(Sizes.percent(status.syncProgressPercent())).append("; ");
        }
        String fileSystem = status.fields().get("Queue manager file system");
        if (fileSystem != null) {
            text.append("the secondary's data (the snapshot) uses ").append(fileSystem).append("; ");
        }
        if (text.isEmpty()) {
            return "no figure shown";
        }
        return text.substring(0, text.length() - 2);
    }

    private static String fields(NodeReading node) {
        StringBuilder text = new StringBuilder();
        Map<String, String> sorted = new TreeMap<>(node.status().fields());
        sorted.forEach((label, value) -> text.append("  ").append(label).append(": ").append(value).append('\n'));
        return text.toString();
    }

    /** Reads the promoted node while it reverts: still reverting, and what it shows. */
    public record RevertCheck(boolean reverting, String summary) {
    }

    public RevertCheck checkRevert(String queueManager, String host) {
        NodeReading node = pairs.read(host, queueManager);
        if (!node.reachable()) {
            throw new IllegalStateException(host + " cannot be reached while it reverts to its snapshot: "
                    + node.unreachable());
        }
        return new RevertCheck(node.drStatusIs(DrStatus.REVERTING_TO_SNAPSHOT), node.describe());
    }

    /** The new primary's status after the start, and what was lost as far as the status shows it. */
    public record FailoverRecord(String summary, String dataLossRecord) {
    }

    public FailoverRecord record(String queueManager, String newPrimary, boolean revertedToSnapshot) {
        NodeReading node = pairs.read(newPrimary, queueManager);
        if (!node.reachable()) {
            throw new IllegalStateException(newPrimary + " cannot be reached after the failover: " + node.unreachable());
        }
        if (!node.isPrimary() || node.status().queueManagerStatus() != QmStatus.RUNNING) {
            throw new IllegalStateException("After the failover " + newPrimary + " should be the running DR primary,"
                    + " rdqmstatus shows " + node.describe());
        }
        Long outOfSync = node.status().outOfSyncBytes();
        String amount = outOfSync == null ? "the status shows no 'DR out of sync data'"
                : "'DR out of sync data' on the new primary: " + Sizes.describe(outOfSync);
        String record = revertedToSnapshot
                ? "Reverted to the snapshot: the updates made on " + "the old primary since the first link failure are"
                + " lost; " + amount + "."
                : "Promoted without a snapshot revert; " + amount + ".";
        return new FailoverRecord("Failed over: " + node.describe(), record);
    }
}
