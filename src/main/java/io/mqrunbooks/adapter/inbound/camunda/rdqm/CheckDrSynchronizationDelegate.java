package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import io.mqrunbooks.application.rdqm.RdqmSynchronization;
import io.mqrunbooks.platform.RunVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One poll of the synchronization: progress and estimated completion into the run, Normal or not. */
@Component
public class CheckDrSynchronizationDelegate implements JavaDelegate {

    private final RdqmSynchronization synchronization;

    public CheckDrSynchronizationDelegate(RdqmSynchronization synchronization) {
        this.synchronization = synchronization;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RdqmSynchronization.SyncPoll poll = synchronization.poll(RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER));
        int polls = RunbookSteps.count(execution, RdqmVariables.SYNC_POLLS) + 1;
        Object limit = execution.getVariable(RdqmVariables.SYNC_POLL_LIMIT);
        int pollLimit = limit == null ? RdqmVariables.DEFAULT_SYNC_POLL_LIMIT : ((Number) limit).intValue();
        execution.setVariable(RdqmVariables.SYNC_POLL_LIMIT, pollLimit);
        execution.setVariable(RdqmVariables.SYNC_POLLS, polls);
        execution.setVariable(RdqmVariables.SYNC_NORMAL, poll.normal());
        execution.setVariable(RdqmVariables.SYNC_LIMIT_REACHED, !poll.normal() && polls >= pollLimit);
        execution.setVariable(RdqmVariables.SYNC_PROGRESS, poll.progress());
        execution.setVariable(RdqmVariables.SYNC_SUMMARY, "Poll " + polls + " of " + pollLimit + " (every 30 s): "
                + poll.progress() + "\n" + poll.summary());
    }
}
