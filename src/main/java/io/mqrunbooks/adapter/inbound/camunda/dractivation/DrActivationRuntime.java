package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.mqrunbooks.application.dractivation.DrActivationSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;

/** What every DR activation step shares: the settings, the clock, and JSON variables. */
public class DrActivationRuntime {

    /** Form texts live in 4,000-character columns; longer ones are cut with a note. */
    static final int TEXT_LIMIT = 3900;

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final DrActivationSettings settings;
    private final Clock clock;

    public DrActivationRuntime(DrActivationSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public DrActivationSettings settings() {
        return settings;
    }

    public Instant now() {
        return clock.instant();
    }

    public Clock clock() {
        return clock;
    }

    /** Sets {@code name} to now plus {@code limit}. */
    void startWait(VariableScope scope, String name, Duration limit) {
        scope.setVariable(name, now().plus(limit).toString());
    }

    boolean waitedTooLong(VariableScope scope, String name) {
        return !now().isBefore(Instant.parse((String) scope.getVariable(name)));
    }

    void mark(VariableScope scope, String phase) {
        Map<String, String> marks = readJson(scope, DrActivationVariables.PHASE_MARKS, new TypeReference<>() { });
        Map<String, String> updated = marks == null ? new LinkedHashMap<>() : new LinkedHashMap<>(marks);
        updated.putIfAbsent(phase, now().toString());
        writeJson(scope, DrActivationVariables.PHASE_MARKS, updated);
    }

    static void writeJson(VariableScope scope, String name, Object value) {
        try {
            scope.setVariable(name, SpinValues.jsonValue(JSON.writeValueAsString(value)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write variable " + name + " as JSON", e);
        }
    }

    static <T> T readJson(VariableScope scope, String name, TypeReference<T> type) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        try {
            return JSON.readValue(value.toString(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Variable " + name + " is not the JSON expected: " + e.getOriginalMessage(), e);
        }
    }

    static String fit(String text) {
        if (text == null || text.length() <= TEXT_LIMIT) {
            return text;
        }
        return text.substring(0, TEXT_LIMIT) + "\n… (" + (text.length() - TEXT_LIMIT)
                + " more characters in the run's evidence)";
    }

    /** Appends a line to a text variable (a step log shown in the forms). */
    static void appendLine(VariableScope scope, String name, String line) {
        String before = (String) scope.getVariable(name);
        scope.setVariable(name, fit(before == null || before.isEmpty() ? line : before + "\n" + line));
    }
}
