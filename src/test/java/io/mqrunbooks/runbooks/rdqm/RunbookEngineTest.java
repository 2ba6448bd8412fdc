package io.mqrunbooks.runbooks.rdqm;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.testsupport.DatabaseTest;
import io.mqrunbooks.testsupport.RunbookTestEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Engine tests of the RDQM and multi-instance runbooks: the operator starts, a change manager decides the gates,
 * jobs and timers are driven by the test.
 */
@DatabaseTest
public abstract class RunbookEngineTest {

    protected static final String OPERATOR = "operator";
    protected static final String CHANGE_MANAGER = "changemgr";

    @RegisterExtension
    protected ProcessEngineExtension engine = RunbookTestEngine.extension();

    protected RdqmEngineFixture lab;
    protected RuntimeService runtime;
    protected TaskService tasks;
    protected ManagementService management;
    protected HistoryService history;
    protected IdentityService identity;

    @BeforeEach
    void setUpEngine() {
        lab = new RdqmEngineFixture();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        management = engine.getManagementService();
        history = engine.getHistoryService();
        identity = engine.getIdentityService();
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        Mocks.reset();
    }

    protected ProcessInstance start(String key, Map<String, Object> variables) {
        identity.setAuthentication(OPERATOR, List.of("mq-operators"));
        try {
            return runtime.startProcessInstanceByKey(key, "CHG-" + key.hashCode(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    protected RuntimeException lastJobFailure;

    /** Runs every due async continuation (not timers), until none is left; a failing job keeps its retries. */
    protected void runJobs(ProcessInstance run) {
        for (int i = 0; i < 50; i++) {
            List<Job> due = management.createJobQuery().processInstanceId(run.getId()).messages().executable().list();
            if (due.isEmpty()) {
                return;
            }
            try {
                management.executeJob(due.get(0).getId());
            } catch (RuntimeException failed) {
                lastJobFailure = failed;
                return;
            }
        }
        throw new AssertionError("the run did not come to rest after 50 jobs");
    }

    /** Fires the run's single waiting timer, then runs the jobs it leads to. */
    protected void fireTimer(ProcessInstance run) {
        Job timer = management.createJobQuery().processInstanceId(run.getId()).timers().singleResult();
        assertThat(timer).as("a waiting timer").isNotNull();
        management.executeJob(timer.getId());
        runJobs(run);
    }

    /** Executes the due job until its retries are spent; returns the incident it became. */
    protected Incident exhaustRetries(ProcessInstance run) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Job job = management.createJobQuery().processInstanceId(run.getId()).messages().singleResult();
            if (job == null || job.getRetries() == 0) {
                break;
            }
            management.setJobDuedate(job.getId(), null);
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException expected) {
                // the job fails; its retries go down
            }
        }
        return runtime.createIncidentQuery().processInstanceId(run.getId()).singleResult();
    }

    protected Task task(ProcessInstance run) {
        return tasks.createTaskQuery().processInstanceId(run.getId()).singleResult();
    }

    protected Task taskOf(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }

    /** A change manager who did not start the run completes the current task with these variables. */
    protected void decide(ProcessInstance run, String taskKey, Map<String, Object> variables) {
        Task task = task(run);
        assertThat(task).as("an open task").isNotNull();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
        identity.setAuthentication(CHANGE_MANAGER, List.of("change-managers"));
        try {
            tasks.complete(task.getId(), new HashMap<>(variables));
        } finally {
            identity.clearAuthentication();
        }
        runJobs(run);
    }

    protected Object variable(ProcessInstance run, String name) {
        HistoricVariableInstance value = history.createHistoricVariableInstanceQuery().processInstanceId(run.getId())
                .variableName(name).singleResult();
        return value == null ? null : value.getValue();
    }

    protected boolean ended(ProcessInstance run) {
        return runtime.createProcessInstanceQuery().processInstanceId(run.getId()).count() == 0;
    }

    protected String endEvent(ProcessInstance run) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(run.getId()).activityType("noneEndEvent")
                .singleResult().getActivityId();
    }

    protected static Map<String, Object> vars(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
