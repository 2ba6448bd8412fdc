package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import static io.mqrunbooks.adapter.inbound.camunda.rdqm.RdqmVariables.*;

import io.mqrunbooks.adapter.inbound.camunda.RunbookWaits;
import io.mqrunbooks.application.rdqm.RdqmPairs;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One poll of the synchronization: progress and estimated completion into the run, Normal or not. */
@Component
public class CheckDrSynchronizationDelegate implements JavaDelegate {

    private final RdqmPairs pairs;
    private final RunbookWaits waits;

    public CheckDrSynchronizationDelegate(RdqmPairs pairs, RunbookWaits waits) {
        this.pairs = pairs;
        this.waits = waits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RdqmPairs.SyncPoll poll = pairs.pollSynchronization(QUEUE_MANAGER.get(execution));
        String counted = SYNC_WAIT.count(execution, poll.normal(), waits, SYNC_TIME_LIMIT);
        SYNC_PROGRESS.set(execution, poll.progress());
        SYNC_SUMMARY.set(execution, counted + " (every "
                + waits.pollInWords(execution.getProcessInstanceId()) + "): "
                + poll.progress() + "\n" + poll.summary());
    }
}
