package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import io.mqrunbooks.application.clustermigration.MigrationJson;
import io.mqrunbooks.platform.RunVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Sets {@code outcome} when a migration run reaches one of its end events, from the end event and the run's facts. */
@Component
public class MigrationOutcomeListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariable(RunVariables.OUTCOME, outcome(execution));
    }

    private static String outcome(DelegateExecution execution) {
        String endEvent = execution.getCurrentActivityId();
        return switch (endEvent) {
            case "endEvent_completed" -> "completed: " + execution.getVariable(RunVariables.QUEUE_MANAGER) + " runs "
                    + execution.getVariable(INSTALLED_VERSION) + " and is resumed in its clusters";
            case "endEvent_rejected" -> withComment("rejected", execution.getVariable(APPROVAL_COMMENT));
            case "endEvent_outageRefused" -> "rejected: the outage of "
                    + String.join(", ", MigrationJson.readStrings(MigrationRun.json(execution, SOLE_HOSTED_QUEUES)))
                    + " was not acknowledged";
            case "endEvent_backedOut" -> "backed out: " + execution.getVariable(BACKOUT_REASON);
            case "endEvent_aborted", "endEvent_stagedAborted" -> "aborted: " + execution.getVariable(ABORT_REASON);
            default -> throw new IllegalStateException("end event " + endEvent + " has no outcome");
        };
    }

    private static String withComment(String outcome, Object comment) {
        return comment == null || comment.toString().isBlank() ? outcome : outcome + ": " + comment.toString().strip();
    }
}
