package io.mqrunbooks.adapter.inbound.camunda;

import static io.mqrunbooks.platform.runbook.RunVariable.booleanVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.intVariable;

import io.mqrunbooks.platform.runbook.RunVariable;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The count of a wait that polls a bounded number of times: the polls so far, their limit (fixed at the first poll,
 * so a later change of the poll length never moves it), whether the state waited for is reached, and whether the
 * limit is spent without it, which the gateway after the poll reads. A wait that {@code restarts} (one per instance)
 * counts from zero again once reached.
 */
public record PollCount(RunVariable<Integer> polls, RunVariable<Integer> pollLimit, RunVariable<Boolean> reached,
                        RunVariable<Boolean> limitReached, boolean restarts) {

    /** {@code syncPolls}, {@code syncPollLimit}, {@code syncLimitReached} for prefix {@code sync}. */
    public static PollCount named(String prefix, String reachedName, boolean restarts) {
        return new PollCount(intVariable(prefix + "Polls"), intVariable(prefix + "PollLimit"),
                booleanVariable(reachedName), booleanVariable(prefix + "LimitReached"), restarts);
    }

    /** Counts one poll; its limit is as many of the run's polls as fit in {@code timeLimit}. */
    public String count(DelegateExecution execution, boolean isReached, RunbookWaits waits, Duration timeLimit) {
        return count(execution, isReached, () -> waits.pollsWithin(execution.getProcessInstanceId(), timeLimit));
    }

    /** Counts one poll that found the state waited for, or not; returns how its status line starts: "Poll 3 of 30". */
    public String count(DelegateExecution execution, boolean isReached, IntSupplier firstLimit) {
        int poll = polls.getOrDefault(execution, 0) + 1;
        Integer fixed = pollLimit.getOrNull(execution);
        int limit = fixed == null ? firstLimit.getAsInt() : fixed;
        pollLimit.set(execution, limit);
        polls.set(execution, restarts && isReached ? 0 : poll);
        reached.set(execution, isReached);
        limitReached.set(execution, !isReached && poll >= limit);
        return "Poll " + poll + " of " + limit;
    }
}
