package io.mqrunbooks.adapter.outbound.mq.parse;

import io.mqrunbooks.adapter.outbound.mq.parse.OutputLines.Line;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a runmqsc session's output (echo on, the default, or {@code -e}). {@code runmqsc -w} (replies
 * through a remote queue manager) is not covered. Objects are {@code KEYWORD(value)} pairs in one or two
 * columns after an "AMQnnnnI: Display ... details." message; the trailer's counts are checked against
 * the commands seen.
 *
 * <p>{@link #parse} wants one whole session, as the engine gets it from runmqsc. {@link #readTranscript}
 * reads what an operator pastes: several sessions, excerpts without their first commands or trailer,
 * output filtered through grep; each result says in its notes what it lacks.
 */
public final class RunmqscResponseParser {

    private static final Pattern COPYRIGHT = Pattern.compile("^\\d{4}-[A-Z0-9]{3} \\(C\\) Copyright IBM Corp\\..*$");
    private static final Pattern STARTING = Pattern.compile("^Starting (?:local )?MQSC for queue manager (\\S+?)\\.$");
    /** runmqsc -u prompts for a password on the terminal, which a transcript shows masked. */
    private static final Pattern PASSWORD_PROMPT = Pattern.compile("^(?:Enter password:|\\*+)$");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*(\\d+) : ?(.*)$");
    private static final Pattern UNNUMBERED = Pattern.compile("^\\s+:(?: (.*))?$");
    private static final Pattern DISPLAY_HEADING = Pattern.compile("^Display .*details\\.$", Pattern.CASE_INSENSITIVE);
    private static final Pattern READ = Pattern.compile("^(No|One|\\d+) MQSC commands? read\\.$");
    private static final Pattern SYNTAX = Pattern.compile("^(No|One|\\d+) commands? (?:has|have) a syntax error\\.$");
    private static final Pattern ALL_PROCESSED = Pattern.compile("^All valid MQSC commands were processed\\.$");
    private static final Pattern NOT_PROCESSED = Pattern.compile("^(One|\\d+) valid MQSC commands? could not be processed\\.$");
    /** Replies followed by free-form lines (a syntax error's segment, the list of valid commands or syntax). */
    /** The shell line that started runmqsc, pasted with its output ("[mqm@host ~]$ runmqsc QM1", "... | runmqsc QM1"). */
    private static final Pattern INVOCATION = Pattern.compile("^(?!\\s*\\d+ :)(?:.*[\\s/\\\\|$#>])?runmqsc(?:\\.exe)?(?:\\s.*)?$");
    /** A command as typed at the prompt: starting with an MQSC verb (or its short form). */
    private static final Pattern TYPED_COMMAND = Pattern.compile("^(?i:alter|archive|backup|clear|define|def"
            + "|delete|display|dis|end|exit|quit|ping|purge|recover|refresh|reset|resolve|resume|rverify|set|start"
            + "|sta|stop|suspend)(?:\\s.*)?$");
    private static final Pattern UPPER_KEYWORD = Pattern.compile("^[A-Z][A-Z0-9]*$");
    private static final Set<String> DETAIL_MESSAGES = Set.of("AMQ8426", "AMQ8427");
    /**
     * Commands that end runmqsc. IBM: "To end using the runmqsc command, use the end command. You can also use
     * the exit or the quit command" (https://www.ibm.com/support/knowledgecenter/en/SSFKSJ_7.5.0/com.ibm.mq.ref.adm.doc/q083460_.htm).
     */
    private static final Set<String> ENDING_COMMANDS = Set.of("END", "EXIT", "QUIT");

    static final String NOTE_NO_TRAILER = "the excerpt stops before the trailer (\"N MQSC commands read.\"):"
            + " the counts are not checked";
    static final String NOTE_HALF_TRAILER = "the excerpt stops inside the trailer: the counts are not checked";
    static final String NOTE_TRAILER_TAIL_ONLY = "the excerpt keeps only the trailer's last line (whether all valid"
            + " commands were processed): the commands read and syntax errors are not in it, so the counts are not checked";
    static final String NOTE_UNSEEN_REPLY = "the replies before the first echoed command belong to a command"
            + " that is not in the excerpt";
    static final String NOTE_UNINDENTED = "attributes at the column of the message that opens their object (the"
            + " paste lost runmqsc's indentation): read as attributes, except MQSC commands";
    static final String NOTE_NO_HEADING = "objects without their 'Display ... details.' message (output filtered,"
            + " e.g. through grep): a new object starts where its first keyword repeats";

    /** One whole session, as runmqsc prints it; anything cut short or filtered is refused. */
    public RunmqscResult parse(String output) {
        return new Reading(OutputLines.of(output), false).read();
    }

    /**
     * Every runmqsc session in a pasted transcript (a new one starts at each banner), each read for what it
     * holds: an excerpt or filtered output comes back with notes saying what is missing instead of being
     * refused. Lines that are not runmqsc output are still refused, naming the line.
     */
    public List<RunmqscResult> readTranscript(String output) {
        List<RunmqscResult> sessions = new ArrayList<>();
        for (List<Line> session : sessions(OutputLines.of(output))) {
            if (session.stream().anyMatch(l -> !l.isBlank())) {
                sessions.add(new Reading(session, true).read());
            }
        }
        if (sessions.isEmpty()) {
            throw OutputLines.empty("runmqsc output");
        }
        return sessions;
    }

    /** Splits before each banner that follows output: a copyright line, or a Starting line not after one. */
    private static List<List<Line>> sessions(List<Line> lines) {
        List<List<Line>> sessions = new ArrayList<>();
        List<Line> current = new ArrayList<>();
        boolean bannerOnly = true;
        boolean sawCopyright = false;
        for (Line line : lines) {
            String stripped = line.text().strip();
            boolean copyright = COPYRIGHT.matcher(stripped).matches();
            boolean starting = STARTING.matcher(stripped).matches();
            if (INVOCATION.matcher(line.text()).matches()) {
                if (!bannerOnly) {
                    sessions.add(current);
                    current = new ArrayList<>();
                    bannerOnly = true;
                    sawCopyright = false;
                }
                current.add(line);
                continue;
            }
            if ((copyright && (sawCopyright || !bannerOnly)) || (starting && !bannerOnly)) {
                sessions.add(current);
                current = new ArrayList<>();
                bannerOnly = true;
                sawCopyright = false;
            }
            current.add(line);
            if (copyright) {
                sawCopyright = true;
            } else if (!stripped.isEmpty() && !PASSWORD_PROMPT.matcher(stripped).matches()) {
                bannerOnly = false;
            }
        }
        sessions.add(current);
        return sessions;
    }

    private static final class CommandBuilder {
        final int number;
        final StringBuilder text;
        final List<MqMessage> messages = new ArrayList<>();
        final List<RunmqscResult.MqscObject> objects = new ArrayList<>();
        final List<String> detail = new ArrayList<>();
        String segment;
        boolean objectOpen;
        MqMessage openHeading;
        Map<String, String> openAttributes;

        CommandBuilder(int number, String text) {
            this.number = number;
            this.text = text == null ? null : new StringBuilder(text);
        }

        void openObject(MqMessage heading) {
            closeObject();
            objectOpen = true;
            openHeading = heading;
            openAttributes = new LinkedHashMap<>();
        }

        void closeObject() {
            if (objectOpen) {
                objects.add(new RunmqscResult.MqscObject(openHeading, openAttributes));
                objectOpen = false;
                openHeading = null;
                openAttributes = null;
            }
        }

        RunmqscResult.Command build() {
            closeObject();
            return new RunmqscResult.Command(number, text == null ? null : text.toString(), messages, objects, segment,
                    detail);
        }
    }

    /** One pass over one session's lines; lenient readings note what is missing where strict ones refuse. */
    private static final class Reading {
        final List<Line> lines;
        final boolean lenient;
        final List<String> notes = new ArrayList<>();
        String queueManager;
        Boolean echoed;
        final List<MqMessage> sessionMessages = new ArrayList<>();
        final List<CommandBuilder> commands = new ArrayList<>();
        CommandBuilder current;
        boolean inDetail;
        boolean awaitingSegment;
        Integer read;
        Integer syntax;
        Integer notProcessed;
        Line trailerStart;
        /** readTranscript: the trailer's last line came without the lines before it (an abridged README). */
        boolean tailOnly;
        /** How far the last AMQ message was indented: an object's attributes are indented further. */
        int messageIndent;
        /** Commands echoed before the excerpt began (it starts at command N: N - 1). */
        int unseenCommands;

        Reading(List<Line> lines, boolean lenient) {
            this.lines = lines;
            this.lenient = lenient;
        }

        RunmqscResult read() {
            for (int i = 0; i < lines.size(); i++) {
                i = readLine(i);
            }
            RunmqscResult.Trailer trailer = null;
            List<RunmqscResult.Command> built = commands.stream().map(CommandBuilder::build).toList();
            if (read == null || syntax == null || notProcessed == null) {
                if (!lenient) {
                    throw new MqOutputParseException("the runmqsc trailer (\"N MQSC commands read.\", syntax errors,"
                            + " processed) is missing or incomplete: the output is cut short");
                }
                note(tailOnly ? NOTE_TRAILER_TAIL_ONLY : read == null ? NOTE_NO_TRAILER : NOTE_HALF_TRAILER);
            } else {
                if (!notes.contains(NOTE_UNSEEN_REPLY)) {
                    check(trailerStart, built, Boolean.TRUE.equals(echoed), unseenCommands, read, syntax, notProcessed);
                }
                trailer = new RunmqscResult.Trailer(read, syntax, notProcessed);
            }
            return new RunmqscResult(queueManager, Boolean.TRUE.equals(echoed), sessionMessages, built, trailer, notes);
        }

        private void note(String note) {
            if (!notes.contains(note)) {
                notes.add(note);
            }
        }

        /** Reads the line at index (and any lines that continue it); returns the index of the last line used. */
        private int readLine(int i) {
            Line line = lines.get(i);
            String text = line.text();
            String stripped = text.strip();
            if (stripped.isEmpty()) {
                return i;
            }
            if (tailOnly) {
                throw MqOutputParseException.at(line.number(), text, "output continues after the runmqsc trailer");
            }
            if (read != null) {
                readTrailer(line, stripped);
                return i;
            }
            if (lenient && commands.isEmpty() && queueManager == null && sessionMessages.isEmpty()
                    && INVOCATION.matcher(text).matches()) {
                return i;
            }
            Matcher r = READ.matcher(stripped);
            if (r.matches()) {
                read = count(r.group(1));
                trailerStart = line;
                return i;
            }
            // ibm-messaging/mq-exits instserv/oamcrt/README.md pastes "AMQ8135E: Not authorized." followed by only
            // "One valid MQSC command could not be processed.": the two lines before it were cut, not absent.
            if (lenient && !commands.isEmpty()
                    && (ALL_PROCESSED.matcher(stripped).matches() || NOT_PROCESSED.matcher(stripped).matches())) {
                tailOnly = true;
                return i;
            }
            if (awaitingSegment) {
                current.segment = stripped;
                awaitingSegment = false;
                return i;
            }
            if (readBanner(stripped)) {
                return i;
            }
            Matcher numbered = NUMBERED.matcher(text);
            if (numbered.matches() && (echoed != Boolean.FALSE || lenient)) {
                startCommand(line, Integer.parseInt(numbered.group(1)), numbered.group(2).strip());
                return i;
            }
            Matcher unnumbered = UNNUMBERED.matcher(text);
            if (unnumbered.matches() && echoed != Boolean.FALSE) {
                String part = unnumbered.group(1) == null ? "" : unnumbered.group(1).strip();
                if (current != null && current.text != null && endsWithContinuation(current.text)) {
                    current.text.setLength(current.text.length() - 1);
                    current.text.append(part);
                }
                inDetail = false;
                return i;
            }
            MqMessage message = MqMessage.parse(stripped);
            if (message != null) {
                messageIndent = indent(text);
                readMessage(message);
                return i;
            }
            if (inDetail) {
                current.detail.add(stripped);
                return i;
            }
            // Before attributes: a typed "ALTER QMGR CONNAUTH(' ')" would otherwise read as three attributes.
            if (isTypedInput(lines, i, stripped)) {
                return i;
            }
            if (current != null && current.objectOpen) {
                boolean notDeeper = current.openHeading != null && indent(text) <= messageIndent;
                // A paste whose indentation was lost (a blog's "AMQ8417: ..." and "CHANNEL(X) CHLTYPE(SVRCONN)" at the
                // same column): attributes still, unless the line is an MQSC command typed at the prompt.
                boolean flushAttributes = notDeeper && lenient && !TYPED_COMMAND.matcher(stripped).matches();
                if (flushAttributes ? !hasUpperCaseAttributes(text) : !isDisplayedAttributeLine(text) || notDeeper) {
                    if (isTypedLast(i, text)) {
                        return i;
                    }
                    throw MqOutputParseException.at(line.number(), text, "not attributes of the displayed object"
                            + " (runmqsc indents them and prints keywords in upper case) and not an echoed command");
                }
                if (flushAttributes) {
                    note(NOTE_UNINDENTED);
                }
                return readAttributes(i);
            }
            if (lenient && current == null && TYPED_COMMAND.matcher(stripped).matches() && nextIsMessage(i)) {
                // Typed at the prompt and answered at once, with no echo (runmqsc -e, or the echo cut from the paste):
                // the replies that follow are this command's.
                note("line " + line.number() + " '" + MqOutputParseException.quote(stripped) + "' was typed at the"
                        + " prompt and its echo is not in the excerpt: the replies after it are read as its replies");
                current = new CommandBuilder(0, stripped);
                commands.add(current);
                return i;
            }
            if (lenient && Attributes.opensWithKeywordValue(text)) {
                note(NOTE_NO_HEADING);
                replyWithoutEcho().openObject(null);
                return readAttributes(i);
            }
            if (isTypedLast(i, text)) {
                return i;
            }
            throw MqOutputParseException.at(line.number(), text, "expected a runmqsc banner, an echoed command"
                    + " ('     1 : ...'), an AMQ message, object attributes after a 'Display ... details.' message,"
                    + " or the trailer");
        }

        private boolean nextIsMessage(int i) {
            return lines.subList(i + 1, lines.size()).stream().filter(l -> !l.isBlank()).findFirst()
                    .map(l -> MqMessage.parse(l.text().strip()) != null).orElse(false);
        }

        /** An excerpt's last lines, MQSC commands typed at the prompt whose echoes and replies it does not reach. */
        private boolean isTypedLast(int i, String text) {
            if (!lenient || !lines.subList(i, lines.size()).stream()
                    .allMatch(l -> l.isBlank() || TYPED_COMMAND.matcher(l.text().strip()).matches())) {
                return false;
            }
            note("line " + lines.get(i).number() + " '" + MqOutputParseException.quote(text.strip()) + "' was typed"
                    + " at the prompt; its echo and reply are not in the excerpt");
            return true;
        }

        private void readTrailer(Line line, String stripped) {
            if (syntax != null && notProcessed != null) {
                throw MqOutputParseException.at(line.number(), line.text(), "output continues after the runmqsc trailer");
            }
            Matcher s = SYNTAX.matcher(stripped);
            if (syntax == null && s.matches()) {
                syntax = count(s.group(1));
                return;
            }
            if (syntax != null && ALL_PROCESSED.matcher(stripped).matches()) {
                notProcessed = 0;
                return;
            }
            Matcher np = NOT_PROCESSED.matcher(stripped);
            if (syntax != null && np.matches()) {
                notProcessed = count(np.group(1));
                return;
            }
            throw MqOutputParseException.at(line.number(), line.text(), "expected the rest of the runmqsc trailer"
                    + " (syntax error count, then whether all valid commands were processed)");
        }

        private boolean readBanner(String stripped) {
            if (!commands.isEmpty()) {
                return false;
            }
            if (COPYRIGHT.matcher(stripped).matches()) {
                return true;
            }
            if (PASSWORD_PROMPT.matcher(stripped).matches() && queueManager == null) {
                return true;
            }
            Matcher starting = STARTING.matcher(stripped);
            if (starting.matches()) {
                queueManager = starting.group(1);
                return true;
            }
            return false;
        }

        private void startCommand(Line line, int number, String text) {
            int expected = commands.isEmpty() ? 1 : commands.get(commands.size() - 1).number + 1;
            boolean firstEcho = echoed != Boolean.TRUE;
            if (number != expected && !(lenient && firstEcho && number > expected)) {
                throw MqOutputParseException.at(line.number(), line.text(), "command number " + number
                        + " out of order; expected " + expected);
            }
            if (firstEcho && number != expected && !sessionMessages.isEmpty()) {
                // Without a banner before them, these are the replies of the command before the excerpt.
                replyWithoutEcho().messages.addAll(sessionMessages);
                sessionMessages.clear();
            }
            if (firstEcho && !commands.isEmpty()) {
                note(NOTE_UNSEEN_REPLY);
            }
            if (number != expected) {
                unseenCommands = number - 1;
                note("the excerpt starts at command " + number + ": commands 1 to " + (number - 1)
                        + " are not in it");
            }
            if (current != null) {
                current.closeObject();
            }
            current = new CommandBuilder(number, text);
            commands.add(current);
            echoed = Boolean.TRUE;
            inDetail = false;
        }

        /** The command that holds replies no echo names: -e output, or an excerpt's first lines. */
        private CommandBuilder replyWithoutEcho() {
            if (current == null) {
                current = new CommandBuilder(0, null);
                commands.add(current);
            }
            return current;
        }

        private void readMessage(MqMessage message) {
            inDetail = false;
            boolean heading = DISPLAY_HEADING.matcher(message.text()).matches();
            if (current == null) {
                if (echoed == null && heading) {
                    echoed = Boolean.FALSE;
                } else if (echoed != Boolean.FALSE) {
                    sessionMessages.add(message);
                    return;
                }
                replyWithoutEcho();
            }
            current.closeObject();
            current.messages.add(message);
            if (heading) {
                current.openObject(message);
            } else if (message.id().equals("AMQ8405")) {
                awaitingSegment = true;
            } else if (DETAIL_MESSAGES.contains(message.id())) {
                inDetail = true;
            }
        }

        /** Reads one line of KEYWORD(value) pairs, joining the next lines while a value is open. */
        private int readAttributes(int i) {
            Line line = lines.get(i);
            String joined = line.text();
            while (true) {
                try {
                    for (Attributes.Attribute a : Attributes.splitDisplayed(joined)) {
                        keep(line, a);
                    }
                    return i;
                } catch (Attributes.NotAttributesException e) {
                    throw MqOutputParseException.at(line.number(), line.text(), e.getMessage()
                            + "; expected KEYWORD(value) attributes of the displayed object");
                } catch (Attributes.UnclosedValueException e) {
                    if (i + 1 >= lines.size() || lines.get(i + 1).isBlank()) {
                        throw MqOutputParseException.at(line.number(), line.text(),
                                "a value is not closed and nothing continues it: the output is cut short");
                    }
                    joined = joined + lines.get(++i).text().strip();
                }
            }
        }

        private void keep(Line line, Attributes.Attribute a) {
            if (current.openHeading == null && current.openAttributes.containsKey(a.name())) {
                current.openObject(null);
            }
            String previous = current.openAttributes.putIfAbsent(a.name(), a.value());
            if (previous != null && !previous.equals(a.value())) {
                throw MqOutputParseException.at(line.number(), line.text(),
                        a.name() + " appears twice in one object with different values");
            }
        }
    }

    /**
     * runmqsc prints an object's attributes indented, keywords in upper case. A line at column 0 or with a
     * lower-case keyword is something typed ("refresh qmgr type(configev)", "quit"), which must not be read as
     * attributes of the object above it.
     */
    private static boolean isDisplayedAttributeLine(String text) {
        return !text.isEmpty() && Character.isWhitespace(text.charAt(0)) && hasUpperCaseAttributes(text);
    }

    /** KEYWORD(value) pairs and bare KEYWORDs, all keywords in upper case as runmqsc prints them. */
    private static boolean hasUpperCaseAttributes(String text) {
        try {
            return Attributes.splitDisplayed(text).stream().allMatch(a -> UPPER_KEYWORD.matcher(a.name()).matches());
        } catch (Attributes.NotAttributesException e) {
            return false;
        } catch (Attributes.UnclosedValueException e) {
            return UPPER_KEYWORD.matcher(text.strip().split("\\(", 2)[0]).matches();
        }
    }

    private static int indent(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** A line typed at an interactive prompt, pasted into a transcript: the next echo repeats it. */
    private static boolean isTypedInput(List<Line> lines, int index, String stripped) {
        for (int j = index + 1; j < lines.size(); j++) {
            if (lines.get(j).isBlank()) {
                continue;
            }
            Matcher m = NUMBERED.matcher(lines.get(j).text());
            return m.matches() && echoes(m.group(2).strip(), stripped);
        }
        return false;
    }

    /**
     * Whether an echo repeats a typed line: runmqsc upper-cases what is not quoted ("dis ql(x*)" echoes as
     * "dis ql(X*)" in ibm-messaging/mq-mqi-python's extended-responses notes); quoted text keeps its case.
     */
    private static boolean echoes(String echo, String typed) {
        return echo.equalsIgnoreCase(typed) && quoted(echo).equals(quoted(typed));
    }

    private static List<String> quoted(String command) {
        String[] parts = command.split("'", -1);
        List<String> quoted = new ArrayList<>();
        for (int k = 1; k < parts.length; k += 2) {
            quoted.add(parts[k]);
        }
        return quoted;
    }

    private static boolean endsWithContinuation(StringBuilder text) {
        return text.length() > 0 && (text.charAt(text.length() - 1) == '+' || text.charAt(text.length() - 1) == '-');
    }

    private static int count(String word) {
        return switch (word) {
            case "No" -> 0;
            case "One" -> 1;
            default -> Integer.parseInt(word);
        };
    }

    /**
     * The trailer against the commands seen. Commands before an excerpt's first echo (unseen) were read but
     * are not shown, so they count as read and may hold syntax errors or failures this check cannot see.
     * IBM documents only that end, exit and quit stop runmqsc; an echoed "end" is not counted (a real
     * transcript shows it), exit and quit may or may not be, so either count is accepted for them.
     */
    private static void check(Line trailer, List<RunmqscResult.Command> commands, boolean echoed, int unseen,
                              int read, int syntax, int notProcessed) {
        String where = "runmqsc trailer at line " + trailer.number() + " '" + MqOutputParseException.quote(trailer.text())
                + "'";
        int syntaxSeen = (int) commands.stream().filter(RunmqscResult.Command::hasSyntaxError).count();
        if (echoed) {
            long readSeen = unseen + commands.stream().filter(c -> !isEnding(c)).count();
            long exitOrQuit = commands.stream().filter(c -> isEnding(c) && !c.text().equalsIgnoreCase("END")).count();
            if (read < readSeen || read > readSeen + exitOrQuit) {
                throw new MqOutputParseException(where + ": says " + read + " commands read but " + readSeen
                        + " were echoed" + (unseen == 0 ? "" : " (counting the " + unseen + " before the excerpt)"));
            }
            if (syntaxSeen > syntax || syntax > syntaxSeen + unseen) {
                throw new MqOutputParseException(where + ": counts " + syntax + " syntax errors but " + syntaxSeen
                        + " commands show AMQ8405");
            }
            long failedSeen = commands.stream().filter(c -> !c.hasSyntaxError())
                    .filter(c -> c.messages().stream().anyMatch(MqMessage::isError)).count();
            if (notProcessed < failedSeen) {
                throw new MqOutputParseException(where + ": says " + notProcessed + " valid commands could not be"
                        + " processed but " + failedSeen + " replied with an error");
            }
        } else if (syntaxSeen > syntax) {
            throw new MqOutputParseException(where + ": counts " + syntax + " syntax errors but " + syntaxSeen
                    + " AMQ8405 messages were printed");
        }
        if (notProcessed > read - syntax) {
            throw new MqOutputParseException(where + ": " + notProcessed + " commands not processed is more than the "
                    + (read - syntax) + " valid commands read");
        }
    }

    private static boolean isEnding(RunmqscResult.Command command) {
        return command.text() != null && ENDING_COMMANDS.contains(command.text().toUpperCase(Locale.ROOT));
    }
}
