package io.mqrunbooks.platform.run;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A run as the server sealed it when it started: who started it (the authenticated user, or for a run a
 * call activity started, the parent run's initiator), what it targets (its start form's values, checked)
 * and what it may change (resolved from the inventory). Written once and never changed; the plan hash is
 * what a gate approves.
 *
 * @param initiator null for a run no user started (a timer)
 */
public record RunRecord(String runId, String processKey, String parentRunId, String initiator, Instant startedAt,
                        Map<String, String> parameters, RunScope scope, String planHash) {

    public RunRecord {
        parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    public Optional<String> parameter(String key) {
        return Optional.ofNullable(parameters.get(key));
    }

    public Optional<String> initiatorId() {
        return Optional.ofNullable(initiator);
    }

    /**
     * Why the run no longer matches its seal, if it does not: a sealed value (or the initiator) that the run's
     * variables now hold differently.
     *
     * @param current the run's own (process instance) variable of a name, or null
     */
    public Optional<String> tampering(java.util.function.Function<String, Object> current) {
        for (Map.Entry<String, String> sealed : parameters.entrySet()) {
            Object now = current.apply(sealed.getKey());
            if (now == null || !sealed.getValue().equals(now.toString())) {
                return Optional.of("Run " + runId + " was sealed with " + sealed.getKey() + " = '" + sealed.getValue()
                        + "', but the run now holds " + (now == null ? "no value" : "'" + now + "'")
                        + "; a sealed value cannot be changed, so the run will not act."
                        + " Abort the run (its run page) and start a new one.");
            }
        }
        Object initiatorNow = current.apply(io.mqrunbooks.platform.RunVariables.INITIATOR);
        if (initiator != null && !initiator.equals(initiatorNow)) {
            return Optional.of("Run " + runId + " was started by " + initiator + ", but its 'initiator' variable now"
                    + " says " + initiatorNow + "; the run will not act.");
        }
        return Optional.empty();
    }

    /** The first characters of the plan hash, as shown to people. */
    public String shortPlanHash() {
        return planHash.substring(0, 12);
    }
}
