package io.mqrunbooks.runbooks.clustermigration;

import io.mqrunbooks.adapter.inbound.camunda.versions.ReadVersionsDelegate;
import io.mqrunbooks.application.versions.InstalledVersions;
import io.mqrunbooks.testsupport.RunbookTestEngine;
import static org.mockito.Mockito.spy;

import io.mqrunbooks.adapter.inbound.camunda.clustermigration.BackoutReasonRequiredListener;
import io.mqrunbooks.adapter.inbound.camunda.clustermigration.CheckMigrationClusterChannelsDelegate;
import io.mqrunbooks.adapter.inbound.camunda.clustermigration.CheckFullRepositoriesDelegate;
import io.mqrunbooks.adapter.inbound.camunda.clustermigration.CheckQueueManagerEndedDelegate;
import io.mqrunbooks.adapter.inbound.camunda.clustermigration.CompareClusterViewsDelegate;
import io.mqrunbooks.adapter.inbound.camunda.clustermigration.EndMigratingQueueManagerDelegate;
import io.mqrunbooks.adapter.inbound.camunda.clustermigration.FindSoleHostedQueuesDelegate;
import io.mqrunbooks.adapter.inbound.camunda.clustermigration.FinishStagedMigrationDelegate;
import io.mqrunbooks.adapter.inbound.camunda.clustermigration.LoadMigrationPlanDelegate;
import io.mqrunbooks.adapter.inbound.camunda.clustermigration.MemberRunEnds;
import io.mqrunbooks.adapter.inbound.camunda.clustermigration.MigrationOutcomeListener;
import io.mqrunbooks.adapter.inbound.camunda.clustermigration.PlanStagedMigrationDelegate;
import io.mqrunbooks.adapter.inbound.camunda.clustermigration.PrepareStageDelegate;
import io.mqrunbooks.adapter.inbound.camunda.clustermigration.PrepareTestQueuesDelegate;
import io.mqrunbooks.adapter.inbound.camunda.clustermigration.RecordLocalViewDelegate;
import io.mqrunbooks.adapter.inbound.camunda.clustermigration.RecordMonitoringDelegate;
import io.mqrunbooks.adapter.inbound.camunda.clustermigration.RecordRepositoryViewsDelegate;
import io.mqrunbooks.adapter.inbound.camunda.clustermigration.RecordStageResultDelegate;
import io.mqrunbooks.adapter.inbound.camunda.clustermigration.ResumeQueueManagerDelegate;
import io.mqrunbooks.adapter.inbound.camunda.clustermigration.SampleTrafficDelegate;
import io.mqrunbooks.adapter.inbound.camunda.clustermigration.SendTestMessagesDelegate;
import io.mqrunbooks.adapter.inbound.camunda.clustermigration.StartMigratingQueueManagerDelegate;
import io.mqrunbooks.adapter.inbound.camunda.clustermigration.SuspendQueueManagerDelegate;
import io.mqrunbooks.adapter.inbound.camunda.clustermigration.VerifyInstalledVersionDelegate;
import io.mqrunbooks.adapter.inbound.camunda.clustermigration.VerifyRestoredVersionDelegate;
import io.mqrunbooks.application.clustermigration.ClusterMigrationSettings;
import io.mqrunbooks.application.clustermigration.ClusterMigrationSteps;
import io.mqrunbooks.application.clustermigration.MigrationPlanner;
import io.mqrunbooks.application.port.out.control.EndMode;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.InventoryLoader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Wires the runbook's delegates over the real application services and the lab inventory, with the ports played
 * by a spied {@link FakeClusterEstate}, and drives runs: jobs (async steps and timers) are executed by the test.
 */
class MigrationRig {

    static final String STARTER = "olivia";
    /** The version every migration of these tests moves to (the lab's queue managers run 9.4.0.0). */
    static final String TARGET = "9.4.1.0";
    static final String CHANGE_MANAGER = "chris";
    static final String OPERATOR = "oscar";
    static final List<String> OPERATORS = List.of("mq-operators");
    static final List<String> CHANGE_MANAGERS = List.of("change-managers");

    static final ClusterMigrationSettings SETTINGS = new ClusterMigrationSettings(Duration.ofMinutes(2),
            Duration.ofMinutes(1), EndMode.WAIT, Duration.ofSeconds(10), 3, Duration.ofMinutes(30), "MQRB.TEST.",
            Duration.ofSeconds(1));

