package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import io.mqrunbooks.application.rdqm.RdqmNodeReplacement;
import io.mqrunbooks.platform.RunVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reads the survivor and the replacement node and plans the replacement. */
@Component
public class AssessNodeReplacementDelegate implements JavaDelegate {

    private final RdqmNodeReplacement replacement;

    public AssessNodeReplacementDelegate(RdqmNodeReplacement replacement) {
        this.replacement = replacement;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String queueManager = RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER);
        Object lostNode = execution.getVariable(RdqmVariables.LOST_NODE);
        RdqmNodeReplacement.ReplacementPlan plan = RunbookSteps.decide(execution,
                () -> replacement.assess(queueManager, lostNode == null ? null : lostNode.toString()));
        execution.setVariable(RdqmVariables.NEW_PRIMARY_NODE, plan.survivor());
        execution.setVariable(RdqmVariables.REPLACEMENT_NODE, plan.replacement());
        execution.setVariable(RdqmVariables.STALE_QUEUE_MANAGER, plan.staleQueueManager());
        execution.setVariable(RdqmVariables.STALE_SUMMARY, plan.staleSummary());
        execution.setVariable(RdqmVariables.ORIGINAL_PRIMARY_REPLACED, plan.originalPrimaryReplaced());
        execution.setVariable(RdqmVariables.REPLACEMENT_SUMMARY, plan.summary());
    }
}
