package io.mqrunbooks.evidence.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqrunbooks.evidence.ChainVerification;
import io.mqrunbooks.evidence.EvidenceKind;
import io.mqrunbooks.evidence.EvidenceRecord;
import io.mqrunbooks.evidence.EvidenceStore;
import io.mqrunbooks.evidence.RunPage;
import io.mqrunbooks.evidence.RunQuery;
import io.mqrunbooks.evidence.RunSummary;
import io.mqrunbooks.evidence.UnknownRunException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/** Builds a {@link RunReport} from the evidence store alone, so it outlives the engine's history. */
@Service
public class RunReportService {

    /** User tasks whose id starts with this are a partner's sign-off (RUNBOOKS.md: per-partner user tasks). */
    public static final String PARTNER_TASK_PREFIX = "userTask_partner";

    /** A partner sign-off: {@code userTask_partner...} or any user task about a partner ({@code userTask_confirmPartner}). */
    static boolean isPartnerSignOff(String stepId) {
        return stepId != null && (stepId.startsWith(PARTNER_TASK_PREFIX)
                || (stepId.startsWith("userTask_") && stepId.contains("Partner")));
    }

    private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() { };

    private final EvidenceStore store;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    public RunReportService(EvidenceStore store) {
        this(store, Clock.systemUTC());
    }

