package io.mqrunbooks.evidence.report;

import io.mqrunbooks.evidence.ChainVerification;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One run as an auditor reads it, built only from the evidence store. Its JSON form is described by
 * {@code /schema/run-report.schema.json}. {@code userTasks} are the tasks other than approvals and partner
 * sign-offs; each task's {@code values} are what its user entered (fields shown read-only left out).
 */
public record RunReport(String runId, String runbook, String businessKey, Instant generatedAt, long recordCount,
                        ChainVerification chain, Start start, List<Approval> approvals,
                        List<UserTaskEntry> partnerSignOffs, List<UserTaskEntry> userTasks,
                        List<TaskComment> taskComments, List<Step> timeline,
                        List<Command> commands, List<Incident> incidents, List<Retry> retries, List<Note> notes,
                        Outcome outcome, RecoveryTime recoveryTime) {

    public record Start(String startedBy, Instant startedAt, String reason, String incidentReference,
                        String queueManager, Map<String, Object> startValues) {
    }

    public record Approval(String stepId, String stepName, String approver, Instant decidedAt,
                           String decisionVariable, Object decision, String comment, Map<String, Object> values) {
    }

    public record UserTaskEntry(String stepId, String stepName, String completedBy, Instant completedAt,
                                Map<String, Object> values) {
    }

    /**
     * A Camunda comment found on a task when it was completed, by its own author (who may be anyone allowed
     * the comment API): never part of the decision or of what the completing user entered.
     */
    public record TaskComment(String stepId, String stepName, String author, Instant at, String text) {
    }

    /** One activity instance. {@code status}: completed, canceled, failed attempt, in progress. */
    public record Step(String stepId, String stepName, String activityType, Instant startedAt, Instant endedAt,
                       Long durationMs, String status) {
    }

    public record Command(long sequence, Instant at, String stepId, String stepName, String host, String commandLine,
                          Integer exitCode, Long durationMs, String stdout, String stderr, boolean truncated) {
    }

    /** {@code event}: create, resolve or delete. */
    public record Incident(Instant at, String stepId, String stepName, String event, String incidentType,
                           String message) {
    }

    public record Retry(Instant at, String stepId, String stepName, String exceptionMessage,
                        Integer retriesLeftBeforeThisFailure) {
    }

    public record Note(Instant at, String actor, String stepId, Map<String, Object> content) {
    }

    /**
     * {@code outcome} is RUNNING until the run ended. {@code endEvent} is the end event the run reached, as the
     * engine recorded its steps (null for a run that was canceled or has not ended): the outcome text is the
     * runbook's own words, the end event is where the process actually went.
     */
    public record Outcome(String outcome, String endEvent, Instant endedAt, String endedBy, String deleteReason,
                          Long runDurationMs) {
    }

    /**
     * Measured between the times of two evidence records, {@code from} and {@code to}; {@code source} names
     * them. Null seconds when the runbook has no recovery time or the evidence does not hold both ends yet.
     */
    public record RecoveryTime(boolean measured, Long seconds, String source, String text, Instant from, Instant to) {
    }
}
