package io.mqrunbooks.adapter.inbound.camunda;

import io.mqrunbooks.platform.run.RunRecords;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The length of the runbooks' status polls (RDQM DR, RDQM HA, Native HA and multi-instance waits): the BPMN timers
 * read {@code ${runbookWaits.poll(execution)}}. The default is {@code mqrunbooks.waits.poll-interval} (30 seconds);
 * a runbook whose start form offers {@code pollInterval} lets the person starting it shorten it for that run, read
 * from the sealed run record, never lengthen it. A bad setting stops start-up naming the property. The cluster
 * migration's monitoring period is shortened the same way ({@link #forRun}).
 */
@Component("runbookWaits")
public class RunbookWaits {

    public static final String PROPERTY = "mqrunbooks.waits.poll-interval";
    /** The start form field that shortens the polls of one run. */
    public static final String PER_RUN = "pollInterval";

    private final RunRecords runs;
    private final Duration poll;

    public RunbookWaits(RunRecords runs, @Value("${" + PROPERTY + ":PT30S}") String poll) {
        this.runs = runs;
        this.poll = parse(PROPERTY, poll);
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

    private Optional<Duration> shortenedFor(String runId, String key, Duration configured) {
        return runs.find(runId).flatMap(record -> record.parameter(key)).map(asked -> parse(key, asked))
                .filter(asked -> asked.compareTo(configured) < 0);
    }

    public Duration configured() {
        return poll;
    }

    private static Duration parse(String what, String text) {
        try {
            Duration d = Duration.parse(text.strip());
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + ": '" + text + "' must be longer than no time");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + ": '" + text + "' is not a duration such as PT30S (30 seconds)", e);
        }
    }
}
