package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import static io.mqrunbooks.platform.runbook.RunVariable.booleanVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.intVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.stringVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.textVariable;

import io.mqrunbooks.adapter.inbound.camunda.PollCount;
import io.mqrunbooks.platform.runbook.RunVariable;

/** Process variables of the Native HA rejoin runbook (nativeHaCrossRegionRejoinProcess). */
public final class RejoinVariables {

    /** The group that took over and runs Live, and the group whose region is back, to be made Recovery. */
    public static final RunVariable<String> LIVE_GROUP = stringVariable("liveGroup");
    public static final RunVariable<String> RETURNED_GROUP = stringVariable("returnedGroup");
    /** Both groups as read, the plan and what is discarded, shown at the gate. */
    public static final RunVariable<String> PLAN_SUMMARY = textVariable("planSummary",
            "the evidence of the dspmq commands of this run");
    /** Whether the Live group's active sees the returned group as Recovery, connected and in sync. */
    public static final RunVariable<Boolean> REJOINED = booleanVariable("rejoined");
    public static final RunVariable<Integer> REJOIN_POLLS = intVariable("rejoinPolls");
    public static final RunVariable<Integer> REJOIN_POLL_LIMIT = intVariable("rejoinPollLimit");
    public static final int DEFAULT_REJOIN_POLL_LIMIT = 20;
    public static final RunVariable<Boolean> REJOIN_LIMIT_REACHED = booleanVariable("rejoinLimitReached");
    public static final PollCount REJOIN_WAIT = new PollCount(REJOIN_POLLS, REJOIN_POLL_LIMIT, REJOINED,
            REJOIN_LIMIT_REACHED, true);
    public static final RunVariable<String> REJOIN_STATUS = stringVariable("rejoinStatus");

    private RejoinVariables() {
    }
}
