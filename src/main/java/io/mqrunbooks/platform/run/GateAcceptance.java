package io.mqrunbooks.platform.run;

import io.mqrunbooks.platform.security.Groups;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * Reads from the server's record of a run (never from a variable a caller can set) whether a gate's latest
 * decision in the step's pass approved the current plan, by someone other than the initiator (nor a user whose
 * identity the initiator shaped), with one of
 * its plan variables ticked: e.g. the data-loss window of an unplanned switch accepted. The decision's plan
 * hash commits to what its plan variables held when the gate was completed, so a value set afterwards does
 * not count.
 */
public final class GateAcceptance {

    private GateAcceptance() {
    }

    /** The run's sealed start value of {@code key}, as the server recorded it at the start. */
    public static Optional<String> sealedParameter(RunRecords records, DelegateExecution execution, String key) {
        return sealed(records, execution).parameter(key);
    }

    /**
     * Why the gate's recorded decision does not accept {@code acceptance} (a checkbox of its form named in its
     * {@code plan} property), or empty when it does.
     */
    public static Optional<String> refusal(RunRecords records, DelegateExecution execution, String gateId,
                                           String acceptance) {
        RunRecord record = sealed(records, execution);
        Optional<RunDecision> latest = latestDecision(records, execution, gateId);
        if (latest.isEmpty()) {
            return Optional.of("the gate " + gateId + " has not been decided in this run");
        }
        RunDecision decision = latest.get();
        String by = " by " + decision.decidedBy() + " at " + decision.decidedAt();
        if (!decision.approved()) {
            return Optional.of("the gate's recorded decision was '" + decision.decision() + "'" + by);
        }
        if (decision.decidedBy() == null || decision.decidedBy().equals(record.initiator())) {
            return Optional.of("the gate was approved" + by + ", who is not an approver other than the initiator");
        }
        Optional<String> shaped = shapedDecider(record, decision);
        if (shaped.isPresent()) {
            return Optional.of("the gate was approved" + by + ", but " + shaped.get());
        }
        if (!decision.planVariables().contains(acceptance)) {
            return Optional.of("the gate's recorded approval" + by + " does not record '" + acceptance
                    + "' (the gate's model did not ask for it)");
        }
        String acceptedPlan = RunSealing.approvedPlanHash(record.planHash(), decision.planVariables(),
                name -> name.equals(acceptance) ? Boolean.TRUE : execution.getVariable(name));
        if (!decision.planHash().equals(acceptedPlan)) {
            return Optional.of("the gate's recorded approval" + by + " was given without '" + acceptance
                    + "' ticked, or for another plan; '" + acceptance + "' now holds "
                    + execution.getVariable(acceptance) + ", which the approver did not submit");
        }
        return Optional.empty();
    }

    /**
     * Who the server recorded as deciding the gate last in the step's pass (for the evidence of what they
     * approved), or empty when it has not been decided there.
     */
    public static Optional<String> decidedBy(RunRecords records, DelegateExecution execution, String gateId) {
        return latestDecision(records, execution, gateId).map(RunDecision::decidedBy);
    }

    /**
     * Why the decision's decider counts as the initiator under another name ({@link InitiatorShapedIdentity}): a gate
     * is the change managers' decision, so that is the group whose grants are checked.
     */
    static Optional<String> shapedDecider(RunRecord record, RunDecision decision) {
        return InitiatorShapedIdentity.refusal(decision.decidedBy(), record.initiator(),
                List.of(Groups.CHANGE_MANAGERS), decision.decidedAt());
    }

    /** The gate's latest decision in the step's pass: its own pass of each enclosing scope, up to the run. */
    static Optional<RunDecision> latestDecision(RunRecords records, DelegateExecution execution, String gateId) {
        String runId = sealed(records, execution).runId();
        Set<String> passes = RunGuardInterceptor.passesOf((ExecutionEntity) execution);
        return records.decisions(runId).stream()
                .filter(d -> d.gateId().equals(gateId) && passes.contains(d.scopeId()))
                .max(Comparator.comparing(RunDecision::decidedAt));
    }

    private static RunRecord sealed(RunRecords records, DelegateExecution execution) {
        return records.find(execution.getProcessInstanceId()).orElseThrow(() -> new RunGuardException("Run "
                + execution.getProcessInstanceId() + " has no sealed record; it cannot act"));
    }
}
