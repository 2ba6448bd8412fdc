package io.mqrunbooks.adapter.inbound.web;

import io.mqrunbooks.evidence.report.RunReport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.web.util.HtmlUtils;

/**
 * The run page as HTML. Its look is {@code /css/run-page.css} and its refresh {@code /js/run-page.js}, both static,
 * because the pages' Content-Security-Policy allows no inline script or style; without the script the page is
 * complete, only not live. Each section the script may replace is a {@code section.live} with an id.
 */
final class RunPageHtml {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** How RunAborts begins the outcome of an aborted run ("aborted by lead at 2026-12-07 02:10 UTC: reason"). */
    private static final String ABORTED = "aborted by ";

    private RunPageHtml() {
    }

    /**
     * @param diagramSvg   the runbook's diagram, coloured by state
     * @param mayRetry     whether to offer a retry of failed steps (the engine still decides when it is pressed)
     * @param mayAbort     whether to offer the abort of the run (the server still decides when it is pressed)
     * @param tasklistPath where the Camunda Tasklist is, to link each open task
     */
    static String render(RunProgress run, String diagramSvg, boolean mayRetry, boolean mayAbort, String tasklistPath,
                         Instant now) {
        StringBuilder h = new StringBuilder();
        String title = run.runbookName() + (run.businessKey() == null ? "" : " · " + run.businessKey());
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>Run: ")
                .append(esc(title)).append("</title>\n<link rel=\"stylesheet\" href=\"/css/run-page.css\"/>\n")
                .append("<script src=\"/js/run-page.js\" defer=\"defer\"></script>\n</head>\n")
                .append("<body data-run=\"").append(esc(run.runId())).append("\" data-revision=\"")
                .append(esc(run.revision())).append("\" data-finished=\"").append(run.finished()).append("\">\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n<p class=\"muted\">Run id ").append(esc(run.runId()))
                .append(" · runbook ").append(esc(run.runbook())).append(" · <a href=\"/reports/runs\">all runs</a> · ")
                .append("<span id=\"as-of\">as of ").append(time(now)).append("</span></p>\n");

        h.append("<section id=\"run-status\" class=\"live\">\n<p class=\"status ").append(esc(run.status())).append("\">")
                .append(esc(run.statusText())).append("</p>\n");
        if (run.reportLink() != null) {
            h.append("<p><a id=\"report-link\" href=\"").append(esc(run.reportLink()))
                    .append("\">Read the run report</a> (also as <a href=\"").append(esc(run.reportLink()))
                    .append(".pdf\">PDF</a>)</p>\n");
        }
        h.append("</section>\n");

        h.append("<section id=\"diagram\" class=\"live\">\n<h2>Steps</h2>\n<p class=\"legend\">")
                .append("<span class=\"key done\">done</span> <span class=\"key running\">running</span> ")
                .append("<span class=\"key waiting\">waiting</span> <span class=\"key failed\">failed</span> ")
                .append("<span class=\"key not-run\">not run</span></p>\n").append(diagramSvg).append("</section>\n");

        waits(h, run);
        openTasks(h, run, tasklistPath);
        incidents(h, run, mayRetry);
        whoDidWhat(h, run);
        commands(h, run);
        abort(h, run, mayAbort);
        return h.append("</body>\n</html>\n").toString();
    }

