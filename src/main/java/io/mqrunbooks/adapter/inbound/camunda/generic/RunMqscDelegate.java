package io.mqrunbooks.adapter.inbound.camunda.generic;

import io.mqrunbooks.application.generic.GenericSteps;
import io.mqrunbooks.application.generic.MqscCommand;
import io.mqrunbooks.platform.run.RunRecord;
import io.mqrunbooks.platform.run.RunRecords;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Element template "MQ: run MQSC on the queue manager": the allow-listed MQSC of the model ({@link MqscCommand})
 * on the run's sealed queue manager, one run-log line per command. A command that changes the estate runs only
 * when the step names an approved gate.
 */
@Component
public class RunMqscDelegate extends SealedQueueManagerStep {

    /** Input parameter: the MQSC, one command a line. */
    public static final String MQSC = "mqsc";
    /** Every input parameter this delegate reads (the element template binds exactly these). */
    public static final List<String> INPUTS = List.of(MQSC);
    /** What the commands answered, one line each (also appended to the run log). */
    public static final String MQSC_RESULT = "mqscResult";

    private final GenericSteps steps;

    public RunMqscDelegate(RunRecords runs, GenericSteps steps) {
        super(runs);
        this.steps = steps;
    }

    @Override
    void execute(DelegateExecution execution, RunRecord run, String queueManager) {
        List<MqscCommand> commands = MqscCommand.parse(GenericStepInputs.input(execution, MQSC), run.parameters());
        if (commands.stream().anyMatch(MqscCommand::changesEstate)) {
            GenericStepInputs.requireApproval(execution, "run " + commands.stream().filter(MqscCommand::changesEstate)
                    .map(MqscCommand::mqsc).collect(Collectors.joining(", ")));
        }
        GenericStepInputs.report(execution, MQSC_RESULT, steps.runMqsc(queueManager, commands));
    }
}
