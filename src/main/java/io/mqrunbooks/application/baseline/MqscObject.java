package io.mqrunbooks.application.baseline;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One definition in canonical form: attributes by name (upper case, sorted), each value as an MQSC literal
 * (quoted strings as {@code 'text'}, other values upper case, lists joined by commas), attributes that change
 * by themselves left out ({@link VolatileAttributes}), REPLACE/NOREPLACE/FORCE dropped.
 *
 * @param line the script line the definition starts on
 */
public record MqscObject(ObjectKey key, Map<String, String> attributes, int line) {

    public MqscObject {
        attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    /** The command that defines it on another queue manager: DEFINE ... REPLACE, one attribute a line. */
    public String toMqsc() {
        return switch (key.type()) {
            case MqscTypes.QMGR -> lines("ALTER QMGR", "FORCE");
            case MqscTypes.AUTHREC -> "SET AUTHREC " + key.name() + " " + inline();
            case MqscTypes.CHLAUTH -> "SET CHLAUTH" + key.name() + " " + inline() + " ACTION(REPLACE)";
            default -> lines("DEFINE " + key.display(), "REPLACE");
        };
    }

    private String lines(String head, String tail) {
        StringBuilder out = new StringBuilder(head).append(" +\n");
        String chltype = attributes.get("CHLTYPE");
        if (chltype != null) {
            out.append("   CHLTYPE(").append(chltype).append(") +\n");
        }
        attributes.forEach((name, value) -> {
            if (!name.equals("CHLTYPE")) {
                out.append("   ").append(attribute(name, value)).append(" +\n");
            }
        });
        return out.append("   ").append(tail).toString();
    }

    private String inline() {
        return attributes.entrySet().stream().map(e -> attribute(e.getKey(), e.getValue()))
                .collect(Collectors.joining(" "));
    }

    static String attribute(String name, String value) {
        return MqscParser.isSwitch(name) ? value : name + "(" + value + ")";
    }
}
