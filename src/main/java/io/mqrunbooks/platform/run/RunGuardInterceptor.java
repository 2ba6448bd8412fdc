package io.mqrunbooks.platform.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;

/**
 * Before every delegate of a run (service tasks and listeners) checks the run against its sealed record:
 * each sealed value must still be what the run holds, and a step whose model names the gates it needs
 * ({@code approvedBy}) runs only when each gate's latest decision in the step's pass approved the current
 * plan, by a user other than the initiator. The step then holds a {@link StepMandate} for exactly its call.
 * A refusal is a {@link RunGuardException}: an incident that names what is missing, with nothing changed.
 */
public class RunGuardInterceptor implements DelegateInterceptor {

    /** Activity property set by {@link SealedRunsParseListener}: the gate ids a step needs approved. */
    public static final String APPROVED_BY = "mqrunbooks.approvedBy";

    private final DelegateInterceptor next;
    private final RunRecords records;

    public RunGuardInterceptor(DelegateInterceptor next, RunRecords records) {
        this.next = next;
        this.records = records;
    }

    @Override
    public void handleInvocation(DelegateInvocation invocation) throws Exception {
        BaseDelegateExecution context = invocation.getContextExecution();
        if (!(context instanceof ExecutionEntity execution) || execution.getProcessInstanceId() == null) {
            next.handleInvocation(invocation);
            return;
        }
        String runId = execution.getProcessInstanceId();
        RunRecord record = records.find(runId).orElseThrow(() -> new RunGuardException("Run " + runId
                + " has no sealed record (it was started before runs were sealed, or the record was lost);"
                + " it cannot act. Cancel it and start the runbook again."));
        ActivityImpl activity = execution.getActivity();
        List<String> approvedBy = approvedBy(activity);
        String stepId = activity == null ? null : activity.getId();
        String stepName = activity == null ? stepId : Objects.toString(activity.getProperty("name"), stepId);
        for (String gateId : approvedBy) {
            checkApproved(execution, record, gateId, stepName);
        }
        checkSealedValues(execution, record);
        try (AutoCloseable mandate = StepMandate.enter(new StepMandate(runId, stepId, stepName, record.scope(),
                approvedBy))) {
            next.handleInvocation(invocation);
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> approvedBy(ActivityImpl activity) {
        Object value = activity == null ? null : activity.getProperty(APPROVED_BY);
        return value instanceof List<?> list ? (List<String>) list : List.of();
    }

    private static void checkSealedValues(ExecutionEntity execution, RunRecord record) {
        ExecutionEntity run = execution.getProcessInstance();
        // The run's own values, and what the step reads: a local variable of a subprocess or branch would hide them.
        record.tampering(run::getVariableLocal).or(() -> record.tampering(execution::getVariable)).ifPresent(problem -> {
            throw new RunGuardException(problem);
        });
    }

    private void checkApproved(ExecutionEntity execution, RunRecord record, String gateId, String stepName) {
        Optional<RunDecision> latest = GateAcceptance.latestDecision(records, execution, gateId);
        String needs = "Step '" + stepName + "' of run " + record.runId() + " needs the approval of gate " + gateId
                + " for plan " + record.shortPlanHash();
        if (latest.isEmpty()) {
            throw new RunGuardException(needs + ", and that gate has not been decided in this run;"
                    + " nothing was changed");
        }
        RunDecision decision = latest.get();
        String by = " by " + decision.decidedBy() + " at " + decision.decidedAt();
        if (!decision.approved()) {
            throw new RunGuardException(needs + ", but the gate's decision was '" + decision.decision() + "'" + by
                    + "; nothing was changed");
        }
        if (!"approve".equals(decision.decision())) {
            throw new RunGuardException(needs + ", but the gate's decision was '" + decision.decision() + "'" + by
                    + ": an acknowledgement approves no change; nothing was changed");
        }
        if (decision.decidedBy() == null) {
            throw new RunGuardException(needs + ", but the gate was completed without an authenticated user;"
                    + " nothing was changed");
        }
        if (decision.decidedBy().equals(record.initiator())) {
            throw new RunGuardException(needs + ", but it was approved" + by + ", who started the run"
                    + " (four-eyes); nothing was changed");
        }
        GateAcceptance.shapedDecider(record, decision).ifPresent(reason -> {
            throw new RunGuardException(needs + ", but it was approved" + by + ", and " + reason
                    + "; nothing was changed");
        });
        String planNow = RunSealing.approvedPlanHash(record.planHash(), decision.planVariables(),
                execution::getVariable);
        if (!decision.planHash().equals(planNow)) {
            throw new RunGuardException(needs + ", but the approval" + by + " was for another plan ("
                    + decision.planHash().substring(0, 12) + "): " + (decision.planVariables().isEmpty()
                    ? "the run's sealed plan" : "what " + decision.planVariables() + " held") + " has changed"
                    + " since; nothing was changed");
        }
    }

    /** The activity instances the execution runs in: its own pass of each enclosing scope, up to the run. */
    static Set<String> passesOf(ExecutionEntity execution) {
        Set<String> passes = new LinkedHashSet<>();
        List<ExecutionEntity> chain = new ArrayList<>();
        for (ExecutionEntity e = execution; e != null; e = e.getParent()) {
            chain.add(e);
        }
        for (ExecutionEntity e : chain) {
            if (e.getActivityInstanceId() != null) {
                passes.add(e.getActivityInstanceId());
            }
            if (e.getParentActivityInstanceId() != null) {
                passes.add(e.getParentActivityInstanceId());
            }
        }
        passes.add(execution.getProcessInstanceId());
        return passes;
    }
}
