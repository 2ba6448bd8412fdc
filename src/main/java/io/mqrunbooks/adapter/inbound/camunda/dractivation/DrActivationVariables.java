package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.platform.runbook.RunVariable.booleanVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.doubleVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.instantVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.intVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.jsonListVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.jsonVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.longVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.stringVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.textVariable;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.mqrunbooks.application.dractivation.ActivationTarget;
import io.mqrunbooks.application.dractivation.DrainWatch;
import io.mqrunbooks.application.dractivation.PartnerChannels;
import io.mqrunbooks.application.dractivation.PrimaryState;
import io.mqrunbooks.estate.BackupLevel;
import io.mqrunbooks.estate.QueueManagerKind;
import io.mqrunbooks.platform.runbook.RunVariable;
import io.mqrunbooks.platform.runbook.RunbookVariables;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables of drActivationProcess, declared once. Texts shown in forms are strings under 4,000
 * characters; lists and records are JSON (Spin) values; nothing is Java-serialized.
 */
public final class DrActivationVariables {

    /** Where the whole of a cut form text is. */
    private static final String EVIDENCE = "the run's evidence";

    // Start form
    public static final RunVariable<String> QUEUE_MANAGER = RunbookVariables.QUEUE_MANAGER;
    public static final RunVariable<String> REASON = RunbookVariables.REASON;
    public static final RunVariable<String> OUTCOME = RunbookVariables.OUTCOME;
    public static final RunVariable<String> INCIDENT = stringVariable("incidentReference");
    public static final RunVariable<String> DECLARED_BY = stringVariable("declaredBy");
    public static final RunVariable<String> CLIENT_CHANNEL = stringVariable("clientChannel");

    // The request, resolved from the inventory
    public static final RunVariable<String> PRIMARY_KIND = stringVariable("primaryKind");
    public static final RunVariable<String> PRIMARY_HOST = stringVariable("primaryHost");
    public static final RunVariable<String> BACKUP_QUEUE_MANAGER = stringVariable("backupQueueManager");
    public static final RunVariable<String> BACKUP_HOST = stringVariable("backupHost");
    public static final RunVariable<String> BACKUP_ADDRESS = stringVariable("backupAddress");
    public static final RunVariable<String> BACKUP_LEVEL = stringVariable("backupLevel");
    public static final RunVariable<String> LISTENER_NAME = stringVariable("listenerName");
    public static final RunVariable<Integer> LISTENER_PORT = intVariable("listenerPort");
    /** ISO-8601 duration of the poll timers, from the settings. */
    public static final RunVariable<String> POLL_INTERVAL = stringVariable("pollInterval");

    // Assessment and the gate
    public static final RunVariable<Boolean> PRIMARY_REACHABLE = booleanVariable("primaryReachable");
    public static final RunVariable<Boolean> PRIMARY_RUNNING = booleanVariable("primaryRunning");
    public static final RunVariable<String> PRIMARY_STATE = textVariable("primaryState", EVIDENCE);
    public static final RunVariable<Boolean> PRIMARY_MUST_BE_FENCED = booleanVariable("primaryMustBeFenced");
    public static final RunVariable<Boolean> SECONDARY_INCONSISTENT = booleanVariable("secondaryInconsistent");
    public static final RunVariable<String> ASSESSMENT_SUMMARY = textVariable("assessmentSummary", EVIDENCE);
    /**
     * JSON {id, sha256, summary}: the stored baseline version to apply (BaselineStore), when there is one. The
     * MQSC itself is never a variable: the apply step loads it by id and refuses it unless its hash matches.
     * Read as a tree: a forged value is refused by what it lacks, not by a mapping error.
     */
    public static final RunVariable<JsonNode> BASELINE = jsonVariable("baseline", JsonNode.class);
    public static final String BASELINE_ID = "id";
    public static final String BASELINE_SHA256 = "sha256";
    public static final String BASELINE_SUMMARY = "summary";
    public static final RunVariable<Boolean> BASELINE_AVAILABLE = booleanVariable("baselineAvailable");
    public static final RunVariable<String> BASELINE_SOURCE = textVariable("baselineSource", EVIDENCE);
    public static final RunVariable<String> DECLARATION_COMMENT = stringVariable("declarationComment");

