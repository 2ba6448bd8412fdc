package io.mqrunbooks.adapter.outbound.mq.mqsc;

import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.application.port.out.control.MqOutputException;
import io.mqrunbooks.mq.QueueManagerState;
import io.mqrunbooks.mq.RdqmDrStatus;
import io.mqrunbooks.application.port.out.mq.MqAdminException;
import io.mqrunbooks.estate.Backup;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.QueueManagerKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Finds the host a queue manager runs on now, so that its administration goes there:
 * <ul>
 *   <li>single, no backup of the same name: its host, without asking;</li>
 *   <li>single with a same-name backup (QM1 on mqeast1, backup QM1 on mqwest1): the host where
 *       {@code dspmq} says Running; running on both is refused (split brain), not guessed;</li>
 *   <li>multi-instance: the host where {@code dspmq -x} shows the active instance (status Running there;
 *       the standby host says "Running as standby");</li>
 *   <li>rdqm-dr: the node where {@code rdqmstatus} says DR role Primary and the queue manager Running;</li>
 *   <li>a backup with its own DR name ({@code QM2_DR} on mqwest2): the backup's host.</li>
 * </ul>
 * A host that cannot be reached is skipped while another is found running; if none is, the answer is an
 * {@link MqAdminException} (QUEUE_MANAGER_NOT_AVAILABLE) naming what each host said.
 */
@Component
public class QueueManagerLocator {

    /** Where a queue manager name is defined in the inventory: as a queue manager, or as a distinct-named backup. */
    public record Definition(String name, QueueManager queueManager, Backup distinctBackup) {

        /** The inventory entry whose transport and PCF settings apply (the primary's, for a backup). */
        public QueueManager inventoryEntry() {
            return queueManager;
        }
    }

    private final Estate estate;
    private final MqControlPort control;

    public QueueManagerLocator(Estate estate, MqControlPort control) {
        this.estate = estate;
        this.control = control;
    }

    /** The inventory definition of a queue manager name, including backups with their own DR name. */
    public Definition definition(String queueManager) {
        Optional<QueueManager> direct = estate.findQueueManager(queueManager);
        if (direct.isPresent()) {
            return new Definition(queueManager, direct.get(), null);
        }
        return estate.queueManagers().stream()
                .filter(q -> q.backup() != null && q.backup().queueManager().equals(queueManager))
                .findFirst()
                .map(q -> new Definition(queueManager, q, q.backup()))
                .orElseThrow(() -> new MqAdminException(MqAdminException.Reason.OTHER, queueManager,
                        "No queue manager named '" + queueManager + "' in the estate inventory"
                                + " (neither a queue manager nor a backup's DR name)"));
    }

    /** The hosts it may run on, in the order they are asked. */
    public List<String> candidateHosts(String queueManager) {
        Definition definition = definition(queueManager);
        if (definition.distinctBackup() != null) {
            return List.of(definition.distinctBackup().host());
        }
        QueueManager qm = definition.queueManager();
        Set<String> hosts = new LinkedHashSet<>(qm.allHosts());
        if (qm.kind() == QueueManagerKind.SINGLE && qm.backup() != null
                && !qm.backup().hasDistinctName(qm.name())) {
            hosts.add(qm.backup().host());
        }
        return List.copyOf(hosts);
    }

    /** The inventory name of the host the queue manager runs on now. */
    public String currentHost(String queueManager) {
        Definition definition = definition(queueManager);
        List<String> candidates = candidateHosts(queueManager);
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        boolean rdqmDr = definition.distinctBackup() == null
                && definition.queueManager().kind() == QueueManagerKind.RDQM_DR;
        List<String> running = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String host : candidates) {
            try {
                if (rdqmDr) {
                    RdqmDrStatus status = control.rdqmStatus(host, queueManager);
                    seen.add(host + ": DR role " + (status.primary() ? "Primary" : "Secondary") + ", "
                            + status.queueManagerStatus().mqWording());
                    if (status.primary() && status.queueManagerStatus().isRunningHere()) {
                        running.add(host);
                    }
                } else {
                    QueueManagerState state = control.status(host, queueManager);
                    seen.add(host + ": " + state.status().mqWording());
                    if (state.status().isRunningHere()) {
                        running.add(host);
                    }
                }
            } catch (SshException | MqOutputException e) {
                seen.add(host + ": " + e.getMessage());
            }
        }
        if (running.size() == 1) {
            return running.get(0);
        }
        if (running.isEmpty()) {
            throw new MqAdminException(MqAdminException.Reason.QUEUE_MANAGER_NOT_AVAILABLE, queueManager,
                    "queue manager " + queueManager + " is not running on any of its hosts (" + String.join("; ", seen)
                            + ")");
        }
        throw new MqAdminException(MqAdminException.Reason.OTHER, queueManager, "queue manager " + queueManager
                + " is running on several hosts at once (" + String.join("; ", seen) + "); refusing to choose one");
    }
}
