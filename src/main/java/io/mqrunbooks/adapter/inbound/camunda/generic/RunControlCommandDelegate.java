package io.mqrunbooks.adapter.inbound.camunda.generic;

import io.mqrunbooks.application.generic.QueueManagerControlSteps;
import io.mqrunbooks.application.generic.QueueManagerControlSteps.ControlCommand;
import io.mqrunbooks.platform.run.RunRecord;
import io.mqrunbooks.platform.run.RunRecords;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Element template "MQ: run a control command": dspmq, dspmqver, strmqm or endmqm ({@link ControlCommand}) for the
 * run's sealed queue manager on its hosts, one run-log line per host. strmqm and endmqm run only when the step names
 * an approved gate, and only on a single queue manager.
 */
@Component
public class RunControlCommandDelegate extends SealedQueueManagerStep {

    /** Input parameter: the command, as the template offers it ({@code endmqm -c}). */
    public static final String CONTROL_COMMAND = "controlCommand";
    public static final List<String> INPUTS = List.of(CONTROL_COMMAND);
    /** What the command answered, one line per host (also appended to the run log). */
    public static final String RESULT = "controlCommandResult";

    private final QueueManagerControlSteps steps;

    public RunControlCommandDelegate(RunRecords runs, QueueManagerControlSteps steps) {
        super(runs);
        this.steps = steps;
    }

    @Override
    void execute(DelegateExecution execution, RunRecord run, String queueManager) {
        ControlCommand command = ControlCommand.of(GenericStepInputs.input(execution, CONTROL_COMMAND));
        if (command.changesEstate()) {
            GenericStepInputs.requireApproval(execution, "run " + command.text() + " " + queueManager);
        }
        GenericStepInputs.report(execution, RESULT, steps.run(queueManager, command));
    }
}
