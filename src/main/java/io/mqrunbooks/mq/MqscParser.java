package io.mqrunbooks.mq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads MQSC definition scripts as dmpmqcfg writes them, and as people write them, into canonical objects.
 * Input rules from IBM MQ's "MQSC input file syntax" and "Rules for using MQSC commands": a line starting
 * with '*' is a comment (also in the middle of a continued command, where dmpmqcfg puts "*  ALTDATE(...) +");
 * blank lines are ignored; a trailing '+' continues the command from the next line's first non-blank
 * character, a trailing '-' from its start; ';' ends a command; keywords and values are separated by blanks
 * or commas; unquoted words are folded to upper case; a quoted string keeps its case, its blanks and
 * parentheses, and writes an apostrophe as ''.
 * <p>
 * Recognised commands: DEFINE (DEF) of every object type, ALTER (ALT) QMGR, SET AUTHREC, SET CHLAUTH.
 * Anything else is a {@link MqscParseException} that quotes the line, never skipped; so is a control character
 * anywhere (a carriage return, NUL, escape...: runmqsc could read a line end or a terminal sequence where the
 * script shows none), and an object name IBM MQ does not allow ({@link NameRules}).
 */
public final class MqscParser {

    private static final Set<String> DIRECTIVES = Set.of("REPLACE", "NOREPLACE", "FORCE");
    /** Keywords that stand alone, as pairs: the value kept is the word written. */
    private static final Map<String, String> SWITCHES = Map.of(
            "TRIGGER", "TRIGGER", "NOTRIGGER", "TRIGGER",
            "SHARE", "SHARE", "NOSHARE", "SHARE",
            "HARDENBO", "HARDENBO", "NOHARDENBO", "HARDENBO");
    private static final Set<String> UNORDERED_LISTS = Set.of("AUTHADD", "AUTHRMV");

    private MqscParser() {
    }

    static boolean isSwitch(String attribute) {
        return SWITCHES.containsValue(attribute);
    }

    public static MqscDefinitions parse(String script) {
        Map<ObjectKey, MqscObject> objects = new LinkedHashMap<>();
        for (Command command : assemble(script)) {
            MqscObject object = checkedDefinition(command);
            MqscObject earlier = objects.putIfAbsent(object.key(), object);
            if (earlier != null) {
                throw command.error(object.key().display() + " is defined twice (first on line " + earlier.line() + ")");
            }
        }
        return new MqscDefinitions(objects);
    }

    /**
     * A script to send to a queue manager ({@link DefinitionScript#parse}): DEFINE commands of object types only,
     * each with REPLACE (also when it says neither) or NOREPLACE. ALTER QMGR, SET AUTHREC and SET CHLAUTH are
     * refused here with their line: a runbook does not send them.
     */
    static List<DefinitionScript.Define> defines(String script) {
        List<DefinitionScript.Define> defines = new ArrayList<>();
        Map<ObjectKey, Integer> lines = new LinkedHashMap<>();
        for (Command command : assemble(script)) {
            MqscObject object = checkedDefinition(command);
            if (!MqscTypes.isDefinable(object.key().type())) {
                throw command.error(object.key().display() + " is not sent to a queue manager by a runbook: only "
                        + "DEFINE of queues, channels, listeners and the other object types is (queue manager attributes, "
                        + "authority and channel authentication records are decided by a person)");
            }
            Integer earlier = lines.putIfAbsent(object.key(), command.line());
            if (earlier != null) {
                throw command.error(object.key().display() + " is defined twice (first on line " + earlier + ")");
            }
            boolean noReplace = tokens(command).stream().anyMatch(t -> t.keyword().equals("NOREPLACE") && t.value() == null);
            defines.add(new DefinitionScript.Define(object, !noReplace));
        }
        return defines;
    }

    // ---------------------------------------------------------------- lines into commands

    private record Command(int line, String firstLine, String text) {

        MqscParseException error(String problem) {
            return new MqscParseException("MQSC line " + line + ": " + problem + " in: " + firstLine.strip());
        }
    }

