package io.mqrunbooks.adapter.inbound.web;

import io.mqrunbooks.evidence.RunQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The run list's filters as query parameters, shared by the JSON API and the HTML list. */
record RunQueryParameters(String runbook, String queueManager, String outcome, String who, String from, String to,
                          Integer page, Integer size) {

    static final int DEFAULT_SIZE = 50;

    /** @throws IllegalArgumentException naming the parameter that is wrong */
    RunQuery toQuery() {
        Instant fromInstant = day("from", from);
        Instant toDay = day("to", to);
        Instant before = toDay == null ? null : toDay.plusSeconds(86_400);
        return new RunQuery(blankToNull(runbook), blankToNull(queueManager), blankToNull(outcome), blankToNull(who),
                fromInstant, before, page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("runbook", runbook);
        map.put("queueManager", queueManager);
        map.put("outcome", outcome);
        map.put("who", who);
        map.put("from", from);
        map.put("to", to);
        return map;
    }

    private static Instant day(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim()).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Parameter '" + name + "' must be a date like 2026-11-21 (UTC), was '"
                    + value + "'.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
