package io.mqrunbooks.adapter.inbound.camunda.rdqmha;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The preferred locations read before the maintenance, kept in the run as a JSON string (never a Java object). */
final class PreferredLocationsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PreferredLocationsJson() {
    }

    static String write(Map<String, List<String>> preferred) {
        try {
            return JSON.writeValueAsString(preferred);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Preferred locations cannot be written as JSON", e);
        }
    }

    static Map<String, List<String>> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, List<String>>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Variable " + RdqmHaVariables.HA_PREFERRED_LOCATIONS + " is not the JSON"
                    + " this runbook wrote: " + e.getOriginalMessage(), e);
        }
    }
}
