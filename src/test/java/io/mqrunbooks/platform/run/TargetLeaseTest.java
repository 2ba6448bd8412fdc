package io.mqrunbooks.platform.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqrunbooks.platform.security.Groups;
import io.mqrunbooks.runbooks.rdqm.RunbookLabTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One run at a time on a queue manager and its hosts: a second start is refused naming the holder, the lease ends
 * with the run, a called run is inside its parent's lease, a lease whose run is gone is taken over, two
 * concurrent starts (two threads, the real database) leave exactly one run, and runs running without leases (from
 * before V7) are given them at start-up.
 */
@ExtendWith(OutputCaptureExtension.class)
class TargetLeaseTest extends RunbookLabTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SWITCHOVER = "rdqmSwitchoverProcess";
    private static final String GATE = "userTask_approveSwitchover";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RunAborts aborts;
    @Autowired
    TargetLeases leases;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TargetLeaseBackfill backfill;

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeTestModels() {
        runtimeService.createProcessInstanceQuery().list().forEach(run -> deleteRun(run.getId()));
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
        jdbc.update("DELETE FROM run_target_lease WHERE run_id LIKE 'gone-%' OR run_id LIKE 'race-%'");
    }

    @Test
    void aSecondStartOnAHeldQueueManagerIsRefusedNamingTheHolderAndTheFirstGoesOn() throws Exception {
        ProcessInstance first = start(SWITCHOVER, "queueManager", "QMDR", "reason", "CHG-1 DR test");
        awaitTask(first.getId(), GATE);

        ResponseEntity<String> second = startOverRest("lead", "{\"queueManager\":{\"value\":\"QMDR\"},"
                + "\"reason\":{\"value\":\"CHG-2 another test\"}}");

        assertThat(second.getStatusCode()).as(second.getBody()).isEqualTo(HttpStatus.CONFLICT);
        String message = JSON.readTree(second.getBody()).path("message").asText();
        assertThat(message).startsWith("Run of rdqmSwitchoverProcess not started: queue manager QMDR is held by run "
                        + first.getId() + " (rdqmSwitchoverProcess, CHG-E2E-rdqmSwitchoverProcess), started by operator at ")
                .matches(".* at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\. .*")
                .endsWith("One run at a time acts on a queue manager and its hosts: wait for that run to end, or abort"
                        + " it on its run page (/runs/" + first.getId() + "), then start again.");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(SWITCHOVER).list())
                .extracting(ProcessInstance::getId).containsExactly(first.getId());

        // The first run is not disturbed: its gate still waits and its approval moves it on.
        assertThat(runtimeService.createIncidentQuery().processInstanceId(first.getId()).count()).isZero();
        assertThat(heldBy("queueManager:QMDR")).isEqualTo(first.getId());
        assertThat(heldBy("host:dr1")).isEqualTo(first.getId());
        decide(first.getId(), GATE, "switchoverDecision", "approve");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(first.getId()).count()).isOne();

        // Through the Java API (what a start form submitted in Tasklist calls), the same refusal as it is.
        identityService.setAuthentication("lead", List.of(Groups.OPERATORS, Groups.CHANGE_MANAGERS));
        try {
            assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(SWITCHOVER,
                    Map.of("queueManager", "QMDR", "reason", "CHG-3")))
                    .isInstanceOf(TargetHeldException.class).hasMessage(message);
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void theTargetIsFreeOnceItsRunIsAbortedOrCancelled() {
        ProcessInstance first = start(SWITCHOVER, "queueManager", "QMDR", "reason", "CHG-1");
        awaitTask(first.getId(), GATE);
        identityService.setAuthentication("changemgr", List.of(Groups.CHANGE_MANAGERS));
        try {
            aborts.abort(first.getId(), "changemgr", Set.of(Groups.CHANGE_MANAGERS), "Change window cancelled");
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(leasesOf(first.getId())).isZero();

        ProcessInstance second = start(SWITCHOVER, "queueManager", "QMDR", "reason", "CHG-2");
        assertThat(heldBy("queueManager:QMDR")).isEqualTo(second.getId());
        awaitTask(second.getId(), GATE);
        runtimeService.deleteProcessInstance(second.getId(), "cancelled through the engine API");
        assertThat(leasesOf(second.getId())).isZero();

        ProcessInstance third = start(SWITCHOVER, "queueManager", "QMDR", "reason", "CHG-3");
        assertThat(heldBy("queueManager:QMDR")).isEqualTo(third.getId());
    }

    @Test
    void aCalledRunIsInsideItsParentsLeaseAndTheLeaseEndsWhenTheRunCompletes() {
        ProcessInstance parent = startParentWithoutAUser();
        ProcessInstance child = runtimeService.createProcessInstanceQuery().superProcessInstanceId(parent.getId())
                .singleResult();
        assertThat(child).as("the called run, started on its parent's queue manager").isNotNull();
        assertThat(heldBy("queueManager:QMDR")).isEqualTo(parent.getId());

        assertThatThrownBy(() -> start(SWITCHOVER, "queueManager", "QMDR", "reason", "CHG-4"))
                .isInstanceOf(TargetHeldException.class)
                .hasMessageContaining("queue manager QMDR is held by run " + parent.getId() + " (leaseTestParent,"
                        + " CHG-PARENT), started by the schedule (a timer)")
                .hasMessageContaining("/runs/" + parent.getId());

        // The called run's task completed: both runs end, and so do their leases.
        taskService.complete(taskService.createTaskQuery().processInstanceId(child.getId()).singleResult().getId());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(parent.getId()).count()).isZero();
        assertThat(leasesOf(parent.getId()) + leasesOf(child.getId())).isZero();
        awaitTask(start(SWITCHOVER, "queueManager", "QMDR", "reason", "CHG-5").getId(), GATE);
    }

    /** A call that finds its target held by an unrelated run fails, naming the holder: the caller does not start. */
    @Test
    void aCalledRunOnATargetAnUnrelatedRunHoldsIsRefused() {
        deployParentAndChild();
        ProcessInstance holder = start(SWITCHOVER, "queueManager", "QMDR", "reason", "CHG-1");

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("leaseTestParent",
                Map.of("memberQueueManager", "QMDR")))
                .isInstanceOf(TargetHeldException.class)
                .hasMessageContaining("Run of leaseTestChild not started: queue manager QMDR is held by run "
                        + holder.getId());
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("leaseTestParent").count()).isZero();
    }

    /**
     * The nightly baseline leases every primary with a backup. Held by a switchover, its baseline is a failed step of
     * the nightly run naming the holder (retried, then an incident to retry), and the timer still commits.
     */
    @Test
    void theNightlyBaselineWaitsForAHeldQueueManagerAsAFailedStepNamingTheHolder() {
        // This build's model, deployed as the latest version (a shared database may hold another build's).
        deployments.add(repositoryService.createDeployment().name("nightly baseline under test")
                .addClasspathResource("processes/drBaselineNightlyProcess.bpmn").deploy().getId());
        ProcessInstance holder = start(SWITCHOVER, "queueManager", "QMDR", "reason", "CHG-1");
        awaitTask(holder.getId(), GATE);
        Job timer = managementService.createJobQuery().timers().activityId("startEvent_nightly").singleResult();

        managementService.executeJob(timer.getId());

        ProcessInstance nightly = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("drBaselineNightlyProcess").singleResult();
        assertThat(firstFailure(nightly.getId())).startsWith("Run of drBaselineProcess not started: queue manager"
                + " QMDR is held by run " + holder.getId());
        assertThat(managementService.createJobQuery().timers().activityId("startEvent_nightly").count())
                .as("the next night's timer").isOne();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("drBaselineProcess").count())
                .isZero();
    }

    /**
     * Two runs on QMDR running without leases, as after the upgrade to V7 (the second started while the first waited
     * at its gate): two nodes starting at once give the earlier run every lease of its scope and warn naming both;
     * a second pass takes nothing, and the next start is refused naming the earlier run.
     */
    @Test
    void runsRunningWithoutLeasesAreGivenThemAtStartUpTheEarlierKeepingAContestedTarget(CapturedOutput log)
            throws Exception {
        ProcessInstance first = start(SWITCHOVER, "queueManager", "QMDR", "reason", "CHG-1");
        awaitTask(first.getId(), GATE);
        int firstLeases = leasesOf(first.getId());
        jdbc.update("DELETE FROM run_target_lease WHERE run_id = ?", first.getId());
        ProcessInstance second = start(SWITCHOVER, "queueManager", "QMDR", "reason", "CHG-2");
        awaitTask(second.getId(), GATE);
        jdbc.update("DELETE FROM run_target_lease WHERE run_id = ?", second.getId());

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> passes = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                passes.add(nodes.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return backfill.backfill();
                }));
            }
            int taken = passes.get(0).get(60, TimeUnit.SECONDS) + passes.get(1).get(60, TimeUnit.SECONDS);
            assertThat(taken).as("leases taken by both nodes together").isEqualTo(firstLeases);
        } finally {
            nodes.shutdownNow();
        }

        assertThat(firstLeases).isGreaterThanOrEqualTo(3);
        assertThat(leasesOf(first.getId())).isEqualTo(firstLeases);
        assertThat(leasesOf(second.getId())).isZero();
        assertThat(heldBy("queueManager:QMDR")).isEqualTo(first.getId());
        assertThat(heldBy("host:dr1")).isEqualTo(first.getId());
        assertThat(log.getOut()).contains("Target lease: queue manager QMDR is claimed by two running runs: run "
                + first.getId() + " (rdqmSwitchoverProcess, by operator, started ")
                .contains("holds it, run " + second.getId() + " (rdqmSwitchoverProcess, by operator, started ")
                .contains("check both run pages (/runs/" + first.getId() + ", /runs/" + second.getId() + ")");

        assertThat(backfill.backfill()).as("a second pass").isZero();
        assertThat(leasesOf(first.getId())).isEqualTo(firstLeases);
        assertThatThrownBy(() -> start(SWITCHOVER, "queueManager", "QMDR", "reason", "CHG-3"))
                .isInstanceOf(TargetHeldException.class)
                .hasMessageContaining("queue manager QMDR is held by run " + first.getId());
    }

    /**
     * The schedule's run (here a parent started with no user, with its called run) running without leases: the
     * lease goes to the run the chain began with. A start it blocks says an MQ operator may abort it; the on-call
     * operator does, with a reason, and the target is free.
     */
    @Test
    void theSchedulesRunIsGivenItsLeaseAtStartUpAndAnOperatorMayAbortItToFreeTheTarget() {
        ProcessInstance parent = startParentWithoutAUser();
        ProcessInstance child = runtimeService.createProcessInstanceQuery().superProcessInstanceId(parent.getId())
                .singleResult();
        jdbc.update("DELETE FROM run_target_lease WHERE root_run_id = ?", parent.getId());

        assertThat(backfill.backfill()).isPositive();

        assertThat(leases.holder("queueManager:QMDR")).get().extracting(TargetLease::runId, TargetLease::rootRunId)
                .containsExactly(parent.getId(), parent.getId());
        assertThat(leasesOf(child.getId())).as("inside its parent's lease").isZero();
        assertThatThrownBy(() -> start(SWITCHOVER, "queueManager", "QMDR", "reason", "CHG-DR"))
                .isInstanceOf(TargetHeldException.class)
                .hasMessageContaining("started by the schedule (a timer)")
                .hasMessageEndingWith("abort it on its run page (/runs/" + parent.getId() + "; an MQ operator may"
                        + " abort a run the schedule started), then start again.");

        identityService.setAuthentication("operator", List.of(Groups.OPERATORS));
        String outcome;
        try {
            outcome = aborts.abort(parent.getId(), "operator", Set.of(Groups.OPERATORS), "DR activation INC-7 needs QMDR");
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(outcome).startsWith("aborted by operator at ").endsWith(" UTC: DR activation INC-7 needs QMDR");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(child.getId()).count()).isZero();
        assertThat(leasesOf(parent.getId())).isZero();
        ProcessInstance activation = start(SWITCHOVER, "queueManager", "QMDR", "reason", "CHG-DR");
        assertThat(heldBy("queueManager:QMDR")).isEqualTo(activation.getId());
    }

    @Test
    void aLeaseWhoseRunNoLongerExistsIsTakenOver() {
        jdbc.update("INSERT INTO run_target_lease (target, run_id, root_run_id, process_key, business_key, initiator,"
                + " taken_at) VALUES ('queueManager:QMDR', 'gone-1', 'gone-1', 'drActivationProcess', 'CHG-0',"
                + " 'operator', ?)", java.time.LocalDateTime.of(2026, 12, 1, 3, 0));

        ProcessInstance run = start(SWITCHOVER, "queueManager", "QMDR", "reason", "CHG-1");

        assertThat(heldBy("queueManager:QMDR")).isEqualTo(run.getId());
        assertThat(leasesOf("gone-1")).isZero();
    }

    /** Two engine nodes starting a run on one queue manager at the same moment: exactly one run starts. */
    @Test
    void twoConcurrentStartsOnOneQueueManagerLeaveExactlyOneRun() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> starts = new ArrayList<>();
            for (String user : List.of("operator", "lead")) {
                starts.add(nodes.submit(() -> {
                    identityService.setAuthentication(user, List.of(Groups.OPERATORS));
                    try {
                        together.await(10, TimeUnit.SECONDS);
                        return runtimeService.startProcessInstanceByKey(SWITCHOVER, "CHG-RACE-" + user,
                                Map.of("queueManager", "QMDR", "reason", "CHG-RACE")).getId();
                    } catch (TargetHeldException refused) {
                        return "refused: " + refused.getMessage();
                    } finally {
                        identityService.clearAuthentication();
                    }
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> start : starts) {
                outcomes.add(start.get(60, TimeUnit.SECONDS));
            }
            List<ProcessInstance> runs = runtimeService.createProcessInstanceQuery().processDefinitionKey(SWITCHOVER)
                    .list();
            assertThat(runs).as("runs after two starts: %s", outcomes).hasSize(1);
            assertThat(outcomes).containsOnlyOnce(runs.get(0).getId());
            assertThat(outcomes).filteredOn(o -> o.startsWith("refused: ")).singleElement().asString()
                    .contains("queue manager QMDR");
            assertThat(heldBy("queueManager:QMDR")).isEqualTo(runs.get(0).getId());
        } finally {
            nodes.shutdownNow();
        }
    }

    /**
     * The database itself decides the race: a second transaction that found the target free when the first had not
     * yet committed waits on the first's row and then fails to take it.
     */
    @Test
    void theTableRefusesASecondLeaseTakenWhileTheFirstIsUncommitted() throws Exception {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        CountDownLatch firstInserted = new CountDownLatch(1);
        CountDownLatch secondLooked = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> first = nodes.submit(() -> transaction.execute(status -> {
                boolean took = leases.take(lease("race-1"));
                firstInserted.countDown();
                await(secondLooked);
                sleep(300);
                return took;
            }));
            Future<Boolean> second = nodes.submit(() -> transaction.execute(status -> {
                await(firstInserted);
                boolean free = leases.holder("queueManager:QMRACE").isEmpty();
                secondLooked.countDown();
                return free && leases.take(lease("race-2"));
            }));
            assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(second.get(30, TimeUnit.SECONDS)).as("the second transaction took the held target").isFalse();
            assertThat(leases.holder("queueManager:QMRACE")).get().extracting(TargetLease::runId).isEqualTo("race-1");
        } finally {
            nodes.shutdownNow();
        }
    }

    /** Deletes a run; a step the job executor is running at that moment makes the delete wait for it. */
    private void deleteRun(String runId) {
        for (int attempt = 1; ; attempt++) {
            try {
                runtimeService.deleteProcessInstanceIfExists(runId, "end of test", true, true, false, false);
                return;
            } catch (org.camunda.bpm.engine.OptimisticLockingException busy) {
                if (attempt == 20) {
                    throw busy;
                }
                sleep(250);
            }
        }
    }

    private static TargetLease lease(String runId) {
        return new TargetLease("queueManager:QMRACE", runId, runId, SWITCHOVER, "CHG-RACE", "operator",
                Instant.parse("2026-12-08T03:00:00Z"));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The test parent on QMDR, started with no user (as the schedule starts a run), with the run it called. */
    private ProcessInstance startParentWithoutAUser() {
        deployParentAndChild();
        return runtimeService.startProcessInstanceByKey("leaseTestParent", "CHG-PARENT",
                Map.of("queueManager", "QMDR", "memberQueueManager", "QMDR"));
    }

    private void deployParentAndChild() {
        BpmnModelInstance child = Bpmn.createExecutableProcess("leaseTestChild").name("Lease test member")
                .camundaHistoryTimeToLive(1)
                .startEvent("startEvent_child").name("Member started")
                .userTask("userTask_hold").name("Hold the member")
                .endEvent("endEvent_child").name("Member done").done();
        BpmnModelInstance parent = Bpmn.createExecutableProcess("leaseTestParent").name("Lease test parent")
                .camundaHistoryTimeToLive(1)
                .startEvent("startEvent_parent").name("Parent started")
                .callActivity("callActivity_member").name("Run the member").calledElement("leaseTestChild")
                .camundaIn("memberQueueManager", "queueManager")
                .endEvent("endEvent_parent").name("Parent done").done();
        deployments.add(repositoryService.createDeployment().name("lease test")
                .addModelInstance("leaseTestChild.bpmn", child).addModelInstance("leaseTestParent.bpmn", parent)
                .deploy().getId());
    }

    private ResponseEntity<String> startOverRest(String user, String variables) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user).exchange("/engine-rest/process-definition/key/" + SWITCHOVER + "/start",
                HttpMethod.POST, new HttpEntity<>("{\"variables\":" + variables + "}", headers), String.class);
    }

    private String heldBy(String target) {
        return leases.holder(target).map(TargetLease::runId).orElse(null);
    }

    private int leasesOf(String runId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM run_target_lease WHERE run_id = ?", Integer.class, runId);
    }
}
