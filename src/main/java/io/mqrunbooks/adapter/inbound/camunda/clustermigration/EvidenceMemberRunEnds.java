package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import io.mqrunbooks.evidence.UnknownRunException;
import io.mqrunbooks.evidence.report.RunReport;
import io.mqrunbooks.evidence.report.RunReportService;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Each member's result from its own called run's evidence: the queue manager its start recorded and the end event
 * its end reached ("End reached" in the run report), never a variable the staged run was handed back. The engine's
 * history only says which runs the staged run called.
 */
@Component
public class EvidenceMemberRunEnds implements MemberRunEnds {

    private final HistoryService history;
    private final RunReportService reports;

    public EvidenceMemberRunEnds(HistoryService history, RunReportService reports) {
        this.history = history;
        this.reports = reports;
    }

    @Override
    public List<MemberRunEnd> of(String stagedRunId) {
        List<MemberRunEnd> ends = new ArrayList<>();
        for (HistoricProcessInstance called : history.createHistoricProcessInstanceQuery()
                .superProcessInstanceId(stagedRunId).finished().orderByProcessInstanceStartTime().asc().list()) {
            ends.add(end(called.getId()));
        }
        return ends;
    }

    private MemberRunEnd end(String runId) {
        RunReport report;
        try {
            report = reports.report(runId);
        } catch (UnknownRunException e) {
            return new MemberRunEnd("run " + runId, null, "nothing recorded in the evidence store");
        }
        String queueManager = report.start() == null ? "run " + runId : report.start().queueManager();
        RunReport.Outcome outcome = report.outcome();
        if (outcome.endedAt() == null) {
            return new MemberRunEnd(queueManager, null, "no end recorded in the evidence store");
        }
        // the end event the report names as reached: the last completed one, none when the run was canceled
        String endEventId = outcome.endEvent() == null ? null : report.timeline().stream()
                .filter(s -> s.activityType() != null && s.activityType().endsWith("EndEvent")
                        && "completed".equals(s.status())
                        && outcome.endEvent().equals(s.stepName() != null ? s.stepName() : s.stepId()))
                .reduce((first, last) -> last).map(RunReport.Step::stepId).orElse(null);
        return new MemberRunEnd(queueManager, endEventId, outcome.outcome());
    }
}
