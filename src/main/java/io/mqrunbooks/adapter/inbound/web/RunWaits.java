package io.mqrunbooks.adapter.inbound.web;

import io.mqrunbooks.adapter.inbound.camunda.RunbookWaits;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;

/**
 * The built-in waits of a runbook as its run page lists them: every timer that waits a duration inside the run,
 * with its length in words, where that length comes from, and, for a timer waiting now, until when.
 */
final class RunWaits {

    /** The configuration behind each wait variable the runbooks set at their start from their settings. */
    private static final Map<String, String> CONFIGURED = Map.of(
            "trafficSampleInterval", "mqrunbooks.cluster-migration.traffic-sample-interval",
            "statusPollInterval", "mqrunbooks.cluster-migration.status-poll-interval",
            "monitoringPeriod", "mqrunbooks.cluster-migration.monitoring-period",
            "pollInterval", "mqrunbooks.dr-activation.poll-interval");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

    private RunWaits() {
    }

    /**
     * @param variable the run's value of a process variable, or null when it has none (yet)
     * @param dueNow   for each timer waiting now, by its step id, when it fires
     * @param settings the configured length behind each wait variable ({@link #CONFIGURED}), by variable name
     */
    static List<RunProgress.Wait> of(BpmnModelInstance model, Function<String, Object> variable,
                                     Map<String, Instant> dueNow, String runId, RunbookWaits polls,
                                     Map<String, Duration> settings) {
        List<RunProgress.Wait> waits = new ArrayList<>();
        for (IntermediateCatchEvent event : model.getModelElementsByType(IntermediateCatchEvent.class)) {
            for (TimerEventDefinition timer : event.getChildElementsByType(TimerEventDefinition.class)) {
                if (timer.getTimeDuration() == null) {
                    continue;
                }
                String expression = timer.getTimeDuration().getTextContent().strip();
                Matcher named = VARIABLE.matcher(expression);
                String length;
                String setBy;
                if (expression.startsWith("${runbookWaits.")) {
                    length = words(polls.pollFor(runId).toString());
                    setBy = polls.shortenedFor(runId).isPresent() ? "the start of this run (shortened from "
                            + words(polls.configured().toString()) + ")" : "configuration (" + RunbookWaits.PROPERTY + ")";
                } else if (named.matches()) {
                    Object value = variable.apply(named.group(1));
                    String property = CONFIGURED.get(named.group(1));
                    Duration configured = settings.get(named.group(1));
                    boolean asked = value != null && configured != null
                            && polls.shortened(runId, named.group(1), configured)
                            && polls.askedAtStart(runId, named.group(1)).filter(value::equals).isPresent();
                    setBy = asked ? "the start of this run (shortened from " + words(configured.toString()) + ")"
                            : property == null ? "the run (" + named.group(1) + ")" : "configuration (" + property + ")";
                    length = value == null ? "set when the run gets there" : words(value.toString());
                } else {
                    setBy = "the runbook";
                    length = words(expression);
                }
                waits.add(new RunProgress.Wait(event.getId(), name(event), length, setBy, dueNow.get(event.getId())));
            }
        }
        return waits;
    }

    /** An ISO 8601 duration in words: {@code PT30S} "30 seconds", {@code PT1H30M} "1 hour 30 minutes". */
    static String words(String iso) {
        try {
            return RunbookWaits.inWords(Duration.parse(iso));
        } catch (DateTimeParseException notADuration) {
            return iso;
        }
    }

    private static String name(FlowElement element) {
        return element.getName() == null || element.getName().isBlank() ? element.getId() : element.getName();
    }
}
