package io.mqrunbooks.adapter.inbound.web;

import io.mqrunbooks.evidence.report.RunReport;
import io.mqrunbooks.evidence.report.RunReportHtml;
import io.mqrunbooks.evidence.report.RunReportPdf;
import io.mqrunbooks.evidence.report.RunReportService;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** The auditor's pages (also a run's change managers'): the run list with filters, one run as HTML and PDF. Read-only. */
@Controller
@RequestMapping("/reports/runs")
public class RunReportPagesController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final RunReportService reports;
    private final RunReportHtml html;
    private final RunReportPdf pdf;

    public RunReportPagesController(RunReportService reports, RunReportHtml html, RunReportPdf pdf) {
        this.reports = reports;
        this.html = html;
        this.pdf = pdf;
    }

    @GetMapping
    public ResponseEntity<String> list(HttpServletRequest request, RunQueryParameters parameters) {
        return ResponseEntity.ok().contentType(HTML).body(html.renderList(
                reports.findRuns(RunEvidenceAccess.visibleRuns(request, parameters.toQuery())), parameters.asMap()));
    }

    @GetMapping("/{runId}.pdf")
    public ResponseEntity<byte[]> pdf(HttpServletRequest request, @PathVariable String runId) {
        RunReport report = reports.report(RunEvidenceAccess.requireRunReader(request, reports, runId));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("run-" + runId + ".pdf").build().toString())
                .body(pdf.render(html.render(report)));
    }

    @GetMapping("/{runId}")
    public ResponseEntity<String> report(HttpServletRequest request, @PathVariable String runId) {
        return ResponseEntity.ok().contentType(HTML)
                .body(html.render(reports.report(RunEvidenceAccess.requireRunReader(request, reports, runId))));
    }
}
