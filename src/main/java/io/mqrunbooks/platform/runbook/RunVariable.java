package io.mqrunbooks.platform.runbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * A process variable declared once with its name and type (as holunda's camunda-bpm-data does): each runbook
 * keeps its variables as constants of one {@code <Runbook>Variables} class and reads and writes them only
 * through these, so a missing or mistyped value fails with the variable's name instead of a
 * {@code ClassCastException}. Values are primitives, ISO-8601 text or JSON (Spin) values; nothing is
 * Java-serialized.
 *
 * @param <T> what the step works with
 */
public final class RunVariable<T> {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final String name;
    private final String typeName;
    /** The stored value as T, or null when it is not one. */
    private final Function<Object, T> reader;
    private final Function<T, Object> writer;

    private RunVariable(String name, String typeName, Function<Object, T> reader, Function<T, Object> writer) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a run variable needs a name");
        }
        this.name = name;
        this.typeName = typeName;
        this.reader = reader;
        this.writer = writer;
    }

    public static RunVariable<String> stringVariable(String name) {
        return new RunVariable<>(name, "text", value -> value instanceof String text ? text : null, text -> text);
    }

    /**
     * Text shown in a form or Cockpit: a value longer than Camunda's 4,000-character column is cut at a line
     * end by {@link RunText#fit}, saying where the whole text is.
     */
    public static RunVariable<String> textVariable(String name, String wholeTextAt) {
        return new RunVariable<>(name, "text", value -> value instanceof String text ? text : null,
                text -> RunText.fit(text, wholeTextAt));
    }

    public static RunVariable<Integer> intVariable(String name) {
        return new RunVariable<>(name, "whole number", RunVariable::toInt, number -> number);
    }

    public static RunVariable<Long> longVariable(String name) {
        return new RunVariable<>(name, "whole number", value -> value instanceof Long || value instanceof Integer
                || value instanceof Short ? ((Number) value).longValue() : null, number -> number);
    }

    public static RunVariable<Double> doubleVariable(String name) {
        return new RunVariable<>(name, "number",
                value -> value instanceof Number number ? number.doubleValue() : null, number -> number);
    }

    public static RunVariable<Boolean> booleanVariable(String name) {
        return new RunVariable<>(name, "true or false", value -> value instanceof Boolean flag ? flag : null,
                flag -> flag);
    }

    /** An instant kept as ISO-8601 text ({@code 2026-12-07T01:40:00Z}), readable in Cockpit and by timers. */
    public static RunVariable<Instant> instantVariable(String name) {
        return new RunVariable<>(name, "ISO-8601 instant", RunVariable::toInstant, Instant::toString);
    }

    /** A record or list kept as a JSON (Spin) value: any length, shown as JSON in Cockpit. */
    public static <T> RunVariable<T> jsonVariable(String name, Class<T> type) {
        return json(name, JSON.constructType(type));
    }

    /** As {@link #jsonVariable(String, Class)} for generic types: {@code new TypeReference<List<Sample>>() { }}. */
    public static <T> RunVariable<T> jsonVariable(String name, TypeReference<T> type) {
        return json(name, JSON.constructType(type));
    }

    public static <E> RunVariable<List<E>> jsonListVariable(String name, Class<E> element) {
        return json(name, JSON.getTypeFactory().constructCollectionType(List.class, element));
    }

    private static <T> RunVariable<T> json(String name, JavaType type) {
        return new RunVariable<>(name, "JSON " + type.toCanonical(), value -> readJson(name, type, value),
                value -> SpinValues.jsonValue(writeJson(name, value)).create());
    }

    public String name() {
        return name;
    }

    /** The value; fails naming the variable when it is not set or not of this type. */
    public T get(VariableScope scope) {
        T value = getOrNull(scope);
        if (value == null) {
            throw new IllegalStateException("Process variable '" + name + "' is not set");
        }
        return value;
    }

    /** The value, or null when it is not set; fails naming the variable when it is not of this type. */
    public T getOrNull(VariableScope scope) {
        return read(scope.getVariable(name));
    }

    public T getOrDefault(VariableScope scope, T fallback) {
        T value = getOrNull(scope);
        return value == null ? fallback : value;
    }

    /** This scope's own value (a multi-instance or a task), not one inherited from its parents. */
    public T getLocal(VariableScope scope) {
        return read(scope.getVariableLocal(name));
    }

    public boolean isSet(VariableScope scope) {
        return scope.getVariable(name) != null;
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value == null ? null : writer.apply(value));
    }

    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, value == null ? null : writer.apply(value));
    }

    /** The value as stored ({@code setVariable}'s argument), for starting a run or completing a task in tests. */
    public Object stored(T value) {
        return value == null ? null : writer.apply(value);
    }

    private T read(Object stored) {
        if (stored == null) {
            return null;
        }
        T value = reader.apply(stored);
        if (value == null) {
            throw new IllegalStateException("Process variable '" + name + "' holds " + stored.getClass().getSimpleName()
                    + " '" + RunText.fit(stored.toString(), "the variable") + "', not " + typeName);
        }
        return value;
    }

    private static Integer toInt(Object value) {
        if (value instanceof Integer number) {
            return number;
        }
        if ((value instanceof Long || value instanceof Short) && ((Number) value).longValue() == ((Number) value).intValue()) {
            return ((Number) value).intValue();
        }
        return null;
    }

    private static Instant toInstant(Object value) {
        try {
            return value instanceof String text ? Instant.parse(text) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static <T> T readJson(String name, JavaType type, Object stored) {
        try {
            return JSON.readValue(stored.toString(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Process variable '" + name + "' is not the JSON expected ("
                    + type.getRawClass().getSimpleName() + "): " + e.getOriginalMessage(), e);
        }
    }

    private static String writeJson(String name, Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write process variable '" + name + "' as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name + " (" + typeName + ")";
    }
}
