package io.mqrunbooks.adapter.inbound.camunda.rdqmha;

import io.mqrunbooks.adapter.inbound.camunda.rdqm.RunbookSteps;
import io.mqrunbooks.application.rdqmha.RdqmHaMaintenance;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Records one poll of a wait: counter, limit, whether it is met or the limit reached, what was read. */
final class HaPolls {

    private HaPolls() {
    }

    static void record(DelegateExecution execution, String wait, RdqmHaMaintenance.Poll poll) {
        int polls = RunbookSteps.count(execution, wait + RdqmHaVariables.POLLS) + 1;
        Object limit = execution.getVariable(wait + RdqmHaVariables.POLL_LIMIT);
        int pollLimit = limit == null ? RdqmHaVariables.DEFAULT_POLL_LIMIT : ((Number) limit).intValue();
        execution.setVariable(wait + RdqmHaVariables.POLL_LIMIT, pollLimit);
        execution.setVariable(wait + RdqmHaVariables.POLLS, polls);
        execution.setVariable(wait + RdqmHaVariables.DONE, poll.done());
        execution.setVariable(wait + RdqmHaVariables.LIMIT_REACHED, !poll.done() && polls >= pollLimit);
        execution.setVariable(wait + RdqmHaVariables.STATUS, poll.status());
        execution.setVariable(wait + RdqmHaVariables.SUMMARY, "Poll " + polls + " of " + pollLimit + " (every 30 s): "
                + poll.status() + "\n" + poll.summary());
        if (poll.done()) {
            RunbookSteps.log(execution, poll.status() + " (poll " + polls + ")");
        }
    }
}
