package io.mqrunbooks.application.rdqm;

import io.mqrunbooks.application.RunbookRefusal;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.mq.NameRules;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.QueueManagerKind;
import org.springframework.stereotype.Service;

/** Finds an RDQM DR queue manager in the inventory; anything else is refused with the reason. */
@Service
public class RdqmPairs {

    private final Estate estate;

    public RdqmPairs(Estate estate) {
        this.estate = estate;
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
}
