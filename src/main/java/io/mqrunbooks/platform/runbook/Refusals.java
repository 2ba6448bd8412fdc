package io.mqrunbooks.platform.runbook;

import io.mqrunbooks.application.RunbookRefusal;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The one way a runbook refuses (docs/runbook-conventions.md): an application service throws a
 * {@link RunbookRefusal}; here it becomes a BPMN error with the refusal's code, caught by a named boundary
 * event, and the run records {@code refusalCode}, {@code refusalReason} and the outcome "aborted: reason".
 * Any other exception is a technical fault: it passes through and becomes an incident after the retries.
 */
public final class Refusals {

    private Refusals() {
    }

    /** Runs a decision; a refusal becomes the BPMN error with its code. */
    public static <T> T decide(VariableScope scope, Supplier<T> decision) {
        try {
            return decision.get();
        } catch (RunbookRefusal refusal) {
            throw refuse(scope, refusal);
        }
    }

    public static void decide(VariableScope scope, Runnable decision) {
        decide(scope, () -> {
            decision.run();
            return null;
        });
    }

    /** Records the refusal on the run and returns the BPMN error to throw. */
    public static BpmnError refuse(VariableScope scope, RunbookRefusal refusal) {
        RunbookVariables.OUTCOME.set(scope, "aborted: " + refusal.getMessage());
        RunbookVariables.REFUSAL_CODE.set(scope, refusal.code());
        RunbookVariables.REFUSAL_REASON.set(scope, refusal.getMessage());
        return new BpmnError(refusal.code(), refusal.getMessage());
    }
}