    final FakeClusterEstate fake = spy(new FakeClusterEstate());
    final ProcessEngine engine;

    MigrationRig(ProcessEngine engine) {
        this.engine = engine;
        Estate estate = labEstate();
        MigrationPlanner planner = new MigrationPlanner(estate, SETTINGS);
        ClusterMigrationSteps steps = new ClusterMigrationSteps(fake, fake, SETTINGS);
        Mocks.register("loadMigrationPlanDelegate", new LoadMigrationPlanDelegate(planner, steps, SETTINGS,
                RunbookTestEngine.WAITS));
        Mocks.register("checkFullRepositoriesDelegate", new CheckFullRepositoriesDelegate(steps));
        Mocks.register("findSoleHostedQueuesDelegate", new FindSoleHostedQueuesDelegate(steps));
        Mocks.register("prepareTestQueuesDelegate", new PrepareTestQueuesDelegate(steps));
        Mocks.register("suspendQueueManagerDelegate", new SuspendQueueManagerDelegate(steps));
        Mocks.register("sampleTrafficDelegate", new SampleTrafficDelegate(steps));
        Mocks.register("recordLocalViewDelegate", new RecordLocalViewDelegate(steps));
        Mocks.register("recordRepositoryViewsDelegate", new RecordRepositoryViewsDelegate(steps));
        Mocks.register("endMigratingQueueManagerDelegate", new EndMigratingQueueManagerDelegate(steps));
        Mocks.register("checkQueueManagerEndedDelegate", new CheckQueueManagerEndedDelegate(steps));
        Mocks.register("verifyInstalledVersionDelegate", new VerifyInstalledVersionDelegate(steps, RunbookTestEngine.bulletins()));
        Mocks.register("verifyRestoredVersionDelegate", new VerifyRestoredVersionDelegate(steps));
        Mocks.register("startMigratingQueueManagerDelegate", new StartMigratingQueueManagerDelegate(steps));
        Mocks.register("compareClusterViewsDelegate", new CompareClusterViewsDelegate());
        Mocks.register("checkMigrationClusterChannelsDelegate", new CheckMigrationClusterChannelsDelegate(steps));
        Mocks.register("sendTestMessagesDelegate", new SendTestMessagesDelegate(steps));
        Mocks.register("resumeQueueManagerDelegate", new ResumeQueueManagerDelegate(steps));
        Mocks.register("recordMonitoringDelegate", new RecordMonitoringDelegate(steps));
        // no evidence store here: the version is what the fake's dspmqver shows, as the verify step's COMMAND holds it
        Mocks.register("migrationOutcomeListener", new MigrationOutcomeListener((runId, stepId, host) ->
                java.util.Optional.of(io.mqrunbooks.mq.MqVersion.of(fake.versionByHost.get(host)))));
        Mocks.register("backoutReasonRequiredListener", new BackoutReasonRequiredListener());
        Mocks.register("planStagedMigrationDelegate", new PlanStagedMigrationDelegate(planner));
        Mocks.register("prepareStageDelegate", new PrepareStageDelegate());
        Mocks.register("recordStageResultDelegate", new RecordStageResultDelegate(this::memberRunEnds));
        Mocks.register("finishStagedMigrationDelegate", new FinishStagedMigrationDelegate(this::memberRunEnds));
        Mocks.register("readVersionsDelegate", new ReadVersionsDelegate(RunbookTestEngine.RECORDS,
                new InstalledVersions(estate, fake, RunbookTestEngine.bulletins())));
    }

    /**
     * This engine has no evidence store: each called run's end from its history (the end event it reached, the
     * outcome it set), what its RUN_ENDED evidence holds in the app (ClusterMigrationLabTest reads that).
     */
    private List<MemberRunEnds.MemberRunEnd> memberRunEnds(String stagedRunId) {
        HistoryService history = engine.getHistoryService();
        return history.createHistoricProcessInstanceQuery().superProcessInstanceId(stagedRunId).finished()
                .orderByProcessInstanceStartTime().asc().list().stream().map(run -> new MemberRunEnds.MemberRunEnd(
                        (String) historicVariable(run.getId(), "queueManager"),
                        history.createHistoricActivityInstanceQuery().processInstanceId(run.getId()).finished().list()
                                .stream().filter(a -> a.getActivityType().endsWith("EndEvent") && !a.isCanceled())
                                .map(HistoricActivityInstance::getActivityId).reduce((first, last) -> last)
                                .orElse(null),
                        String.valueOf(historicVariable(run.getId(), "outcome")))).toList();
    }

