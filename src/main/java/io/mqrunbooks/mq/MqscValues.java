package io.mqrunbooks.mq;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * MQSC literals: a quoted string keeps its case and doubles its apostrophes ('It''s'); an unquoted value is a
 * keyword or number in upper case, with at most one parenthesised part ({@code HOST(1414)}); a list joins
 * values with commas. No literal holds a control character.
 */
public final class MqscValues {

    private static final String QUOTED = "'(?:[^'\\p{Cntrl}]|'')*'";
    private static final String WORD = "[A-Z0-9._/%*&@#$:+=!?-]";
    private static final String UNQUOTED = WORD + "+(?:\\((?:" + WORD + "|,)*\\))?";
    private static final String ITEM = "(?:" + QUOTED + "|" + UNQUOTED + ")";
    private static final Pattern LITERAL = Pattern.compile(ITEM + "(?:," + ITEM + ")*");
    private static final Pattern KEYWORD = Pattern.compile("[A-Z][A-Z0-9]{0,31}");

    private MqscValues() {
    }

    /** {@code text} as a quoted MQSC string; MqscObject refuses it later if it holds a control character. */
    public static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Characters runmqsc must never see: C0 controls but tab, DEL, C1 controls, Unicode line and paragraph separators. */
    static boolean isControl(char c) {
        return c < 0x20 && c != '\t' || c >= 0x7F && c <= 0x9F || c == '\u2028' || c == '\u2029';
    }

    /** "U+000D (carriage return)". */
    static String describe(char c) {
        String name = switch (c) {
            case '\r' -> " (carriage return)";
            case '\n' -> " (line feed)";
            case '\0' -> " (NUL)";
            case 0x1B -> " (escape)";
            default -> "";
        };
        return String.format("U+%04X%s", (int) c, name);
    }

    /** Why {@code literal} is not a value this model renders safely, if it is not. */
    static Optional<String> checkLiteral(String literal) {
        if (literal == null || literal.isEmpty()) {
            return Optional.of("has no value");
        }
        for (int i = 0; i < literal.length(); i++) {
            if (isControl(literal.charAt(i))) {
                return Optional.of("holds the control character " + describe(literal.charAt(i)));
            }
        }
        if (!LITERAL.matcher(literal).matches()) {
            return Optional.of("value " + literal + " is neither a quoted string with its apostrophes doubled nor "
                    + "upper-case words and numbers");
        }
        return Optional.empty();
    }

    /** Why {@code name} is not an MQSC attribute keyword, if it is not. */
    static Optional<String> checkKeyword(String name) {
        return name != null && KEYWORD.matcher(name).matches() ? Optional.empty()
                : Optional.of("'" + name + "' is not an MQSC keyword");
    }
}
