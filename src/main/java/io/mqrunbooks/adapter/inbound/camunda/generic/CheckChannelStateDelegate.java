package io.mqrunbooks.adapter.inbound.camunda.generic;

import io.mqrunbooks.application.generic.GenericSteps;
import io.mqrunbooks.platform.run.RunRecord;
import io.mqrunbooks.platform.run.RunRecords;
import io.mqrunbooks.platform.runbook.RunVariable;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Element template "MQ: check a channel's state (one poll of a wait)": DISPLAY CHSTATUS on the run's sealed queue
 * manager, {@link #REACHED} for the gateway after it; the model loops back through a timer until it is. The first
 * poll of a wait sets its deadline; a poll past it is an incident naming the state the channel is in.
 */
@Component
public class CheckChannelStateDelegate extends SealedQueueManagerStep {

    /** Input parameter: the channel, a name or a sealed start value's placeholder ({@code {channel}}). */
    public static final String CHANNEL_NAME = "channelName";
    /** Input parameter: {@code RUNNING} or {@code STOPPED_OR_INACTIVE}. */
    public static final String CHANNEL_STATE = "channelState";
    /** Input parameter: how long the wait may take, ISO-8601 ({@code PT5M}), at most PT4H. */
    public static final String WAIT_LIMIT = GenericStepInputs.WAIT_LIMIT;
    public static final List<String> INPUTS = List.of(CHANNEL_NAME, CHANNEL_STATE, WAIT_LIMIT);
    /** Output for the gateway: whether the channel is in the state waited for. */
    public static final RunVariable<Boolean> REACHED = RunVariable.booleanVariable("channelStateReached");
    /** Output for forms: the last poll, in words. */
    public static final RunVariable<String> SUMMARY = RunVariable.stringVariable("channelStateSummary");

    private final GenericSteps steps;
    private final Clock clock;

    public CheckChannelStateDelegate(RunRecords runs, GenericSteps steps, Clock clock) {
        super(runs);
        this.steps = steps;
        this.clock = clock;
    }

    @Override
    void execute(DelegateExecution execution, RunRecord run, String queueManager) {
        String channel = GenericStepInputs.mqName(execution, run, CHANNEL_NAME, "channel");
        GenericSteps.ChannelState wanted = GenericSteps.ChannelState.of(GenericStepInputs.input(execution, CHANNEL_STATE));
        GenericStepInputs.pollWait(execution, clock, wanted.name(), REACHED, SUMMARY,
                () -> steps.checkChannel(queueManager, channel, wanted), "the channel");
    }
}
