package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.platform.runbook.RunVariable.booleanVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.intVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.jsonListVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.jsonVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.stringVariable;

import io.mqrunbooks.application.clustermigration.ClusterRecord;
import io.mqrunbooks.application.clustermigration.MigrationPlan;
import io.mqrunbooks.platform.runbook.RunText;
import io.mqrunbooks.platform.runbook.RunVariable;
import io.mqrunbooks.platform.runbook.RunbookVariables;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Variables of {@code clusterQueueManagerMigrationProcess} and {@code stagedClusterMigrationProcess}, declared once.
 * Plans, records and lists are JSON (Spin) values; the rest strings, numbers or booleans.
 */
public final class ClusterMigrationVariables {

    // plan (serviceTask_loadPlan)
    public static final RunVariable<MigrationPlan> PLAN = jsonVariable("migrationPlan", MigrationPlan.class);
    public static final RunVariable<String> HOST = stringVariable("host");
    public static final RunVariable<String> PLAN_SUMMARY = stringVariable("planSummary");
    // settings copied into the run, so timers and forms read them and history keeps them
    public static final RunVariable<String> TRAFFIC_SAMPLE_INTERVAL = stringVariable("trafficSampleInterval");
    public static final RunVariable<Integer> TRAFFIC_SAMPLES_WANTED = intVariable("trafficSamplesWanted");
    public static final RunVariable<String> STATUS_POLL_INTERVAL = stringVariable("statusPollInterval");
    public static final RunVariable<String> MONITORING_PERIOD = stringVariable("monitoringPeriod");
    // gate and operator decisions
    public static final RunVariable<String> DECISION = stringVariable("decision");
    public static final RunVariable<String> APPROVAL_COMMENT = stringVariable("approvalComment");
    public static final RunVariable<String> OUTAGE_DECISION = stringVariable("outageDecision");
    /** {@code continue} or {@code backout}: one variable per decision point, so none is pre-selected by another. */
    public static final RunVariable<String> INSTALL_DECISION = stringVariable("installDecision");
    public static final RunVariable<String> REVIEW_DECISION = stringVariable("reviewDecision");
    public static final RunVariable<String> SIGN_OFF_DECISION = stringVariable("signOffDecision");
    public static final RunVariable<String> BACKOUT_REASON = stringVariable("backoutReason");
    // pre-checks
    public static final RunVariable<List<String>> SOLE_HOSTED_QUEUES = jsonListVariable("soleHostedQueues", String.class);
    public static final RunVariable<Integer> SOLE_HOSTED_COUNT = intVariable("soleHostedCount");
    public static final RunVariable<String> SOLE_HOSTED_SUMMARY = stringVariable("soleHostedSummary");
    // what ran, in order
    public static final RunVariable<String> COMMAND_LOG = stringVariable("commandLog");
    // traffic watch
    public static final RunVariable<String> TRAFFIC_SAMPLES = stringVariable("trafficSamples");
    public static final RunVariable<Integer> TRAFFIC_SAMPLE_COUNT = intVariable("trafficSampleCount");
    // records: recordBefore, recordAfter, recordBackout (+ "Summary")
    public static final RunVariable<String> VIEW_PHASE = stringVariable("viewPhase");
    public static final RunVariable<String> VERSION_BEFORE = stringVariable("versionBefore");
    // stop and start
    public static final RunVariable<Integer> STATUS_POLL_COUNT = intVariable("statusPollCount");
    public static final RunVariable<Boolean> QUEUE_MANAGER_ENDED = booleanVariable("queueManagerEnded");
    public static final RunVariable<String> QUEUE_MANAGER_STATUS = stringVariable("queueManagerStatus");
    // backup and install
    public static final RunVariable<String> BACKUP_LOCATION = stringVariable("backupLocation");
    public static final RunVariable<String> TARGET_VERSION = RunbookVariables.TARGET_VERSION;
    public static final RunVariable<String> QUEUE_MANAGER = RunbookVariables.QUEUE_MANAGER;
    public static final RunVariable<String> REASON = RunbookVariables.REASON;
    public static final RunVariable<String> OUTCOME = RunbookVariables.OUTCOME;
    public static final RunVariable<Integer> LOOP_COUNTER = RunbookVariables.LOOP_COUNTER;
    public static final RunVariable<String> INSTALLED_VERSION = stringVariable("installedVersion");
    /** The bulletin table's WARNING for the version now installed (the migration's target), shown at the review. */
    public static final RunVariable<String> INSTALLED_VERSION_BULLETINS = stringVariable("installedVersionBulletins");
    public static final RunVariable<String> VERSION_PROBLEM = stringVariable("versionProblem");
    public static final RunVariable<Boolean> VERSION_INSTALLED = booleanVariable("versionInstalled");
    public static final RunVariable<String> RESTORE_PROBLEM = stringVariable("restoreProblem");
    public static final RunVariable<Boolean> VERSION_RESTORED = booleanVariable("versionRestored");
    // verification
    public static final RunVariable<Integer> DIFFERENCE_COUNT = intVariable("differenceCount");
    public static final RunVariable<String> DIFFERENCES_SUMMARY = stringVariable("differencesSummary");
    public static final RunVariable<String> BACKOUT_DIFFERENCES_SUMMARY = stringVariable("backoutDifferencesSummary");
    public static final RunVariable<Integer> CHANNEL_POLL_COUNT = intVariable("channelPollCount");
    public static final RunVariable<Boolean> CHANNELS_RUNNING = booleanVariable("channelsRunning");
    public static final RunVariable<String> CHANNEL_SUMMARY = stringVariable("channelSummary");
    public static final RunVariable<String> TEST_SUMMARY = stringVariable("testSummary");
    public static final RunVariable<String> MONITORING_SUMMARY = stringVariable("monitoringSummary");
    // staged migration
    public static final RunVariable<String> CLUSTER_NAME = stringVariable("clusterName");
    public static final RunVariable<List<String>> STAGE_QUEUE_MANAGERS = jsonListVariable("stageQueueManagers", String.class);
    public static final RunVariable<Integer> STAGE_COUNT = intVariable("stageCount");
    public static final RunVariable<String> CURRENT_QUEUE_MANAGER = stringVariable("currentQueueManager");
    public static final RunVariable<String> STAGE_DECISION = stringVariable("stageDecision");
    public static final RunVariable<String> STAGE_COMMENT = stringVariable("stageComment");
    public static final RunVariable<List<String>> STAGE_RESULTS = jsonListVariable("stageResults", String.class);
    public static final RunVariable<String> STAGES_SUMMARY = stringVariable("stagesSummary");
    public static final RunVariable<List<String>> MIGRATED_QUEUE_MANAGERS = jsonListVariable("migratedQueueManagers", String.class);
    public static final RunVariable<List<String>> UNTOUCHED_QUEUE_MANAGERS = jsonListVariable("untouchedQueueManagers", String.class);

    public static final String BACKOUT = "backout";

    private ClusterMigrationVariables() {
    }

    /** {@code recordBefore}, {@code recordAfter}, {@code recordBackout}. */
    public static RunVariable<ClusterRecord> record(String phase) {
        return jsonVariable(recordName(phase), ClusterRecord.class);
    }

    public static RunVariable<String> recordSummary(String phase) {
        return stringVariable(recordName(phase) + "Summary");
    }

    private static String recordName(String phase) {
        return "record" + Character.toUpperCase(phase.charAt(0)) + phase.substring(1);
    }

    /** Appends to the command log, each line stamped with the time (UTC, to the second). */
    static void log(VariableScope scope, List<String> lines) {
        String stamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        lines.forEach(line -> RunText.appendLine(scope, COMMAND_LOG, stamp + " " + line));
    }

    static void log(VariableScope scope, String line) {
        log(scope, List.of(line));
    }
}
