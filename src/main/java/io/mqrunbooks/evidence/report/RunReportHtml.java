package io.mqrunbooks.evidence.report;

import io.mqrunbooks.evidence.EvidenceHashing;
import io.mqrunbooks.evidence.RunPage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Server-rendered, self-contained pages for auditors from the Thymeleaf templates {@code run-report.html} and
 * {@code run-list.html}: plain CSS, no scripts, no external resources, and well-formed XHTML so
 * {@link RunReportPdf} can render the same page. Written for a reader who has never used Camunda: steps by
 * their names, times in UTC, people by their user ids.
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

    private final TemplateEngine templates = templateEngine();

    public String render(RunReport report) {
        Context page = page("Run report: " + nvl(report.runbook(), "unknown runbook") + " "
                + nvl(report.businessKey(), report.runId()));
        page.setVariable("report", report);
        page.setVariable("taskSections", List.of(
                new TaskSection("Partner sign-offs", report.partnerSignOffs(), "No partner sign-off in this run."),
                new TaskSection("Every other task completed by a person, with what was entered", report.userTasks(),
                        "No other task was completed by a person.")));
        return xmlSafe(templates.process("run-report", page));
    }

    public String renderList(RunPage runs, Map<String, String> filters) {
        Context page = page("Runbook runs");
        page.setVariable("page", runs);
        page.setVariable("fields", Stream.of(new String[][] {{"runbook", "Runbook"}, {"queueManager", "Queue manager"},
                        {"outcome", "Outcome"}, {"who", "Started by"}, {"from", "Started from (yyyy-mm-dd)"},
                        {"to", "Started to (yyyy-mm-dd)"}})
                .map(field -> new FilterField(field[0], field[1], nvl(filters.get(field[0]), ""))).toList());
        if ((long) (runs.page() + 1) * runs.size() < runs.total()) {
            StringBuilder next = new StringBuilder("/reports/runs?page=" + (runs.page() + 1) + "&size=" + runs.size());
            filters.forEach((k, v) -> {
                if (v != null && !v.isBlank()) {
                    next.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
                }
            });
            page.setVariable("next", next.toString());
        }
        return xmlSafe(templates.process("run-list", page));
    }

    /** A filter of the run list, as its form shows it. */
    public record FilterField(String name, String label, String value) {
    }

    /** A table of tasks completed by people, or the sentence saying there were none. */
    public record TaskSection(String heading, List<RunReport.UserTaskEntry> tasks, String none) {
    }

    /** What the templates call as {@code f}: times in UTC, durations, and the sentences built from values. */
    public static final class Format {

        public String time(Instant instant) {
            return RunReportHtml.time(instant);
        }

        public String duration(Long ms) {
            return ms == null ? "" : RunReportHtml.duration(ms);
        }

        public String or(String value, String fallback) {
            return nvl(value, fallback);
        }

        public String runLink(String runId) {
            return "/reports/runs/" + URLEncoder.encode(runId, StandardCharsets.UTF_8);
        }

        /** The live run page; none for the pseudo run of commands outside any run. */
        public String runPageLink(String runId) {
            return io.mqrunbooks.evidence.EvidenceStore.NO_RUN.equals(runId) ? null
                    : "/runs/" + URLEncoder.encode(runId, StandardCharsets.UTF_8);
        }

        public String decision(RunReport.Approval a) {
            return a.decisionVariable() == null ? "(no decision variable configured)"
                    : a.decision() == null ? a.decisionVariable() + ": none submitted by the approver"
                    : a.decisionVariable() + " = " + a.decision();
        }

        public String incident(RunReport.Incident i) {
            return switch (nvl(i.event(), "")) {
                case "create" -> "Incident opened: ";
                case "resolve" -> "Incident resolved: ";
                default -> "Incident " + i.event() + ": ";
            } + i.message();
        }
    }

    private static Context page(String title) {
        Context page = new Context(Locale.ROOT);
        page.setVariable("title", title);
        page.setVariable("style", STYLE_ELEMENT_TEXT);
        page.setVariable("f", new Format());
        return page;
    }

    /** Templates under {@code templates/}; the pages are rendered to text, also for the PDF. */
    private static TemplateEngine templateEngine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
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
            return String.format(Locale.ROOT, "%d.%03d s", ms / 1000, ms % 1000);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min %02d s", s / 3600, (s % 3600) / 60, s % 60);
    }

    private static String nvl(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /** Drops characters XML 1.0 cannot carry (control bytes in command output), so the PDF renderer can read the page. */
    private static String xmlSafe(String page) {
        StringBuilder out = new StringBuilder(page.length());
        page.codePoints().forEach(c -> out.appendCodePoint(c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000 ? c : 0xFFFD));
        return out.toString();
    }
}
