package io.mqrunbooks.adapter.inbound.camunda.generic;

import io.mqrunbooks.application.generic.QueueManagerControlSteps;
import io.mqrunbooks.application.generic.QueueManagerControlSteps.QueueManagerWanted;
import io.mqrunbooks.platform.run.RunRecord;
import io.mqrunbooks.platform.run.RunRecords;
import io.mqrunbooks.platform.runbook.RunVariable;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Element template "MQ: check a queue manager's state (one poll of a wait)": dspmq on every host of the run's sealed
 * queue manager, {@link #REACHED} for the gateway after it; the model loops back through a timer until it is. Past
 * the wait limit the step is an incident naming the state dspmq showed.
 */
@Component
public class CheckQueueManagerStateDelegate extends SealedQueueManagerStep {

    /** Input parameter: {@code RUNNING} or {@code ENDED}. */
    public static final String QUEUE_MANAGER_STATE = "queueManagerState";
    /** Input parameter: how long the wait may take, ISO-8601 ({@code PT5M}), at most PT4H. */
    public static final String WAIT_LIMIT = GenericStepInputs.WAIT_LIMIT;
    public static final List<String> INPUTS = List.of(QUEUE_MANAGER_STATE, WAIT_LIMIT);
    /** Output for the gateway: whether the queue manager is in the state waited for. */
    public static final RunVariable<Boolean> REACHED = RunVariable.booleanVariable("queueManagerStateReached");
    /** Output for forms: the last poll, in words. */
    public static final RunVariable<String> SUMMARY = RunVariable.stringVariable("queueManagerStateSummary");

    private final QueueManagerControlSteps steps;
    private final Clock clock;

    public CheckQueueManagerStateDelegate(RunRecords runs, QueueManagerControlSteps steps, Clock clock) {
        super(runs);
        this.steps = steps;
        this.clock = clock;
    }

    @Override
    void execute(DelegateExecution execution, RunRecord run, String queueManager) {
        QueueManagerWanted wanted = QueueManagerWanted.of(GenericStepInputs.input(execution, QUEUE_MANAGER_STATE));
        GenericStepInputs.pollWait(execution, clock, wanted.name(), REACHED, SUMMARY,
                () -> steps.check(queueManager, wanted), "the queue manager");
    }
}