    private Object historicVariable(String runId, String name) {
        HistoricVariableInstance variable = engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(runId).variableName(name).singleResult();
        return variable == null ? null : variable.getValue();
    }

    static Estate labEstate() {
        return RunbookTestEngine.labEstate();
    }

    String start(String queueManager) {
        return start(queueManager, TARGET);
    }

    String start(String queueManager, String targetVersion) {
        return start(Map.of("queueManager", queueManager, "targetVersion", targetVersion, "reason", "MQ 9.4.1 upgrade"));
    }

    String start(Map<String, Object> startValues) {
        engine.getIdentityService().setAuthentication(STARTER, OPERATORS);
        try {
            return engine.getRuntimeService().startProcessInstanceByKey("clusterQueueManagerMigrationProcess",
                    "CHG-" + startValues.get("queueManager"), startValues).getId();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    String startStaged(String cluster) {
        engine.getIdentityService().setAuthentication(STARTER, OPERATORS);
        try {
            return engine.getRuntimeService().startProcessInstanceByKey("stagedClusterMigrationProcess",
                    "CHG-" + cluster, Map.of("clusterName", cluster, "targetVersion", TARGET,
                            "reason", "MQ 9.4.1 upgrade")).getId();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** Executes every job (async steps, timers) of every run until only user tasks are left to wait on. */
    List<String> runJobs() {
        List<String> executed = new ArrayList<>();
        for (int round = 0; round < 500; round++) {
            List<Job> jobs = engine.getManagementService().createJobQuery().withRetriesLeft().list();
            if (jobs.isEmpty()) {
                return executed;
            }
            Job job = jobs.get(0);
            executed.add(job.getId());
            try {
                engine.getManagementService().executeJob(job.getId());
            } catch (RuntimeException failedAttempt) {
                // the engine has decremented the retries and kept the message: that is what an incident shows
            }
        }
        throw new AssertionError("jobs did not settle after 500 executions");
    }

    Task task(String processInstanceId, String taskKey) {
        List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey).list();
        if (tasks.size() != 1) {
            throw new AssertionError("expected one task " + taskKey + " in " + processInstanceId + ", found "
                    + engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).list().stream()
                    .map(Task::getTaskDefinitionKey).toList());
        }
        return tasks.get(0);
    }

    void complete(String processInstanceId, String taskKey, Map<String, Object> variables) {
        Task task = task(processInstanceId, taskKey);
        boolean gate = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .anyMatch(link -> "change-managers".equals(link.getGroupId()));
        engine.getIdentityService().setAuthentication(gate ? CHANGE_MANAGER : OPERATOR,
                gate ? CHANGE_MANAGERS : OPERATORS);
        try {
            engine.getTaskService().complete(task.getId(), variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        runJobs();
    }

    Object variable(String processInstanceId, String name) {
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(name).singleResult().getValue();
    }

    /** Runs a migration through the happy path up to (not including) the task named, from the start. */
    void approveAndAcknowledge(String id) {
        runJobs();
        complete(id, "userTask_approveMigration", Map.of("decision", "approve", "approvalComment", "CAB approved"));
        if (!engine.getTaskService().createTaskQuery().processInstanceId(id)
                .taskDefinitionKey("userTask_acknowledgeOutage").list().isEmpty()) {
            complete(id, "userTask_acknowledgeOutage", Map.of("outageDecision", "acknowledge"));
        }
    }

    void backupAndInstall(String id, String host, String version) {
        complete(id, "userTask_takeBackup", Map.of("backupLocation", "/backup/" + host + "/2026-11-21"));
        fake.installVersion(host, version);
        complete(id, "userTask_installVersion", Map.of("targetVersion", version, "installDecision", "continue"));
    }

    /** A whole migration of one queue manager on the happy path. */
    void migrate(String id, String queueManager) {
        approveAndAcknowledge(id);
        backupAndInstall(id, FakeClusterEstate.host(queueManager), "9.4.1.0");
        complete(id, "userTask_reviewDifferences", Map.of("reviewDecision", "continue"));
        complete(id, "userTask_signOff", Map.of("signOffDecision", "continue", "signOffComment", "quiet for 30 min"));
    }
}
