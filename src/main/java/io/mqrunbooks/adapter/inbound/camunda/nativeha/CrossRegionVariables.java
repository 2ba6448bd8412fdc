package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import static io.mqrunbooks.platform.runbook.RunVariable.booleanVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.stringVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.textVariable;

import io.mqrunbooks.platform.runbook.RunVariable;
import io.mqrunbooks.platform.runbook.RunbookVariables;

/** Process variables of the Native HA cross-region switch runbook, declared once. */
public final class CrossRegionVariables {

    public static final RunVariable<String> QUEUE_MANAGER = RunbookVariables.QUEUE_MANAGER;
    /** Start form: {@code planned} (both groups in sync) or {@code unplanned} (the Live region is lost). */
    public static final RunVariable<String> SWITCH_TYPE = stringVariable("switchType");
    public static final String PLANNED = "planned";
    /** Whether the Live group is made Recovery first (a planned switch). */
    public static final RunVariable<Boolean> PLANNED_SWITCH = booleanVariable("plannedSwitch");
    /** The group that is Live now, and the group to be made Live (from dspmq, approved at the gate). */
    public static final RunVariable<String> LIVE_GROUP = stringVariable("liveGroup");
    public static final RunVariable<String> RECOVERY_GROUP = stringVariable("recoveryGroup");
    /** The dspmq lines of six hosts can outgrow a string variable; the commands' evidence holds every line. */
    public static final RunVariable<String> PLAN_SUMMARY = textVariable("planSummary",
            "the evidence of the dspmq commands of this run");
    /** Unplanned: the Recovery group's last known backlog and sync time, shown at the gate. */
    public static final RunVariable<String> DATA_LOSS_WINDOW = stringVariable("dataLossWindow");
    public static final RunVariable<String> SWITCH_DECISION = stringVariable("switchDecision");
    /** The approver's explicit acceptance of the data-loss window (unplanned switches only). */
    public static final RunVariable<Boolean> DATA_LOSS_ACCEPTED = booleanVariable("dataLossAccepted");
    /** One line per step: what ran and what it answered, or why nothing had to run. */
    public static final RunVariable<String> RUN_LOG = RunbookVariables.RUN_LOG;
    /** The change managers' gate; its recorded decision (not a variable) says what was approved and accepted. */
    public static final String APPROVAL_GATE = "userTask_approveSwitch";

    private CrossRegionVariables() {
    }
}
