package io.mqrunbooks.adapter.inbound.camunda.nativeha;

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
    /** Reached ({@code rejoined}): the Live group's active sees the returned group as Recovery, connected, in sync. */
    public static final PollCount REJOIN_WAIT = PollCount.named("rejoin", "rejoined", true);
    public static final int DEFAULT_REJOIN_POLL_LIMIT = 20;
    public static final RunVariable<String> REJOIN_STATUS = stringVariable("rejoinStatus");

    private RejoinVariables() {
    }
}
