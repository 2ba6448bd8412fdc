package io.mqrunbooks.adapter.inbound.camunda.rdqm;

import io.mqrunbooks.platform.runbook.RunbookVariables;

/** Process variables of the RDQM runbooks (switchover, failover, node replacement, create, delete). */
public final class RdqmVariables {

    /** Local input of a step: the node it acts on. */
    public static final String TARGET_NODE = "targetNode";
    /** The node that gives up the DR primary role (switchover). */
    public static final String OLD_PRIMARY_NODE = "oldPrimaryNode";
    /** The node that becomes (or stays) the running DR primary. */
    public static final String NEW_PRIMARY_NODE = "newPrimaryNode";
    /** One line per step: what ran and what it answered, or why nothing had to run. */
    public static final String RUN_LOG = RunbookVariables.RUN_LOG.name();
    /** The BPMN error code of a refusal, and its reason (also in {@code outcome}). */
    public static final String REFUSAL_CODE = RunbookVariables.REFUSAL_CODE.name();
    public static final String REFUSAL_REASON = RunbookVariables.REFUSAL_REASON.name();

    public static final String SWITCHOVER_SUMMARY = "switchoverSummary";
    public static final String ROLES_CONFIRMATION = "rolesConfirmation";

    public static final String LOST_PRIMARY_NODE = "lostPrimaryNode";
    public static final String FAILOVER_SUMMARY = "failoverSummary";
    public static final String DATA_LOSS_ON_PROMOTION = "dataLossOnPromotion";
    public static final String DATA_LOSS_WARNING = "dataLossWarning";
    public static final String REVERTING_TO_SNAPSHOT = "revertingToSnapshot";
    public static final String REVERTED_TO_SNAPSHOT = "revertedToSnapshot";
    public static final String REVERT_POLLS = "revertPolls";
    public static final String REVERT_STATUS = "revertStatus";
    public static final String FAILOVER_RESULT = "failoverResult";
    public static final String DATA_LOSS_RECORD = "dataLossRecord";

    /** Start form of node replacement: the node that was lost and has been replaced. */
    public static final String LOST_NODE = "lostNode";
    public static final String REPLACEMENT_NODE = "replacementNode";
    public static final String REPLACEMENT_SUMMARY = "replacementSummary";
    public static final String STALE_QUEUE_MANAGER = "staleQueueManager";
    public static final String STALE_SUMMARY = "staleSummary";
    public static final String ORIGINAL_PRIMARY_REPLACED = "originalPrimaryReplaced";
    /** The validated {@code crtmqm -rr s} command as JSON parts, and as the line RDQM printed. */
    public static final String DR_SECONDARY_COMMAND = "drSecondaryCommand";
    public static final String DR_SECONDARY_COMMAND_LINE = "drSecondaryCommandLine";
    /** Outcome of the switchover back to the original roles (call activity). */
    public static final String RESTORE_ROLES_OUTCOME = "restoreRolesOutcome";

    public static final String SYNC_NORMAL = "syncNormal";
    public static final String SYNC_PROGRESS = "syncProgress";
    public static final String SYNC_SUMMARY = "syncSummary";
    public static final String SYNC_POLLS = "syncPolls";
    public static final String SYNC_POLL_LIMIT = "syncPollLimit";
    public static final String SYNC_LIMIT_REACHED = "syncLimitReached";
    /** Polls of 30 s before the wait for synchronization asks for a decision: one hour. */
    public static final int DEFAULT_SYNC_POLL_LIMIT = 120;
    /** Polls of 30 s while a node reverts to its snapshot before the step fails: twenty minutes. */
    public static final int REVERT_POLL_LIMIT = 40;

    /** Create and delete: the inventory's primary and secondary node. */
    public static final String PRIMARY_NODE = "primaryNode";
    public static final String SECONDARY_NODE = "secondaryNode";
    public static final String CREATE_SUMMARY = "createSummary";
    public static final String DELETE_SUMMARY = "deleteSummary";
    public static final String DELETE_CONFIRMATION = "deleteConfirmation";

    private RdqmVariables() {
    }
}
