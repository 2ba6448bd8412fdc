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
                   List<RunReport.Command> commands, List<Wait> waits, String revision,
                   @JsonIgnore String processDefinitionId) {

    boolean finished() {
        return "finished".equals(status);
    }

    record Action(Instant at, String who, String what) {
    }

    /** @param whoMayAct in words, e.g. "a change manager other than operator" */
    record OpenTask(String taskId, String stepId, String name, Instant since, String assignee, String whoMayAct) {
    }

    /**
     * A built-in wait of the runbook (a timer).
     *
     * @param length in words ("30 seconds"), or what it waits for while the run has not set it yet
     * @param setBy  where the length comes from: "the runbook", or the configuration property behind it
     * @param until  when it ends, while the run waits there now; else null
     */
    record Wait(String stepId, String name, String length, String setBy, Instant until) {
    }

    /** An incident; {@code jobId} is the failed step's job when a retry can start it again. */
    record Failure(String stepId, String stepName, Instant at, String message, String jobId) {
    }
}
