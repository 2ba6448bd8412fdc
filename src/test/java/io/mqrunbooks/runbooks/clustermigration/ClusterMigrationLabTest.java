package io.mqrunbooks.runbooks.clustermigration;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.application.port.out.mq.ClusterQueue;
import io.mqrunbooks.application.port.out.mq.ClusterQueueManager;
import io.mqrunbooks.lab.LabJournal;
import io.mqrunbooks.testsupport.LabAppTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole app against the lab over real SSH: the job executor runs the steps, the test plays the people (a
 * starter, a change manager, an operator), fires the timers at once and installs the new version through the
 * simulator's control API, as the operator would on the host.
 */
class ClusterMigrationLabTest extends LabAppTest {

    private static final Duration STEP_LIMIT = Duration.ofSeconds(90);
    private static final String[] PROCESS_KEYS = {"clusterQueueManagerMigrationProcess", "stagedClusterMigrationProcess"};

    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    MqAdminPort mqAdmin;

    @Test
    void migratesPr3OverSshFollowingTheSeedsPlan() {
        String id = start("clusterQueueManagerMigrationProcess", "CHG-PR3", Map.of("queueManager", "PR3",
                "reason", "MQ 9.4.1 upgrade"));
        complete("CHG-PR3", "userTask_approveMigration", Map.of("decision", "approve"));
        complete("CHG-PR3", "userTask_acknowledgeOutage", Map.of("outageDecision", "acknowledge"));
        complete("CHG-PR3", "userTask_takeBackup", Map.of("backupLocation", "/backup/pr3/2026-11-21"));
        labMq.installVersion("pr3", "9.4.1.0");
        complete("CHG-PR3", "userTask_installVersion", Map.of("targetVersion", "9.4.1.0",
                "installDecision", "continue"));
        waitForTask("CHG-PR3", "userTask_reviewDifferences");
        assertThat(variable(id, "differenceCount")).isEqualTo(0);
        assertThat((String) variable(id, "differencesSummary")).contains("Expected changes (the new version):\n"
                + "  on PR3: CLUSQMGR(PR3) CLUSTER(PAYCLUS) VERSION: 09040000 -> 09040100\n");
        complete("CHG-PR3", "userTask_reviewDifferences", Map.of("reviewDecision", "continue"));
        complete("CHG-PR3", "userTask_signOff", Map.of("signOffDecision", "continue"));
        waitUntilEnded(id);

        assertThat(variable(id, "outcome")).isEqualTo("completed: PR3 runs 9.4.1.0 and is resumed in its clusters");
        assertThat(labMq.installedVersion("pr3")).isEqualTo("9.4.1.0");
        for (String repository : List.of("FR1", "FR2")) {
            ClusterQueueManager pr3 = mqAdmin.clusterQueueManagers(repository, "PR3").get(0);
            assertThat(pr3.suspended()).as(repository + " sees PR3 resumed").isFalse();
            assertThat(pr3.attributes()).containsEntry("VERSION", "09040100");
            assertThat(mqAdmin.clusterQueues(repository, Optional.of("PR3")).stream().map(ClusterQueue::name))
                    .contains("PAY.AUDIT", "PAY.ROUTING");
        }
        assertThat(commands()).containsSubsequence(
                "fr1: runmqsc FR1", "fr2: runmqsc FR2",           // full repositories reachable
                "pr3: runmqsc PR3", "fr1: runmqsc FR1",           // sole-hosted queues
                "pr3: runmqsc PR3",                                // SUSPEND
                "pr3: dspmqver", "fr1: runmqsc FR1", "fr2: runmqsc FR2", // records before
                "pr3: endmqm -w PR3", "pr3: dspmqver", "pr3: strmqm PR3",
                "pr3: dspmqver", "fr1: runmqsc FR1", "fr2: runmqsc FR2", // records after
                "fr1: amqsput MQRB.TEST.PR3 FR1", "pr3: amqsget MQRB.TEST.PR3 PR3",
                "pr3: amqsput MQRB.TEST.FR1 PR3", "fr1: amqsget MQRB.TEST.FR1 FR1",
                "pr3: runmqsc PR3");                               // RESUME
        assertThat(commands().stream().filter(c -> c.startsWith("pr3: endmqm") || c.startsWith("pr3: strmqm")))
                .containsExactly("pr3: endmqm -w PR3", "pr3: strmqm PR3");
    }