    private static List<Command> assemble(String script) {
        List<Command> commands = new ArrayList<>();
        String[] lines = script.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            refuseControlCharacters(i + 1, lines[i]);
        }
        StringBuilder text = null;
        int start = 0;
        String first = null;
        boolean fromStart = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            if (line.startsWith("*") || line.isBlank()) {
                continue;
            }
            if (text == null) {
                text = new StringBuilder();
                start = i + 1;
                first = line;
                line = line.stripLeading();
            } else if (!fromStart) {
                line = line.stripLeading();
            }
            char last = line.charAt(line.length() - 1);
            if (last == '+' || last == '-') {
                text.append(line, 0, line.length() - 1);
                fromStart = last == '-';
                continue;
            }
            if (last == ';') {
                line = line.substring(0, line.length() - 1);
            }
            text.append(line);
            commands.add(new Command(start, first, text.toString()));
            text = null;
        }
        if (text != null) {
            throw new Command(start, first, text.toString())
                    .error("the command is continued with '+' or '-' but the script ends before it does");
        }
        return commands;
    }

    private static void refuseControlCharacters(int line, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (MqscValues.isControl(c)) {
                throw new MqscParseException("MQSC line " + line + ": control character " + MqscValues.describe(c)
                        + " at column " + (i + 1) + "; a script with control characters is refused (lines end with a"
                        + " line feed only)");
            }
        }
    }

    // ---------------------------------------------------------------- a command into tokens

    private record Token(String keyword, String value) {
    }

    private static List<Token> tokens(Command command) {
        String s = command.text();
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == ',' || c == '\t') {
                i++;
                continue;
            }
            int wordStart = i;
            while (i < n && " ,\t()'".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            if (i == wordStart) {
                throw command.error("unexpected '" + s.charAt(i) + "' where a keyword should start (column "
                        + (i + 1) + " of the joined command)");
            }
            String keyword = s.substring(wordStart, i).toUpperCase(Locale.ROOT);
            int j = i;
            while (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                j++;
            }
            if (j < n && s.charAt(j) == '(') {
                int close = closingParenthesis(command, s, j);
                tokens.add(new Token(keyword, value(command, keyword, s.substring(j + 1, close))));
                i = close + 1;
            } else {
                tokens.add(new Token(keyword, null));
            }
        }
        return tokens;
    }

    private static int closingParenthesis(Command command, String s, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        throw command.error(quoted ? "a quoted string is not closed" : "a '(' is not closed");
    }

    /** The canonical literal of a value: items split at blanks and commas outside quotes. */
    private static String value(Command command, String keyword, String raw) {
        List<String> items = new ArrayList<>();
        int i = 0;
        int n = raw.length();
        while (i < n) {
            char c = raw.charAt(i);
            if (c == ' ' || c == ',' || c == '\t') {
                i++;
            } else if (c == '\'') {
                StringBuilder text = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw command.error("the quoted value of " + keyword + " is not closed");
                    }
                    char q = raw.charAt(i);
                    if (q == '\'' && i + 1 < n && raw.charAt(i + 1) == '\'') {
                        text.append('\'');
                        i += 2;
                    } else if (q == '\'') {
                        i++;
                        break;
                    } else {
                        text.append(q);
                        i++;
                    }
                }
                String content = text.toString().stripTrailing();
                items.add(MqscValues.quote(content.isEmpty() ? " " : content));
            } else {
                int start = i;
                int depth = 0;
                while (i < n && (depth > 0 || " ,\t".indexOf(raw.charAt(i)) < 0)) {
                    if (raw.charAt(i) == '(') {
                        depth++;
                    } else if (raw.charAt(i) == ')') {
                        depth--;
                    }
                    i++;
                }
                items.add(raw.substring(start, i).toUpperCase(Locale.ROOT));
            }
        }
        if (items.isEmpty()) {
            return "' '";
        }
        if (UNORDERED_LISTS.contains(keyword)) {
            items = new ArrayList<>(new TreeSet<>(items));
        }
        return String.join(",", items);
    }

    // ---------------------------------------------------------------- tokens into a definition

    private static MqscObject checkedDefinition(Command command) {
        try {
            return definition(command);
        } catch (IllegalArgumentException e) {
            throw command.error(e.getMessage());
        }
    }

    private static MqscObject definition(Command command) {
        List<Token> tokens = tokens(command);
        Token verb = tokens.get(0);
        if (verb.value() != null || tokens.size() < 2) {
            throw command.error("'" + command.text().strip() + "' is not a definition");
        }
        Token noun = tokens.get(1);
        List<Token> rest = tokens.subList(2, tokens.size());
        switch (verb.keyword()) {
            case "DEFINE", "DEF" -> {
                String type = MqscTypes.defineType(noun.keyword()).orElseThrow(() -> command.error(
                        "unknown object type '" + noun.keyword() + "' after DEFINE"));
                if (noun.value() == null) {
                    throw command.error("DEFINE " + type + " has no object name in parentheses");
                }
                Map<String, String> attributes = attributes(command, type + " " + noun.value(), type, rest, Set.of());
                if (type.equals(MqscTypes.CHANNEL) && !attributes.containsKey("CHLTYPE")) {
                    throw command.error("DEFINE CHANNEL has no CHLTYPE");
                }
                return new MqscObject(new ObjectKey(type, objectName(command, type, noun.value())), attributes,
                        command.line());
            }
            case "ALTER", "ALT" -> {
                if (!noun.keyword().equals("QMGR") || noun.value() != null) {
                    throw command.error("ALTER " + noun.keyword() + " is not a definition (a baseline holds DEFINE, "
                            + "ALTER QMGR, SET AUTHREC and SET CHLAUTH commands)");
                }
                return new MqscObject(new ObjectKey(MqscTypes.QMGR, ""), attributes(command, "ALTER QMGR", MqscTypes.QMGR, rest, Set.of()),
                        command.line());
            }
            case "SET" -> {
                return switch (noun.keyword()) {
                    case "AUTHREC" -> authrec(command, noun, rest);
                    case "CHLAUTH" -> chlauth(command, noun, rest);
                    default -> throw command.error("SET " + noun.keyword() + " is not a definition (only SET AUTHREC "
                            + "and SET CHLAUTH are)");
                };
            }
            default -> throw command.error("'" + verb.keyword() + "' is not a definition command (a baseline holds "
                    + "DEFINE, ALTER QMGR, SET AUTHREC and SET CHLAUTH commands)");
        }
    }

    private static MqscObject authrec(Command command, Token noun, List<Token> rest) {
        if (noun.value() != null) {
            throw command.error("SET AUTHREC takes no value of its own; the profile is PROFILE(...)");
        }
        Map<String, String> all = attributes(command, "SET AUTHREC", MqscTypes.AUTHREC, rest, Set.of("ACTION"));
        if (!all.containsKey("OBJTYPE")) {
            throw command.error("SET AUTHREC has no OBJTYPE");
        }
        if (all.containsKey("PRINCIPAL") == all.containsKey("GROUP")) {
            throw command.error("SET AUTHREC needs exactly one of PRINCIPAL and GROUP");
        }
        StringBuilder name = new StringBuilder();
        for (String part : List.of("PROFILE", "OBJTYPE", "PRINCIPAL", "GROUP")) {
            String value = all.remove(part);
            if (value != null) {
                name.append(name.isEmpty() ? "" : " ").append(part).append('(').append(value).append(')');
            }
        }
        return new MqscObject(new ObjectKey(MqscTypes.AUTHREC, name.toString()), all, command.line());
    }

    private static MqscObject chlauth(Command command, Token noun, List<Token> rest) {
        if (noun.value() == null) {
            throw command.error("SET CHLAUTH has no channel profile in parentheses");
        }
        Map<String, String> all = attributes(command, "SET CHLAUTH(" + noun.value() + ")", MqscTypes.CHLAUTH, rest, Set.of("ACTION"));
        if (!all.containsKey("TYPE")) {
            throw command.error("SET CHLAUTH has no TYPE");
        }
        StringBuilder name = new StringBuilder("(").append(noun.value()).append(')');
        for (String part : List.of("TYPE", "ADDRESS", "SSLPEER", "SSLCERTI", "CLNTUSER", "QMNAME")) {
            String value = all.remove(part);
            if (value != null) {
                name.append(' ').append(part).append('(').append(value).append(')');
            }
        }
        return new MqscObject(new ObjectKey(MqscTypes.CHLAUTH, name.toString()), all, command.line());
    }

    /** {@code what} names the object in messages ("CHANNEL 'APP.SVRCONN'"). */
    private static Map<String, String> attributes(Command command, String what, String type, List<Token> tokens,
                                                  Set<String> dropped) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Token t : tokens) {
            String keyword = t.keyword();
            if (DIRECTIVES.contains(keyword) && t.value() == null || dropped.contains(keyword)) {
                continue;
            }
            // A stand-alone keyword is rendered as the bare word: a value given to it would reach runmqsc as another
            // attribute (TRIGGER(MCAUSER(MQM)) is sent as MCAUSER(MQM)), so it is refused, never kept.
            if ((SWITCHES.containsKey(keyword) || DIRECTIVES.contains(keyword)) && t.value() != null) {
                throw command.error(what + ": " + keyword + " stands alone and takes no value in parentheses, but is "
                        + "given (" + t.value() + ")");
            }
            String name = keyword;
            String value = t.value();
            if (value == null) {
                name = SWITCHES.get(keyword);
                if (name == null) {
                    throw command.error("'" + keyword + "' has no value in parentheses and is not a keyword that "
                            + "stands alone (REPLACE, NOREPLACE, FORCE, TRIGGER, NOTRIGGER, SHARE, NOSHARE, HARDENBO, "
                            + "NOHARDENBO)");
                }
                value = keyword;
            }
            if (VolatileAttributes.isVolatile(type, name)) {
                continue;
            }
            if (attributes.put(name, value) != null) {
                throw command.error(name + " is given twice");
            }
        }
        return attributes;
    }

    private static String objectName(Command command, String type, String literal) {
        String name = literal.startsWith("'") ? literal.substring(1, literal.length() - 1).replace("''", "'") : literal;
        if (name.isBlank() || name.contains(",") && !literal.startsWith("'")) {
            throw command.error("'" + literal + "' is not an object name");
        }
        MqscTypes.checkName(type, name).ifPresent(problem -> {
            throw command.error(type + " name " + problem);
        });
        return name;
    }
}
