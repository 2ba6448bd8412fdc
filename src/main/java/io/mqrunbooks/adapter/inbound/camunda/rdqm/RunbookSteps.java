package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import io.mqrunbooks.application.rdqm.RunbookRefusal;
import io.mqrunbooks.platform.RunVariables;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** What every runbook delegate shares: a refusal ends the run with its reason; steps append to the run log. */
public final class RunbookSteps {

    private RunbookSteps() {
    }

    /** Runs a decision; a {@link RunbookRefusal} sets {@code outcome} and becomes a BpmnError with its code. */
    public static <T> T decide(DelegateExecution execution, Supplier<T> decision) {
        try {
            return decision.get();
        } catch (RunbookRefusal refusal) {
            execution.setVariable(RunVariables.OUTCOME, "aborted: " + refusal.getMessage());
            execution.setVariable(RdqmVariables.REFUSAL_CODE, refusal.code());
            execution.setVariable(RdqmVariables.REFUSAL_REASON, refusal.getMessage());
            throw new BpmnError(refusal.code(), refusal.getMessage());
        }
    }

    public static void log(DelegateExecution execution, String line) {
        Object previous = execution.getVariable(RdqmVariables.RUN_LOG);
        execution.setVariable(RdqmVariables.RUN_LOG, previous == null ? line : previous + "\n" + line);
    }

    public static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (value == null) {
            throw new IllegalStateException("Process variable '" + name + "' is not set");
        }
        return value.toString();
    }

    public static int count(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? 0 : ((Number) value).intValue();
    }
}
