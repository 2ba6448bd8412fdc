package io.mqrunbooks.application.dractivation;

import java.util.Map;

/**
 * One {@code DEFINE type('name') ...} of an MQSC export, as the DR activation reads the backup's sender channels.
 * Attribute values are kept as written (quoted strings with their quotes); a bare keyword maps to null;
 * REPLACE/NOREPLACE are not attributes. Never rendered back into MQSC: what is sent is built by
 * {@link io.mqrunbooks.application.baseline.DefinitionScript}.
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

    /** An attribute's value without MQSC quoting, or null. */
    public String value(String attribute) {
        String value = attributes.get(attribute);
        if (value != null && value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1).replace("''", "'");
        }
        return value;
    }
}
