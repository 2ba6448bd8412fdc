package io.mqrunbooks.evidence.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON form of a {@link RunReport} (times as ISO-8601 UTC strings), fixed here rather than left to
 * the application's ObjectMapper so the output always matches {@code /schema/run-report.schema.json}.
 */
public final class RunReportJson {

    public static final String SCHEMA_PATH = "/schema/run-report.schema.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private RunReportJson() {
    }

    public static String write(Object reportOrPage) {
        try {
            return MAPPER.writeValueAsString(reportOrPage);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write run report as JSON", e);
        }
    }
}
