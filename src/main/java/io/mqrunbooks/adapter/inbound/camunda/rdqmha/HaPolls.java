package io.mqrunbooks.adapter.inbound.camunda.rdqmha;

import static io.mqrunbooks.adapter.inbound.camunda.rdqmha.RdqmHaVariables.DEFAULT_POLL_LIMIT;
import static io.mqrunbooks.adapter.inbound.camunda.rdqmha.RdqmHaVariables.RUN_LOG;

import io.mqrunbooks.application.rdqmha.RdqmHaMaintenance;
import io.mqrunbooks.platform.runbook.RunText;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Records one poll of a wait: counter, limit, whether it is met or the limit reached, what was read. */
final class HaPolls {

    private HaPolls() {
    }

    static void record(DelegateExecution execution, RdqmHaVariables.Wait wait, RdqmHaMaintenance.Poll poll) {
        int polls = wait.polls().getOrDefault(execution, 0) + 1;
        int pollLimit = wait.pollLimit().getOrDefault(execution, DEFAULT_POLL_LIMIT);
        wait.pollLimit().set(execution, pollLimit);
        wait.polls().set(execution, polls);
        wait.done().set(execution, poll.done());
        wait.limitReached().set(execution, !poll.done() && polls >= pollLimit);
        wait.status().set(execution, poll.status());
        wait.summary().set(execution, "Poll " + polls + " of " + pollLimit + " (every 30 s): " + poll.status() + "\n"
                + poll.summary());
        if (poll.done()) {
            RunText.appendLine(execution, RUN_LOG, poll.status() + " (poll " + polls + ")");
        }
    }
}
