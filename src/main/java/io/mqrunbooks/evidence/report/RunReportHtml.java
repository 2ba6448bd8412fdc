package io.mqrunbooks.evidence.report;

import io.mqrunbooks.evidence.ChainVerification;
import io.mqrunbooks.evidence.EvidenceHashing;
import io.mqrunbooks.evidence.EvidenceStore;
import io.mqrunbooks.evidence.RunPage;
import io.mqrunbooks.evidence.RunSummary;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Server-rendered, self-contained pages for auditors: plain CSS, no scripts, no external resources, and
 * well-formed XHTML so {@link RunReportPdf} can render the same page. Written for a reader who has never
 * used Camunda: steps by their names, times in UTC, people by their user ids.
 */
@Component
public class RunReportHtml {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static final String CSS = """
            body { font-family: Helvetica, Arial, sans-serif; font-size: 11pt; color: #1a1a1a; margin: 2em; }
            h1 { font-size: 18pt; margin-bottom: 0.2em; }
            h2 { font-size: 14pt; border-bottom: 1px solid #888; margin-top: 1.6em; }
            h3 { font-size: 12pt; }
            table { border-collapse: collapse; width: 100%; margin: 0.5em 0; }
            th, td { border: 1px solid #bbb; padding: 4px 6px; text-align: left; vertical-align: top; }
            th { background: #eee; }
            .ok { background: #e3f4e1; border: 1px solid #3b7d32; padding: 8px; }
            .broken { background: #fbe3e3; border: 1px solid #a11; padding: 8px; font-weight: bold; }
            .muted { color: #555; }
            pre { white-space: pre-wrap; word-wrap: break-word; background: #f6f6f6; border: 1px solid #ddd;
                  padding: 6px; font-family: "Courier New", Courier, monospace; font-size: 9pt; }
            summary { cursor: pointer; }
            details { margin: 0.4em 0 0.8em 0; }
            form label { margin-right: 1em; }
            """;

    /** The text of each page's one style element, exactly as sent. */
    private static final String STYLE_ELEMENT_TEXT = "\n" + CSS;

