package io.mqrunbooks.adapter.inbound.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mqrunbooks.evidence.report.RunReport;
import io.mqrunbooks.platform.run.RunAborts;
import io.mqrunbooks.platform.security.CurrentUser;
import io.mqrunbooks.platform.security.Groups;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The run page as its template renders it (templates/run-page.html, with Spring Boot's Thymeleaf), for runs whose
 * values someone hostile chose: everything they typed or a host printed reaches the page as text, never as markup.
 * RunPageLabTest follows real runs on the lab.
 */
class RunPageControllerTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
    /** Would end the attribute and add a handler if it were not escaped. */
    private static final String BREAKOUT = "x\" onmouseover=\"alert(1)";
    private static final Instant AT = Instant.parse("2026-12-07T02:10:05Z");

    private final RunProgressReader runs = mock(RunProgressReader.class);
    private final RunAborts aborts = mock(RunAborts.class);
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new RunPageController(runs,
                    mock(ManagementService.class), aborts, mock(AuthorizationService.class), "/camunda",
                    Clock.fixed(Instant.parse("2026-12-07T02:15:00Z"), ZoneOffset.UTC)))
            .setViewResolvers(viewResolver()).setControllerAdvice(new RunEvidenceErrors()).build();

    @Test
    void whatSomeoneTypedOrAHostPrintedIsShownAsTextNotRunAsMarkup() throws Exception {
        RunProgress run = new RunProgress("run-1", SCRIPT, "rdqmSwitchoverProcess", "RDQM switchover", "failed",
                "Stopped: " + SCRIPT, null, null, Map.of("userTask_approveSwitchover", StepState.WAITING),
                List.of(new RunProgress.Action(AT, "operator", "Started the run with reason = " + SCRIPT)),
                List.of(new RunProgress.OpenTask(BREAKOUT, "userTask_approveSwitchover", "Approve " + SCRIPT, AT, null,
                        "a change manager other than " + SCRIPT)),
                List.of(new RunProgress.Failure("serviceTask_endPrimary", "End the queue manager", AT,
                        "AMQ9999E " + SCRIPT, BREAKOUT)),
                List.of(new RunReport.Command(7, AT, "serviceTask_endPrimary", "End " + SCRIPT, "dr1", "endmqm " + SCRIPT,
                        71, 40L, "out " + SCRIPT, "err " + SCRIPT, false)),
                List.of(new RunProgress.Wait(BREAKOUT, "Wait " + SCRIPT, "30 seconds", "the runbook", AT)),
                "rev-1", "pd");
        String page = page(run, Map.of("queueManager", SCRIPT), "operator", Groups.OPERATORS);

        assertThat(page.split("<script", -1)).as("the page's own script and nothing else").hasSize(2);
        assertThat(page).doesNotContain("\" onmouseover=\"").contains(
                "<title>Run: RDQM switchover · " + ESCAPED + "</title>",
                "<h1>RDQM switchover · " + ESCAPED + "</h1>",
                "<p class=\"status failed\">Stopped: " + ESCAPED + "</p>",
                "<title>Approve the switchover of " + ESCAPED + ": waiting</title>",
                "<tr data-step=\"x&quot; onmouseover=&quot;alert(1)\"><td>Wait " + ESCAPED + "</td><td>30 seconds</td>"
                        + "<td>the runbook</td><td>waiting, until 2026-12-07 02:10:05 UTC</td></tr>",
                "<tr><td>Approve " + ESCAPED + "</td><td>2026-12-07 02:10:05 UTC</td><td>a change manager other than "
                        + ESCAPED + "</td><td><a href=\"/camunda/app/tasklist/default/#/?task=x%22%20onmouseover%3D%22alert(1)\">"
                        + "Open in Tasklist</a></td></tr>",
                "<td>AMQ9999E " + ESCAPED + "</td><td><form method=\"post\" action=\"/api/runs/run-1/retry/"
                        + "x%22%20onmouseover=%22alert(1)\"><button type=\"submit\">Retry</button></form></td>",
                "<td>Started the run with reason = " + ESCAPED + "</td>",
                "<summary>2026-12-07 02:10:05 UTC · dr1: <code>endmqm " + ESCAPED + "</code> · exit code 71 · step End "
                        + ESCAPED + "</summary>\n<pre>out " + ESCAPED + "</pre>\n<p>Standard error:</p>\n"
                        + "<pre class=\"stderr\">err " + ESCAPED + "</pre>\n</details>",
                "<form method=\"post\" action=\"/api/runs/run-1/abort\">",
                "<span id=\"as-of\">as of 2026-12-07 02:15:00 UTC</span>");
    }

    @Test
    void anAbortedRunSaysWhoAbortedItWhenAndWhyAsTheyWroteIt() throws Exception {
        String outcome = "aborted by lead at 2026-12-07 02:10 UTC: " + SCRIPT + " \"quoted\"";
        RunProgress run = new RunProgress("run-2", null, "rdqmSwitchoverProcess", "RDQM switchover", "finished",
                "Finished: " + outcome, outcome, "/reports/runs/run-2", Map.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), "rev-2", "pd");
        String page = page(run, Map.of(), "auditor", Groups.AUDITORS);

        assertThat(page).doesNotContain("<script>alert", "<form").contains(
                "<body data-run=\"run-2\" data-revision=\"rev-2\" data-finished=\"true\">",
                "<title>Run: RDQM switchover</title>",
                "<p><a id=\"report-link\" href=\"/reports/runs/run-2\">Read the run report</a> (also as "
                        + "<a href=\"/reports/runs/run-2.pdf\">PDF</a>)</p>\n</section>",
                "<section id=\"open-tasks\" class=\"live\">\n<h2>Waiting for</h2>\n<p>No task is waiting for a person.</p>\n"
                        + "</section>",
                "<p>No open incident.</p>\n</section>",
                "<p>No command has run on a host yet.</p>\n</section>",
                "<section id=\"abort\" class=\"live\">\n<h2>Aborted</h2>\n<p class=\"aborted\">Aborted by lead at"
                        + " 2026-12-07 02:10 UTC: " + ESCAPED + " &quot;quoted&quot;</p>\n</section>\n</body>");
    }

    private String page(RunProgress run, Map<String, String> sealed, String user, String group) throws Exception {
        when(runs.resolve(run.runId())).thenReturn(run.runId());
        when(runs.read(run.runId())).thenReturn(run);
        when(runs.model(run)).thenReturn(Bpmn.readModelFromFile(new File("processes/rdqmSwitchoverProcess.bpmn")));
        when(runs.sealedValues(run)).thenReturn(sealed);
        when(aborts.mayAbort(anyString(), anyString(), any())).thenReturn(Groups.OPERATORS.equals(group));
        return mvc.perform(get("/runs/{id}", run.runId()).with(as(user, group))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static RequestPostProcessor as(String id, String group) {
        return request -> {
            request.setAttribute(CurrentUser.REQUEST_ATTRIBUTE, new CurrentUser(id, Set.of(group)));
            return request;
        };
    }

    /** Spring Boot's own Thymeleaf set-up (templates/*.html, HTML, UTF-8), as the application renders its views. */
    private static ThymeleafViewResolver viewResolver() {
        ThymeleafViewResolver resolver = new ThymeleafViewResolver();
        resolver.setTemplateEngine(new AnnotationConfigApplicationContext(ThymeleafAutoConfiguration.class)
                .getBean(SpringTemplateEngine.class));
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        return resolver;
    }
}
