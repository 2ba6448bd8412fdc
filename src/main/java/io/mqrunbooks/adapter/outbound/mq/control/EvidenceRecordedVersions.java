package io.mqrunbooks.adapter.outbound.mq.control;

import io.mqrunbooks.adapter.outbound.mq.parse.DspmqverParser;
import io.mqrunbooks.adapter.outbound.mq.parse.DspmqverResult;
import io.mqrunbooks.application.port.out.RecordedVersions;
import io.mqrunbooks.evidence.UnknownRunException;
import io.mqrunbooks.evidence.report.RunReport;
import io.mqrunbooks.evidence.report.RunReportService;
import io.mqrunbooks.mq.MqVersion;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The dspmqver output a step's COMMAND evidence holds, parsed as {@link SshMqControl#version} parses it live. */
@Component
public class EvidenceRecordedVersions implements RecordedVersions {

    private final RunReportService reports;

    public EvidenceRecordedVersions(RunReportService reports) {
        this.reports = reports;
    }

    @Override
    public Optional<MqVersion> dspmqverAt(String runId, String stepId, String host) {
        List<RunReport.Command> commands;
        try {
            commands = reports.report(runId).commands();
        } catch (UnknownRunException e) {
            return Optional.empty();
        }
        return commands.stream()
                .filter(c -> stepId.equals(c.stepId()) && host.equals(c.host()) && "dspmqver".equals(c.commandLine())
                        && Integer.valueOf(0).equals(c.exitCode()) && c.stdout() != null)
                .reduce((first, last) -> last)
                .map(c -> new DspmqverParser().parse(c.stdout()))
                .map(DspmqverResult::installations).filter(i -> !i.isEmpty())
                .map(i -> MqVersion.of(i.get(0).version().toString()));
    }
}
