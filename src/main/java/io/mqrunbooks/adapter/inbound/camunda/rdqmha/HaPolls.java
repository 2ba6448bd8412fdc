package io.mqrunbooks.adapter.inbound.camunda.rdqmha;

import static io.mqrunbooks.adapter.inbound.camunda.rdqmha.RdqmHaVariables.POLL_TIME_LIMIT;
import static io.mqrunbooks.adapter.inbound.camunda.rdqmha.RdqmHaVariables.RUN_LOG;

import io.mqrunbooks.adapter.inbound.camunda.RunbookWaits;
import io.mqrunbooks.application.rdqmha.RdqmHaMaintenance;
import io.mqrunbooks.platform.runbook.RunText;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Records one poll of a wait: counter, limit, whether it is met or the limit reached, what was read. */
final class HaPolls {

    private HaPolls() {
    }

    static void record(DelegateExecution execution, RunbookWaits waits, RdqmHaVariables.Wait wait,
                       RdqmHaMaintenance.Poll poll) {
        String counted = wait.counter().count(execution, poll.done(), waits, POLL_TIME_LIMIT);
        wait.status().set(execution, poll.status());
        wait.summary().set(execution, counted + " (every "
                + waits.pollInWords(execution.getProcessInstanceId()) + "): " + poll.status() + "\n"
                + poll.summary());
        if (poll.done()) {
            RunText.appendLine(execution, RUN_LOG, poll.status() + " (poll " + wait.counter().polls().get(execution) + ")");
        }
    }
}
