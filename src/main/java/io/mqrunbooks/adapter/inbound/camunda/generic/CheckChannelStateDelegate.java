package io.mqrunbooks.adapter.inbound.camunda.generic;

import static io.mqrunbooks.platform.runbook.RunVariable.instantVariable;

import io.mqrunbooks.application.generic.GenericSteps;
import io.mqrunbooks.application.port.out.UnsafeArgumentException;
import io.mqrunbooks.platform.run.RunRecord;
import io.mqrunbooks.platform.run.RunRecords;
import io.mqrunbooks.platform.runbook.Deadlines;
import io.mqrunbooks.platform.runbook.RunText;
import io.mqrunbooks.platform.runbook.RunVariable;
import io.mqrunbooks.platform.runbook.RunbookVariables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Element template "MQ: check a channel's state (one poll of a wait)": DISPLAY CHSTATUS on the run's sealed queue
 * manager, {@link #REACHED} for the gateway after it; the model loops back through a timer until it is. The first
 * poll of a wait sets its deadline; a poll past it is an incident naming the state the channel is in.
 */
@Component
public class CheckChannelStateDelegate implements JavaDelegate {

    /** Input parameter: the channel, a name or a sealed start value's placeholder ({@code {channel}}). */
    public static final String CHANNEL_NAME = "channelName";
    /** Input parameter: {@code RUNNING} or {@code STOPPED_OR_INACTIVE}. */
    public static final String CHANNEL_STATE = "channelState";
    /** Input parameter: how long the wait may take, ISO-8601 ({@code PT5M}), at most {@link #LONGEST_WAIT}. */
    public static final String WAIT_LIMIT = "waitLimit";
    public static final List<String> INPUTS = List.of(CHANNEL_NAME, CHANNEL_STATE, WAIT_LIMIT);
    /** Output for the gateway: whether the channel is in the state waited for. */
    public static final RunVariable<Boolean> REACHED = RunVariable.booleanVariable("channelStateReached");
    /** Output for forms: the last poll, in words. */
    public static final RunVariable<String> SUMMARY = RunVariable.stringVariable("channelStateSummary");
    static final Duration LONGEST_WAIT = Duration.ofHours(4);

    private final RunRecords runs;
    private final GenericSteps steps;
    private final Clock clock;

    public CheckChannelStateDelegate(RunRecords runs, GenericSteps steps, Clock clock) {
        this.runs = runs;
        this.steps = steps;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RunRecord run = GenericStepInputs.sealedRun(runs, execution);
        String queueManager = GenericStepInputs.queueManager(run, execution);
        String channel = GenericStepInputs.mqName(execution, run, CHANNEL_NAME, "channel");
        GenericSteps.ChannelState wanted = GenericSteps.ChannelState.of(GenericStepInputs.input(execution, CHANNEL_STATE));
        Duration limit = waitLimit(GenericStepInputs.input(execution, WAIT_LIMIT));
        // One deadline per waiting step of the run, so two waits of one model do not share it.
        RunVariable<Instant> deadline = instantVariable(execution.getCurrentActivityId() + "Deadline");
        Deadlines.startOnce(execution, deadline, clock, limit);

        GenericSteps.ChannelCheck check = steps.checkChannel(queueManager, channel, wanted);
        REACHED.set(execution, check.reached());
        SUMMARY.set(execution, check.summary());
        if (check.reached()) {
            execution.removeVariable(deadline.name());
            RunText.appendLine(execution, RunbookVariables.RUN_LOG, "Reached " + wanted + ": " + check.summary());
        } else if (Deadlines.passed(execution, deadline, clock)) {
            throw new ProcessEngineException("Waited " + limit + " (the step's waitLimit) for " + wanted + ", but "
                    + check.summary() + "; retry the step from Cockpit once the channel is " + wanted);
        }
    }

    private static Duration waitLimit(String text) {
        try {
            Duration limit = Duration.parse(text.strip());
            if (!limit.isNegative() && !limit.isZero() && limit.compareTo(LONGEST_WAIT) <= 0) {
                return limit;
            }
        } catch (DateTimeParseException e) {
            // refused below, with what it takes
        }
        throw new UnsafeArgumentException("waitLimit '" + text + "' is not an ISO-8601 duration from PT1S to "
                + LONGEST_WAIT + " (e.g. PT5M)");
    }
}
