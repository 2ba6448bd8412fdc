package io.mqrunbooks.adapter.inbound.camunda.generic;

import io.mqrunbooks.platform.run.RunRecord;
import io.mqrunbooks.platform.run.RunRecords;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A generic step of element-templates/: it acts on the run's sealed queue manager, read from the run's record
 * (never from a variable a caller could set) before the step reads its own inputs.
 */
abstract class SealedQueueManagerStep implements JavaDelegate {

    private final RunRecords runs;

    SealedQueueManagerStep(RunRecords runs) {
        this.runs = runs;
    }

    @Override
    public final void execute(DelegateExecution execution) {
        RunRecord run = GenericStepInputs.sealedRun(runs, execution);
        execute(execution, run, GenericStepInputs.queueManager(run, execution));
    }

    /** The step's work on {@code queueManager}, the sealed target of {@code run}. */
    abstract void execute(DelegateExecution execution, RunRecord run, String queueManager);
}
