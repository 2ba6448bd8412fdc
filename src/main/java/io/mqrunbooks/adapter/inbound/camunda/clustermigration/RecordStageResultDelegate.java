package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The staged run's results so far, read again from every member run's evidence (the same after a retry). */
@Component
public class RecordStageResultDelegate implements JavaDelegate {

    private final MemberRunEnds ends;

    public RecordStageResultDelegate(MemberRunEnds ends) {
        this.ends = ends;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> members = STAGE_QUEUE_MANAGERS.getOrDefault(execution, List.of());
        List<String> results = StagedMigration.results(members, ends.of(execution.getProcessInstanceId()));
        STAGE_RESULTS.set(execution, results);
        STAGES_SUMMARY.set(execution, StagedMigration.formSummary(members, results));
    }
}