    private static void openTasks(StringBuilder h, RunProgress run, String tasklistPath) {
        h.append("<section id=\"open-tasks\" class=\"live\">\n<h2>Waiting for</h2>\n");
        if (run.openTasks().isEmpty()) {
            h.append("<p>No task is waiting for a person.</p>\n");
        } else {
            h.append("<table>\n<tr><th>Task</th><th>Waiting since</th><th>Who may act</th><th></th></tr>\n");
            for (RunProgress.OpenTask task : run.openTasks()) {
                h.append("<tr>").append(td(task.name())).append(td(time(task.since()))).append(td(task.whoMayAct()))
                        .append("<td><a href=\"").append(esc(tasklistPath + "/app/tasklist/default/#/?task="
                                + URLEncoder.encode(task.taskId(), StandardCharsets.UTF_8)))
                        .append("\">Open in Tasklist</a></td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("</section>\n");
    }

    private static void waits(StringBuilder h, RunProgress run) {
        if (run.waits().isEmpty()) {
            return;
        }
        h.append("<section id=\"waits\" class=\"live\">\n<h2>Built-in waits</h2>\n")
                .append("<table>\n<tr><th>Wait</th><th>Length</th><th>Set by</th><th>Now</th></tr>\n");
        for (RunProgress.Wait wait : run.waits()) {
            h.append("<tr data-step=\"").append(esc(wait.stepId())).append("\">").append(td(wait.name()))
                    .append(td(wait.length())).append(td(wait.setBy()))
                    .append(td(wait.until() == null ? "" : "waiting, until " + time(wait.until()))).append("</tr>\n");
        }
        h.append("</table>\n</section>\n");
    }

    private static void incidents(StringBuilder h, RunProgress run, boolean mayRetry) {
        h.append("<section id=\"incidents\" class=\"live\">\n<h2>Incidents</h2>\n");
        if (run.incidents().isEmpty()) {
            h.append("<p>No open incident.</p>\n");
        } else {
            h.append("<table>\n<tr><th>Step</th><th>Since</th><th>Message</th><th></th></tr>\n");
            for (RunProgress.Failure failure : run.incidents()) {
                h.append("<tr class=\"failed\">").append(td(failure.stepName())).append(td(time(failure.at())))
                        .append(td(failure.message())).append("<td>");
                if (mayRetry && failure.jobId() != null) {
                    h.append("<form method=\"post\" action=\"/api/runs/").append(esc(url(run.runId())))
                            .append("/retry/").append(esc(url(failure.jobId())))
                            .append("\"><button type=\"submit\">Retry</button></form>");
                }
                h.append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("</section>\n");
    }

    /**
     * A live section like the others, so an open page follows the run: the form while the run has not ended and the
     * reader may abort it; once it ended, who aborted it, when and why (or nothing, when it was not aborted).
     */
    private static void abort(StringBuilder h, RunProgress run, boolean mayAbort) {
        h.append("<section id=\"abort\" class=\"live\">\n");
        if (run.finished() && run.outcome() != null && run.outcome().startsWith(ABORTED)) {
            h.append("<h2>Aborted</h2>\n<p class=\"aborted\">Aborted by ")
                    .append(esc(run.outcome().substring(ABORTED.length()))).append("</p>\n");
        } else if (!run.finished() && mayAbort) {
            h.append("<h2>Abort the run</h2>\n<p>Ends the run where it stands: nothing more runs, nothing it did is")
                    .append(" undone or hidden, and its report says who aborted it, when and why.</p>\n")
                    .append("<form method=\"post\" action=\"/api/runs/").append(esc(url(run.runId())))
                    .append("/abort\"><label for=\"abort-reason\">Reason (kept in the report)</label> ")
                    .append("<input id=\"abort-reason\" name=\"reason\" type=\"text\" required=\"required\"")
                    .append(" maxlength=\"500\" size=\"60\"/> <button type=\"submit\">Abort the run</button></form>\n");
        }
        h.append("</section>\n");
    }

    private static void whoDidWhat(StringBuilder h, RunProgress run) {
        h.append("<section id=\"who-did-what\" class=\"live\">\n<h2>Who did what and when</h2>\n")
                .append("<table>\n<tr><th>When</th><th>Who</th><th>What</th></tr>\n");
        for (RunProgress.Action action : run.whoDidWhat()) {
            h.append("<tr>").append(td(time(action.at()))).append(td(action.who())).append(td(action.what()))
                    .append("</tr>\n");
        }
        h.append("</table>\n</section>\n");
    }

    private static void commands(StringBuilder h, RunProgress run) {
        h.append("<section id=\"commands\" class=\"live\">\n<h2>Commands and their output</h2>\n");
        if (run.commands().isEmpty()) {
            h.append("<p>No command has run on a host yet.</p>\n");
        }
        for (RunReport.Command c : run.commands()) {
            h.append("<details id=\"command-").append(c.sequence()).append("\">\n<summary>").append(time(c.at()))
                    .append(" · ").append(esc(c.host() == null ? "?" : c.host())).append(": <code>")
                    .append(esc(c.commandLine())).append("</code> · exit code ").append(c.exitCode())
                    .append(" · step ").append(esc(c.stepName() == null ? c.stepId() : c.stepName()))
                    .append("</summary>\n<pre>").append(esc(c.stdout())).append("</pre>\n");
            if (c.stderr() != null && !c.stderr().isEmpty()) {
                h.append("<p>Standard error:</p>\n<pre class=\"stderr\">").append(esc(c.stderr())).append("</pre>\n");
            }
            if (c.truncated()) {
                h.append("<p class=\"muted\">The output was longer than the recorded limit and was cut.</p>\n");
            }
            h.append("</details>\n");
        }
        h.append("</section>\n");
    }

    private static String td(String value) {
        return "<td>" + esc(value) + "</td>";
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    private static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
