package io.mqrunbooks.platform.run;

import io.mqrunbooks.evidence.SecretScrubber;
import io.mqrunbooks.platform.RunVariables;
import io.mqrunbooks.platform.security.Groups;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Ends a run before its end, wherever it waits, for a stated reason: allowed to the run's initiator, change
 * managers and administrators, and for a run no user started (the schedule's) to MQ operators too, so the on-call
 * operator can free the targets a nightly run holds. An abort only stops: it runs no step and approves nothing,
 * and a run started afterwards passes its own gates, so four-eyes holds whoever aborts. The run's outcome and the engine's delete reason say who aborted it, when and
 * why; the report and the run page show them beside everything the run did before (nothing is removed).
 */
@Component
public class RunAborts {

    static final int REASON_LIMIT = 500;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final SecretScrubber SECRETS = new SecretScrubber();

    private final ProcessEngine engine;
    private final RunRecords records;
    private final Clock clock;

    @Autowired
    public RunAborts(ProcessEngine engine, RunRecords records) {
        this(engine, records, Clock.systemUTC());
    }

    RunAborts(ProcessEngine engine, RunRecords records, Clock clock) {
        this.engine = engine;
        this.records = records;
        this.clock = clock;
    }

    /**
     * Whether the user may abort the run (the run page offers the button only then); never a run another run
     * started, which ends with that run.
     */
    public boolean mayAbort(String runId, String userId, Set<String> groups) {
        if (records.find(runId).map(RunRecord::parentRunId).isPresent()) {
            return false;
        }
        if (groups.contains(Groups.CHANGE_MANAGERS) || groups.contains(Groups.ADMINS)) {
            return true;
        }
        if (groups.contains(Groups.OPERATORS) && records.find(runId).filter(r -> r.initiator() == null).isPresent()) {
            return true;
        }
        return records.find(runId).map(RunRecord::initiator).filter(i -> Objects.equals(i, userId)).isPresent();
    }

    /**
     * Aborts the run as the user. The engine's authenticated user must be that user (the product API's filter
     * sets it), so the run's end is recorded as theirs.
     *
     * @return the outcome the run ended with
     * @throws NotAllowed       when the user is neither its initiator, a change manager nor an administrator (nor,
     *                          for a run the schedule started, an MQ operator)
     * @throws IllegalArgumentException when the reason is missing or unfit
     * @throws NotRunning       when the run has ended, or is part of another run
     */
    public String abort(String runId, String userId, Set<String> groups, String reason) {
        RunRecord record = records.find(runId).orElseThrow(() -> new NotRunning("Run " + runId
                + " has no sealed record, so it was not started as a runbook; nothing to abort."));
        if (record.parentRunId() != null) {
            throw new NotRunning("Run " + runId + " is a part of run " + record.parentRunId()
                    + "; abort that run, which ends this one with it.");
        }
        if (!mayAbort(runId, userId, groups)) {
            throw new NotAllowed(userId + " may not abort run " + runId + (record.initiator() == null
                    ? ": the schedule started it, so only an MQ operator, a change manager or an administrator may."
                    : ": only the user who started it (" + record.initiator()
                    + "), a change manager or an administrator may."));
        }
        String why = checkedReason(reason);
        ProcessInstance running = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(runId)
                .singleResult();
        if (running == null) {
            throw new NotRunning("Run " + runId + " has already ended; a finished run cannot be aborted.");
        }
        Instant now = clock.instant();
        String outcome = "aborted by " + userId + " at " + MINUTE.format(now) + ": " + why;
        ABORTING.set(outcome);
        try {
            // Our own check above decides who may abort; the engine's authorizations give runbook users no
            // DELETE on instances (nor should they through the engine API), so they are not checked here.
            ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getCommandExecutorTxRequired()
                    .execute(command -> {
                        command.disableAuthorizationCheck();
                        try {
                            engine.getRuntimeService().setVariable(runId, RunVariables.OUTCOME, outcome);
                            engine.getRuntimeService().deleteProcessInstance(runId, outcome, false, true);
                        } finally {
                            command.enableAuthorizationCheck();
                        }
                        return null;
                    });
        } catch (OptimisticLockingException busy) {
            throw new NotRunning("A step of run " + runId + " is running right now; abort again once it waits.");
        } finally {
            ABORTING.remove();
        }
        return outcome;
    }

    /**
     * The outcome of the abort this thread is carrying out: the evidence of a run that ends canceled takes its
     * outcome from here, never from the run's {@code outcome} variable, which an administrator could have written.
     */
    public static Optional<String> abortInProgress() {
        return Optional.ofNullable(ABORTING.get());
    }

    private static final ThreadLocal<String> ABORTING = new ThreadLocal<>();

    private static String checkedReason(String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Give the reason for aborting the run: it goes into the run's report.");
        }
        if (text.length() > REASON_LIMIT) {
            throw new IllegalArgumentException("The reason is " + text.length() + " characters long; at most "
                    + REASON_LIMIT + " are allowed.");
        }
        // U+2028 and U+2029 too: browsers and log viewers start a line there (Review E).
        if (text.chars().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR)) {
            throw new IllegalArgumentException("The reason takes one line of text, without control characters.");
        }
        if (!Objects.equals(SECRETS.scrub(text), text)) {
            throw new IllegalArgumentException("The reason looks like it holds a password, key or token; it is"
                    + " kept in the run's history, so leave the secret out.");
        }
        return text;
    }

    /** The user may not abort this run: a 403. */
    public static final class NotAllowed extends RuntimeException {
        NotAllowed(String message) {
            super(message);
        }
    }

    /** The run cannot be aborted now (ended, part of another run, a step busy): a 409. */
    public static final class NotRunning extends RuntimeException {
        NotRunning(String message) {
            super(message);
        }
    }
}