    public RunReportService(EvidenceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public RunPage findRuns(RunQuery query) {
        return store.findRuns(query);
    }

    public boolean gateDecidedBy(String runId, String userId) {
        return store.gateDecidedBy(runId, userId);
    }

    public ChainVerification verify(String runId) {
        return store.verifyChain(runId);
    }

    /** @throws UnknownRunException when nothing was recorded for the run */
    public RunReport report(String runId) {
        RunSummary run = store.run(runId).orElseThrow(() -> new UnknownRunException(runId));
        ChainVerification chain = store.verifyChain(runId);
        List<ReadRecord> records = store.records(runId).stream().map(r -> new ReadRecord(r, payload(r))).toList();

        Map<String, String> stepNames = new HashMap<>();
        records.stream().map(ReadRecord::record).filter(r -> r.stepId() != null && r.stepName() != null)
                .forEach(r -> stepNames.putIfAbsent(r.stepId(), r.stepName()));

        RunReport.Start start = null;
        RunReport.Outcome outcome = null;
        List<RunReport.Approval> approvals = new ArrayList<>();
        List<RunReport.UserTaskEntry> userTasks = new ArrayList<>();
        List<RunReport.TaskComment> taskComments = new ArrayList<>();
        List<RunReport.Command> commands = new ArrayList<>();
        List<RunReport.Incident> incidents = new ArrayList<>();
        List<RunReport.Retry> retries = new ArrayList<>();
        List<RunReport.Note> notes = new ArrayList<>();
        Map<String, StepBuilder> steps = new LinkedHashMap<>();

        for (ReadRecord read : records) {
            EvidenceRecord r = read.record();
            Map<String, Object> p = read.payload();
            String stepName = r.stepName() != null ? r.stepName() : stepNames.get(r.stepId());
            taskComments.addAll(taskComments(r, stepName, p));
            switch (r.kind()) {
                case RUN_STARTED -> start = new RunReport.Start(r.actor(), r.recordedAt(), text(p.get("reason")),
                        text(p.get("incidentReference")), text(p.get("queueManager")), map(p.get("variables")));
                case RUN_ENDED -> {
                    Long runMs = start == null ? null : Duration.between(start.startedAt(), r.recordedAt()).toMillis();
                    outcome = new RunReport.Outcome(text(p.get("outcome")),
                            Boolean.TRUE.equals(p.get("canceled")) ? null : endEventReached(steps.values()),
                            r.recordedAt(), r.actor(), text(p.get("deleteReason")), runMs);
                }
                case STEP_STARTED -> steps.put(text(p.get("activityInstanceId")) + "#" + r.sequence(),
                        new StepBuilder(r, stepName, text(p.get("activityType"))));
                case STEP_ENDED -> endStep(steps, r, p);
                case GATE -> approvals.add(new RunReport.Approval(r.stepId(), stepName, r.actor(), r.recordedAt(),
                        text(p.get("decisionVariable")), p.get("decision"), text(p.get("comment")), map(p.get("values"))));
                case USER_TASK -> userTasks.add(new RunReport.UserTaskEntry(r.stepId(), stepName, r.actor(),
                        r.recordedAt(), map(p.get("values"))));
                case COMMAND -> commands.add(new RunReport.Command(r.sequence(), r.recordedAt(), r.stepId(), stepName,
                        text(p.get("host")), text(p.get("commandLine")), integer(p.get("exitCode")),
                        number(p.get("durationMs")), text(p.get("stdout")), text(p.get("stderr")),
                        Boolean.TRUE.equals(p.get("truncated"))));
                case INCIDENT -> incidents.add(new RunReport.Incident(r.recordedAt(), r.stepId(), stepName,
                        text(p.get("event")), text(p.get("incidentType")), text(p.get("message"))));
                case RETRY -> retries.add(new RunReport.Retry(r.recordedAt(), r.stepId(), stepName,
                        text(p.get("exceptionMessage")), integer(p.get("retriesLeftBeforeThisFailure"))));
                case NOTE -> notes.add(new RunReport.Note(r.recordedAt(), r.actor(), r.stepId(), p));
                default -> throw new IllegalStateException("Unhandled evidence kind " + r.kind());
            }
        }
        if (outcome == null) {
            outcome = new RunReport.Outcome("RUNNING", null, null, null, null, null);
        }
        boolean runOver = run.endedAt() != null;
        List<RunReport.Step> timeline = new ArrayList<>();
        List<StepBuilder> all = new ArrayList<>(steps.values());
        for (int i = 0; i < all.size(); i++) {
            StepBuilder s = all.get(i);
            boolean retriedLater = all.subList(i + 1, all.size()).stream().anyMatch(o -> o.stepId.equals(s.stepId));
            timeline.add(s.build(runOver || retriedLater));
        }
        Map<Boolean, List<RunReport.UserTaskEntry>> byPartner = userTasks.stream()
                .collect(Collectors.partitioningBy(t -> isPartnerSignOff(t.stepId())));

        taskComments.sort(Comparator.comparing(RunReport.TaskComment::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return new RunReport(runId, run.processKey(), run.businessKey(), clock.instant(), records.size(), chain,
                start, approvals, byPartner.get(true), byPartner.get(false), taskComments, timeline, commands,
                incidents, retries, notes, outcome, RecoveryTimeFromEvidence.measure(run.processKey(), records));
    }

    private static List<RunReport.TaskComment> taskComments(EvidenceRecord r, String stepName, Map<String, Object> p) {
        if (!(p.get("taskComments") instanceof List<?> comments)) {
            return List.of();
        }
        return comments.stream().map(RunReportService::map)
                .map(c -> new RunReport.TaskComment(r.stepId(), stepName, text(c.get("author")), instant(c.get("at")),
                        text(c.get("text"))))
                .toList();
    }

    /** The last end event whose step completed: where the engine took the run, whatever its variables say. */
    private static String endEventReached(Collection<StepBuilder> steps) {
        String reached = null;
        for (StepBuilder step : steps) {
            if (step.activityType != null && step.activityType.endsWith("EndEvent") && step.endedAt != null
                    && !step.canceled) {
                reached = step.stepName != null ? step.stepName : step.stepId;
            }
        }
        return reached;
    }

    private static void endStep(Map<String, StepBuilder> steps, EvidenceRecord r, Map<String, Object> p) {
        String instance = text(p.get("activityInstanceId"));
        StepBuilder open = null;
        for (Map.Entry<String, StepBuilder> e : steps.entrySet()) {
            if (e.getKey().startsWith(instance + "#") && e.getValue().endedAt == null) {
                open = e.getValue();
            }
        }
        if (open == null) {
            open = new StepBuilder(r, r.stepName(), text(p.get("activityType")));
            open.startedAt = null;
            steps.put(instance + "#" + r.sequence(), open);
        }
        open.endedAt = r.recordedAt();
        open.canceled = Boolean.TRUE.equals(p.get("canceled"));
        Long engineMs = number(p.get("durationMs"));
        open.durationMs = engineMs != null ? engineMs
                : open.startedAt == null ? null : Duration.between(open.startedAt, open.endedAt).toMillis();
    }

    private Map<String, Object> payload(EvidenceRecord r) {
        try {
            return json.readValue(r.payload(), PAYLOAD);
        } catch (IOException e) {
            // A payload that is not JSON is shown as stored, not dropped: the chain check says if it was altered.
            return Map.of("unreadablePayload", r.payload());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Instant instant(Object value) {
        try {
            return value == null ? null : Instant.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Long number(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }

    private static Integer integer(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }

    private static final class StepBuilder {
        final String stepId;
        final String stepName;
        final String activityType;
        Instant startedAt;
        Instant endedAt;
        Long durationMs;
        boolean canceled;

        StepBuilder(EvidenceRecord started, String stepName, String activityType) {
            this.stepId = started.stepId();
            this.stepName = stepName;
            this.activityType = activityType;
            this.startedAt = started.recordedAt();
        }

        RunReport.Step build(boolean notResumable) {
            String status = endedAt != null ? (canceled ? "canceled" : "completed")
                    : notResumable ? "failed attempt" : "in progress";
            return new RunReport.Step(stepId, stepName, activityType, startedAt, endedAt, durationMs, status);
        }
    }
}