    /**
     * The Content-Security-Policy source that allows that style element and no other inline style: a browser
     * applies an inline style only if its SHA-256 is listed, so the pages need no {@code 'unsafe-inline'}.
     */
    public static final String STYLE_CSP_SOURCE = "'sha256-"
            + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(EvidenceHashing.sha256(STYLE_ELEMENT_TEXT))) + "'";

    public String render(RunReport report) {
        StringBuilder h = new StringBuilder();
        String title = "Run report: " + nvl(report.runbook(), "unknown runbook") + " "
                + nvl(report.businessKey(), report.runId());
        open(h, title);
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        h.append("<p class=\"muted\">Run id ").append(esc(report.runId())).append(" · generated ")
                .append(time(report.generatedAt())).append(" from ").append(report.recordCount())
                .append(" evidence records.</p>\n");
        if (!EvidenceStore.NO_RUN.equals(report.runId())) {
            h.append("<p><a href=\"").append(esc(runPageLink(report.runId())))
                    .append("\">Run page</a>: the diagram, what waits for whom, live while the run goes on.</p>\n");
        }
        chain(h, report.chain());
        startSection(h, report.start());
        approvals(h, report);
        timeline(h, report.timeline());
        commands(h, report.commands());
        incidents(h, report);
        outcome(h, report.outcome());
        h.append("<h2>Recovery time</h2>\n<p>").append(esc(report.recoveryTime().text()));
        if (report.recoveryTime().measured()) {
            h.append(" <span class=\"muted\">(").append(esc(report.recoveryTime().source())).append(")</span>");
        }
        h.append("</p>\n");
        notes(h, report.notes());
        h.append("<p class=\"muted\">Every record is chained to the one before it by a SHA-256 hash; any change to a "
                + "stored record after it was written shows as a broken chain at the top of this report.</p>\n");
        return close(h);
    }

    public String renderList(RunPage page, Map<String, String> filters) {
        StringBuilder h = new StringBuilder();
        open(h, "Runbook runs");
        h.append("<h1>Runbook runs</h1>\n<form method=\"get\" action=\"/reports/runs\">\n");
        for (String[] field : new String[][] {{"runbook", "Runbook"}, {"queueManager", "Queue manager"},
                {"outcome", "Outcome"}, {"who", "Started by"}, {"from", "Started from (yyyy-mm-dd)"},
                {"to", "Started to (yyyy-mm-dd)"}}) {
            h.append("<label>").append(field[1]).append(" <input type=\"text\" name=\"").append(field[0])
                    .append("\" value=\"").append(esc(nvl(filters.get(field[0]), ""))).append("\"/></label>\n");
        }
        h.append("<button type=\"submit\">Filter</button>\n</form>\n");
        h.append("<p>").append(page.total()).append(" runs; page ").append(page.page() + 1).append(".</p>\n");
        h.append("<table>\n<tr><th>Run</th><th>Runbook</th><th>Business key</th><th>Queue manager</th>"
                + "<th>Started by</th><th>Started</th><th>Ended</th><th>Outcome</th><th>PDF</th><th>Run page</th></tr>\n");
        for (RunSummary run : page.runs()) {
            String link = "/reports/runs/" + URLEncoder.encode(run.runId(), StandardCharsets.UTF_8);
            h.append("<tr><td><a href=\"").append(esc(link)).append("\">").append(esc(run.runId())).append("</a></td>")
                    .append(td(run.processKey())).append(td(run.businessKey())).append(td(run.queueManager()))
                    .append(td(run.startedBy())).append(td(time(run.startedAt()))).append(td(time(run.endedAt())))
                    .append(td(nvl(run.outcome(), run.endedAt() == null ? "RUNNING" : "")))
                    .append("<td><a href=\"").append(esc(link)).append(".pdf\">PDF</a></td><td>")
                    .append(EvidenceStore.NO_RUN.equals(run.runId()) ? ""
                            : "<a href=\"" + esc(runPageLink(run.runId())) + "\">Run page</a>")
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
        if ((long) (page.page() + 1) * page.size() < page.total()) {
            StringBuilder next = new StringBuilder("/reports/runs?page=" + (page.page() + 1) + "&size=" + page.size());
            filters.forEach((k, v) -> {
                if (v != null && !v.isBlank()) {
                    next.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
                }
            });
            h.append("<p><a href=\"").append(esc(next.toString())).append("\">Next page</a></p>\n");
        }
        return close(h);
    }

    private static String runPageLink(String runId) {
        return "/runs/" + URLEncoder.encode(runId, StandardCharsets.UTF_8);
    }

    private static void chain(StringBuilder h, ChainVerification chain) {
        h.append("<p class=\"").append(chain.intact() ? "ok" : "broken").append("\">")
                .append(esc(chain.describe()));
        if (!chain.intact() && chain.firstBroken().expectedHash() != null) {
            h.append("<br/>Expected hash ").append(esc(chain.firstBroken().expectedHash()))
                    .append(", stored ").append(esc(chain.firstBroken().storedHash()));
        }
        h.append("</p>\n");
    }

    private static void startSection(StringBuilder h, RunReport.Start start) {
        h.append("<h2>Who started it and why</h2>\n");
        if (start == null) {
            h.append("<p class=\"broken\">No record of the start of this run.</p>\n");
            return;
        }
        h.append("<table>\n");
        row(h, "Started by", start.startedBy());
        row(h, "Started at", time(start.startedAt()));
        row(h, "Reason", start.reason());
        row(h, "Incident reference", start.incidentReference());
        row(h, "Queue manager", start.queueManager());
        h.append("</table>\n");
        values(h, "Values entered at the start", start.startValues());
    }

    private static void approvals(StringBuilder h, RunReport report) {
        h.append("<h2>Approvals</h2>\n");
        if (report.approvals().isEmpty()) {
            h.append("<p>No approval gate was passed in this run.</p>\n");
        } else {
            h.append("<table>\n<tr><th>Approval</th><th>Approver</th><th>Decision</th><th>Comment</th><th>Time</th></tr>\n");
            for (RunReport.Approval a : report.approvals()) {
                String decision = a.decisionVariable() == null ? "(no decision variable configured)"
                        : a.decision() == null ? a.decisionVariable() + ": none submitted by the approver"
                        : a.decisionVariable() + " = " + a.decision();
                h.append("<tr>").append(td(a.stepName() + " (" + a.stepId() + ")")).append(td(a.approver()))
                        .append(td(decision)).append(td(a.comment())).append(td(time(a.decidedAt()))).append("</tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h3>Partner sign-offs</h3>\n");
        userTaskTable(h, report.partnerSignOffs(), "No partner sign-off in this run.");
        h.append("<h3>Every other task completed by a person, with what was entered</h3>\n");
        userTaskTable(h, report.userTasks(), "No other task was completed by a person.");
        taskComments(h, report.taskComments());
    }

    /** Camunda comments, each by its own author: not the decision, not what the completing user entered. */
    private static void taskComments(StringBuilder h, List<RunReport.TaskComment> comments) {
        if (comments.isEmpty()) {
            return;
        }
        h.append("<h3>Comments written on tasks (not part of any decision)</h3>\n<ul>\n");
        for (RunReport.TaskComment c : comments) {
            h.append("<li>").append(esc("Comment by " + nvl(c.author(), "an unknown user") + " on task "
                    + nvl(c.stepName(), c.stepId()) + " (" + c.stepId() + ") at " + time(c.at()) + ": " + c.text()))
                    .append("</li>\n");
        }
        h.append("</ul>\n");
    }

    private static void userTaskTable(StringBuilder h, List<RunReport.UserTaskEntry> tasks, String none) {
        if (tasks.isEmpty()) {
            h.append("<p>").append(esc(none)).append("</p>\n");
            return;
        }
        h.append("<table>\n<tr><th>Task</th><th>Completed by</th><th>Entered</th><th>Time</th></tr>\n");
        for (RunReport.UserTaskEntry t : tasks) {
            h.append("<tr>").append(td(t.stepName() + " (" + t.stepId() + ")")).append(td(t.completedBy()))
                    .append("<td>").append(inlineValues(t.values())).append("</td>")
                    .append(td(time(t.completedAt()))).append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void timeline(StringBuilder h, List<RunReport.Step> steps) {
        h.append("<h2>Timeline</h2>\n<table>\n<tr><th>Step</th><th>Started</th><th>Ended</th><th>Duration</th>"
                + "<th>Status</th></tr>\n");
        for (RunReport.Step s : steps) {
            h.append("<tr>").append(td(nvl(s.stepName(), s.stepId()) + " (" + s.stepId() + ")"))
                    .append(td(time(s.startedAt()))).append(td(time(s.endedAt())))
                    .append(td(s.durationMs() == null ? "" : duration(s.durationMs()))).append(td(s.status()))
                    .append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void commands(StringBuilder h, List<RunReport.Command> commands) {
        h.append("<h2>Commands and their output</h2>\n");
        if (commands.isEmpty()) {
            h.append("<p>No command was run on a host in this run.</p>\n");
        }
        for (RunReport.Command c : commands) {
            h.append("<details>\n<summary>").append(esc(time(c.at()))).append(" · ").append(esc(nvl(c.host(), "?")))
                    .append(": <code>").append(esc(c.commandLine())).append("</code> · exit code ")
                    .append(c.exitCode()).append(" · ").append(c.durationMs() == null ? "" : duration(c.durationMs()))
                    .append(" · step ").append(esc(nvl(c.stepName(), nvl(c.stepId(), "none")))).append("</summary>\n");
            h.append("<h3>Standard output</h3>\n<pre>").append(esc(nvl(c.stdout(), ""))).append("</pre>\n");
            if (c.stderr() != null && !c.stderr().isEmpty()) {
                h.append("<h3>Standard error</h3>\n<pre>").append(esc(c.stderr())).append("</pre>\n");
            }
            if (c.truncated()) {
                h.append("<p class=\"muted\">The output was longer than the recorded limit and was cut.</p>\n");
            }
            h.append("</details>\n");
        }
    }

    private static void incidents(StringBuilder h, RunReport report) {
        if (report.incidents().isEmpty() && report.retries().isEmpty()) {
            return;
        }
        h.append("<h2>Failures, retries and incidents</h2>\n<table>\n<tr><th>Time</th><th>Step</th><th>What happened</th></tr>\n");
        for (RunReport.Retry r : report.retries()) {
            h.append("<tr>").append(td(time(r.at()))).append(td(nvl(r.stepName(), r.stepId())))
                    .append(td("Attempt failed (" + r.retriesLeftBeforeThisFailure() + " tries left before it): "
                            + r.exceptionMessage())).append("</tr>\n");
        }
        for (RunReport.Incident i : report.incidents()) {
            String what = switch (nvl(i.event(), "")) {
                case "create" -> "Incident opened: ";
                case "resolve" -> "Incident resolved: ";
                default -> "Incident " + i.event() + ": ";
            };
            h.append("<tr>").append(td(time(i.at()))).append(td(nvl(i.stepName(), i.stepId())))
                    .append(td(what + i.message())).append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void outcome(StringBuilder h, RunReport.Outcome o) {
        h.append("<h2>Outcome</h2>\n<table>\n");
        row(h, "Outcome", o.outcome());
        row(h, "Ended at", time(o.endedAt()));
        row(h, "Last action by", o.endedBy());
        if (o.deleteReason() != null) {
            row(h, "Reason given for ending it", o.deleteReason());
        }
        row(h, "Run duration", o.runDurationMs() == null ? null : duration(o.runDurationMs()));
        h.append("</table>\n");
    }

    private static void notes(StringBuilder h, List<RunReport.Note> notes) {
        if (notes.isEmpty()) {
            return;
        }
        h.append("<h2>Notes recorded during the run</h2>\n<table>\n<tr><th>Time</th><th>By</th><th>Note</th></tr>\n");
        for (RunReport.Note n : notes) {
            h.append("<tr>").append(td(time(n.at()))).append(td(n.actor())).append("<td>")
                    .append(inlineValues(n.content())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void values(StringBuilder h, String caption, Map<String, Object> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        h.append("<h3>").append(esc(caption)).append("</h3>\n<table>\n");
        values.forEach((k, v) -> row(h, k, String.valueOf(v)));
        h.append("</table>\n");
    }

    private static String inlineValues(Map<String, Object> values) {
        if (values == null || values.isEmpty()) {
            return "<span class=\"muted\">nothing entered</span>";
        }
        StringBuilder s = new StringBuilder();
        values.forEach((k, v) -> s.append(s.length() == 0 ? "" : "<br/>").append(esc(k)).append(": ")
                .append(esc(String.valueOf(v))));
        return s.toString();
    }

    private static void row(StringBuilder h, String label, String value) {
        h.append("<tr><th>").append(esc(label)).append("</th>").append(td(value)).append("</tr>\n");
    }

    private static String td(String value) {
        return "<td>" + esc(nvl(value, "")) + "</td>";
    }

    private static void open(StringBuilder h, String title) {
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n<title>").append(esc(title)).append("</title>\n<style>")
                .append(STYLE_ELEMENT_TEXT).append("</style>\n</head>\n<body>\n");
    }

    private static String close(StringBuilder h) {
        return h.append("</body>\n</html>\n").toString();
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** "1 h 02 min 05 s", "3.042 s", "42 ms". */
    static String duration(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%d.%03d s", ms / 1000, ms % 1000);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return String.format(java.util.Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(java.util.Locale.ROOT, "%d h %02d min %02d s", s / 3600, (s % 3600) / 60, s % 60);
    }

    private static String nvl(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /** Escapes for XHTML text and attributes; drops characters XML 1.0 cannot carry (control bytes in output). */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                            || c >= 0x10000) {
                        out.appendCodePoint(c);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        });
        return out.toString();
    }
}
