package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import static io.mqrunbooks.adapter.inbound.camunda.rdqm.RdqmVariables.*;

import io.mqrunbooks.application.rdqm.RdqmNodeReplacement;
import io.mqrunbooks.platform.runbook.Refusals;
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
        String queueManager = QUEUE_MANAGER.get(execution);
        String lostNode = LOST_NODE.getOrNull(execution);
        RdqmNodeReplacement.ReplacementPlan plan = Refusals.decide(execution,
                () -> replacement.assess(queueManager, lostNode));
        NEW_PRIMARY_NODE.set(execution, plan.survivor());
        REPLACEMENT_NODE.set(execution, plan.replacement());
        STALE_QUEUE_MANAGER.set(execution, plan.staleQueueManager());
        STALE_SUMMARY.set(execution, plan.staleSummary());
        ORIGINAL_PRIMARY_REPLACED.set(execution, plan.originalPrimaryReplaced());
        REPLACEMENT_SUMMARY.set(execution, plan.summary());
    }
}
