package io.mqrunbooks.application.dractivation;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * One {@code DEFINE type('name') ...} of an MQSC export. Attribute values are kept as written (quoted
 * strings with their quotes), so two exports compare exactly; a bare keyword maps to null; REPLACE/NOREPLACE
 * are not attributes.
 */
public record MqscDefinition(String type, String name, Map<String, String> attributes) {

    public MqscDefinition {
        // bare keywords (TRIGGER, REPLACE-like flags) have no value: null, so not Map.copyOf
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }

    /** Type and name, the identity the comparison goes by (e.g. {@code QLOCAL PAYMENT.IN}). */
    public String key() {
        return type + " " + name;
    }

    /** The definition as one MQSC command that replaces whatever the target holds. */
    public String asReplaceCommand() {
        StringBuilder command = new StringBuilder("DEFINE " + type + "('" + name.replace("'", "''") + "')");
        String chltype = attributes.get("CHLTYPE");
        if (chltype != null) {
            command.append(" CHLTYPE(").append(chltype).append(')');
        }
        command.append(attributes.entrySet().stream()
                .filter(e -> !e.getKey().equals("CHLTYPE"))
                .sorted(Map.Entry.comparingByKey())
                .map(e -> " " + (e.getValue() == null ? e.getKey() : e.getKey() + "(" + e.getValue() + ")"))
                .collect(Collectors.joining()));
        return command.append(" REPLACE").toString();
    }

    /** An attribute's value without MQSC quoting, or null. */
    public String value(String attribute) {
        String value = attributes.get(attribute);
        if (value != null && value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1).replace("''", "'");
        }
        return value;
    }
}
