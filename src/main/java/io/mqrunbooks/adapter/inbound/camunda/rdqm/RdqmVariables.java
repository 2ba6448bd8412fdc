package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import static io.mqrunbooks.platform.runbook.RunVariable.booleanVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.intVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.stringVariable;

import io.mqrunbooks.adapter.inbound.camunda.PollCount;
import io.mqrunbooks.platform.runbook.RunVariable;
import io.mqrunbooks.platform.runbook.RunbookVariables;
import java.time.Duration;

/** Process variables of the RDQM runbooks (switchover, failover, node replacement, create, delete), declared once. */
public final class RdqmVariables {

    /** Local input of a step: the node it acts on. */
    public static final RunVariable<String> TARGET_NODE = stringVariable("targetNode");
    /** The node that gives up the DR primary role (switchover). */
    public static final RunVariable<String> OLD_PRIMARY_NODE = stringVariable("oldPrimaryNode");
    /** The node that becomes (or stays) the running DR primary. */
    public static final RunVariable<String> NEW_PRIMARY_NODE = stringVariable("newPrimaryNode");
    public static final RunVariable<String> QUEUE_MANAGER = RunbookVariables.QUEUE_MANAGER;
    /** One line per step: what ran and what it answered, or why nothing had to run. */
    public static final RunVariable<String> RUN_LOG = RunbookVariables.RUN_LOG;

    public static final RunVariable<String> SWITCHOVER_SUMMARY = stringVariable("switchoverSummary");
    public static final RunVariable<String> ROLES_CONFIRMATION = stringVariable("rolesConfirmation");

    public static final RunVariable<String> LOST_PRIMARY_NODE = stringVariable("lostPrimaryNode");
    public static final RunVariable<String> FAILOVER_SUMMARY = stringVariable("failoverSummary");
    public static final RunVariable<Boolean> DATA_LOSS_ON_PROMOTION = booleanVariable("dataLossOnPromotion");
    public static final RunVariable<String> DATA_LOSS_WARNING = stringVariable("dataLossWarning");
    public static final RunVariable<Boolean> REVERTING_TO_SNAPSHOT = booleanVariable("revertingToSnapshot");
    public static final RunVariable<Boolean> REVERTED_TO_SNAPSHOT = booleanVariable("revertedToSnapshot");
    public static final RunVariable<Integer> REVERT_POLLS = intVariable("revertPolls");
    public static final RunVariable<String> REVERT_STATUS = stringVariable("revertStatus");
    public static final RunVariable<String> FAILOVER_RESULT = stringVariable("failoverResult");
    public static final RunVariable<String> DATA_LOSS_RECORD = stringVariable("dataLossRecord");

    /** Start form of node replacement: the node that was lost and has been replaced. */
    public static final RunVariable<String> LOST_NODE = stringVariable("lostNode");
    public static final RunVariable<String> REPLACEMENT_NODE = stringVariable("replacementNode");
    public static final RunVariable<String> REPLACEMENT_SUMMARY = stringVariable("replacementSummary");
    public static final RunVariable<Boolean> STALE_QUEUE_MANAGER = booleanVariable("staleQueueManager");
    public static final RunVariable<String> STALE_SUMMARY = stringVariable("staleSummary");
    public static final RunVariable<Boolean> ORIGINAL_PRIMARY_REPLACED = booleanVariable("originalPrimaryReplaced");
    /** The validated {@code crtmqm -rr s} command as JSON parts, and as the line RDQM printed. */
    public static final RunVariable<String> DR_SECONDARY_COMMAND = stringVariable("drSecondaryCommand");
    public static final RunVariable<String> DR_SECONDARY_COMMAND_LINE = stringVariable("drSecondaryCommandLine");
    /** Outcome of the switchover back to the original roles (call activity). */
    public static final RunVariable<String> RESTORE_ROLES_OUTCOME = stringVariable("restoreRolesOutcome");

    /** Reached: the DR status is Normal ({@code syncNormal}). */
    public static final PollCount SYNC_WAIT = PollCount.named("sync", "syncNormal", false);
    public static final RunVariable<Integer> SYNC_POLL_LIMIT = SYNC_WAIT.pollLimit();
    public static final RunVariable<String> SYNC_PROGRESS = stringVariable("syncProgress");
    public static final RunVariable<String> SYNC_SUMMARY = stringVariable("syncSummary");
    /** How long the wait for synchronization polls before it asks for a decision (120 polls of 30 s by default). */
    public static final Duration SYNC_TIME_LIMIT = Duration.ofHours(1);
    /** How long a node may revert to its snapshot before the step fails (40 polls of 30 s by default). */
    public static final Duration REVERT_TIME_LIMIT = Duration.ofMinutes(20);

    /** Create and delete: the inventory's primary and secondary node. */
    public static final RunVariable<String> PRIMARY_NODE = stringVariable("primaryNode");
    public static final RunVariable<String> SECONDARY_NODE = stringVariable("secondaryNode");
    public static final RunVariable<String> CREATE_SUMMARY = stringVariable("createSummary");
    public static final RunVariable<String> DELETE_SUMMARY = stringVariable("deleteSummary");
    public static final RunVariable<String> DELETE_CONFIRMATION = stringVariable("deleteConfirmation");

    private RdqmVariables() {
    }
}