    // Fencing
    public static final RunVariable<String> FENCING_SUMMARY = stringVariable("fencingSummary");
    public static final RunVariable<Boolean> PRIMARY_ENDED = booleanVariable("primaryEnded");
    public static final RunVariable<Instant> PRIMARY_END_DEADLINE = instantVariable("primaryEndDeadline");

    // Preparing and starting the backup
    /** Set by the re-check: the level's preparation is done, a second fencing goes straight back to the re-check. */
    public static final RunVariable<Boolean> BACKUP_PREPARED = booleanVariable("backupPrepared");
    public static final RunVariable<String> BACKUP_SUMMARY = stringVariable("backupSummary");
    public static final RunVariable<Boolean> PROMOTION_COMPLETE = booleanVariable("promotionComplete");
    public static final RunVariable<Instant> PROMOTION_DEADLINE = instantVariable("promotionDeadline");
    public static final RunVariable<String> BASELINE_REPORT = textVariable("baselineReport", EVIDENCE);
    public static final RunVariable<Boolean> BACKUP_RUNNING = booleanVariable("backupRunning");
    public static final RunVariable<Instant> BACKUP_START_DEADLINE = instantVariable("backupStartDeadline");

    // Channel partners and sender channels
    public static final RunVariable<List<PartnerChannels.PartnerTask>> PARTNER_TASKS =
            jsonListVariable("partnerTasks", PartnerChannels.PartnerTask.class);
    public static final RunVariable<Integer> PARTNER_COUNT = intVariable("partnerCount");
    /** Local to each partner task: the channel and what the form shows. */
    public static final RunVariable<String> PARTNER_CHANNEL = stringVariable("partnerChannel");
    public static final RunVariable<String> PARTNER_SUMMARY = textVariable("partnerSummary", EVIDENCE);
    public static final RunVariable<String> PARTNER_CONFIRMED_BY = stringVariable("partnerConfirmedBy");
    public static final RunVariable<String> PARTNER_CONFIRMED_AT = stringVariable("partnerConfirmedAt");
    public static final RunVariable<String> FIREWALL_TICKET_REFERENCE = stringVariable("firewallTicketReference");
    /** One record per confirmed partner task. */
    public static final RunVariable<List<Map<String, Object>>> PARTNER_CONFIRMATIONS =
            jsonVariable("partnerConfirmations", new TypeReference<>() { });
    /** The sender channels still to be checked (skipped ones leave it). */
    public static final RunVariable<List<String>> SENDER_CHANNELS = jsonListVariable("senderChannels", String.class);
    public static final RunVariable<List<String>> TRANSMISSION_QUEUES =
            jsonListVariable("transmissionQueues", String.class);
    public static final RunVariable<String> CHANNEL_SUMMARY = stringVariable("channelSummary");
    public static final RunVariable<Boolean> CHANNELS_RUNNING = booleanVariable("channelsRunning");
    public static final RunVariable<Instant> CHANNEL_DEADLINE = instantVariable("channelDeadline");
    public static final RunVariable<Boolean> CHANNEL_TIME_UP = booleanVariable("channelTimeUp");
    public static final RunVariable<String> CHANNEL_STATUS_SUMMARY = textVariable("channelStatusSummary", EVIDENCE);
    public static final RunVariable<String> DECISION_REASON = stringVariable("decisionReason");
    public static final RunVariable<String> SKIPPED_CHANNELS = stringVariable("skippedChannels");

