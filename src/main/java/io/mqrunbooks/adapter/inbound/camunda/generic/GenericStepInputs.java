package io.mqrunbooks.adapter.inbound.camunda.generic;

import io.mqrunbooks.application.generic.MqscCommand;
import io.mqrunbooks.application.generic.WaitPoll;
import io.mqrunbooks.mq.UnsafeArgumentException;
import io.mqrunbooks.mq.NameRules;
import io.mqrunbooks.platform.RunVariables;
import io.mqrunbooks.platform.run.RunRecord;
import io.mqrunbooks.platform.run.RunRecords;
import io.mqrunbooks.platform.run.StepMandate;
import io.mqrunbooks.platform.runbook.Deadlines;
import io.mqrunbooks.platform.runbook.RunText;
import io.mqrunbooks.platform.runbook.RunVariable;
import io.mqrunbooks.platform.runbook.RunbookVariables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * How the generic steps of element-templates/ read what they act on. Their inputs are the step's own
 * {@code camunda:inputParameter}s, written into the model by whoever deployed it (local variables of the step:
 * a process variable of the same name does not stand in for one). The queue manager is the run's sealed
 * target, read from its record, never from a variable a caller could set.
 */
final class GenericStepInputs {

    /** Input parameter of every wait: how long it may take, ISO-8601 ({@code PT5M}), at most {@link #LONGEST_WAIT}. */
    static final String WAIT_LIMIT = "waitLimit";
    static final Duration LONGEST_WAIT = Duration.ofHours(4);

    private GenericStepInputs() {
    }

    static RunRecord sealedRun(RunRecords runs, DelegateExecution execution) {
        return runs.find(execution.getProcessInstanceId()).orElseThrow(() -> new ProcessEngineException("Run "
                + execution.getProcessInstanceId() + " has no sealed record, so step '" + stepName(execution)
                + "' does not know its queue manager; nothing was run"));
    }

    /** The run's sealed queue manager: the start form's {@code queueManager}. */
    static String queueManager(RunRecord run, DelegateExecution execution) {
        return run.parameter(RunVariables.QUEUE_MANAGER).orElseThrow(() -> new ProcessEngineException("Step '"
                + stepName(execution) + "' acts on the run's queue manager, but runbook " + run.processKey()
                + " was not started with one (its start form needs a 'queueManager' field); nothing was run"));
    }

    /** The step's input parameter {@code name}, as text; fails naming the step when the model does not set it. */
    static String input(DelegateExecution execution, String name) {
        Object value = execution.getVariableLocal(name);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new ProcessEngineException("Step '" + stepName(execution) + "' (" + execution.getCurrentActivityId()
                    + ") has no input parameter '" + name + "' in its process model (element template inputs are set"
                    + " in Camunda Modeler); nothing was run");
        }
        return text;
    }

    /**
     * The step's input parameter {@code name} naming an MQ object: written in the model, or a placeholder
     * {@code {key}} filled from the run's sealed start values; checked as an IBM MQ name (a channel's at most 20).
     *
     * @param what {@code channel} or {@code queue}, for the check and its message
     */
    static String mqName(DelegateExecution execution, RunRecord run, String name, String what) {
        String written = input(execution, name);
        String value = MqscCommand.resolveName(written.strip(), run.parameters(), written);
        ("channel".equals(what) ? NameRules.checkChannelName(value) : NameRules.checkMqName(value)).ifPresent(p -> {
            throw new UnsafeArgumentException(what + " " + p);
        });
        return value;
    }

    /**
     * A step about to change the estate holds an approval: its model names the gate ({@code approvedBy}) and the
     * run guard found that gate approved, by someone other than the initiator, before the step began. The ports
     * refuse such a change without it as well; this says so before anything is read.
     */
    static void requireApproval(DelegateExecution execution, String what) {
        boolean approved = StepMandate.current().map(m -> !m.approvedBy().isEmpty()).orElse(false);
        if (!approved) {
            throw new ProcessEngineException("Step '" + stepName(execution) + "' (" + execution.getCurrentActivityId()
                    + ") would " + what + ", which changes the estate, but its process model names no approval gate"
                    + " for it (property approvedBy); nothing was run");
        }
    }

    static String stepName(DelegateExecution execution) {
        String name = execution.getCurrentActivityName();
        return name == null ? execution.getCurrentActivityId() : name;
    }

    /** The step's {@link #WAIT_LIMIT}, checked before anything is read. */
    static Duration waitLimit(DelegateExecution execution) {
        String text = input(execution, WAIT_LIMIT);
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

    /**
     * One poll of a wait drawn as a loop (this step, a gateway on {@code reached}, a timer back), within the step's
     * {@link #WAIT_LIMIT} (checked before anything is read): the first poll sets
     * the wait's deadline, kept per step as {@code <stepId>Deadline} so two waits of one model do not share it; a
     * poll past it fails the step naming what was seen.
     *
     * @param poll what the poll read; runs after the deadline is set, so a first poll that fails still starts it
     */
    static void pollWait(DelegateExecution execution, Clock clock, String wanted,
                         RunVariable<Boolean> reachedVariable, RunVariable<String> summaryVariable,
                         Supplier<WaitPoll> poll, String retryWhen) {
        Duration limit = waitLimit(execution);
        RunVariable<Instant> deadline = RunVariable.instantVariable(execution.getCurrentActivityId() + "Deadline");
        Deadlines.startOnce(execution, deadline, clock, limit);
        WaitPoll now = poll.get();
        reachedVariable.set(execution, now.reached());
        summaryVariable.set(execution, now.summary());
        if (now.reached()) {
            execution.removeVariable(deadline.name());
            RunText.appendLine(execution, RunbookVariables.RUN_LOG, "Reached " + wanted + ": " + now.summary());
        } else if (Deadlines.passed(execution, deadline, clock)) {
            throw new ProcessEngineException("Waited " + limit + " (the step's waitLimit) for " + wanted + ", but "
                    + now.summary() + "; retry the step from Cockpit once " + retryWhen + " is " + wanted);
        }
    }

    /** A step's answers, one line each: into {@code resultVariable} and appended to the run log. */
    static void report(DelegateExecution execution, String resultVariable, List<String> lines) {
        execution.setVariable(resultVariable, RunText.fit(String.join("\n", lines), "the run log"));
        lines.forEach(line -> RunText.appendLine(execution, RunbookVariables.RUN_LOG, line));
    }
}
