package io.mqrunbooks.application;

import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.mq.NameRules;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.QueueManagerKind;

/** The queue manager a runbook targets: a valid name, in the inventory, of the kind the runbook takes. */
public final class RunbookTargets {

    private RunbookTargets() {
    }

    /**
     * @param wrongKindCode the refusal code when the queue manager is of another kind ({@code NOT_MULTI_INSTANCE})
     */
    public static QueueManager queueManagerOfKind(Estate estate, String name, QueueManagerKind kind,
                                                  String wrongKindCode) {
        if (name == null || name.isBlank()) {
            throw new RunbookRefusal("QUEUE_MANAGER_UNKNOWN", "No queue manager was given");
        }
        NameRules.checkMqName(name).ifPresent(problem -> {
            throw new RunbookRefusal("QUEUE_MANAGER_UNKNOWN", "Queue manager name " + problem);
        });
        QueueManager qm = estate.findQueueManager(name).orElseThrow(() -> new RunbookRefusal("QUEUE_MANAGER_UNKNOWN",
                "Queue manager '" + name + "' is not in the inventory"));
        if (qm.kind() != kind) {
            throw new RunbookRefusal(wrongKindCode, "Queue manager '" + name + "' is " + qm.kind().yamlName()
                    + " in the inventory, not " + kind.yamlName());
        }
        return qm;
    }
}
