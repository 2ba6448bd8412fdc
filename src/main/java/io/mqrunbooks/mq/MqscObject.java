package io.mqrunbooks.mq;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One definition in canonical form: attributes by name (upper case, sorted), each value as an MQSC literal
 * (quoted strings as {@code 'text'}, other values upper case, lists joined by commas), attributes that change
 * by themselves left out ({@link VolatileAttributes}), REPLACE/NOREPLACE/FORCE dropped.
 * <p>
 * Checked when made, so that {@link #toMqsc()} renders only well-formed MQSC: a known type, a name IBM MQ
 * allows for it, keywords, and values that are quoted strings or upper-case words; no control character
 * anywhere. An {@link IllegalArgumentException} says what is wrong.
 *
 * @param line the script line the definition starts on
 */
public record MqscObject(ObjectKey key, Map<String, String> attributes, int line) {

    public MqscObject {
        attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
        check(key, attributes);
    }

    private static void check(ObjectKey key, Map<String, String> attributes) {
        if (!MqscTypes.isKnown(key.type())) {
            throw new IllegalArgumentException("'" + key.type() + "' is not an MQSC object type");
        }
        if (MqscTypes.isDefinable(key.type())) {
            MqscTypes.checkName(key.type(), key.name()).ifPresent(problem -> {
                throw new IllegalArgumentException(key.type() + " name " + problem);
            });
        } else if (key.name().chars().anyMatch(c -> MqscValues.isControl((char) c))) {
            throw new IllegalArgumentException(key.type() + " " + key.name().strip() + " holds a control character");
        }
        attributes.forEach((name, value) -> {
            MqscValues.checkKeyword(name).or(() -> MqscValues.checkLiteral(value)).or(() -> checkSwitch(name, value))
                    .ifPresent(problem -> {
                        throw new IllegalArgumentException(key.display() + " " + name + ": " + problem);
                    });
        });
    }

    /** Attributes holding a password (channels, AUTHINFO LDAP, the QMGR's key repository): never shown as values. */
    private static final Set<String> SECRETS = Set.of("PASSWORD", "LDAPPWD", "KEYRPWD");

    /** A value shown in place of a password attribute's: the evidence store's redaction mark. */
    public static final String HIDDEN = "[REDACTED]";

    public static boolean isSecret(String attribute) {
        return SECRETS.contains(attribute);
    }

    /** A stand-alone keyword is rendered as its bare value, so that value must be the keyword or its NO form. */
    private static Optional<String> checkSwitch(String name, String value) {
        if (!MqscParser.isSwitch(name) || value.equals(name) || value.equals("NO" + name)) {
            return Optional.empty();
        }
        return Optional.of("stands alone (" + name + " or NO" + name + "), not " + value);
    }

    /** An attribute's value as text, without MQSC quoting ({@code 'it''s'} is {@code it's}); null when it is not set. */
    public String value(String attribute) {
        String literal = attributes.get(attribute);
        if (literal != null && literal.length() >= 2 && literal.startsWith("'") && literal.endsWith("'")) {
            return literal.substring(1, literal.length() - 1).replace("''", "'");
        }
        return literal;
    }

    /** The command that defines it on another queue manager: DEFINE ... REPLACE, one attribute a line. */
    public String toMqsc() {
        return switch (key.type()) {
            case MqscTypes.QMGR -> lines("ALTER QMGR", "FORCE");
            case MqscTypes.AUTHREC -> "SET AUTHREC " + key.name() + " " + inline();
            case MqscTypes.CHLAUTH -> "SET CHLAUTH" + key.name() + " " + inline() + " ACTION(REPLACE)";
            default -> define(true);
        };
    }

    /** DEFINE of an object type, with REPLACE or NOREPLACE. */
    String define(boolean replace) {
        if (!MqscTypes.isDefinable(key.type())) {
            throw new IllegalStateException(key.display() + " is not made with DEFINE");
        }
        return lines("DEFINE " + key.display(), replace ? "REPLACE" : "NOREPLACE");
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
