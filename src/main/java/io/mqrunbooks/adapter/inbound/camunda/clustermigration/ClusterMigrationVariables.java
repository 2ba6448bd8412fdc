package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import io.mqrunbooks.platform.RunVariables;

/**
 * Variables of {@code clusterQueueManagerMigrationProcess} and {@code stagedClusterMigrationProcess}, declared once.
 * All are strings, numbers or booleans; plans and records are JSON strings.
 */
public final class ClusterMigrationVariables {

    // plan (serviceTask_loadPlan)
    public static final String PLAN = "migrationPlan";
    public static final String HOST = "host";
    public static final String PLAN_SUMMARY = "planSummary";
    public static final String ABORT_REASON = "abortReason";
    // settings copied into the run, so timers and forms read them and history keeps them
    public static final String TRAFFIC_SAMPLE_INTERVAL = "trafficSampleInterval";
    public static final String TRAFFIC_SAMPLES_WANTED = "trafficSamplesWanted";
    public static final String STATUS_POLL_INTERVAL = "statusPollInterval";
    public static final String MONITORING_PERIOD = "monitoringPeriod";
    // gate and operator decisions
    public static final String DECISION = "decision";
    public static final String APPROVAL_COMMENT = "approvalComment";
    public static final String OUTAGE_DECISION = "outageDecision";
    /** {@code continue} or {@code backout}: one variable per decision point, so none is pre-selected by another. */
    public static final String INSTALL_DECISION = "installDecision";
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String SIGN_OFF_DECISION = "signOffDecision";
    public static final String BACKOUT_REASON = "backoutReason";
    // pre-checks
    public static final String SOLE_HOSTED_QUEUES = "soleHostedQueues";
    public static final String SOLE_HOSTED_COUNT = "soleHostedCount";
    public static final String SOLE_HOSTED_SUMMARY = "soleHostedSummary";
    // what ran, in order
    public static final String COMMAND_LOG = "commandLog";
    // traffic watch
    public static final String TRAFFIC_SAMPLES = "trafficSamples";
    public static final String TRAFFIC_SAMPLE_COUNT = "trafficSampleCount";
    // records: recordBefore, recordAfter, recordBackout (+ "Summary")
    public static final String VIEW_PHASE = "viewPhase";
    public static final String VERSION_BEFORE = "versionBefore";
    // stop and start
    public static final String STATUS_POLL_COUNT = "statusPollCount";
    public static final String QUEUE_MANAGER_ENDED = "queueManagerEnded";
    public static final String QUEUE_MANAGER_STATUS = "queueManagerStatus";
    // backup and install
    public static final String BACKUP_LOCATION = "backupLocation";
    public static final String TARGET_VERSION = RunVariables.TARGET_VERSION;
    public static final String INSTALLED_VERSION = "installedVersion";
    /** The bulletin table's WARNING for the version now installed (the migration's target), shown at the review. */
    public static final String INSTALLED_VERSION_BULLETINS = "installedVersionBulletins";
    public static final String VERSION_PROBLEM = "versionProblem";
    public static final String VERSION_INSTALLED = "versionInstalled";
    public static final String RESTORE_PROBLEM = "restoreProblem";
    public static final String VERSION_RESTORED = "versionRestored";
    // verification
    public static final String DIFFERENCE_COUNT = "differenceCount";
    public static final String DIFFERENCES_SUMMARY = "differencesSummary";
    public static final String BACKOUT_DIFFERENCES_SUMMARY = "backoutDifferencesSummary";
    public static final String CHANNEL_POLL_COUNT = "channelPollCount";
    public static final String CHANNELS_RUNNING = "channelsRunning";
    public static final String CHANNEL_SUMMARY = "channelSummary";
    public static final String TEST_SUMMARY = "testSummary";
    public static final String MONITORING_SUMMARY = "monitoringSummary";
    // staged migration
    public static final String CLUSTER_NAME = "clusterName";
    public static final String STAGE_QUEUE_MANAGERS = "stageQueueManagers";
    public static final String STAGE_COUNT = "stageCount";
    public static final String CURRENT_QUEUE_MANAGER = "currentQueueManager";
    public static final String STAGE_DECISION = "stageDecision";
    public static final String STAGE_COMMENT = "stageComment";
    public static final String STAGE_RESULTS = "stageResults";
    public static final String STAGES_SUMMARY = "stagesSummary";
    public static final String MEMBER_OUTCOME = "memberOutcome";
    public static final String MIGRATED_QUEUE_MANAGERS = "migratedQueueManagers";
    public static final String UNTOUCHED_QUEUE_MANAGERS = "untouchedQueueManagers";

    public static final String BACKOUT = "backout";

    private ClusterMigrationVariables() {
    }

    /** {@code recordBefore}, {@code recordAfter}, {@code recordBackout}. */
    public static String record(String phase) {
        return "record" + Character.toUpperCase(phase.charAt(0)) + phase.substring(1);
    }

    public static String recordSummary(String phase) {
        return record(phase) + "Summary";
    }
}
