package io.mqrunbooks.platform.runbook;

import static io.mqrunbooks.platform.runbook.RunVariable.intVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.stringVariable;

import io.mqrunbooks.platform.RunVariables;

/** The variables every runbook shares, typed (their names are {@link RunVariables}'). */
public final class RunbookVariables {

    public static final RunVariable<String> INITIATOR = stringVariable(RunVariables.INITIATOR);
    public static final RunVariable<String> REASON = stringVariable(RunVariables.REASON);
    public static final RunVariable<String> QUEUE_MANAGER = stringVariable(RunVariables.QUEUE_MANAGER);
    public static final RunVariable<String> TARGET_VERSION = stringVariable(RunVariables.TARGET_VERSION);
    /** How the run ended, in words: completed, backed out, rejected, aborted: reason. */
    public static final RunVariable<String> OUTCOME = stringVariable(RunVariables.OUTCOME);
    /** The BPMN error code of a refusal, and its reason (also in {@link #OUTCOME}). */
    public static final RunVariable<String> REFUSAL_CODE = stringVariable("refusalCode");
    public static final RunVariable<String> REFUSAL_REASON = stringVariable("refusalReason");
    /** One line per step: what ran and what it answered, or why nothing had to run. */
    public static final RunVariable<String> RUN_LOG = stringVariable("runLog");

    /** The engine's index of a multi-instance element's instance (0, 1, ...). */
    public static final RunVariable<Integer> LOOP_COUNTER = intVariable("loopCounter");

    private RunbookVariables() {
    }
}
