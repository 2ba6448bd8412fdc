package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import io.mqrunbooks.application.dractivation.ActivationTarget;
import io.mqrunbooks.estate.BackupLevel;
import io.mqrunbooks.estate.QueueManagerKind;
import io.mqrunbooks.platform.RunVariables;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables of drActivationProcess, declared once. Texts shown in forms are strings under 4,000
 * characters; lists and records are JSON (Spin) values; nothing is Java-serialized.
 */
public final class DrActivationVariables {

    // Start form
    public static final String QUEUE_MANAGER = RunVariables.QUEUE_MANAGER;
    public static final String REASON = RunVariables.REASON;
    public static final String OUTCOME = RunVariables.OUTCOME;
    public static final String INCIDENT = "incidentReference";
    public static final String DECLARED_BY = "declaredBy";
    public static final String CLIENT_CHANNEL = "clientChannel";

    // The request, resolved from the inventory
    public static final String REQUEST_VALID = "requestValid";
    public static final String PRIMARY_KIND = "primaryKind";
    public static final String PRIMARY_HOST = "primaryHost";
    public static final String BACKUP_QUEUE_MANAGER = "backupQueueManager";
    public static final String BACKUP_HOST = "backupHost";
    public static final String BACKUP_ADDRESS = "backupAddress";
    public static final String BACKUP_LEVEL = "backupLevel";
    public static final String LISTENER_NAME = "listenerName";
    public static final String LISTENER_PORT = "listenerPort";
    /** ISO-8601 duration of the poll timers, from the settings. */
    public static final String POLL_INTERVAL = "pollInterval";

    // Assessment and the gate
    public static final String PRIMARY_REACHABLE = "primaryReachable";
    public static final String PRIMARY_RUNNING = "primaryRunning";
    public static final String PRIMARY_STATE = "primaryState";
    public static final String PRIMARY_MUST_BE_FENCED = "primaryMustBeFenced";
    public static final String SECONDARY_INCONSISTENT = "secondaryInconsistent";
    public static final String ASSESSMENT_SUMMARY = "assessmentSummary";
    /**
     * JSON {id, sha256, summary}: the stored baseline version to apply (BaselineStore), when there is one. The
     * MQSC itself is never a variable: the apply step loads it by id and refuses it unless its hash matches.
     */
    public static final String BASELINE = "baseline";
    public static final String BASELINE_ID = "id";
    public static final String BASELINE_SHA256 = "sha256";
    public static final String BASELINE_SUMMARY = "summary";
    public static final String BASELINE_AVAILABLE = "baselineAvailable";
    public static final String BASELINE_SOURCE = "baselineSource";
    public static final String DECISION = "decision";
    public static final String DECLARATION_COMMENT = "declarationComment";

    // Fencing
    public static final String FENCING_SUMMARY = "fencingSummary";
    public static final String PRIMARY_ENDED = "primaryEnded";
    public static final String PRIMARY_END_DEADLINE = "primaryEndDeadline";
    public static final String ISOLATION_METHOD = "isolationMethod";
    public static final String ISOLATION_DETAILS = "isolationDetails";

    // Preparing and starting the backup
    /** Set by the re-check: the level's preparation is done, a second fencing goes straight back to the re-check. */
    public static final String BACKUP_PREPARED = "backupPrepared";
    public static final String RESTORE_DETAILS = "restoreDetails";
    public static final String OBJECTS_CURRENT_DETAILS = "objectsCurrentDetails";
    public static final String BACKUP_SUMMARY = "backupSummary";
    public static final String PROMOTION_COMPLETE = "promotionComplete";
    public static final String PROMOTION_DEADLINE = "promotionDeadline";
    public static final String BASELINE_REPORT = "baselineReport";
    public static final String BACKUP_RUNNING = "backupRunning";
    public static final String BACKUP_START_DEADLINE = "backupStartDeadline";

