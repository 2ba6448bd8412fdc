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
        int polls = SYNC_POLLS.getOrDefault(execution, 0) + 1;
        int pollLimit = SYNC_POLL_LIMIT.getOrDefault(execution,
                waits.pollsWithin(execution.getProcessInstanceId(), SYNC_TIME_LIMIT));
        SYNC_POLL_LIMIT.set(execution, pollLimit);
        SYNC_POLLS.set(execution, polls);
        SYNC_NORMAL.set(execution, poll.normal());
        SYNC_LIMIT_REACHED.set(execution, !poll.normal() && polls >= pollLimit);
        SYNC_PROGRESS.set(execution, poll.progress());
        SYNC_SUMMARY.set(execution, "Poll " + polls + " of " + pollLimit + " (every "
                + waits.pollInWords(execution.getProcessInstanceId()) + "): "
                + poll.progress() + "\n" + poll.summary());
    }
}
