package io.mqrunbooks.adapter.inbound.camunda;

import io.mqrunbooks.platform.run.RunRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The length of the runbooks' status polls (RDQM DR, RDQM HA, Native HA and multi-instance waits): the BPMN timers
 * read {@code ${runbookWaits.poll(execution)}}. The default is {@code mqrunbooks.waits.poll-interval} (30 seconds);
 * a runbook whose start form offers {@code pollInterval} lets the person starting it shorten it for that run, read
 * from the sealed run record, never lengthen it ({@link RunbookWaitSettings}; a bad setting stops start-up naming the
 * property). The DR activation's polls and the cluster migration's monitoring period are shortened the same way
 * ({@link #forRun}). A sealed value counts only when it is one of the start form's choices ({@link #CHOICES}, which
 * {@code RunbookWaitChoicesTest} holds equal to the forms): anything else is ignored, never lengthened.
 */
@Component("runbookWaits")
public class RunbookWaits {

    public static final String PROPERTY = "mqrunbooks.waits.poll-interval";
    /** The start form field that shortens the polls of one run. */
    public static final String PER_RUN = "pollInterval";
    /** The start form field that shortens the cluster migration's monitoring period. */
    public static final String MONITORING_PERIOD = "monitoringPeriod";
    /** What a start form may choose for each wait it may shorten: the select's values, shortest last. */
    public static final Map<String, List<String>> CHOICES = Map.of(
            PER_RUN, List.of("PT10S", "PT5S", "PT2S"),
            MONITORING_PERIOD, List.of("PT10M", "PT5M", "PT1M"));

    private final RunRecords runs;
    private final Duration poll;

    public RunbookWaits(RunRecords runs, RunbookWaitSettings settings) {
        this.runs = runs;
        this.poll = settings.pollInterval();
    }

    /** The run's poll wait, as an ISO 8601 duration for the timer. */
    public String poll(DelegateExecution execution) {
        return pollFor(execution.getProcessInstanceId()).toString();
    }

    /** The poll wait of a run: the configured one, or the shorter one its start form asked for. */
    public Duration pollFor(String runId) {
        return shortenedFor(runId).orElse(poll);
    }

    /** The shorter wait the run's start asked for, when it asked for one shorter than the configured one. */
    public Optional<Duration> shortenedFor(String runId) {
        return shortenedFor(runId, PER_RUN, poll);
    }

    /**
     * Another wait of a run ({@code monitoringPeriod} of the cluster migration): the configured length, or the shorter
     * one the run's start form asked for under {@code key}.
     */
    public Duration forRun(String runId, String key, Duration configured) {
        return shortenedFor(runId, key, configured).orElse(configured);
    }

    /** What the run's start form asked for under {@code key}, as sealed; empty when it asked nothing. */
    public Optional<String> askedAtStart(String runId, String key) {
        return runs.find(runId).flatMap(record -> record.parameter(key));
    }

    /** Whether the run's start asked for a length shorter than {@code configured} under {@code key}. */
    public boolean shortened(String runId, String key, Duration configured) {
        return shortenedFor(runId, key, configured).isPresent();
    }

    private Optional<Duration> shortenedFor(String runId, String key, Duration configured) {
        return askedAtStart(runId, key).filter(asked -> CHOICES.getOrDefault(key, List.of()).contains(asked))
                .map(Duration::parse).filter(asked -> asked.compareTo(configured) < 0);
    }

    public Duration configured() {
        return poll;
    }

    /**
     * How many of the run's polls fit in {@code limit}: a wait's time limit is a length of time, so a shorter poll
     * (configured or chosen at the start) checks more often but never gives up or asks sooner.
     */
    public int pollsWithin(String runId, Duration limit) {
        long every = pollFor(runId).toMillis();
        return (int) Math.max(1, (limit.toMillis() + every - 1) / every);
    }

    /** The run's poll wait in words, for the summaries a form shows: "30 seconds". */
    public String pollInWords(String runId) {
        return inWords(pollFor(runId));
    }

    /** A duration in words: {@code PT30S} "30 seconds", {@code PT1H30M} "1 hour 30 minutes". */
    public static String inWords(Duration d) {
        List<String> parts = new ArrayList<>();
        part(parts, d.toDaysPart(), "day");
        part(parts, d.toHoursPart(), "hour");
        part(parts, d.toMinutesPart(), "minute");
        part(parts, d.toSecondsPart(), "second");
        return parts.isEmpty() ? "no wait" : String.join(" ", parts);
    }

    private static void part(List<String> parts, long amount, String unit) {
        if (amount > 0) {
            parts.add(amount + " " + unit + (amount == 1 ? "" : "s"));
        }
    }
}
