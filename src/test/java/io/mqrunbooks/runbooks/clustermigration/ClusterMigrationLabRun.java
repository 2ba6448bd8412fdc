package io.mqrunbooks.runbooks.clustermigration;


import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.lab.LabJournal;
import io.mqrunbooks.testsupport.LabAppTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Drives cluster migration runs on the whole app against the lab: the test plays the people (a starter, a change
 * manager, an operator) and fires the runbook's timers at once.
 */
abstract class ClusterMigrationLabRun extends LabAppTest {

    private static final Duration STEP_LIMIT = Duration.ofSeconds(90);
    private static final String[] PROCESS_KEYS = {"clusterQueueManagerMigrationProcess", "stagedClusterMigrationProcess"};

    @Autowired
    protected TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    protected MqAdminPort mqAdmin;

    // ------------------------------------------------------------------ driving the run

    /**
     * A migration of PR1 that the operator backs out at the review: approved, backed up, 9.4.1.0 installed
     * ({@code whileUpgrading} runs when the install task is reached: PR1 is suspended and ended), backed out, 9.4.0.0
     * restored. Returns the run's id once it has ended.
     */
    protected String backOutMigrationOfPr1(Runnable whileUpgrading) {
        String id = start("clusterQueueManagerMigrationProcess", "CHG-PR1", Map.of("queueManager", "PR1",
                "targetVersion", "9.4.1.0", "reason", "MQ 9.4.1 upgrade"));
        complete("CHG-PR1", "userTask_approveMigration", Map.of("decision", "approve"));
        complete("CHG-PR1", "userTask_takeBackup", Map.of("backupLocation", "/backup/pr1"));
        waitForTask("CHG-PR1", "userTask_installVersion");
        whileUpgrading.run();
        labMq.installVersion("pr1", "9.4.1.0");
        complete("CHG-PR1", "userTask_installVersion", Map.of("targetVersion", "9.4.1.0",
                "installDecision", "continue"));
        complete("CHG-PR1", "userTask_reviewDifferences", Map.of("reviewDecision", "backout",
                "backoutReason", "application team found a regression"));
        waitForTask("CHG-PR1", "userTask_restoreBackup");
        labMq.installVersion("pr1", "9.4.0.0");
        complete("CHG-PR1", "userTask_restoreBackup", Map.of("backupRestored", true));
        waitUntilEnded(id);
        return id;
    }

    protected String start(String processKey, String businessKey, Map<String, Object> variables) {
        identityService.setAuthentication("operator", List.of("mq-operators"));
        try {
            return runtimeService.startProcessInstanceByKey(processKey, businessKey, variables).getId();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Waits (firing timers at once) for the task, then completes it as a change manager or an operator. */
    protected void complete(String businessKey, String taskKey, Map<String, Object> variables) {
        Task task = waitForTask(businessKey, taskKey);
        boolean gate = taskService.getIdentityLinksForTask(task.getId()).stream()
                .anyMatch(link -> "change-managers".equals(link.getGroupId()));
        identityService.setAuthentication(gate ? "changemgr" : "lead", gate ? List.of("change-managers")
                : List.of("mq-operators"));
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    protected Task waitForTask(String businessKey, String taskKey) {
        Instant until = Instant.now().plus(STEP_LIMIT);
        while (Instant.now().isBefore(until)) {
            List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
                    .taskDefinitionKey(taskKey).list();
            if (tasks.size() == 1) {
                return tasks.get(0);
            }
            advance();
        }
        throw new AssertionError("no task " + taskKey + " within " + STEP_LIMIT.toSeconds() + " s; open tasks: "
                + taskService.createTaskQuery().list().stream().map(Task::getTaskDefinitionKey).toList()
                + "; backout reasons: " + historyService.createHistoricVariableInstanceQuery()
                .variableName("backoutReason").list().stream().map(v -> String.valueOf(v.getValue())).toList());
    }

    protected void waitUntilEnded(String processInstanceId) {
        Instant until = Instant.now().plus(STEP_LIMIT);
        while (Instant.now().isBefore(until)) {
            HistoricProcessInstance run = historyService.createHistoricProcessInstanceQuery()
                    .processInstanceId(processInstanceId).singleResult();
            if (run.getEndTime() != null) {
                return;
            }
            advance();
        }
        throw new AssertionError("run " + processInstanceId + " did not end within " + STEP_LIMIT.toSeconds() + " s");
    }

    /**
     * Fires this runbook's due-later timers now (the job executor runs the async steps) and fails on any of its
     * incidents. Other runbooks' timers (e.g. a scheduled baseline) are left to their schedule.
     */
    private void advance() {
        List<Incident> incidents = runtimeService.createIncidentQuery().processDefinitionKeyIn(PROCESS_KEYS).list();
        if (!incidents.isEmpty()) {
            throw new AssertionError("incident at " + incidents.get(0).getActivityId() + ": "
                    + incidents.get(0).getIncidentMessage());
        }
        List<Job> timers = new java.util.ArrayList<>();
        for (String key : PROCESS_KEYS) {
            timers.addAll(managementService.createJobQuery().timers().processDefinitionKey(key).list());
        }
        for (Job timer : timers) {
            try {
                managementService.executeJob(timer.getId());
            } catch (RuntimeException jobExecutorGotThereFirst) {
                // the job executor picked it up at the same moment; it runs once either way
            }
        }
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    protected Object variable(String processInstanceId, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(name).singleResult().getValue();
    }

    /** The lab journal as "host: program args", program without its directory. */
    protected List<String> commands() {
        return labJournal.entries().stream().filter(e -> !e.argv().isEmpty()).map(ClusterMigrationLabRun::line).toList();
    }

    private static String line(LabJournal.Entry entry) {
        List<String> argv = entry.argv();
        String program = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        return entry.host() + ": " + program + (argv.size() > 1 ? " " + String.join(" ", argv.subList(1, argv.size())) : "");
    }
}
