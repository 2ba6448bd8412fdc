package io.mqrunbooks.platform.run;

import java.time.Instant;
import java.util.List;

/**
 * A gate's decision as the server recorded it when the gate's task was completed.
 *
 * @param scopeId   the activity instance the gate ran in (the run, or one pass of a sub-process), so a
 *                  step only counts the decisions of its own pass
 * @param decidedBy the authenticated user who completed the gate
 * @param approved  whether the decision lets the plan go ahead
 * @param planHash       the plan the decision was about: the run's sealed plan hash, extended by the values
 *                       its plan variables held then
 * @param planVariables  the variables the gate approves besides the sealed plan (its {@code plan} property),
 *                       e.g. the nodes an assessment chose
 */
public record RunDecision(String runId, String gateId, String gateName, String scopeId, String taskId,
                          String decidedBy, String decision, boolean approved, String planHash,
                          List<String> planVariables, Instant decidedAt) {

    public RunDecision {
        planVariables = List.copyOf(planVariables);
    }
}
