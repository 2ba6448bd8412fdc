package io.mqrunbooks.runbooks.rdqm;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.lab.LabJournal;
import io.mqrunbooks.testsupport.LabAppTest;
import io.mqrunbooks.testsupport.MovableLabTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * End-to-end runs of the RDQM and multi-instance runbooks: the whole app against the lab over real SSH. The
 * operator starts, a change manager (another user) decides the gates, the job executor runs the steps, and the
 * test fires the 30 s poll timers itself instead of waiting for them, and moves the lab's time on ({@link #labTime})
 * where the lab must progress between two polls (a synchronization, a revert to snapshot) instead of sleeping.
 */
public abstract class RunbookLabTest extends LabAppTest {

    protected static final String OPERATOR = "operator";
    protected static final String CHANGE_MANAGER = "changemgr";
    private static final Set<String> SIDE_EFFECTS = Set.of("endmqm", "strmqm", "rdqmdr", "crtmqm", "dltmqm", "sed");

    @Autowired
    protected TaskService taskService;
    @Autowired
    protected ManagementService managementService;
    @Autowired
    protected HistoryService historyService;
    @Autowired
    protected MovableLabTime labTime;

    protected ProcessInstance start(String key, Object... variables) {
        identityService.setAuthentication(OPERATOR, List.of("mq-operators"));
        try {
            return runtimeService.startProcessInstanceByKey(key, "CHG-E2E-" + key, vars(variables));
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Waits until the run (or a run it called) has an open task with this key; fails on an incident. */
    protected Task awaitTask(String processInstanceId, String taskKey) {
        Task[] found = new Task[1];
        await("task " + taskKey, processInstanceId, () -> {
            found[0] = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                    .singleResult();
            return found[0] != null;
        });
        return found[0];
    }

    protected void decide(String processInstanceId, String taskKey, Object... variables) {
        completeAs(CHANGE_MANAGER, List.of("change-managers"), processInstanceId, taskKey, variables);
    }

    /** Completes the run's open task with this key as {@code user} in {@code groups}. */
    protected void completeAs(String user, List<String> groups, String processInstanceId, String taskKey,
                              Object... variables) {
        Task task = awaitTask(processInstanceId, taskKey);
        identityService.setAuthentication(user, groups);
        try {
            taskService.complete(task.getId(), vars(variables));
        } finally {
            identityService.clearAuthentication();
        }
    }

    protected void awaitEnd(ProcessInstance run) {
        await("the end of the run", run.getId(), () -> historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(run.getId()).singleResult().getEndTime() != null);
    }

    /** Waits until the run rests on a poll timer, then fires it (the 30 s are not waited out). */
    protected void fireTimer(String processInstanceId) {
        Job[] timer = new Job[1];
        await("a poll timer", processInstanceId, () -> {
            timer[0] = managementService.createJobQuery().processInstanceId(processInstanceId).timers().singleResult();
            return timer[0] != null;
        });
        managementService.executeJob(timer[0].getId());
    }

    protected boolean waitsOnTimer(String processInstanceId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).timers().count() == 1
                && managementService.createJobQuery().processInstanceId(processInstanceId).messages().count() == 0;
    }

    protected void await(String what, String processInstanceId, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!condition.getAsBoolean()) {
            Incident incident = runtimeService.createIncidentQuery().processInstanceId(processInstanceId).singleResult();
            assertThat(incident).as("incident while waiting for " + what).isNull();
            // A step that failed once would be retried in 30 s: an end-to-end run must not fail at all.
            for (Job job : managementService.createJobQuery().processInstanceId(processInstanceId).list()) {
                assertThat(job.getExceptionMessage()).as("failed step while waiting for " + what).isNull();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited 90 s for " + what);
            }
            sleep(150);
        }
    }

    /** The message of the run's first failed step attempt (waits up to 60 s for one). */
    protected String firstFailure(String run) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            for (Job job : managementService.createJobQuery().processInstanceId(run).list()) {
                if (job.getExceptionMessage() != null) {
                    return job.getExceptionMessage();
                }
            }
            assertThat(Instant.now()).as("a failed step in run " + run).isBefore(deadline);
            sleep(100);
        }
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected Object variable(String processInstanceId, String name) {
        HistoricVariableInstance value = historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).variableName(name).singleResult();
        return value == null ? null : value.getValue();
    }

    protected String outcome(ProcessInstance run) {
        return (String) variable(run.getId(), "outcome");
    }

    protected String calledRun(ProcessInstance parent) {
        HistoricProcessInstance called = historyService.createHistoricProcessInstanceQuery()
                .superProcessInstanceId(parent.getId()).singleResult();
        return called == null ? null : called.getId();
    }

    /**
     * Seed 004 "Create a snapshot": a persistent queue Q1DR on the DR primary, defined straight on the simulator (not
     * through SSH, so not in the journal), deep enough for a long synchronization.
     */
    protected void defineQ1dr(String host) {
        var answer = labMq.execute(host, "mqm", List.of("runmqsc", "QMDR"),
                "DEFINE QLOCAL(Q1DR) DEFPSIST(YES) MAXDEPTH(999999999) REPLACE\n");
        assertThat(answer.exitCode()).as("runmqsc DEFINE QLOCAL(Q1DR)").isZero();
    }

    /** The side-effecting MQ commands that reached the lab, in order, as "host: argv". */
    protected List<String> sideEffects() {
        return labJournal.entries().stream().filter(e -> !e.argv().isEmpty() && SIDE_EFFECTS.contains(e.argv().get(0)))
                .map(RunbookLabTest::line).toList();
    }

    protected List<String> commands() {
        return labJournal.entries().stream().filter(e -> !e.argv().isEmpty()).map(RunbookLabTest::line).toList();
    }

    private static String line(LabJournal.Entry entry) {
        return entry.host() + ": " + String.join(" ", entry.argv());
    }

    protected static Map<String, Object> vars(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