    @Test
    void operatorBacksOutAfterTheReviewAndTheQueueManagerRunsTheOldVersionAgain() {
        String id = start("clusterQueueManagerMigrationProcess", "CHG-PR1", Map.of("queueManager", "PR1",
                "reason", "MQ 9.4.1 upgrade"));
        complete("CHG-PR1", "userTask_approveMigration", Map.of("decision", "approve"));
        complete("CHG-PR1", "userTask_takeBackup", Map.of("backupLocation", "/backup/pr1"));
        labMq.installVersion("pr1", "9.4.1.0");
        complete("CHG-PR1", "userTask_installVersion", Map.of("targetVersion", "9.4.1.0",
                "installDecision", "continue"));
        complete("CHG-PR1", "userTask_reviewDifferences", Map.of("reviewDecision", "backout",
                "backoutReason", "application team found a regression"));
        waitForTask("CHG-PR1", "userTask_restoreBackup");
        labMq.installVersion("pr1", "9.4.0.0");
        complete("CHG-PR1", "userTask_restoreBackup", Map.of("backupRestored", true));
        waitUntilEnded(id);

        assertThat(variable(id, "outcome")).isEqualTo("backed out: application team found a regression");
        assertThat((String) variable(id, "backoutDifferencesSummary")).startsWith("No differences");
        ClusterQueueManager pr1 = mqAdmin.clusterQueueManagers("FR1", "PR1").get(0);
        assertThat(pr1.suspended()).isFalse();
        assertThat(pr1.attributes()).containsEntry("VERSION", "09040000");
        assertThat(commands().stream().filter(c -> c.startsWith("pr1: endmqm") || c.startsWith("pr1: strmqm")))
                .containsExactly("pr1: endmqm -w PR1", "pr1: strmqm PR1", "pr1: endmqm -w PR1", "pr1: strmqm PR1");
        assertThat(commands()).noneMatch(c -> c.contains("amqsput"));
    }

    @Test
    void stagedMigrationTakesEveryMemberOfPayclusFullRepositoriesFirst() {
        String id = start("stagedClusterMigrationProcess", "CHG-PAYCLUS", Map.of("clusterName", "PAYCLUS",
                "reason", "MQ 9.4.1 upgrade"));
        for (String queueManager : List.of("FR1", "FR2", "PR1", "PR2", "PR3")) {
            if (!queueManager.equals("FR1")) {
                complete("CHG-PAYCLUS", "userTask_approveNextMember", Map.of("stageDecision", "continue"));
            }
            String host = queueManager.toLowerCase();
            complete("CHG-PAYCLUS", "userTask_approveMigration", Map.of("decision", "approve"));
            if (queueManager.equals("PR3")) {
                complete("CHG-PAYCLUS", "userTask_acknowledgeOutage", Map.of("outageDecision", "acknowledge"));
            }
            complete("CHG-PAYCLUS", "userTask_takeBackup", Map.of("backupLocation", "/backup/" + host));
            labMq.installVersion(host, "9.4.1.0");
            complete("CHG-PAYCLUS", "userTask_installVersion", Map.of("targetVersion", "9.4.1.0",
                    "installDecision", "continue"));
            complete("CHG-PAYCLUS", "userTask_reviewDifferences", Map.of("reviewDecision", "continue"));
            complete("CHG-PAYCLUS", "userTask_signOff", Map.of("signOffDecision", "continue"));
        }
        waitUntilEnded(id);

        assertThat((String) variable(id, "outcome")).startsWith("completed: FR1: completed: FR1 runs 9.4.1.0")
                .endsWith("PR3: completed: PR3 runs 9.4.1.0 and is resumed in its clusters");
        List<String> stops = commands().stream().filter(c -> c.contains(": endmqm")).toList();
        assertThat(stops).containsExactly("fr1: endmqm -w FR1", "fr2: endmqm -w FR2", "pr1: endmqm -w PR1",
                "pr2: endmqm -w PR2", "pr3: endmqm -w PR3");
        for (String member : List.of("FR1", "FR2", "PR1", "PR2", "PR3")) {
            assertThat(labMq.installedVersion(member.toLowerCase())).isEqualTo("9.4.1.0");
            ClusterQueueManager seen = mqAdmin.clusterQueueManagers("FR1", member).get(0);
            assertThat(seen.suspended()).as(member).isFalse();
            assertThat(seen.attributes()).as(member).containsEntry("VERSION", "09040100");
        }
    }

    // ------------------------------------------------------------------ driving the run

    private String start(String processKey, String businessKey, Map<String, Object> variables) {
        identityService.setAuthentication("operator", List.of("mq-operators"));
        try {
            return runtimeService.startProcessInstanceByKey(processKey, businessKey, variables).getId();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Waits (firing timers at once) for the task, then completes it as a change manager or an operator. */
    private void complete(String businessKey, String taskKey, Map<String, Object> variables) {
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

    private Task waitForTask(String businessKey, String taskKey) {
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

    private void waitUntilEnded(String processInstanceId) {
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

    private Object variable(String processInstanceId, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(name).singleResult().getValue();
    }

    /** The lab journal as "host: program args", program without its directory. */
    private List<String> commands() {
        return labJournal.entries().stream().filter(e -> !e.argv().isEmpty()).map(ClusterMigrationLabTest::line).toList();
    }

    private static String line(LabJournal.Entry entry) {
        List<String> argv = entry.argv();
        String program = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        return entry.host() + ": " + program + (argv.size() > 1 ? " " + String.join(" ", argv.subList(1, argv.size())) : "");
    }
}
