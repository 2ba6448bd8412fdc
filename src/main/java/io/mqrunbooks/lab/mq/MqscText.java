package io.mqrunbooks.lab.mq;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MQSC lexical rules and runmqsc's attribute layout.
 *
 * <p>Layout: attributes indented three spaces, two to a line, the left one padded to 40 columns; an attribute
 * of 40 or more characters stands alone. Blank values print as {@code ( )}. Source: DISPLAY QMGR ALL /
 * DISPLAY CHANNEL(*) ALL / DISPLAY QMSTATUS ALL output of MQ 9.4.2 in instana/serviceability
 * agent/ibm-mq/README.md (src/test/resources/mq-transcripts/display-qmgr-9.4.txt), and
 * {@code CONNAME(partner.example.internal(1414)) CURRENT} (39 characters, then one space) in a public
 * DISPLAY CHSTATUS fixture.
 */
final class MqscText {

    /** Attributes whose values are strings: quoted in MQSC output, kept as typed. */
    static final Set<String> STRING_ATTRIBUTES = Set.of("DESCR", "CLUSTER", "CLUSNL", "BOQNAME", "INITQ",
            "RNAME", "RQMNAME", "XMITQ", "TARGET", "CONNAME", "MCAUSER", "SSLCIPH", "IPADDR", "PROCESS", "TRIGDATA",
            "DEADQ", "DEFXMITQ", "REPOS", "REPOSNL", "CUSTOM", "SSLPEER", "CERTLABL", "LOCLADDR");

    private MqscText() {
    }

    /** One word of a command: a keyword, optionally with a parenthesised value. */
    record Token(String keyword, String value, boolean quoted, int end) {

        boolean hasValue() {
            return value != null;
        }
    }

    /** A syntax error found at {@code end} characters into the command. */
    static final class SyntaxError extends Exception {
        final int end;

        SyntaxError(int end) {
            super(null, null, false, false);
            this.end = end;
        }
    }

    /**
     * Splits a command into tokens. Unquoted text is folded to upper case as MQSC does; quoted values keep
     * their case, with {@code ''} standing for one quote. WHERE keeps its raw text (parsed later).
     */
    static List<Token> tokenize(String text) throws SyntaxError {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return tokens;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '(') {
                if (text.charAt(i) == ')' || text.charAt(i) == '\'') {
                    throw new SyntaxError(i + 1);
                }
                i++;
            }
            String keyword = text.substring(start, i).toUpperCase(Locale.ROOT);
            int afterKeyword = i;
            int j = i;
            while (j < n && Character.isWhitespace(text.charAt(j))) {
                j++;
            }
            if (j < n && text.charAt(j) == '(') {
                if (keyword.isEmpty()) {
                    throw new SyntaxError(j + 1);
                }
                int[] endHolder = new int[1];
                boolean[] quoted = new boolean[1];
                String value = readValue(text, j + 1, endHolder, quoted);
                if (!quoted[0] && !keyword.equals("WHERE")) {
                    value = value.toUpperCase(Locale.ROOT);
                }
                tokens.add(new Token(keyword, value, quoted[0], endHolder[0]));
                i = endHolder[0];
            } else {
                tokens.add(new Token(keyword, null, false, afterKeyword));
                i = afterKeyword;
            }
        }
    }

    private static String readValue(String text, int from, int[] end, boolean[] quoted) throws SyntaxError {
        int n = text.length();
        int i = from;
        while (i < n && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i < n && text.charAt(i) == '\'') {
            StringBuilder sb = new StringBuilder();
            i++;
            while (true) {
                if (i >= n) {
                    throw new SyntaxError(n);
                }
                char c = text.charAt(i);
                if (c == '\'') {
                    if (i + 1 < n && text.charAt(i + 1) == '\'') {
                        sb.append('\'');
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                sb.append(c);
                i++;
            }
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n || text.charAt(i) != ')') {
                throw new SyntaxError(Math.min(n, i + 1));
            }
            end[0] = i + 1;
            quoted[0] = true;
            return sb.toString();
        }
        int depth = 0;
        int start = i;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'') {
                int close = text.indexOf('\'', i + 1);
                if (close < 0) {
                    // MQ stops the segment at the quote that opens no string: "... RQMNAME (QMB'" (MQ 9.1 session,
                    // github.com/cgomeznt/MQ-MFT; RunmqscTest.unbalancedQuoteEndsTheSegmentAtTheQuote).
                    throw new SyntaxError(i + 1);
                }
                i = close + 1;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    end[0] = i + 1;
                    return text.substring(start, i).trim();
                }
                depth--;
            }
            i++;
        }
        throw new SyntaxError(n);
    }

    /** Renders one attribute as runmqsc prints it; a null value is a bare keyword such as CURRENT. */
    static String item(String keyword, String value) {
        if (value == null) {
            return keyword;
        }
        return keyword + "(" + (value.isEmpty() ? " " : value) + ")";
    }

    /** The two-column attribute block of a DISPLAY response. */
    static List<String> layout(Map<String, String> attributes) {
        List<String> items = new ArrayList<>();
        attributes.forEach((k, v) -> items.add(item(k, v)));
        List<String> lines = new ArrayList<>();
        int i = 0;
        while (i < items.size()) {
            String left = items.get(i);
            if (left.length() >= 40 || i + 1 >= items.size() || items.get(i + 1).length() >= 40) {
                lines.add("   " + left);
                i++;
            } else {
                lines.add("   " + String.format("%-40s", left) + items.get(i + 1));
                i += 2;
            }
        }
        return lines;
    }

    /** MQSC generic name match: a trailing asterisk matches any suffix. */
    static boolean matches(String pattern, String name) {
        if (pattern.endsWith("*")) {
            return name.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(name);
    }
}
