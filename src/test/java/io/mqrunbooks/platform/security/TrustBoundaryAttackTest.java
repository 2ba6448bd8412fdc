package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqrunbooks.platform.run.RunRecords;
import io.mqrunbooks.runbooks.rdqm.RunbookLabTest;
import io.mqrunbooks.testsupport.WebappSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 16's attacks, and variants of them, through the real REST API on the lab, as the demo users. Each
 * must be refused with a 4xx and a message, and the lab journal must show no side-effecting command from
 * it, an administrator's included. Where a value is written past the API (the Java API), the runbook step itself
 * refuses to act.
 */
class TrustBoundaryAttackTest extends RunbookLabTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RunRecords runRecords;
    @Autowired
    org.camunda.bpm.engine.RepositoryService repositoryService;

    // ------------------------------------------------------------------ forged initiator (attacks 1 and 2)

    @Test
    void aStartCannotNameItsOwnInitiator() {
        ResponseEntity<String> response = startOverRest("lead", "rdqmSwitchoverProcess",
                Map.of("queueManager", "QMDR", "reason", "CHG-1", "initiator", "operator"));

        assertRefused(response, HttpStatus.BAD_REQUEST,
                "'initiator' is not a field of the form 'rdqmSwitchoverStart'; it accepts only [queueManager, reason, changeReference]");
        assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void anInitiatorSmuggledPastTheApiIsOverwrittenAndTheGateStillRefusesTheRealOne() {
        identityService.setAuthentication("lead", List.of("mq-operators", "change-managers"));
        ProcessInstance run;
        try {
            run = runtimeService.startProcessInstanceByKey("rdqmSwitchoverProcess", "CHG-2",
                    vars("queueManager", "QMDR", "reason", "CHG-2", "initiator", "operator"));
        } finally {
            identityService.clearAuthentication();
        }
        Task gate = awaitTask(run.getId(), "userTask_approveSwitchover");

        assertThat(runRecords.find(run.getId()).orElseThrow().initiator()).isEqualTo("lead");
        assertThat(runtimeService.getVariable(run.getId(), "initiator")).isEqualTo("lead");
        assertRefused(completeOverRest("lead", gate.getId(), Map.of("switchoverDecision", "approve")),
                HttpStatus.FORBIDDEN, "Four-eyes rule: lead started run CHG-2 and cannot approve its gate");
        assertThat(sideEffects()).isEmpty();
    }

    @Test
    void onlyAChangeManagerDecidesAGateNotAnAdministratorNorAnOperator() {
        ProcessInstance run = start("rdqmSwitchoverProcess", "queueManager", "QMDR", "reason", "CHG-ADM");
        Task gate = awaitTask(run.getId(), "userTask_approveSwitchover");

        // Camunda lets an administrator work any task; the gate is a change manager's decision all the same.
        assertRefused(completeOverRest("admin", gate.getId(), Map.of("switchoverDecision", "approve")),
                HttpStatus.FORBIDDEN, "admin is not a change manager, so cannot decide gate");
        assertRefused(call("admin", HttpMethod.POST, "/engine-rest/task/" + gate.getId() + "/claim",
                "{\"userId\": \"admin\"}"), HttpStatus.FORBIDDEN, "admin is not a change manager");
        assertThat(taskService.createTaskQuery().taskId(gate.getId()).count()).isOne();
        assertThat(sideEffects()).isEmpty();

        // The same call by a change manager goes through.
        assertThat(call("changemgr", HttpMethod.POST, "/engine-rest/task/" + gate.getId() + "/claim",
                "{\"userId\": \"changemgr\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(taskService.createTaskQuery().taskId(gate.getId()).singleResult().getAssignee()).isEqualTo("changemgr");
    }

    @Test
    void anOperatorTaskCannotCarryAnInitiatorATargetOrABaseline() {
        String run = drActivationAtIsolation();
        Task isolation = awaitTask(run, "userTask_confirmIsolation");
        Map<String, Object> valid = Map.of("isolationMethod", "power", "isolationDetails", "powered off",
                "isolationConfirmed", true);

        for (String extra : List.of("initiator", "queueManager", "primaryHost", "backupHost", "baseline",
                "rtoSeconds", "outcome")) {
            Map<String, Object> forged = new java.util.HashMap<>(valid);
            forged.put(extra, "QMX");
            assertRefused(completeOverRest("operator", isolation.getId(), forged), HttpStatus.BAD_REQUEST,
                    "'" + extra + "' is not a field of the form 'drActivationConfirmIsolation'");
        }
        assertRefused(completeOverRest("operator", isolation.getId(), Map.of("isolationMethod", "power",
                        "isolationDetails", "DEFINE CHANNEL(X) CHLTYPE(SVRCONN)\r\nMCAUSER('mqm')",
                        "isolationConfirmed", true)),
                HttpStatus.BAD_REQUEST, "holds a control character (U+000D) at position 35");
        assertRefused(completeOverRest("operator", isolation.getId(), Map.of("isolationMethod", "unplugged",
                        "isolationDetails", "x", "isolationConfirmed", true)),
                HttpStatus.BAD_REQUEST, "must be one of [power, network, power-and-network], not 'unplugged'");
        assertRefused(completeOverRest("operator", isolation.getId(), Map.of("isolationMethod", "power",
                        "isolationDetails", "x", "isolationConfirmed", false)),
                HttpStatus.BAD_REQUEST, "must be ticked");
        assertRefused(completeOverRest("operator", isolation.getId(), Map.of("isolationMethod", "power",
                        "isolationDetails", "root password=hunter2", "isolationConfirmed", true)),
                HttpStatus.BAD_REQUEST, "looks like it holds a password, key or token");
        assertRefused(completeOverRest("operator", isolation.getId(), Map.of("isolationMethod", "power",
                        "isolationDetails", "powered off \u202Etxt.exe", "isolationConfirmed", true)),
                HttpStatus.BAD_REQUEST, "(U+202E)");
        assertRefused(call("operator", HttpMethod.POST, "/engine-rest/task/" + isolation.getId() + "/claim",
                "{\"userId\":\"lead\"}"), HttpStatus.BAD_REQUEST, "userId must be operator, not \"lead\"");
        assertThat(taskService.createTaskQuery().taskId(isolation.getId()).count()).as("task still open").isOne();
        assertThat(sideEffects()).isEmpty();

        // Read-only fields come back with every form submission; whatever they say, they are not written.
        Object shownState = taskService.getVariable(isolation.getId(), "primaryState");
        Map<String, Object> withReadOnly = new java.util.HashMap<>(valid);
        withReadOnly.put("primaryState", "Running (forged)");
        ResponseEntity<String> accepted = completeOverRest("operator", isolation.getId(), withReadOnly);
        assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(run)
                .variableName("primaryState").singleResult().getValue()).isEqualTo(shownState);
        assertThat(runtimeService.getVariable(run, "queueManager")).isEqualTo("QM1");
    }

    // ------------------------------------------------------------------ deploying code (an administrator's model)

    @Test
    void anAdministratorsModelCannotForgeAnApprovalOrRunCode() {
        String run = startedId(startOverRest("lead", "rdqmSwitchoverProcess",
                Map.of("queueManager", "QMDR", "reason", "CHG-D")));
        awaitTask(run, "userTask_approveSwitchover");
        String forgeApproval = "${jdbcTemplate.update(&quot;INSERT INTO run_decision (run_id, gate_id, gate_name,"
                + " scope_id, task_id, decided_by, decision, approved, plan_hash, plan_variables, decided_at) SELECT"
                + " run_id, 'userTask_approveSwitchover', 'forged', run_id, 'forged', 'changemgr', 'approve', TRUE,"
                + " plan_hash, '', CURRENT_TIMESTAMP FROM run_record WHERE run_id = '" + run + "'&quot;)}";
        Map<String, String> models = new java.util.LinkedHashMap<>();
        models.put("serviceTask camunda:expression=\"" + forgeApproval + "\"",
                "jdbcTemplate.update(...); a model may call only");
        models.put("serviceTask camunda:expression=\"${execution.processEngine.processEngineConfiguration"
                + ".dataSource.connection.createStatement().execute('DELETE FROM run_decision')}\"",
                "it calls (...).execute(...)");
        models.put("serviceTask camunda:expression=\"${execution['processEngine']}\"", "it uses [...] on a value");
        models.put("serviceTask camunda:class=\"io.mqrunbooks.adapter.inbound.camunda.rdqm.EndQueueManagerDelegate\"",
                "class=\"io.mqrunbooks.adapter.inbound.camunda.rdqm.EndQueueManagerDelegate\": it names a Java class");
        models.put("serviceTask camunda:delegateExpression=\"${sshPort.run('rm -rf /')}\"",
                "a delegate expression names one bean");
        models.put("scriptTask scriptFormat=\"javascript\"", "scripts are not run here");
        models.put("userTask camunda:formKey=\"embedded:deployment:approve.html\"", "use a Camunda Form (formRef)");
        models.put("userTask camunda:assignee=\"${''.getClass().forName('java.lang.Runtime')}\"",
                "it calls (...).forName(...)");
        for (Map.Entry<String, String> model : models.entrySet()) {
            ResponseEntity<String> deployed = deploy("admin", "<bpmn:" + model.getKey() + " id=\"step\"/>");
            assertRefused(deployed, HttpStatus.BAD_REQUEST, "Deployment refused: attack.bpmn, ");
            assertRefused(deployed, HttpStatus.BAD_REQUEST, model.getValue());
        }
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("attackProcess").count())
                .isZero();
        assertThat(runRecords.decisions(run)).isEmpty();
        // a model that keeps to the rules deploys as before
        ResponseEntity<String> kept = deploy("admin", "<bpmn:serviceTask id=\"step\" camunda:asyncBefore=\"true\""
                + " camunda:delegateExpression=\"${endQueueManagerDelegate}\"/>");
        assertThat(kept.getStatusCode()).as(kept.getBody()).isEqualTo(HttpStatus.OK);
        repositoryService.createDeploymentQuery().deploymentName("attack").list()
                .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true));
        assertThat(sideEffects()).isEmpty();
    }

    private ResponseEntity<String> deploy(String user, String step) {
        String bpmn = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><bpmn:definitions"
                + " xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"d\" targetNamespace=\"attack\">"
                + "<bpmn:process id=\"attackProcess\" isExecutable=\"true\"><bpmn:startEvent id=\"start\"/>"
                + "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"step\"/>" + step
                + "<bpmn:sequenceFlow id=\"f2\" sourceRef=\"step\" targetRef=\"end\"/><bpmn:endEvent id=\"end\"/>"
                + "</bpmn:process></bpmn:definitions>";
        org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
        parts.add("deployment-name", "attack");
        parts.add("attack.bpmn", new org.springframework.core.io.ByteArrayResource(
                bpmn.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "attack.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, user).exchange("/engine-rest/deployment/create", HttpMethod.POST,
                new HttpEntity<>(parts, headers), String.class);
    }

    // ------------------------------------------------------------------ skipping a gate (attack 3)

    @Test
    void aRejectedRunCannotBeRestartedOrModifiedPastItsGate() {
        String run = startedId(startOverRest("operator", "rdqmSwitchoverProcess",
                Map.of("queueManager", "QMDR", "reason", "CHG-3")));
        Task gate = awaitTask(run, "userTask_approveSwitchover");
        assertThat(completeOverRest("changemgr", gate.getId(), Map.of("switchoverDecision", "reject",
                "switchoverComment", "not today")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        awaitEnded(run);
        String definition = historyService.createHistoricProcessInstanceQuery().processInstanceId(run).singleResult()
                .getProcessDefinitionId();
        String restart = "{\"processInstanceIds\":[\"" + run + "\"],\"instructions\":[{\"type\":"
                + "\"startBeforeActivity\",\"activityId\":\"serviceTask_endPrimary\"}]}";

        for (String user : List.of("operator", "changemgr", "lead", "auditor")) {
            assertRefused(call(user, HttpMethod.POST, "/engine-rest/process-definition/" + definition + "/restart",
                    restart), HttpStatus.FORBIDDEN, user + " may not call POST");
        }
        String waiting = startedId(startOverRest("operator", "rdqmSwitchoverProcess",
                Map.of("queueManager", "QMDR", "reason", "CHG-3b")));
        awaitTask(waiting, "userTask_approveSwitchover");
        String modification = "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":"
                + "\"serviceTask_endPrimary\"}]}";
        assertRefused(call("operator", HttpMethod.POST, "/engine-rest/process-instance/" + waiting + "/modification",
                modification), HttpStatus.FORBIDDEN, "operator may not call POST");

        // Nor an administrator.
        assertRefused(call("admin", HttpMethod.POST, "/engine-rest/process-definition/" + definition + "/restart",
                restart), HttpStatus.FORBIDDEN, "admin may not call POST /engine-rest/process-definition/" + definition
                + "/restart: a run moves only through its model");
        assertRefused(call("admin", HttpMethod.POST, "/engine-rest/process-instance/" + waiting + "/modification",
                modification), HttpStatus.FORBIDDEN, "admin may not call POST /engine-rest/process-instance/" + waiting
                + "/modification: a run moves only through its model");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(definition).count()).isOne();

        // Past the API (the Java API, which only code inside the server reaches), the step refuses to act without
        // an approval.
        runtimeService.restartProcessInstances(definition).startBeforeActivity("serviceTask_endPrimary")
                .processInstanceIds(run).execute();
        String restarted = runtimeService.createProcessInstanceQuery().processDefinitionId(definition).list().stream()
                .map(ProcessInstance::getId).filter(id -> !id.equals(waiting)).findFirst().orElseThrow();
        assertThat(firstFailure(restarted)).contains("Step 'End the queue manager on the primary' of run "
                + restarted + " needs the approval of gate userTask_approveSwitchover",
                "that gate has not been decided in this run; nothing was changed");
        runtimeService.createProcessInstanceModification(waiting).startBeforeActivity("serviceTask_endPrimary")
                .execute();
        assertThat(firstFailure(waiting)).contains("needs the approval of gate userTask_approveSwitchover");
        assertThat(sideEffects()).isEmpty();
    }

    @Test
    void aSealedTargetChangedPastTheApiStopsTheRun() {
        String run = startedId(startOverRest("operator", "rdqmSwitchoverProcess",
                Map.of("queueManager", "QMDR", "reason", "CHG-4")));
        Task gate = awaitTask(run, "userTask_approveSwitchover");
        for (String user : List.of("operator", "admin")) {
            assertRefused(call(user, HttpMethod.PUT, "/engine-rest/process-instance/" + run
                    + "/variables/queueManager", "{\"value\":\"QM1\",\"type\":\"String\"}"), HttpStatus.FORBIDDEN,
                    user + " may not call PUT");
        }
        // Written past the API (the Java API, which only code inside the server reaches).
        runtimeService.setVariable(run, "queueManager", "QM1");

        String sealedMessage = "Run " + run + " was sealed with queueManager = 'QMDR', but the run now holds 'QM1'";
        assertRefused(completeOverRest("changemgr", gate.getId(), Map.of("switchoverDecision", "approve")),
                HttpStatus.CONFLICT, sealedMessage);

        // Completed past the API (the Java API), the step itself refuses to act.
        identityService.setAuthentication("changemgr", List.of("change-managers"));
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(gate.getId(),
                    vars("switchoverDecision", "approve"))).hasMessageContaining(sealedMessage);
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(sideEffects()).isEmpty();
    }

    // ------------------------------------------------------------------ an administrator rewriting a run

    @Test
    void anAdministratorCannotRewriteARunsStateOverTheEngineApi() {
        String run = startedId(startOverRest("operator", "rdqmSwitchoverProcess",
                Map.of("queueManager", "QMDR", "reason", "CHG-A1")));
        Task gate = awaitTask(run, "userTask_approveSwitchover");
        String variables = "nobody writes or deletes a run's variables over the API: a run's state is sealed by the"
                + " server and written only by its own steps and forms; abort the run and start a new one";
        String[][] calls = {
                {"PUT", "process-instance/" + run + "/variables/queueManager", "{\"value\":\"QM1\"}", variables},
                {"POST", "process-instance/" + run + "/variables",
                        "{\"modifications\":{\"queueManager\":{\"value\":\"QM1\"}}}", variables},
                {"DELETE", "process-instance/" + run + "/variables/reason", null, variables},
                {"PUT", "execution/" + gate.getExecutionId() + "/localVariables/queueManager", "{\"value\":\"QM1\"}",
                        variables},
                {"PUT", "task/" + gate.getId() + "/variables/switchoverDecision", "{\"value\":\"approve\"}", variables},
                {"POST", "process-instance/" + run + "/modification", "{\"instructions\":[{\"type\":"
                        + "\"startBeforeActivity\",\"activityId\":\"serviceTask_endPrimary\"}]}",
                        "a run moves only through its model: a modification, restart or migration would skip or repeat"
                                + " its steps and gates"},
                {"POST", "message", "{\"messageName\":\"anything\",\"processInstanceId\":\"" + run + "\","
                        + "\"processVariables\":{\"queueManager\":{\"value\":\"QM1\"}}}",
                        "messages, signals and conditions are not sent over the API"},
                {"POST", "task/" + gate.getId() + "/assignee", "{\"userId\":\"changemgr\"}",
                        "a task is claimed by a candidate for themselves and completed through its form"},
                {"POST", "task/" + gate.getId() + "/delegate", "{\"userId\":\"changemgr\"}",
                        "a task is claimed by a candidate for themselves"}};
        for (String[] c : calls) {
            for (String base : List.of("/engine-rest/", "/engine-rest/engine/default/")) {
                assertRefused(call("admin", HttpMethod.valueOf(c[0]), base + c[1], c[2]), HttpStatus.FORBIDDEN,
                        "admin may not call " + c[0] + " " + base + c[1] + ": " + c[3]);
            }
        }
        assertThat(runtimeService.getVariable(run, "queueManager")).isEqualTo("QMDR");
        assertThat(runtimeService.getVariable(run, "reason")).isEqualTo("CHG-A1");
        assertThat(taskService.createTaskQuery().taskId(gate.getId()).singleResult().getAssignee()).isNull();
        assertThat(runtimeService.createExecutionQuery().processInstanceId(run).activityId("serviceTask_endPrimary")
                .count()).isZero();

        // A rejected run's history is its record: not deleted, nor cleaned up.
        assertThat(completeOverRest("changemgr", gate.getId(), Map.of("switchoverDecision", "reject",
                "switchoverComment", "not today")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        awaitEnded(run);
        String history = "a run's history is its audit record: it is not deleted, cleaned up, annotated or given a"
                + " removal time over the API";
        assertRefused(call("admin", HttpMethod.DELETE, "/engine-rest/history/process-instance/" + run, null),
                HttpStatus.FORBIDDEN, "admin may not call DELETE /engine-rest/history/process-instance/" + run + ": "
                        + history);
        assertRefused(call("admin", HttpMethod.POST, "/engine-rest/history/process-instance/delete",
                "{\"historicProcessInstanceIds\":[\"" + run + "\"],\"deleteReason\":\"tidy\"}"),
                HttpStatus.FORBIDDEN, history);
        assertRefused(call("admin", HttpMethod.POST, "/engine-rest/history/cleanup?immediatelyDue=true", null),
                HttpStatus.FORBIDDEN, history);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(run).count()).isOne();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(run).variableName("reason")
                .singleResult().getValue()).isEqualTo("CHG-A1");
        assertThat(sideEffects()).isEmpty();
    }

    @Test
    void anAdministratorCannotFireATimerEarlyNorRewriteARunThroughTheWebapps() throws Exception {
        String deployment = deployWaitingProcess();
        try {
            String run = startedId(call("operator", HttpMethod.POST,
                    "/engine-rest/process-definition/key/waitingProcess/start", "{}"));
            Job timer = managementService.createJobQuery().processInstanceId(run).singleResult();
            String early = "a job runs at its own time: only a failed step is retried (PUT job/{id}/retries); executing"
                    + " a job, moving its due date or priority, or retrying in bulk would cut a wait or a monitoring"
                    + " period short";

            assertRefused(call("admin", HttpMethod.POST, "/engine-rest/job/" + timer.getId() + "/execute", null),
                    HttpStatus.FORBIDDEN, "admin may not call POST /engine-rest/job/" + timer.getId() + "/execute: "
                            + early);
            assertRefused(call("admin", HttpMethod.PUT, "/engine-rest/job/" + timer.getId() + "/duedate",
                    "{\"duedate\":\"2000-01-01T00:00:00.000+0000\"}"), HttpStatus.FORBIDDEN, early);
            assertRefused(call("admin", HttpMethod.POST, "/engine-rest/job/retries",
                    "{\"jobIds\":[\"" + timer.getId() + "\"],\"retries\":1,\"dueDate\":\"2000-01-01T00:00:00.000+0000\"}"),
                    HttpStatus.FORBIDDEN, early);
            assertRefused(call("admin", HttpMethod.PUT, "/engine-rest/job/" + timer.getId() + "/retries",
                    "{\"retries\":1,\"dueDate\":\"2000-01-01T00:00:00.000+0000\"}"), HttpStatus.CONFLICT,
                    "has not failed (3 retries left, no exception)");

            // Cockpit's and Tasklist's copy of the API, with an administrator's webapp session.
            WebappSession admin = WebappSession.login(rest.getRootUri(), "admin");
            String webapp = "/camunda/api/engine/engine/default/";
            java.net.http.HttpResponse<String> execute = admin.post(webapp + "job/" + timer.getId() + "/execute", "{}");
            assertThat(execute.statusCode()).as(execute.body()).isEqualTo(403);
            assertThat(execute.body()).contains("admin may not call POST " + webapp + "job/" + timer.getId()
                    + "/execute: " + early);
            java.net.http.HttpResponse<String> written = admin.client().send(admin.request(webapp + "process-instance/"
                            + run + "/variables/outcome").header("Content-Type", "application/json")
                            .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"value\":\"completed\"}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(written.statusCode()).as(written.body()).isEqualTo(403);
            assertThat(written.body()).contains("admin may not call PUT " + webapp + "process-instance/" + run
                    + "/variables/outcome: nobody writes or deletes a run's variables");
            java.net.http.HttpResponse<String> modified = admin.post(webapp + "process-instance/" + run + "/variables",
                    "{\"modifications\":{\"outcome\":{\"value\":\"completed\"}}}");
            assertThat(modified.statusCode()).as(modified.body()).isEqualTo(403);
            java.net.http.HttpResponse<String> unnamed = admin.post("/camunda/api/tasklist/plugin/anything", "{}");
            assertThat(unnamed.statusCode()).as(unnamed.body()).isEqualTo(403);
            assertThat(unnamed.body()).contains("the webapps' own APIs take only logins and queries");

            sleep(1500);
            assertThat(managementService.createJobQuery().jobId(timer.getId()).singleResult().getDuedate())
                    .isEqualTo(timer.getDuedate());
            assertThat(runtimeService.getVariables(run)).doesNotContainKey("outcome");
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(run).count()).isOne();
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    @Test
    void anAdministratorStillAdministersUsersDeploymentsFailedStepsAndRuns() throws Exception {
        // Users and groups, over the API and from the Admin webapp.
        assertThat(call("admin", HttpMethod.POST, "/engine-rest/user/create", "{\"profile\":{\"id\":\"newcomer\","
                + "\"firstName\":\"S\",\"lastName\":\"In\",\"email\":\"s@example.invalid\"},"
                + "\"credentials\":{\"password\":\"Nq7#Kx2@Wv9!\"}}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(call("admin", HttpMethod.PUT, "/engine-rest/group/mq-operators/members/newcomer", null)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(call("admin", HttpMethod.PUT, "/engine-rest/user/newcomer/profile", "{\"id\":\"newcomer\","
                + "\"firstName\":\"Stand\",\"lastName\":\"In\",\"email\":\"s@example.invalid\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(identityService.createUserQuery().memberOfGroup("mq-operators").userId("newcomer").singleResult()
                .getFirstName()).isEqualTo("Stand");
        WebappSession adminApp = WebappSession.login(rest.getRootUri(), "admin");
        // As Admin's page does after the login: a read first, which hands the new session its CSRF token.
        assertThat(adminApp.get("/camunda/api/engine/engine/default/user/newcomer/profile").statusCode()).isEqualTo(200);
        java.net.http.HttpResponse<String> groups = adminApp.post("/camunda/api/engine/engine/default/group?maxResults=50",
                "{}");
        assertThat(groups.statusCode()).as(groups.body()).isEqualTo(200);
        assertThat(groups.body()).contains("mq-operators");
        java.net.http.HttpResponse<String> runs = adminApp.post("/camunda/api/cockpit/plugin/base/default/process-instance",
                "{}");
        assertThat(runs.statusCode()).as(runs.body()).isEqualTo(200);
        assertThat(adminApp.client().send(adminApp.request("/camunda/api/engine/engine/default/user/newcomer").DELETE()
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
        assertThat(identityService.createUserQuery().userId("newcomer").count()).isZero();

        // A model deployed and run; a step that failed retried; the run cancelled; the deployment deleted, its history kept.
        ResponseEntity<String> deployed = deploy("admin", "<bpmn:intermediateCatchEvent id=\"step\">"
                + "<bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>"
                + "</bpmn:intermediateCatchEvent>");
        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
        String deployment = JSON.readTree(deployed.getBody()).path("id").asText();
        String run = startedId(call("admin", HttpMethod.POST, "/engine-rest/process-definition/key/attackProcess/start",
                "{}"));
        Job timer = managementService.createJobQuery().processInstanceId(run).singleResult();
        managementService.setJobRetries(timer.getId(), 0);
        ResponseEntity<String> retried = call("admin", HttpMethod.PUT, "/engine-rest/job/" + timer.getId() + "/retries",
                "{\"retries\":1}");
        assertThat(retried.getStatusCode()).as(retried.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(managementService.createJobQuery().jobId(timer.getId()).singleResult().getRetries()).isOne();
        assertThat(call("admin", HttpMethod.GET, "/engine-rest/process-instance/" + run + "/variables", null)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        assertRefused(call("admin", HttpMethod.DELETE, "/engine-rest/process-instance/" + run + "?skipSubprocesses=true",
                null), HttpStatus.BAD_REQUEST, "A run is cancelled with the runs it started");
        assertRefused(call("admin", HttpMethod.DELETE, "/engine-rest/deployment/" + deployment + "?cascade=true", null),
                HttpStatus.BAD_REQUEST, "A deployment is deleted without cascade");
        assertThat(call("admin", HttpMethod.DELETE, "/engine-rest/process-instance/" + run, null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(call("admin", HttpMethod.DELETE, "/engine-rest/deployment/" + deployment, null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(run).singleResult().getState())
                .isEqualTo("EXTERNALLY_TERMINATED");
    }

    // ------------------------------------------------------------------ variables, comments, messages (5, 6)

    @Test
    void runbookUsersCannotWriteVariablesCommentsMessagesOrDeleteRuns() {
        String run = startedId(startOverRest("operator", "rdqmSwitchoverProcess",
                Map.of("queueManager", "QMDR", "reason", "CHG-5")));
        Task gate = awaitTask(run, "userTask_approveSwitchover");
        String execution = runtimeService.createExecutionQuery().processInstanceId(run).list().get(0).getId();
        List<String[]> calls = List.of(
                new String[] {"PUT", "/engine-rest/process-instance/" + run + "/variables/switchoverDecision",
                        "{\"value\":\"approve\"}"},
                new String[] {"POST", "/engine-rest/process-instance/" + run + "/variables",
                        "{\"modifications\":{\"queueManager\":{\"value\":\"QM1\"}}}"},
                new String[] {"DELETE", "/engine-rest/process-instance/" + run + "/variables/reason", null},
                new String[] {"PUT", "/engine-rest/execution/" + execution + "/localVariables/queueManager",
                        "{\"value\":\"QM1\"}"},
                new String[] {"PUT", "/engine-rest/task/" + gate.getId() + "/variables/switchoverDecision",
                        "{\"value\":\"approve\"}"},
                new String[] {"PUT", "/engine-rest/task/" + gate.getId() + "/localVariables/x", "{\"value\":\"y\"}"},
                new String[] {"POST", "/engine-rest/task/" + gate.getId() + "/comment/create",
                        "{\"message\":\"Approved by the board\"}"},
                new String[] {"POST", "/engine-rest/task/" + gate.getId() + "/identity-links",
                        "{\"groupId\":\"mq-operators\",\"type\":\"candidate\"}"},
                new String[] {"POST", "/engine-rest/task/" + gate.getId() + "/assignee", "{\"userId\":\"operator\"}"},
                new String[] {"POST", "/engine-rest/task/" + gate.getId() + "/resolve", "{}"},
                new String[] {"POST", "/engine-rest/message", "{\"messageName\":\"anything\"}"},
                new String[] {"POST", "/engine-rest/signal", "{\"name\":\"anything\"}"},
                new String[] {"DELETE", "/engine-rest/process-instance/" + run, null},
                new String[] {"POST", "/engine-rest/process-instance/delete", "{\"processInstanceIds\":[\"" + run + "\"]}"},
                new String[] {"POST", "/engine-rest/process-instance/" + run + "/variables-async", "{}"},
                new String[] {"POST", "/engine-rest/engine/default/process-instance/" + run + "/variables",
                        "{\"modifications\":{\"queueManager\":{\"value\":\"QM1\"}}}"},
                new String[] {"POST", "/engine-rest/deployment/create", "{}"});
        int refused = 0;
        for (String user : List.of("operator", "changemgr", "lead", "auditor")) {
            for (String[] c : calls) {
                ResponseEntity<String> response = call(user, HttpMethod.valueOf(c[0]), c[1], c[2]);
                assertRefused(response, HttpStatus.FORBIDDEN, user + " may not call " + c[0]);
                refused++;
            }
        }
        assertThat(refused).isEqualTo(68);
        assertThat(runtimeService.getVariable(run, "queueManager")).isEqualTo("QMDR");
        assertThat(taskService.getTaskComments(gate.getId())).isEmpty();
        assertThat(sideEffects()).isEmpty();
    }

    @Test
    void theWebappsCopyOfTheApiIsGuardedTheSameWay() throws Exception {
        String run = startedId(startOverRest("operator", "rdqmSwitchoverProcess",
                Map.of("queueManager", "QMDR", "reason", "CHG-5w")));
        Task gate = awaitTask(run, "userTask_approveSwitchover");
        WebappSession operator = WebappSession.login(rest.getRootUri(), "operator");

        java.net.http.HttpResponse<String> write = operator.post("/camunda/api/engine/engine/default/process-instance/"
                + run + "/variables", "{\"modifications\":{\"queueManager\":{\"value\":\"QM1\"}}}");
        assertThat(write.statusCode()).as(write.body()).isEqualTo(403);
        assertThat(write.body()).contains("operator may not call POST /camunda/api/engine/engine/default/process-instance/");
        java.net.http.HttpResponse<String> comment = operator.post("/camunda/api/engine/engine/default/task/"
                + gate.getId() + "/comment/create", "{\"message\":\"approved\"}");
        assertThat(comment.statusCode()).as(comment.body()).isEqualTo(403);
        java.net.http.HttpResponse<String> list = operator.get("/camunda/api/engine/engine/default/task?processInstanceId="
                + run);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(runtimeService.getVariable(run, "queueManager")).isEqualTo("QMDR");
    }

    @Test
    void aPathTheContainerReadsOtherwiseThanTheApiIsRefusedBeforeAnyRule() throws Exception {
        // "/camunda/api;xxxxxx/" is as long as "/camunda/api/engine/": the container drops ";xxxxxx", the REST
        // framework cuts off the base path by its length, so the guard and the engine would see different resources.
        String start = "/engine/default/process-definition/key/rdqmSwitchoverProcess/start";
        String body = "{\"variables\":{\"queueManager\":{\"value\":\"QMDR\"},\"reason\":{\"value\":\"CHG-x\"}},"
                + "\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"userTask_approveSwitchover\"}]}";
        WebappSession operator = WebappSession.login(rest.getRootUri(), "operator");
        for (String path : List.of("/camunda/api;xxxxxx" + start, "/camunda/api/engine/engine/default;x/process-definition"
                + "/key/rdqmSwitchoverProcess/start", "/camunda/api/engine/engine//default/process-definition/key/"
                + "rdqmSwitchoverProcess/start", "/camunda/api/engine/engine/default/./process-definition/key/"
                + "rdqmSwitchoverProcess/start", "/camunda/api/engine/engine/default/%2E%2E/default/process-definition"
                + "/key/rdqmSwitchoverProcess/start")) {
            java.net.http.HttpResponse<String> refused = operator.post(path, body);
            assertThat(refused.statusCode()).as(path + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("is not accepted: path parameters (;)");
        }
        assertRefused(call("operator", HttpMethod.POST, "/engine-rest;x/process-definition/key/rdqmSwitchoverProcess"
                + "/start", body), HttpStatus.BAD_REQUEST, "so that the path checked is the path served");
        assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();

        // Logged in as no one, the same trick must not reach the engine's identity resources either.
        WebappSession nobody = WebappSession.anonymous(rest.getRootUri());
        java.net.http.HttpResponse<String> create = nobody.post("/camunda/api;xxxxxx/engine/default/user/create",
                "{\"profile\":{\"id\":\"standin\",\"firstName\":\"S\",\"lastName\":\"S\",\"email\":\"s@x\"},"
                        + "\"credentials\":{\"password\":\"standin-pw-1\"}}");
        assertThat(create.statusCode()).as(create.body()).isEqualTo(400);
        assertThat(identityService.createUserQuery().userId("standin").count()).isZero();

        // A write to a resource no rule names is refused, not passed on.
        java.net.http.HttpResponse<String> unnamed = operator.post("/camunda/api/engine/no-such-resource", "{}");
        assertThat(unnamed.statusCode()).as(unnamed.body()).isEqualTo(403);
        assertThat(unnamed.body()).contains("No rule allows POST /camunda/api/engine/no-such-resource");
    }

    // ------------------------------------------------------------------ start values (7, 8, 9)

    @Test
    void startValuesAreCheckedBeforeAnyRunExists() {
        long runsBefore = historyService.createHistoricProcessInstanceQuery().count();
        Map<Map<String, Object>, String> attempts = Map.of(
                Map.of("queueManager", "Q".repeat(49), "reason", "x"), "IBM MQ names are 1 to 48 characters",
                Map.of("queueManager", 5, "reason", "x"), "must be text, not Long 5",
                Map.of("queueManager", "NOPE", "reason", "x"), "NOPE is not a queue manager of the inventory",
                Map.of("queueManager", "QMDR"), "is required on the form 'rdqmSwitchoverStart'",
                Map.of("queueManager", "QMDR", "reason", "x", "rtoSeconds", 1), "'rtoSeconds' is not a field",
                Map.of("queueManager", "QMDR", "reason", "token: ghp_abcdefghijklmnopqrstuvwxyz0123"),
                "looks like it holds a password, key or token",
                Map.of("queueManager", "QM'1", "reason", "x"), "is not in the form the field asks for");
        for (Map.Entry<Map<String, Object>, String> attempt : attempts.entrySet()) {
            ResponseEntity<String> response = startOverRest("operator", "rdqmSwitchoverProcess", attempt.getKey());
            assertRefused(response, HttpStatus.BAD_REQUEST, attempt.getValue());
            assertThat(response.getBody()).doesNotContainIgnoringCase("sql");
        }
        for (String body : List.of(
                "{\"variables\":{\"queueManager\":{\"value\":\"QMDR\"},\"reason\":{\"value\":\"x\"}},"
                        + "\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"serviceTask_endPrimary\"}]}",
                "{\"variables\":{\"queueManager\":{\"value\":\"QMDR\"},\"reason\":{\"value\":\"x\"}},\"skipCustomListeners\":true}",
                "{\"variables\":{\"queueManager\":{\"value\":\"QMDR\",\"type\":\"Object\",\"valueInfo\":"
                        + "{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\"application/json\"}},"
                        + "\"reason\":{\"value\":\"x\"}}}",
                "{\"variables\":{\"queueManager\":{\"value\":{\"a\":1},\"type\":\"Json\"},\"reason\":{\"value\":\"x\"}}}",
                "{\"businessKey\":\"CHG-1'; DROP TABLE x;--\",\"variables\":{\"queueManager\":{\"value\":\"QMDR\"},"
                        + "\"reason\":{\"value\":\"x\"}}}",
                "[1,2]", "not json")) {
            assertRefused(call("operator", HttpMethod.POST,
                    "/engine-rest/process-definition/key/rdqmSwitchoverProcess/start", body), HttpStatus.BAD_REQUEST, "");
        }
        assertRefused(call("auditor", HttpMethod.POST, "/engine-rest/process-definition/key/rdqmSwitchoverProcess/start",
                "{}"), HttpStatus.FORBIDDEN, "auditor may not call POST");
        assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(runsBefore);
    }

    @Test
    void aStartFormOffersOnlyTheInventorysQueueManagersOfItsKindAndAStartNamingAnotherIsRefused() throws Exception {
        ResponseEntity<String> switchover = call("operator", HttpMethod.GET,
                "/engine-rest/process-definition/key/rdqmSwitchoverProcess/deployed-start-form", null);
        assertThat(switchover.getStatusCode()).as(switchover.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(JSON.readTree(switchover.getBody()).path("components").get(1).path("values").toString())
                .isEqualTo("[{\"label\":\"QMDR (dr1, dr2)\",\"value\":\"QMDR\"}]");
        // Tasklist reads the form through the webapps' copy of the API.
        String processDefinitionId = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey("drActivationProcess").latestVersion().singleResult().getId();
        java.net.http.HttpResponse<String> activation = WebappSession.login(rest.getRootUri(), "operator")
                .get("/camunda/api/engine/engine/default/process-definition/" + processDefinitionId
                        + "/deployed-start-form");
        assertThat(activation.statusCode()).as(activation.body()).isEqualTo(200);
        assertThat(JSON.readTree(activation.body()).findValues("values").get(0).findValuesAsText("value"))
                .containsExactly("QMDR", "QM1", "QM2", "QM3");

        assertRefused(startOverRest("operator", "rdqmSwitchoverProcess", Map.of("queueManager", "QM1", "reason", "x")),
                HttpStatus.BAD_REQUEST, "'queueManager': QM1 is in the inventory but is not an RDQM DR queue manager"
                        + " (it is single, with a DR backup, in no cluster); this runbook takes an RDQM DR queue"
                        + " manager: QMDR");
        assertRefused(startOverRest("operator", "rdqmSwitchoverProcess", Map.of("queueManager", "QMDX", "reason", "x")),
                HttpStatus.BAD_REQUEST, "'queueManager': QMDX is not a queue manager of the inventory; this runbook"
                        + " takes an RDQM DR queue manager: QMDR");
        assertRefused(startOverRest("operator", "stagedClusterMigrationProcess", Map.of("clusterName", "PAYCLUZ",
                "targetVersion", "9.4.1.0", "reason", "x")), HttpStatus.BAD_REQUEST, "'clusterName': PAYCLUZ is not a cluster of the inventory");
        assertRefused(startOverRest("operator", "rdqmNodeReplacementProcess", Map.of("queueManager", "QMDR",
                "lostNode", "mqeast1", "reason", "x")), HttpStatus.BAD_REQUEST, "'lostNode': mqeast1 is a host of the"
                + " inventory but no RDQM DR node; this runbook takes a node of an RDQM DR queue manager: dr1, dr2");
        assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();
        assertThat(sideEffects()).isEmpty();
    }

    @Test
    void theDrBaselineOffersAllOrTheQueueManagersWithABackupAndRefusesAnyOtherNamingIt() throws Exception {
        ResponseEntity<String> form = call("operator", HttpMethod.GET,
                "/engine-rest/process-definition/key/drBaselineProcess/deployed-start-form", null);
        assertThat(form.getStatusCode()).as(form.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode picker = JSON.readTree(form.getBody()).path("components").get(1);
        assertThat(picker.path("type").asText()).isEqualTo("taglist");
        assertThat(picker.path("values").toString()).isEqualTo("[{\"label\":\"All: QMDR, QM1, QM2, QM3\",\"value\":\"all\"},"
                + "{\"label\":\"QMDR (dr1, dr2)\",\"value\":\"QMDR\"},{\"label\":\"QM1 (mqeast1)\",\"value\":\"QM1\"},"
                + "{\"label\":\"QM2 (mqeast2)\",\"value\":\"QM2\"},{\"label\":\"QM3 (mqeast3)\",\"value\":\"QM3\"}]");

        // Tasklist submits a taglist as a JSON list.
        assertRefused(startBaseline("[\\\"QM1\\\",\\\"QMX\\\"]"), HttpStatus.BAD_REQUEST, "'queueManagers': QMX is not a queue"
                + " manager of the inventory; this runbook takes a queue manager with a DR backup: QMDR, QM1, QM2, QM3");
        assertRefused(startBaseline("[\\\"QM1\\\",\\\"MIQM\\\"]"), HttpStatus.BAD_REQUEST, "'queueManagers': MIQM is in the"
                + " inventory but is not a queue manager with a DR backup");
        assertRefused(startBaseline("[]"), HttpStatus.BAD_REQUEST, "'queueManagers' (Queue managers (from the inventory))"
                + " is required");
        assertRefused(call("operator", HttpMethod.POST, "/engine-rest/process-definition/key/rdqmSwitchoverProcess/start",
                "{\"variables\":{\"queueManager\":{\"value\":\"[\\\"QMDR\\\"]\",\"type\":\"Json\"},\"reason\":{\"value\":\"x\"}}}"),
                HttpStatus.BAD_REQUEST, "'queueManager' (RDQM DR queue manager (from the inventory)) must be text, not a list [QMDR]");
        assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();

        String run = startedId(startBaseline("[\\\"QM2\\\",\\\"QM1\\\"]"));
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(run)
                .variableName("queueManagers").singleResult().getValue()).isEqualTo("QM2,QM1");
    }

    private ResponseEntity<String> startBaseline(String jsonList) {
        return call("operator", HttpMethod.POST, "/engine-rest/process-definition/key/drBaselineProcess/start",
                "{\"variables\":{\"queueManagers\":{\"value\":\"" + jsonList + "\",\"type\":\"Json\"},"
                        + "\"reason\":{\"value\":\"nightly run now\"}}}");
    }

    // ------------------------------------------------------------------ a forged data-loss acceptance

    @Test
    void aDataLossAcceptanceSetBeforeTheGateIsNotTheApproversAndNothingIsMadeLive() {
        List.of("nha1", "nha2", "nha3").forEach(labMq::failHost);
        String run = startedId(startOverRest("operator", "nativeHaCrossRegionSwitchProcess",
                Map.of("queueManager", "QMNHA", "switchType", "unplanned", "reason", "INC-9 east region down")));
        Task gate = awaitTask(run, "userTask_approveSwitch");
        assertRefused(call("admin", HttpMethod.PUT, "/engine-rest/process-instance/" + run + "/variables/dataLossAccepted",
                "{\"value\":true,\"type\":\"Boolean\"}"), HttpStatus.FORBIDDEN, "admin may not call PUT");
        // Set past the API (the Java API, which only code inside the server reaches).
        runtimeService.setVariable(run, "dataLossAccepted", true);

        // the completion that leaves the box out has it unticked, so the value set before is not the approver's
        ResponseEntity<String> approved = completeOverRest("changemgr", gate.getId(), Map.of("switchDecision", "approve"));
        assertThat(approved.getStatusCode().is2xxSuccessful()).as(approved.getBody()).isFalse();
        assertThat(approved.getBody()).contains("Approving an unplanned cross-region switch needs the data-loss window"
                + " accepted");
        assertThat(taskService.createTaskQuery().taskId(gate.getId()).count()).isOne();
        assertThat(runtimeService.getVariable(run, "dataLossAccepted")).isEqualTo(true);
        assertThat(sideEffects()).isEmpty();
    }

    // ------------------------------------------------------------------ one user under two names

    @Test
    void theInitiatorCannotApproveTheirOwnRunUnderTheirNameWithATrailingBlank() {
        String run = startedId(startOverRest("lead", "rdqmSwitchoverProcess",
                Map.of("queueManager", "QMDR", "reason", "CHG-pad")));
        Task gate = awaitTask(run, "userTask_approveSwitchover");

        // MariaDB compares text ignoring trailing blanks (PAD SPACE, Camunda's utf8_bin tables included): "lead " with
        // lead's password logs in as lead, with lead's groups, and the engine then knows the caller as "lead ".
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth("lead ", "lead");
        ResponseEntity<String> approved = rest.exchange("/engine-rest/task/" + gate.getId() + "/complete",
                HttpMethod.POST, new HttpEntity<>("{\"variables\":{\"switchoverDecision\":{\"value\":\"approve\"}}}",
                        headers), String.class);

        assertThat(approved.getStatusCode().is2xxSuccessful()).as(approved.getBody()).isFalse();
        assertThat(taskService.createTaskQuery().taskId(gate.getId()).count()).as("gate still open").isOne();
        assertThat(runRecords.decisions(run)).as("no decision recorded").isEmpty();
        assertThat(sideEffects()).isEmpty();
    }

    @Test
    void aGateAChangeManagerClaimedIsNeitherUnclaimedNorDecidedByAnother() {
        String run = startedId(startOverRest("operator", "rdqmSwitchoverProcess",
                Map.of("queueManager", "QMDR", "reason", "CHG-claimed")));
        Task gate = awaitTask(run, "userTask_approveSwitchover");
        assertThat(call("changemgr", HttpMethod.POST, "/engine-rest/task/" + gate.getId() + "/claim",
                "{\"userId\": \"changemgr\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        // Both refusals are checked, whichever fails first: the unclaim is tried on the gate as changemgr left it.
        org.assertj.core.api.SoftAssertions softly = new org.assertj.core.api.SoftAssertions();
        ResponseEntity<String> unclaimed = call("lead", HttpMethod.POST, "/engine-rest/task/" + gate.getId()
                + "/unclaim", null);
        softly.assertThat(unclaimed.getStatusCode().is4xxClientError()).as("unclaimed: " + unclaimed.getBody()).isTrue();
        taskService.claim(gate.getId(), "changemgr");
        ResponseEntity<String> decided = completeOverRest("lead", gate.getId(), Map.of("switchoverDecision", "approve"));
        softly.assertThat(decided.getStatusCode().is4xxClientError()).as("completed: " + decided.getBody()).isTrue();
        softly.assertThat(taskService.createTaskQuery().taskId(gate.getId()).taskAssignee("changemgr").count())
                .as("gate still open, claimed by changemgr").isOne();
        softly.assertAll();
    }

    // ------------------------------------------------------------------ what runbook users may still do

    @Test
    void anOperatorMayRetryAFailedStepButAnAuditorMayNot() {
        labFaults.fail("dr1", "endmqm", 71, "unexpected output");
        String run = startedId(startOverRest("operator", "rdqmSwitchoverProcess",
                Map.of("queueManager", "QMDR", "reason", "CHG-6")));
        Task gate = awaitTask(run, "userTask_approveSwitchover");
        assertThat(completeOverRest("changemgr", gate.getId(), Map.of("switchoverDecision", "approve"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(firstFailure(run)).isNotBlank();
        Job failed = managementService.createJobQuery().processInstanceId(run).singleResult();

        assertRefused(call("auditor", HttpMethod.PUT, "/engine-rest/job/" + failed.getId() + "/retries",
                "{\"retries\":3}"), HttpStatus.FORBIDDEN, "auditor may not call PUT");
        assertRefused(call("changemgr", HttpMethod.PUT, "/engine-rest/job/" + failed.getId() + "/retries",
                "{\"retries\":3}"), HttpStatus.FORBIDDEN, "changemgr may not call PUT");
        ResponseEntity<String> retry = call("operator", HttpMethod.PUT, "/engine-rest/job/" + failed.getId()
                + "/retries", "{\"retries\":3}");
        assertThat(retry.getStatusCode()).as(retry.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(managementService.createJobQuery().jobId(failed.getId()).singleResult().getRetries()).isEqualTo(3);
    }

    @Test
    void aRetryCannotFireATimerEarlyToCutAWaitShort() {
        String deployment = deployWaitingProcess();
        try {
            String run = startedId(call("operator", HttpMethod.POST,
                    "/engine-rest/process-definition/key/waitingProcess/start", "{}"));
            Job timer = managementService.createJobQuery().processInstanceId(run).singleResult();

            assertRefused(call("operator", HttpMethod.PUT, "/engine-rest/job/" + timer.getId() + "/retries",
                    "{\"retries\":1,\"dueDate\":\"2000-01-01T00:00:00.000+0000\"}"), HttpStatus.CONFLICT,
                    "Job " + timer.getId() + " has not failed (3 retries left, no exception): only a failed step is"
                            + " retried; a timer or a waiting step is not moved");
            ResponseEntity<String> page = call("operator", HttpMethod.POST, "/api/runs/" + run + "/retry/" + timer.getId(),
                    null);
            assertThat(page.getStatusCode()).as(page.getBody()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(page.getBody()).contains("has not failed: only a failed step is retried");
            sleep(1500);
            assertThat(managementService.createJobQuery().jobId(timer.getId()).singleResult().getDuedate())
                    .isEqualTo(timer.getDuedate());
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(run).count()).isOne();
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    @Test
    void aHugeOrManyLinedBodyIsRefusedWithoutHoldingTheServer() {
        String start = "/engine-rest/process-definition/key/rdqmSwitchoverProcess/start";
        Instant before = Instant.now();
        // 900,000 line breaks: read line by line and joined, this body kept a core busy for about 40 s
        assertRefused(call("operator", HttpMethod.POST, start, "{" + "\n".repeat(900_000) + "}"),
                HttpStatus.BAD_REQUEST, "'queueManager' (RDQM DR queue manager (from the inventory)) is required");
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertRefused(call("operator", HttpMethod.POST, start, "{\"businessKey\":\"" + "x".repeat(2 * 1024 * 1024)
                + "\"}"), HttpStatus.BAD_REQUEST, "The request body is larger than 1024 KiB; a form's values are far"
                + " smaller");
        assertRefused(call("changemgr", HttpMethod.POST, "/engine-rest/task/no-such-task/claim",
                "{\"userId\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}"), HttpStatus.BAD_REQUEST,
                "The request body is larger than 1024 KiB");
        assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();
    }

    // ------------------------------------------------------------------ helpers

    /** A model whose run waits an hour on a timer (a monitoring period). */
    private String deployWaitingProcess() {
        return repositoryService.createDeployment().addModelInstance("waitingProcess.bpmn",
                org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("waitingProcess").camundaHistoryTimeToLive(1)
                        .startEvent().intermediateCatchEvent("timerEvent_monitoringPeriod").timerWithDuration("PT1H")
                        .endEvent("endEvent_monitored").done()).deploy().getId();
    }

    private String drActivationAtIsolation() {
        labMq.failHost("mqeast1");
        labFaults.hostDown("mqeast1");
        String run = startedId(startOverRest("operator", "drActivationProcess", Map.of("queueManager", "QM1",
                "reason", "East data centre lost", "incidentReference", "INC-16", "declaredBy", "Duty manager",
                "clientChannel", "APP.SVRCONN")));
        Task declare = awaitTask(run, "userTask_declareDisaster");
        ResponseEntity<String> declared = completeOverRest("changemgr", declare.getId(),
                Map.of("decision", "approve", "declarationComment", "Declared"));
        assertThat(declared.getStatusCode()).as(declared.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        return run;
    }

    private ResponseEntity<String> startOverRest(String user, String key, Map<String, Object> variables) {
        return call(user, HttpMethod.POST, "/engine-rest/process-definition/key/" + key + "/start",
                "{\"businessKey\":\"CHG-" + key.length() + "\",\"variables\":" + variablesJson(variables) + "}");
    }

    private ResponseEntity<String> completeOverRest(String user, String taskId, Map<String, Object> variables) {
        return call(user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":" + variablesJson(variables) + "}");
    }

    private static String variablesJson(Map<String, Object> variables) {
        var node = JSON.createObjectNode();
        variables.forEach((key, value) -> node.set(key, JSON.createObjectNode().set("value", JSON.valueToTree(value))));
        return node.toString();
    }

    private ResponseEntity<String> call(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }

    private static void assertRefused(ResponseEntity<String> response, HttpStatus status, String message) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        JsonNode body;
        try {
            body = JSON.readTree(response.getBody());
        } catch (java.io.IOException e) {
            throw new AssertionError("not a JSON error body: " + response.getBody(), e);
        }
        assertThat(body.path("message").asText()).as("message").isNotBlank().contains(message);
    }

    private static String startedId(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        try {
            return JSON.readTree(response.getBody()).get("id").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(response.getBody(), e);
        }
    }

    private void awaitEnded(String run) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (historyService.createHistoricProcessInstanceQuery().processInstanceId(run).singleResult()
                .getEndTime() == null) {
            assertThat(Instant.now()).as("run " + run + " ended").isBefore(deadline);
            sleep(100);
        }
    }
}