    // Cluster, test message, drain, clients
    public static final RunVariable<Boolean> CLUSTER_RUNNING = booleanVariable("clusterRunning");
    public static final RunVariable<Instant> CLUSTER_DEADLINE = instantVariable("clusterDeadline");
    public static final RunVariable<String> CLUSTER_SUMMARY = textVariable("clusterSummary", EVIDENCE);
    public static final RunVariable<String> TEST_MESSAGE_SUMMARY = stringVariable("testMessageSummary");
    public static final RunVariable<String> TEST_CORRELATION_ID = stringVariable("testCorrelationId");
    public static final RunVariable<Instant> FIRST_TEST_MESSAGE_AT = instantVariable("firstTestMessageAt");
    public static final RunVariable<List<DrainWatch.Sample>> DRAIN_SAMPLES =
            jsonListVariable("drainSamples", DrainWatch.Sample.class);
    /** Messages per second, first to last sample (positive while draining), or null. */
    public static final RunVariable<Double> DRAIN_RATE = doubleVariable("drainRate");
    public static final RunVariable<Boolean> DRAINED = booleanVariable("drained");
    public static final RunVariable<Instant> DRAIN_DEADLINE = instantVariable("drainDeadline");
    public static final RunVariable<Boolean> DRAIN_TIME_UP = booleanVariable("drainTimeUp");
    public static final RunVariable<String> DRAIN_SUMMARY = textVariable("drainSummary", EVIDENCE);
    public static final RunVariable<String> CCDT = stringVariable("ccdtJson");

    // Timeline
    /** {mark: instant}: when each phase ended (ActivationTimeline.PHASES). */
    public static final RunVariable<Map<String, Instant>> PHASE_MARKS =
            jsonVariable("phaseMarks", new TypeReference<>() { });
    /** A list of {phase, seconds}. */
    public static final RunVariable<List<Map<String, Object>>> PHASE_DURATIONS =
            jsonVariable("phaseDurations", new TypeReference<>() { });
    public static final RunVariable<Long> RTO_SECONDS = longVariable("rtoSeconds");
    public static final RunVariable<String> ACTIVATION_SUMMARY = textVariable("activationSummary", EVIDENCE);

    private DrActivationVariables() {
    }

    static void putTarget(VariableScope scope, ActivationTarget target) {
        PRIMARY_KIND.set(scope, target.primaryKind().yamlName());
        PRIMARY_HOST.set(scope, target.primaryHost());
        BACKUP_QUEUE_MANAGER.set(scope, target.backupQueueManager());
        BACKUP_HOST.set(scope, target.backupHost());
        BACKUP_ADDRESS.set(scope, target.backupAddress());
        BACKUP_LEVEL.set(scope, target.level().yamlName());
        LISTENER_NAME.set(scope, target.listenerName());
        LISTENER_PORT.set(scope, target.listenerPort());
    }

    /** What the primary's check found: whether it answers, runs and must be fenced, in words for the forms. */
    static void putPrimary(VariableScope scope, PrimaryState primary) {
        PRIMARY_REACHABLE.set(scope, primary.reachable());
        PRIMARY_RUNNING.set(scope, primary.running());
        PRIMARY_MUST_BE_FENCED.set(scope, primary.mustBeFenced());
        PRIMARY_STATE.set(scope, primary.detail());
    }

    static ActivationTarget target(VariableScope scope) {
        return new ActivationTarget(QUEUE_MANAGER.get(scope),
                QueueManagerKind.fromYaml(PRIMARY_KIND.get(scope)).orElseThrow(), PRIMARY_HOST.get(scope),
                BACKUP_QUEUE_MANAGER.get(scope), BACKUP_HOST.get(scope), BACKUP_ADDRESS.getOrNull(scope),
                BackupLevel.fromYaml(BACKUP_LEVEL.get(scope)).orElseThrow(), LISTENER_NAME.getOrNull(scope),
                LISTENER_PORT.get(scope));
    }

    /** Records when a phase ended (the first time only), for the timeline and the RTO. */
    static void mark(VariableScope scope, Clock clock, String phase) {
        Map<String, Instant> marks = new LinkedHashMap<>(PHASE_MARKS.getOrDefault(scope, Map.of()));
        marks.putIfAbsent(phase, clock.instant());
        PHASE_MARKS.set(scope, marks);
    }
}
