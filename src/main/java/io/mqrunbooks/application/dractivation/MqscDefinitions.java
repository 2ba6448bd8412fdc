package io.mqrunbooks.application.dractivation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an MQSC export (dmpmqcfg's MQSC format, or runmqsc DEFINE scripts) into definitions.
 *
 * <p>Format, as IBM documents for dmpmqcfg and MQSC: lines starting with {@code *} are comments (dmpmqcfg
 * writes dates as {@code *  ALTDATE(...) +} inside a command); a trailing {@code +} continues a command and
 * drops the next line's leading blanks, a trailing {@code -} keeps them; values are {@code KEYWORD(value)},
 * quoted strings double their quotes. Sources: IBM MQ 9.4 docs "dmpmqcfg (dump queue manager
 * configuration)" and "Rules for using MQSC commands"
 * (https://www.ibm.com/docs/en/ibm-mq/9.4.x?topic=reference-dmpmqcfg-dump-queue-manager-configuration,
 * https://www.ibm.com/docs/en/ibm-mq/9.4.x?topic=commands-rules-using-mqsc);
 * header block as in the IBM Cloud MQ docs' "Copying queue manager configuration" transcript.
 *
 * <p>{@code ALTER QMGR} (the queue manager's own attributes, which belong to each queue manager) and
 * {@code SET} authority records are skipped; anything else that is not a DEFINE is refused with its line.
 */
public final class MqscDefinitions {

    private static final Set<String> SKIPPED_VERBS = Set.of("SET", "END");

    private MqscDefinitions() {
    }

    public static List<MqscDefinition> parse(String script) {
        List<MqscDefinition> definitions = new ArrayList<>();
        StringBuilder command = new StringBuilder();
        int commandLine = 0;
        String[] lines = script.split("\r?\n", -1);
        boolean keepLeadingBlanks = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.startsWith("*") || trimmed.isEmpty()) {
                continue;
            }
            if (command.isEmpty()) {
                commandLine = i + 1;
            }
            String content = keepLeadingBlanks ? line.stripTrailing() : trimmed;
            keepLeadingBlanks = content.endsWith("-");
            if (content.endsWith("+") || content.endsWith("-")) {
                command.append(content, 0, content.length() - 1);
            } else {
                command.append(content);
                parseCommand(command.toString(), commandLine).ifPresent(definitions::add);
                command.setLength(0);
            }
        }
        if (!command.isEmpty()) {
            throw new IllegalArgumentException("MQSC line " + commandLine + ": the command continues past the end of"
                    + " the script: '" + command.toString().strip() + "'");
        }
        return definitions;
    }

    private static java.util.Optional<MqscDefinition> parseCommand(String command, int line) {
        List<String> tokens = tokens(command, line);
        if (tokens.isEmpty()) {
            return java.util.Optional.empty();
        }
        String verb = tokens.get(0).toUpperCase(Locale.ROOT);
        if (SKIPPED_VERBS.contains(verb)
                || (verb.equals("ALTER") && tokens.size() > 1 && tokens.get(1).equalsIgnoreCase("QMGR"))) {
            return java.util.Optional.empty();
        }
        if (!verb.equals("DEFINE") && !verb.equals("DEF")) {
            throw new IllegalArgumentException("MQSC line " + line + ": expected DEFINE, ALTER QMGR or SET, found '"
                    + tokens.get(0) + "'");
        }
        if (tokens.size() < 2 || !tokens.get(1).contains("(")) {
            throw new IllegalArgumentException("MQSC line " + line + ": DEFINE without an object type and name: '"
                    + command.strip() + "'");
        }
        String typeAndName = tokens.get(1);
        String type = typeAndName.substring(0, typeAndName.indexOf('(')).toUpperCase(Locale.ROOT);
        String name = unquote(typeAndName.substring(typeAndName.indexOf('(') + 1, typeAndName.length() - 1));
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String token : tokens.subList(2, tokens.size())) {
            int open = token.indexOf('(');
            if (open < 0) {
                String keyword = token.toUpperCase(Locale.ROOT);
                if (!keyword.equals("REPLACE") && !keyword.equals("NOREPLACE")) {
                    attributes.put(keyword, null);
                }
            } else {
                attributes.put(token.substring(0, open).toUpperCase(Locale.ROOT),
                        token.substring(open + 1, token.length() - 1));
            }
        }
        return java.util.Optional.of(new MqscDefinition(type, name, attributes));
    }

    /** Splits at blanks outside quotes and parentheses: {@code QLOCAL('A B')}, {@code DESCR('x')}, {@code REPLACE}. */
    private static List<String> tokens(String command, int line) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean quoted = false;
        int depth = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            }
            if (!quoted && depth == 0 && Character.isWhitespace(c)) {
                if (!token.isEmpty()) {
                    tokens.add(token.toString());
                    token.setLength(0);
                }
            } else {
                token.append(c);
            }
        }
        if (quoted || depth != 0) {
            throw new IllegalArgumentException("MQSC line " + line + ": unbalanced " + (quoted ? "quote" : "parenthesis")
                    + " in '" + command.strip() + "'");
        }
        if (!token.isEmpty()) {
            tokens.add(token.toString());
        }
        return tokens;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1).replace("''", "'");
        }
        return value.toUpperCase(Locale.ROOT);
    }
}