    // Channel partners and sender channels
    /** JSON list of {partner, contact, channel, drConname, firewallTicket, summary}. */
    public static final String PARTNER_TASKS = "partnerTasks";
    public static final String PARTNER_COUNT = "partnerCount";
    /** Local to each partner task: the channel and what the form shows. */
    public static final String PARTNER_CHANNEL = "partnerChannel";
    public static final String PARTNER_SUMMARY = "partnerSummary";
    public static final String PARTNER_CONFIRMED_BY = "partnerConfirmedBy";
    public static final String PARTNER_CONFIRMED_AT = "partnerConfirmedAt";
    public static final String FIREWALL_TICKET_REFERENCE = "firewallTicketReference";
    /** JSON list: one record per confirmed partner task. */
    public static final String PARTNER_CONFIRMATIONS = "partnerConfirmations";
    /** JSON list of the sender channels still to be checked (skipped ones leave it). */
    public static final String SENDER_CHANNELS = "senderChannels";
    public static final String TRANSMISSION_QUEUES = "transmissionQueues";
    public static final String CHANNEL_SUMMARY = "channelSummary";
    public static final String CHANNELS_RUNNING = "channelsRunning";
    public static final String CHANNEL_DEADLINE = "channelDeadline";
    public static final String CHANNEL_TIME_UP = "channelTimeUp";
    public static final String CHANNEL_STATUS_SUMMARY = "channelStatusSummary";
    public static final String CHANNEL_DECISION = "channelDecision";
    public static final String DECISION_REASON = "decisionReason";
    public static final String SKIPPED_CHANNELS = "skippedChannels";

    // Cluster, test message, drain, clients
    public static final String CLUSTER_RUNNING = "clusterRunning";
    public static final String CLUSTER_DEADLINE = "clusterDeadline";
    public static final String CLUSTER_SUMMARY = "clusterSummary";
    public static final String TEST_MESSAGE_SUMMARY = "testMessageSummary";
    public static final String TEST_CORRELATION_ID = "testCorrelationId";
    public static final String FIRST_TEST_MESSAGE_AT = "firstTestMessageAt";
    /** JSON list of {at, depths, total}. */
    public static final String DRAIN_SAMPLES = "drainSamples";
    /** Messages per second, first to last sample (positive while draining), or null. */
    public static final String DRAIN_RATE = "drainRate";
    public static final String DRAINED = "drained";
    public static final String DRAIN_DEADLINE = "drainDeadline";
    public static final String DRAIN_TIME_UP = "drainTimeUp";
    public static final String DRAIN_SUMMARY = "drainSummary";
    public static final String DRAIN_DECISION = "drainDecision";
    public static final String CCDT = "ccdtJson";
    public static final String REDIRECT_METHOD = "redirectMethod";
    public static final String REDIRECT_DETAILS = "redirectDetails";

    // Timeline
    /** JSON {mark: instant}: when each phase ended (ActivationTimeline.PHASES). */
    public static final String PHASE_MARKS = "phaseMarks";
    /** JSON list of {phase, seconds}. */
    public static final String PHASE_DURATIONS = "phaseDurations";
    public static final String RTO_SECONDS = "rtoSeconds";
    public static final String ACTIVATION_SUMMARY = "activationSummary";

    private DrActivationVariables() {
    }

    static void putTarget(VariableScope scope, ActivationTarget target) {
        scope.setVariable(PRIMARY_KIND, target.primaryKind().yamlName());
        scope.setVariable(PRIMARY_HOST, target.primaryHost());
        scope.setVariable(BACKUP_QUEUE_MANAGER, target.backupQueueManager());
        scope.setVariable(BACKUP_HOST, target.backupHost());
        scope.setVariable(BACKUP_ADDRESS, target.backupAddress());
        scope.setVariable(BACKUP_LEVEL, target.level().yamlName());
        scope.setVariable(LISTENER_NAME, target.listenerName());
        scope.setVariable(LISTENER_PORT, target.listenerPort());
    }

    static ActivationTarget target(VariableScope scope) {
        return new ActivationTarget((String) scope.getVariable(QUEUE_MANAGER),
                QueueManagerKind.fromYaml((String) scope.getVariable(PRIMARY_KIND)).orElseThrow(),
                (String) scope.getVariable(PRIMARY_HOST), (String) scope.getVariable(BACKUP_QUEUE_MANAGER),
                (String) scope.getVariable(BACKUP_HOST), (String) scope.getVariable(BACKUP_ADDRESS),
                BackupLevel.fromYaml((String) scope.getVariable(BACKUP_LEVEL)).orElseThrow(),
                (String) scope.getVariable(LISTENER_NAME), (Integer) scope.getVariable(LISTENER_PORT));
    }
}
