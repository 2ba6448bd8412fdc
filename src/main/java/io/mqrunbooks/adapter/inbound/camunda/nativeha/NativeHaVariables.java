package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import java.time.Duration;

/** Process variables of the Native HA rolling maintenance runbook. */
public final class NativeHaVariables {

    /** The approved order of maintenance: the hosts, comma separated, replicas first and the active last. */
    public static final String MAINTENANCE_ORDER = "maintenanceOrder";
    /** The plan table the gate shows. */
    public static final String PLAN_SUMMARY = "planSummary";
    /** Index into the order of the next instance to maintain; equal to its length when all are done. */
    public static final String INSTANCE_INDEX = "instanceIndex";
    /** The host of the instance being maintained (task names show it). */
    public static final String CURRENT_INSTANCE = "currentInstance";
    public static final String INSTANCES_LEFT = "instancesLeft";
    public static final String GROUP_IN_SYNC = "groupInSync";
    public static final String SYNC_STATUS = "syncStatus";
    public static final String SYNC_POLLS = "syncPolls";
    public static final String SYNC_POLL_LIMIT = "syncPollLimit";
    public static final String SYNC_LIMIT_REACHED = "syncLimitReached";
    /** How long the wait for the group to be in sync polls before it asks for a decision (20 polls of 30 s by default). */
    public static final Duration SYNC_TIME_LIMIT = Duration.ofMinutes(10);

    private NativeHaVariables() {
    }
}
