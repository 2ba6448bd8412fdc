package io.mqrunbooks.application.rdqm;

import io.mqrunbooks.application.RunbookRefusal;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.mq.DrStatus;
import io.mqrunbooks.mq.NameRules;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.QueueManagerKind;
import org.springframework.stereotype.Service;

/**
 * Finds an RDQM DR queue manager in the inventory (anything else is refused with the reason) and reads
 * {@code rdqmstatus -m QM} on its nodes. An unreachable node is a business fact here (the failover and node
 * replacement runbooks are about lost nodes), so it becomes a reading; any other SSH failure is technical and
 * propagates.
 */
@Service
public class RdqmPairs {

    private final Estate estate;
    private final MqControlPort control;

    public RdqmPairs(Estate estate, MqControlPort control) {
        this.estate = estate;
        this.control = control;
    }

    public DrPair pair(String queueManager) {
        if (queueManager == null || queueManager.isBlank()) {
            throw new RunbookRefusal("QUEUE_MANAGER_UNKNOWN", "No queue manager was given");
        }
        NameRules.checkMqName(queueManager).ifPresent(problem -> {
            throw new RunbookRefusal("QUEUE_MANAGER_UNKNOWN", "Queue manager name " + problem);
        });
        QueueManager qm = estate.findQueueManager(queueManager).orElseThrow(() -> new RunbookRefusal(
                "QUEUE_MANAGER_UNKNOWN", "Queue manager '" + queueManager + "' is not in the inventory"));
        if (qm.kind() != QueueManagerKind.RDQM_DR) {
            throw new RunbookRefusal("NOT_RDQM_DR", "Queue manager '" + queueManager + "' is " + qm.kind().yamlName()
                    + " in the inventory, not rdqm-dr: this runbook is for RDQM disaster recovery pairs");
        }
        return new DrPair(qm.name(), estate.host(qm.hosts().get(0)), estate.host(qm.hosts().get(1)),
                qm.drReplication(), qm.listenerPort());
    }

    /** {@code rdqmstatus -m QM} on {@code host}; an unreachable host is a reading, not a failure. */
    public NodeReading read(String host, String queueManager) {
        try {
            return NodeReading.of(host, control.rdqmStatus(host, queueManager));
        } catch (SshException e) {
            if (e.kind() == SshException.Kind.HOST_UNREACHABLE) {
                return NodeReading.unreachable(host, e.getMessage());
            }
            throw e;
        }
    }

    /**
     * One poll of the pair's synchronization.
     *
     * @param normal   both nodes show {@code DR status: Normal}
     * @param progress one line: the progress and estimated completion, or the DR status when none is shown
     * @param summary  both nodes' status
     */
    public record SyncPoll(boolean normal, String progress, String summary) {
    }

    /**
     * One poll of the pair's synchronization (seed 004: "Wait for synchronization to complete - DR status =
     * Normal"): {@code rdqmstatus -m QM} on both nodes, with the progress and estimated completion they show.
     */
    public SyncPoll pollSynchronization(String queueManager) {
        DrPair pair = pair(queueManager);
        NodeReading first = read(pair.configuredPrimary().name(), queueManager);
        NodeReading second = read(pair.configuredSecondary().name(), queueManager);
        boolean normal = first.drStatusIs(DrStatus.NORMAL) && second.drStatusIs(DrStatus.NORMAL);
        String progress = normal ? "Synchronization complete: DR status Normal on both nodes" : progress(first, second);
        return new SyncPoll(normal, progress, first.describe() + "\n" + second.describe());
    }

    private static String progress(NodeReading first, NodeReading second) {
        for (NodeReading node : new NodeReading[] {first, second}) {
            if (node.reachable() && node.status().syncProgressPercent() != null) {
                return "Synchronization " + Sizes.percent(node.status().syncProgressPercent()) + " done"
                        + (node.status().estimatedCompletion() == null ? ""
                        : ", estimated completion " + node.status().estimatedCompletion());
            }
        }
        return "Not Normal yet: " + status(first) + "; " + status(second);
    }

    private static String status(NodeReading node) {
        return node.host() + " " + (node.reachable() ? node.status().drStatus().mqWording() : "unreachable");
    }
}
