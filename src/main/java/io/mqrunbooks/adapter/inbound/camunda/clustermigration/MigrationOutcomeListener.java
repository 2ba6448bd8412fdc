package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import io.mqrunbooks.application.port.out.RecordedVersions;
import io.mqrunbooks.platform.runbook.RunbookVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Sets {@code outcome} when a migration run reaches one of its end events, from the end event and the run's facts;
 * the version a completed run names is the one its own dspmqver printed, read back from its evidence.
 */
@Component
public class MigrationOutcomeListener implements ExecutionListener {

    private final RecordedVersions versions;

    public MigrationOutcomeListener(RecordedVersions versions) {
        this.versions = versions;
    }

    @Override
    public void notify(DelegateExecution execution) {
        OUTCOME.set(execution, outcome(execution));
    }

    private String outcome(DelegateExecution execution) {
        String endEvent = execution.getCurrentActivityId();
        return switch (endEvent) {
            case "endEvent_completed" -> "completed: " + QUEUE_MANAGER.getOrNull(execution) + completedVersion(execution)
                    + " and is resumed in its clusters";
            case "endEvent_rejected" -> withComment("rejected", APPROVAL_COMMENT.getOrNull(execution));
            case "endEvent_outageRefused" -> "rejected: the outage of "
                    + String.join(", ", SOLE_HOSTED_QUEUES.getOrDefault(execution, List.of()))
                    + " was not acknowledged";
            case "endEvent_backedOut" -> "backed out: " + BACKOUT_REASON.getOrNull(execution);
            case "endEvent_aborted", "endEvent_stagedAborted" -> "aborted: " + RunbookVariables.REFUSAL_REASON.getOrNull(execution);
            default -> throw new IllegalStateException("end event " + endEvent + " has no outcome");
        };
    }

    private String completedVersion(DelegateExecution execution) {
        String host = PLAN.get(execution).host();
        return versions.dspmqverAt(execution.getProcessInstanceId(), "serviceTask_verifyInstalledVersion", host)
                .map(version -> " runs " + version)
                .orElse(" (no dspmqver output of " + host + " in the evidence store names its version)");
    }

    private static String withComment(String outcome, Object comment) {
        return comment == null || comment.toString().isBlank() ? outcome : outcome + ": " + comment.toString().strip();
    }
}
