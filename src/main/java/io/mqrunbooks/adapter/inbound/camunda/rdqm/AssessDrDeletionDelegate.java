package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import static io.mqrunbooks.adapter.inbound.camunda.rdqm.RdqmVariables.*;

import io.mqrunbooks.application.rdqm.DrPair;
import io.mqrunbooks.platform.runbook.Refusals;
import io.mqrunbooks.application.rdqm.RdqmLifecycle;
import io.mqrunbooks.application.rdqm.RdqmPairs;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reads both nodes; refuses when the queue manager exists on neither. */
@Component
public class AssessDrDeletionDelegate implements JavaDelegate {

    private final RdqmPairs pairs;
    private final RdqmLifecycle lifecycle;

    public AssessDrDeletionDelegate(RdqmPairs pairs, RdqmLifecycle lifecycle) {
        this.pairs = pairs;
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String queueManager = QUEUE_MANAGER.get(execution);
        DrPair pair = Refusals.decide(execution, () -> pairs.pair(queueManager));
        DELETE_SUMMARY.set(execution,
                Refusals.decide(execution, () -> lifecycle.assessDelete(queueManager)));
        PRIMARY_NODE.set(execution, pair.configuredPrimary().name());
        SECONDARY_NODE.set(execution, pair.configuredSecondary().name());
    }
}
