package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import io.mqrunbooks.application.rdqm.DrPair;
import io.mqrunbooks.application.rdqm.RdqmLifecycle;
import io.mqrunbooks.application.rdqm.RdqmPairs;
import io.mqrunbooks.platform.RunVariables;
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
        String queueManager = RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER);
        DrPair pair = RunbookSteps.decide(execution, () -> pairs.pair(queueManager));
        execution.setVariable(RdqmVariables.DELETE_SUMMARY,
                RunbookSteps.decide(execution, () -> lifecycle.assessDelete(queueManager)));
        execution.setVariable(RdqmVariables.PRIMARY_NODE, pair.configuredPrimary().name());
        execution.setVariable(RdqmVariables.SECONDARY_NODE, pair.configuredSecondary().name());
    }
}
