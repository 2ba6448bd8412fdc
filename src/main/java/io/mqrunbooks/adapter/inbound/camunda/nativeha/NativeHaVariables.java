package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import static io.mqrunbooks.platform.runbook.RunVariable.booleanVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.intVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.stringVariable;

import io.mqrunbooks.adapter.inbound.camunda.PollCount;
import io.mqrunbooks.platform.runbook.RunVariable;
import io.mqrunbooks.platform.runbook.RunbookVariables;
import java.time.Duration;

/** Process variables of the Native HA rolling maintenance runbook, declared once. */
public final class NativeHaVariables {

    public static final RunVariable<String> QUEUE_MANAGER = RunbookVariables.QUEUE_MANAGER;
    /** The approved order of maintenance: the hosts, comma separated, replicas first and the active last. */
    public static final RunVariable<String> MAINTENANCE_ORDER = stringVariable("maintenanceOrder");
    /** The plan table the gate shows. */
    public static final RunVariable<String> PLAN_SUMMARY = stringVariable("planSummary");
    /** Index into the order of the next instance to maintain; equal to its length when all are done. */
    public static final RunVariable<Integer> INSTANCE_INDEX = intVariable("instanceIndex");
    /** The host of the instance being maintained (task names show it). */
    public static final RunVariable<String> CURRENT_INSTANCE = stringVariable("currentInstance");
    public static final RunVariable<Boolean> INSTANCES_LEFT = booleanVariable("instancesLeft");
    /** Reached: the group is in sync ({@code groupInSync}); counted again from zero for each instance. */
    public static final PollCount SYNC_WAIT = PollCount.named("sync", "groupInSync", true);
    public static final RunVariable<String> SYNC_STATUS = stringVariable("syncStatus");
    /** How long the wait for the group to be in sync polls before it asks for a decision (20 polls of 30 s by default). */
    public static final Duration SYNC_TIME_LIMIT = Duration.ofMinutes(10);
    /** One line per step: what ran and what it answered, or why nothing had to run. */
    public static final RunVariable<String> RUN_LOG = RunbookVariables.RUN_LOG;

    private NativeHaVariables() {
    }
}
