package io.mqrunbooks.adapter.inbound.camunda.nativeha;

/** Process variables of the Native HA cross-region switch runbook. */
public final class CrossRegionVariables {

    /** Start form: {@code planned} (both groups in sync) or {@code unplanned} (the Live region is lost). */
    public static final String SWITCH_TYPE = "switchType";
    public static final String PLANNED = "planned";
    /** Whether the Live group is made Recovery first (a planned switch). */
    public static final String PLANNED_SWITCH = "plannedSwitch";
    /** The group that is Live now, and the group to be made Live (from dspmq, approved at the gate). */
    public static final String LIVE_GROUP = "liveGroup";
    public static final String RECOVERY_GROUP = "recoveryGroup";
    public static final String PLAN_SUMMARY = "planSummary";
    /** Unplanned: the Recovery group's last known backlog and sync time, shown at the gate. */
    public static final String DATA_LOSS_WINDOW = "dataLossWindow";
    public static final String SWITCH_DECISION = "switchDecision";
    /** The approver's explicit acceptance of the data-loss window (unplanned switches only). */
    public static final String DATA_LOSS_ACCEPTED = "dataLossAccepted";
    /** The change managers' gate; its recorded decision (not a variable) says what was approved and accepted. */
    public static final String APPROVAL_GATE = "userTask_approveSwitch";


    private CrossRegionVariables() {
    }
}
