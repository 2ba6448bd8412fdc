package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import io.mqrunbooks.platform.runbook.Refusals;
import io.mqrunbooks.platform.runbook.RunText;
import io.mqrunbooks.platform.runbook.RunVariable;
import io.mqrunbooks.platform.runbook.RunbookVariables;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The runbook core ({@code io.mqrunbooks.platform.runbook}) under the names the Native HA delegates
 * still call.
 *
 * @deprecated use {@link Refusals}, {@link RunText} and {@link RunVariable} constants
 */
@Deprecated
public final class RunbookSteps {

    private RunbookSteps() {
    }

    public static <T> T decide(DelegateExecution execution, Supplier<T> decision) {
        return Refusals.decide(execution, decision);
    }

    public static void log(DelegateExecution execution, String line) {
        RunText.appendLine(execution, RunbookVariables.RUN_LOG, line);
    }

    public static String text(DelegateExecution execution, String name) {
        return RunVariable.stringVariable(name).get(execution);
    }

    public static int count(DelegateExecution execution, String name) {
        return RunVariable.intVariable(name).getOrDefault(execution, 0);
    }
}
