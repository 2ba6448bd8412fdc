package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The staged run's outcome, from each member run's evidence: every member migrated, or which were migrated, backed
 * out, rejected or failed and which are untouched.
 */
@Component
public class FinishStagedMigrationDelegate implements JavaDelegate {

    private final MemberRunEnds ends;

    public FinishStagedMigrationDelegate(MemberRunEnds ends) {
        this.ends = ends;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> members = STAGE_QUEUE_MANAGERS.getOrDefault(execution, List.of());
        List<String> results = StagedMigration.results(members, ends.of(execution.getProcessInstanceId()));
        STAGE_RESULTS.set(execution, results);
        MIGRATED_QUEUE_MANAGERS.set(execution, StagedMigration.done(results));
        UNTOUCHED_QUEUE_MANAGERS.set(execution, StagedMigration.untouched(members, results));
        STAGES_SUMMARY.set(execution, StagedMigration.formSummary(members, results));
        OUTCOME.set(execution, StagedMigration.outcome(members, results));
    }
}
