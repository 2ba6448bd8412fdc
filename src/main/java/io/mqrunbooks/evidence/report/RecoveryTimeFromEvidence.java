package io.mqrunbooks.evidence.report;

import io.mqrunbooks.evidence.EvidenceKind;
import io.mqrunbooks.evidence.EvidenceRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recovery time, measured between the times of two evidence records: never taken from a figure a
 * process variable, a caller or a runbook step states. DR activation (docs/runbook-dr-activation.md): from
 * the declaration, which is the run's start, to the first test message through the backup, that is the
 * last command of the first completed "Prove message flow" step (the get that brought the message back),
 * or that step's end when its transport records no command (PCF).
 */
final class RecoveryTimeFromEvidence {

    /** The step whose first completion closes the recovery time, by runbook. */
    static final Map<String, String> CLOSING_STEP = Map.of("drActivationProcess", "serviceTask_proveMessageFlow");

    static final String NOT_MEASURED = "Not measured: this runbook records no recovery time.";

    private RecoveryTimeFromEvidence() {
    }

    static RunReport.RecoveryTime measure(String runbook, List<ReadRecord> records) {
        String closingStep = runbook == null ? null : CLOSING_STEP.get(runbook);
        if (closingStep == null) {
            return notMeasured(NOT_MEASURED);
        }
        Optional<ReadRecord> declared = records.stream().filter(r -> r.is(EvidenceKind.RUN_STARTED)).findFirst();
        Optional<ReadRecord> completed = records.stream()
                .filter(r -> r.is(EvidenceKind.STEP_ENDED) && closingStep.equals(r.record().stepId())
                        && !Boolean.TRUE.equals(r.payload().get("canceled")))
                .findFirst();
        if (declared.isEmpty() || completed.isEmpty()) {
            return notMeasured("Not measured: the evidence holds no " + (declared.isEmpty()
                    ? "record of the declaration (the run's start)." : "test message through the backup yet."));
        }
        ReadRecord closing = lastCommandOfAttempt(records, completed.get()).orElse(completed.get());
        EvidenceRecord from = declared.get().record();
        EvidenceRecord to = closing.record();
        long ms = Duration.between(from.recordedAt(), to.recordedAt()).toMillis();
        String source = "from the evidence: declared at " + RunReportHtml.time(from.recordedAt()) + " (record "
                + from.sequence() + ", run started by " + from.actor() + "), first test message at "
                + RunReportHtml.time(to.recordedAt()) + " (record " + to.sequence() + ", " + what(closing) + ")";
        return new RunReport.RecoveryTime(true, ms / 1000, source, RunReportHtml.duration(ms), from.recordedAt(),
                to.recordedAt());
    }

    /** The commands of the closing step between its start and its end in the attempt that completed. */
    private static Optional<ReadRecord> lastCommandOfAttempt(List<ReadRecord> records, ReadRecord ended) {
        Object instance = ended.payload().get("activityInstanceId");
        long startedAt = records.stream()
                .filter(r -> r.is(EvidenceKind.STEP_STARTED) && r.record().sequence() < ended.record().sequence()
                        && instance != null && instance.equals(r.payload().get("activityInstanceId")))
                .mapToLong(r -> r.record().sequence()).max().orElse(ended.record().sequence());
        return records.stream()
                .filter(r -> r.is(EvidenceKind.COMMAND) && ended.record().stepId().equals(r.record().stepId())
                        && r.record().sequence() > startedAt && r.record().sequence() < ended.record().sequence())
                .reduce((first, second) -> second);
    }

    private static String what(ReadRecord closing) {
        String step = closing.record().stepName() != null ? closing.record().stepName() : closing.record().stepId();
        if (closing.is(EvidenceKind.COMMAND)) {
            return "'" + closing.payload().get("commandLine") + "' on " + closing.payload().get("host") + " in step '"
                    + step + "'";
        }
        return "step '" + step + "' completed";
    }

    private static RunReport.RecoveryTime notMeasured(String text) {
        return new RunReport.RecoveryTime(false, null, null, text, null, null);
    }
}
