package io.mqrunbooks.adapter.inbound.web;

import io.mqrunbooks.evidence.report.RunReportJson;
import io.mqrunbooks.evidence.report.RunReportService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Run evidence as JSON for auditors, tools and the change managers of a run. Read-only: GET only. */
@RestController
@RequestMapping(path = "/api/runs", produces = MediaType.APPLICATION_JSON_VALUE)
public class RunReportsApiController {

    private final RunReportService reports;

    public RunReportsApiController(RunReportService reports) {
        this.reports = reports;
    }

    @GetMapping
    public ResponseEntity<String> runs(HttpServletRequest request, RunQueryParameters parameters) {
        return json(RunReportJson.write(reports.findRuns(RunEvidenceAccess.visibleRuns(request, parameters.toQuery()))));
    }

    @GetMapping("/{runId}")
    public ResponseEntity<String> report(HttpServletRequest request, @PathVariable String runId) {
        return json(RunReportJson.write(reports.report(RunEvidenceAccess.requireRunReader(request, reports, runId))));
    }

    @GetMapping("/{runId}/verify")
    public ResponseEntity<String> verify(HttpServletRequest request, @PathVariable String runId) {
        return json(RunReportJson.write(reports.verify(RunEvidenceAccess.requireRunReader(request, reports, runId))));
    }

    private static ResponseEntity<String> json(String body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
