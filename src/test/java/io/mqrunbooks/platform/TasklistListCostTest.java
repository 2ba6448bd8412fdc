package io.mqrunbooks.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqrunbooks.bench.AppWaitingBench;
import io.mqrunbooks.testsupport.EngineStatements;
import io.mqrunbooks.testsupport.EngineStatements.Statement;
import io.mqrunbooks.testsupport.LabAppTest;
import io.mqrunbooks.testsupport.WebappSession;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
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
 * Tasklist's task list costs the same database work whatever the number of tasks a user has (issue 21,
 * docs/benchmarks.md "Tasklist with 1,000 open tasks: profile"): the requests Tasklist sends when it opens, as
 * operator through the webapp's API and every filter in front of it, counted in SQL statements, not timed.
 */
class TasklistListCostTest extends LabAppTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROCESS = "tasklistCostProcess";
    private static final String API = "/camunda/api/engine/engine/default";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    FilterService filterService;

    @AfterEach
    void removeTheProcess() {
        repositoryService.createDeploymentQuery().deploymentName(PROCESS).list()
                .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
    }

    @Test
    void theFirstPageCostsTheSameStatementsWithThreeTasksAsWithForty() throws Exception {
        repositoryService.createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn",
                Bpmn.createExecutableProcess(PROCESS).name("Tasklist cost").camundaHistoryTimeToLive(1)
                        .startEvent("startEvent_started").name("Started")
                        .userTask("userTask_confirm").name("Confirm").camundaAssignee("operator")
                        .endEvent("endEvent_confirmed").name("Confirmed")
                        .done()).deploy();
        String filterId = filterService.createFilterQuery().filterName(TasklistFilters.ALL_TASKS).singleResult().getId();
        WebappSession operator = WebappSession.login(rest.getRootUri(), "operator");

        startRuns(3);
        openTasklist(operator, filterId); // the first call after a deployment also reads and parses the process
        Page few = openTasklist(operator, filterId);
        startRuns(37);
        Page many = openTasklist(operator, filterId);

        assertThat(few.count()).isEqualTo(3);
        assertThat(few.tasks()).isEqualTo(3);
        assertThat(many.count()).isEqualTo(40);
        assertThat(many.tasks()).isEqualTo(15);
        // The count is taken where the engine reads: the page's task query is among them, reading one page of rows.
        // The engine runs ours in place of Camunda's TaskEntity.selectTaskByQueryCriteria (ExistsAuthTaskQueryPlugin).
        assertThat(many.statements()).filteredOn(s -> s.id().endsWith("ExistsAuthTaskQuery.selectTaskByQueryCriteriaExistsAuth"))
                .extracting(Statement::rows).containsExactly(15L);
        assertThat(EngineStatements.byId(many.statements()))
                .as("statements of Tasklist's first page with 40 tasks, against 3 tasks:%n%s", describe(many.statements()))
                .isEqualTo(EngineStatements.byId(few.statements()));

        // The same request over the REST API with operator's credentials, as the bench's app-waiting section times it.
        ResponseEntity<String> byName = rest.withBasicAuth("operator", "operator")
                .getForEntity("/engine-rest/filter?resourceType=Task&name=All tasks", String.class);
        assertThat(JSON.readTree(byName.getBody()).findValuesAsText("id")).containsExactly(filterId);
        HttpHeaders hal = new HttpHeaders();
        hal.setContentType(MediaType.APPLICATION_JSON);
        hal.set(HttpHeaders.ACCEPT, "application/hal+json, application/json; q=0.5");
        ResponseEntity<String> overRest = rest.withBasicAuth("operator", "operator").exchange("/engine-rest/filter/" + filterId
                + "/list?firstResult=0&maxResults=15", HttpMethod.POST, new HttpEntity<>(AppWaitingBench.TASKLIST_FIRST_PAGE, hal),
                String.class);
        assertThat(overRest.getStatusCode()).as(overRest.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode restPage = JSON.readTree(overRest.getBody());
        assertThat(restPage.path("count").asLong()).isEqualTo(40);
        assertThat(restPage.path("_embedded").path("task")).hasSize(15);
    }

    /** What one opening of Tasklist reads: its filters, then the filter's first page with its count. */
    private record Page(long count, int tasks, List<Statement> statements) {
    }

    private Page openTasklist(WebappSession session, String filterId) throws Exception {
        List<HttpResponse<String>> answers = new ArrayList<>();
        List<Statement> statements = EngineStatements.record(thread -> thread.startsWith("http-nio"), () -> {
            answers.add(session.get(API + "/filter/count?itemCount=false&resourceType=Task"));
            answers.add(session.get(API + "/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task"));
            answers.add(session.client().send(session.request(API + "/filter/" + filterId + "/list?firstResult=0&maxResults=15")
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/hal+json, application/json; q=0.5")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(AppWaitingBench.TASKLIST_FIRST_PAGE)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        });
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.uri() + ": " + answer.body()).isEqualTo(200);
        }
        JsonNode page = JSON.readTree(answers.get(2).body());
        return new Page(page.path("count").asLong(), page.path("_embedded").path("task").size(), statements);
    }

    private void startRuns(int runs) {
        for (int i = 0; i < runs; i++) {
            runtimeService.startProcessInstanceByKey(PROCESS, "TL-" + i);
        }
    }

    private static String describe(List<Statement> statements) {
        StringBuilder text = new StringBuilder();
        statements.forEach(s -> text.append(s.id()).append(" rows=").append(s.rows()).append(": ").append(s.sql())
                .append(" -- ").append(s.parameters()).append('\n'));
        return text.toString();
    }
}
