package io.mqrunbooks.adapter.inbound.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.mqrunbooks.evidence.report.RunReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run as its page shows it, also served as JSON for the page's refresh: where each step stands, who did what,
 * what waits for whom, what failed, and every command with its output (oldest first).
 *
 * @param status   finished, failed, waiting or running
 * @param steps    step id to its state; a step that has not run is absent
 * @param revision changes whenever anything the page shows changes, so the page knows when to redraw
 */
record RunProgress(String runId, String businessKey, String runbook, String runbookName, String status,
                   String statusText, String outcome, String reportLink, Map<String, StepState> steps,
                   List<Action> whoDidWhat, List<OpenTask> openTasks, List<Failure> incidents,
                   List<RunReport.Command> commands, String revision, @JsonIgnore String processDefinitionId) {

    boolean finished() {
        return "finished".equals(status);
    }

    record Action(Instant at, String who, String what) {
    }

    /** @param whoMayAct in words, e.g. "a change manager other than operator" */
    record OpenTask(String taskId, String stepId, String name, Instant since, String assignee, String whoMayAct) {
    }

    /** An incident; {@code jobId} is the failed step's job when a retry can start it again. */
    record Failure(String stepId, String stepName, Instant at, String message, String jobId) {
    }
}
