package io.mqrunbooks.adapter.inbound.web;

import io.mqrunbooks.platform.run.RunAborts;
import io.mqrunbooks.platform.security.CurrentUser;
import io.mqrunbooks.platform.security.EngineApiGuard;
import io.mqrunbooks.platform.security.Groups;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The run page, {@code /runs/{id}} (a process instance id, or a business key naming one run): the diagram with each
 * step's state, who did what, what waits for whom, incidents, commands with their output; its JSON for the page's
 * refresh; and the operators' retry of a failed step. Read by the same users as the run's report, except that a
 * change manager reads every run that asks or asked for their approval, as in the engine's API.
 */
@Controller
public class RunPageController {

    /** How RunAborts begins the outcome of an aborted run ("aborted by lead at 2026-12-07 02:10 UTC: reason"). */
    private static final String ABORTED = "aborted by ";

    private final RunProgressReader runs;
    private final ManagementService management;
    private final RunAborts aborts;
    private final AuthorizationService authorizations;
    private final String tasklistPath;
    private final Clock clock;

    @Autowired
    public RunPageController(RunProgressReader runs, ManagementService management,
                             RunAborts aborts, AuthorizationService authorizations, CamundaBpmProperties camunda) {
        this(runs, management, aborts, authorizations, camunda.getWebapp().getApplicationPath(),
                Clock.systemUTC());
    }

    RunPageController(RunProgressReader runs, ManagementService management,
                      RunAborts aborts, AuthorizationService authorizations, String tasklistPath, Clock clock) {
        this.runs = runs;
        this.management = management;
        this.aborts = aborts;
        this.authorizations = authorizations;
        this.tasklistPath = tasklistPath;
        this.clock = clock;
    }

    /**
     * The page, from {@code templates/run-page.html}. Retry is offered to operators and administrators, abort to whom
     * {@link RunAborts} allows; the engine and the server still decide when either is pressed.
     */
    @GetMapping("/runs/{id}")
    public String page(HttpServletRequest request, @PathVariable String id, Model model) {
        RunProgress run = runs.read(readableRun(request, id));
        CurrentUser user = CurrentUser.of(request);
        model.addAttribute("run", run);
        // SVG built with its text escaped (RunDiagramSvg), the one part the template does not escape
        model.addAttribute("diagram", RunDiagramSvg.render(runs.model(run), run.steps(), runs.sealedValues(run)));
        model.addAttribute("finished", run.finished());
        model.addAttribute("abortedBy", run.finished() && run.outcome() != null && run.outcome().startsWith(ABORTED)
                ? run.outcome().substring(ABORTED.length()) : null);
        model.addAttribute("mayRetry", user.inAnyGroup(Groups.OPERATORS, Groups.ADMINS));
        model.addAttribute("mayAbort", !run.finished() && aborts.mayAbort(run.runId(), user.userId(), user.groups()));
        model.addAttribute("tasklistPath", tasklistPath);
        model.addAttribute("now", clock.instant());
        return "run-page";
    }

    @GetMapping(path = "/api/runs/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RunProgress> progress(HttpServletRequest request, @PathVariable String id) {
        return ResponseEntity.ok(runs.read(readableRun(request, id)));
    }

    /**
     * Gives a failed step's job one more try, as the calling user: the engine's authorizations decide (operators
     * have RETRY_JOB), and the step checks its gate's approval again when it runs. A browser's form post is sent
     * back to the run page; anything else gets JSON.
     */
    @PostMapping("/api/runs/{id}/retry/{jobId}")
    public ResponseEntity<?> retry(HttpServletRequest request, @PathVariable String id, @PathVariable String jobId,
                                   @RequestHeader(value = "Accept", required = false) String accept) {
        String runId = readableRun(request, id);
        Job job = management.createJobQuery().jobId(jobId).processInstanceId(runId).singleResult();
        if (job == null) {
            throw new RunProgressReader.UnknownRun("Run " + runId + " has no step with the job '" + jobId
                    + "' to retry.");
        }
        if (!EngineApiGuard.hasFailed(job)) {
            throw new StepNotFailed("Run " + runId + "'s job '" + jobId + "' has not failed: only a failed step"
                    + " is retried; a timer or a waiting step is not moved.");
        }
        // now, not when the failed attempt's back-off would have tried it: the operator has looked at the cause
        management.setJobRetries(1).jobId(jobId).dueDate(Date.from(clock.instant())).execute();
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(runPage(runId))).build();
        }
        return ResponseEntity.ok(Map.of("message", "The step will be tried once more by "
                + CurrentUser.of(request).userId() + "'s request.", "runId", runId, "jobId", jobId));
    }

    /**
     * Aborts the run for the reason given, at whatever it waits for: its initiator, a change manager or an
     * administrator may (403 for anyone else). A browser's form post is sent back to the run page, which then
     * shows the run as ended with who aborted it, when and why; other callers get JSON.
     */
    @PostMapping(path = "/api/runs/{id}/abort", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<?> abortFromPage(HttpServletRequest request, @PathVariable String id,
                                           @RequestParam(value = "reason", required = false) String reason,
                                           @RequestHeader(value = "Accept", required = false) String accept) {
        return abort(request, id, reason, accept);
    }

    @PostMapping(path = "/api/runs/{id}/abort", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> abortOverApi(HttpServletRequest request, @PathVariable String id,
                                          @RequestBody(required = false) AbortRequest body,
                                          @RequestHeader(value = "Accept", required = false) String accept) {
        return abort(request, id, body == null ? null : body.reason(), accept);
    }

    /** A retry of a job that has not failed: 409. */
    static final class StepNotFailed extends RuntimeException {
        StepNotFailed(String message) {
            super(message);
        }
    }

    /** What an abort takes: the reason, in one line. */
    public record AbortRequest(String reason) {
    }

    private ResponseEntity<?> abort(HttpServletRequest request, String id, String reason, String accept) {
        CurrentUser user = CurrentUser.of(request);
        if (!user.inAnyGroup(Groups.OPERATORS, Groups.CHANGE_MANAGERS, Groups.ADMINS)) {
            throw new RunEvidenceAccess.AccessDenied(user.userId() + " may not abort runs: only a run's initiator,"
                    + " a change manager or an administrator may.");
        }
        String runId = RunEvidenceAccess.validRunId(runs.resolve(id));
        String outcome = aborts.abort(runId, user.userId(), user.groups(), reason);
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(runPage(runId))).build();
        }
        return ResponseEntity.ok(Map.of("message", "Run " + runId + " " + outcome, "runId", runId,
                "outcome", outcome, "runPage", runPage(runId)));
    }

    private static String runPage(String runId) {
        return "/runs/" + URLEncoder.encode(runId, StandardCharsets.UTF_8);
    }

    private String readableRun(HttpServletRequest request, String id) {
        RunEvidenceAccess.requireReaderRole(request);
        String runId;
        try {
            // as the user: the engine finds only the runs they may read
            runId = runs.resolve(id);
        } catch (RunProgressReader.UnknownRun unknown) {
            CurrentUser user = CurrentUser.of(request);
            if (user.inAnyGroup(RunEvidenceAccess.READERS)) {
                throw unknown;
            }
            // The same answer whether the run exists or not: a change manager learns nothing of other runs.
            throw new RunProgressReader.UnknownRun("No run with the id or business key '" + id + "' that "
                    + user.userId() + " may read: a change manager reads the runs that ask or asked for their"
                    + " approval.");
        }
        return RunEvidenceAccess.requireRunPageReader(request, authorizations, runId);
    }
}
