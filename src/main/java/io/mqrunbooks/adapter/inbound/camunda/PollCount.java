package io.mqrunbooks.adapter.inbound.camunda;

import io.mqrunbooks.platform.runbook.RunVariable;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The count of a wait that polls a bounded number of times: the polls so far, their limit (fixed at the first poll,
 * so a later change of the poll length never moves it), whether the state waited for is reached, and whether the
 * limit is spent without it; the gateway after the poll reads the last two. A wait that {@code restarts} (one per
 * instance, as in Native HA maintenance) counts from zero again once reached.
 */
public record PollCount(RunVariable<Integer> polls, RunVariable<Integer> pollLimit, RunVariable<Boolean> reached,
                        RunVariable<Boolean> limitReached, boolean restarts) {

    public PollCount(RunVariable<Integer> polls, RunVariable<Integer> pollLimit, RunVariable<Boolean> reached,
                     RunVariable<Boolean> limitReached) {
        this(polls, pollLimit, reached, limitReached, false);
    }

    /** What one poll counted: the {@code poll}-th of at most {@code limit}. */
    public record Counted(int poll, int limit) {

        /** "Poll 3 of 30": how a wait's status line starts. */
        public String inWords() {
            return "Poll " + poll + " of " + limit;
        }
    }

    /** Counts one poll; the limit is as many polls of the run's length as fit in {@code timeLimit}. */
    public Counted count(DelegateExecution execution, boolean isReached, RunbookWaits waits, Duration timeLimit) {
        return count(execution, isReached, () -> waits.pollsWithin(execution.getProcessInstanceId(), timeLimit));
    }

    /** Counts one poll that found the state waited for {@code isReached} or not; {@code firstLimit} at the first. */
    public Counted count(DelegateExecution execution, boolean isReached, IntSupplier firstLimit) {
        int poll = polls.getOrDefault(execution, 0) + 1;
        Integer fixed = pollLimit.getOrNull(execution);
        int limit = fixed == null ? firstLimit.getAsInt() : fixed;
        pollLimit.set(execution, limit);
        polls.set(execution, restarts && isReached ? 0 : poll);
        reached.set(execution, isReached);
        limitReached.set(execution, !isReached && poll >= limit);
        return new Counted(poll, limit);
    }
}
