package io.mqrunbooks.adapter.outbound.mq.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a line of MQ {@code KEYWORD(value)} pairs. Values may hold blanks, quoted text and nested
 * parentheses ({@code CONNAME(host(1414))}, {@code DESCR('a (b) c')}); a keyword may stand alone
 * ({@code CURRENT}). Anything else on the line is refused.
 *
 * <p>runmqsc and dspmq print values unquoted ({@code DESCR(Bob's queue)}: the quotes are MQSC input syntax), so an
 * apostrophe quotes only a value that starts with one; elsewhere it is a character of the value.
 */
final class Attributes {

    record Attribute(String name, String value) {
    }

    /** Thrown when a line is not a sequence of KEYWORD(value) pairs; says where. */
    static final class NotAttributesException extends Exception {
        NotAttributesException(String message) {
            super(message);
        }
    }

    /** Signals that the line ends inside an open value, so the next line continues it. */
    static final class UnclosedValueException extends Exception {
        UnclosedValueException() {
            super("value not closed at end of line");
        }
    }

    private static final Pattern OPENS_WITH_KEYWORD_VALUE = Pattern.compile("^\\s*[A-Z][A-Z0-9]*\\(.*");

    private Attributes() {
    }

    /** Whether a line starts like displayed attributes ({@code QUEUE(X) ...}) rather than like a command. */
    static boolean opensWithKeywordValue(String line) {
        return OPENS_WITH_KEYWORD_VALUE.matcher(line).matches();
    }

    /**
     * A line of runmqsc's attribute block: {@link #split} first; when the parentheses of a value do not balance
     * ({@code DESCR(Payments (EU)}, {@code DESCR(Done :-))}), runmqsc's layout decides where each value ends: items
     * from column 4, a second item at column 44 when the first is shorter than 40 characters (the 40-wide column of
     * "DISPLAY QUEUE" and the other DISPLAY commands), each value running to its item's last ')'. A line that has
     * not that layout keeps {@link #split}'s refusal, and so does a single item whose value looks like it holds a
     * further attribute ({@code DESCR(a :-)) CURDEPTH(0)}, blanks collapsed by a paste): that is not guessed at.
     */
    static List<Attribute> splitDisplayed(String line) throws NotAttributesException, UnclosedValueException {
        try {
            return split(line, true);
        } catch (NotAttributesException | UnclosedValueException e) {
            List<Attribute> byColumns = byColumns(line);
            if (byColumns == null) {
                throw e;
            }
            return byColumns;
        }
    }

    private static final Pattern ITEM = Pattern.compile("^([A-Z][A-Z0-9]*)(?:\\((.*)\\))?$");
    private static final Pattern FURTHER_ATTRIBUTE = Pattern.compile("\\)\\s+[A-Z][A-Z0-9]*(?:\\(|\\s|$)");
    private static final String INDENT = "   ";
    private static final int COLUMN_WIDTH = 40;

    private static List<Attribute> byColumns(String line) {
        if (!line.startsWith(INDENT) || line.length() <= INDENT.length() || line.charAt(INDENT.length()) == ' ') {
            return null;
        }
        String body = line.substring(INDENT.length()).stripTrailing();
        if (body.length() > COLUMN_WIDTH && body.charAt(COLUMN_WIDTH - 1) == ' ' && body.charAt(COLUMN_WIDTH) != ' ') {
            Attribute left = item(body.substring(0, COLUMN_WIDTH).stripTrailing());
            Attribute right = item(body.substring(COLUMN_WIDTH));
            if (left != null && right != null) {
                return List.of(left, right);
            }
        }
        Attribute only = item(body);
        if (only == null || only.value() != null && FURTHER_ATTRIBUTE.matcher(only.value()).find()) {
            return null;
        }
        return List.of(only);
    }

    private static Attribute item(String text) {
        java.util.regex.Matcher m = ITEM.matcher(text);
        return m.matches() ? new Attribute(m.group(1), m.group(2)) : null;
    }

    static List<Attribute> split(String line, boolean allowBareKeywords)
            throws NotAttributesException, UnclosedValueException {
        List<Attribute> result = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int nameStart = i;
            while (i < n && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_')) {
                i++;
            }
            String name = line.substring(nameStart, i);
            if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
                throw new NotAttributesException("expected a keyword at column " + (nameStart + 1));
            }
            if (i < n && line.charAt(i) == '(') {
                int valueStart = i + 1;
                int depth = 1;
                boolean quoted = false;
                boolean quotable = valueStart < n && line.charAt(valueStart) == '\'';
                i++;
                while (i < n && depth > 0) {
                    char c = line.charAt(i);
                    if (quotable && c == '\'') {
                        quoted = !quoted;
                    } else if (!quoted && c == '(') {
                        depth++;
                    } else if (!quoted && c == ')') {
                        depth--;
                    }
                    i++;
                }
                if (depth > 0) {
                    throw new UnclosedValueException();
                }
                result.add(new Attribute(name, line.substring(valueStart, i - 1)));
                if (i < n && !Character.isWhitespace(line.charAt(i))) {
                    throw new NotAttributesException("unexpected '" + line.charAt(i) + "' after " + name
                            + "(...) at column " + (i + 1));
                }
            } else if (allowBareKeywords && (i >= n || Character.isWhitespace(line.charAt(i)))) {
                result.add(new Attribute(name, null));
            } else {
                throw new NotAttributesException("keyword " + name + " has no (value) at column " + (nameStart + 1));
            }
        }
        return result;
    }
}
