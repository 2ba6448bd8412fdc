package io.mqrunbooks.adapter.out.mq.parse;

import io.mqrunbooks.adapter.out.mq.parse.OutputLines.Line;
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
    private static final Set<String> DETAIL_MESSAGES = Set.of("AMQ8426", "AMQ8427");

    private static final class CommandBuilder {
        final int number;
        final StringBuilder text;
        final List<MqMessage> messages = new ArrayList<>();
        final List<RunmqscResult.MqscObject> objects = new ArrayList<>();
        final List<String> detail = new ArrayList<>();
        String segment;
        MqMessage openHeading;
        Map<String, String> openAttributes;

        CommandBuilder(int number, String text) {
            this.number = number;
            this.text = text == null ? null : new StringBuilder(text);
        }

        void closeObject() {
            if (openHeading != null) {
                objects.add(new RunmqscResult.MqscObject(openHeading, openAttributes));
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

    public RunmqscResult parse(String output) {
        List<Line> lines = OutputLines.of(output);
        String queueManager = null;
        Boolean echoed = null;
        List<MqMessage> sessionMessages = new ArrayList<>();
        List<CommandBuilder> commands = new ArrayList<>();
        CommandBuilder current = null;
        boolean inDetail = false;
        boolean awaitingSegment = false;
        Integer read = null;
        Integer syntax = null;
        Integer notProcessed = null;
        Line trailerStart = null;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String text = line.text();
            String stripped = text.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            if (read != null && (syntax == null || notProcessed == null)) {
                Matcher s = SYNTAX.matcher(stripped);
                if (syntax == null && s.matches()) {
                    syntax = count(s.group(1));
                    continue;
                }
                if (syntax != null && ALL_PROCESSED.matcher(stripped).matches()) {
                    notProcessed = 0;
                    continue;
                }
                Matcher np = NOT_PROCESSED.matcher(stripped);
                if (syntax != null && np.matches()) {
                    notProcessed = count(np.group(1));
                    continue;
                }
                throw MqOutputParseException.at(line.number(), text, "expected the rest of the runmqsc trailer"
                        + " (syntax error count, then whether all valid commands were processed)");
            }
            if (read != null) {
                throw MqOutputParseException.at(line.number(), text, "output continues after the runmqsc trailer");
            }
            Matcher r = READ.matcher(stripped);
            if (r.matches()) {
                read = count(r.group(1));
                trailerStart = line;
                continue;
            }
            if (awaitingSegment) {
                current.segment = stripped;
                awaitingSegment = false;
                continue;
            }
            Matcher starting = STARTING.matcher(stripped);
            if (COPYRIGHT.matcher(stripped).matches() && commands.isEmpty()) {
                continue;
            }
            if (PASSWORD_PROMPT.matcher(stripped).matches() && commands.isEmpty() && queueManager == null) {
                continue;
            }
            if (starting.matches() && commands.isEmpty()) {
                queueManager = starting.group(1);
                continue;
            }
            Matcher numbered = NUMBERED.matcher(text);
            if (numbered.matches() && echoed != Boolean.FALSE) {
                int number = Integer.parseInt(numbered.group(1));
                int expected = commands.size() + 1;
                if (number != expected) {
                    throw MqOutputParseException.at(line.number(), text, "command number " + number + " out of order;"
                            + " expected " + expected);
                }
                if (current != null) {
                    current.closeObject();
                }
                current = new CommandBuilder(number, numbered.group(2).strip());
                commands.add(current);
                echoed = Boolean.TRUE;
                inDetail = false;
                continue;
            }
            Matcher unnumbered = UNNUMBERED.matcher(text);
            if (unnumbered.matches() && echoed != Boolean.FALSE) {
                String part = unnumbered.group(1) == null ? "" : unnumbered.group(1).strip();
                if (current != null && current.text != null && endsWithContinuation(current.text)) {
                    current.text.setLength(current.text.length() - 1);
                    current.text.append(part);
                }
                inDetail = false;
                continue;
            }
            MqMessage message = MqMessage.parse(stripped);
            if (message != null) {
                inDetail = false;
                if (current == null) {
                    if (echoed == null && DISPLAY_HEADING.matcher(message.text()).matches()) {
                        current = new CommandBuilder(0, null);
                        commands.add(current);
                        echoed = Boolean.FALSE;
                    } else if (echoed == Boolean.FALSE && current == null) {
                        current = new CommandBuilder(0, null);
                        commands.add(current);
                    } else {
                        sessionMessages.add(message);
                        continue;
                    }
                }
                current.closeObject();
                current.messages.add(message);
                if (DISPLAY_HEADING.matcher(message.text()).matches()) {
                    current.openHeading = message;
                    current.openAttributes = new LinkedHashMap<>();
                } else if (message.id().equals("AMQ8405")) {
                    awaitingSegment = true;
                } else if (DETAIL_MESSAGES.contains(message.id())) {
                    inDetail = true;
                }
                continue;
            }
            if (inDetail) {
                current.detail.add(stripped);
                continue;
            }
            if (current != null && current.openHeading != null) {
                String joined = text;
                while (true) {
                    try {
                        for (Attributes.Attribute a : Attributes.split(joined, true)) {
                            String previous = current.openAttributes.putIfAbsent(a.name(), a.value());
                            if (previous != null && !previous.equals(a.value())) {
                                throw MqOutputParseException.at(line.number(), text,
                                        a.name() + " appears twice in one object with different values");
                            }
                        }
                        break;
                    } catch (Attributes.NotAttributesException e) {
                        throw MqOutputParseException.at(line.number(), text, e.getMessage()
                                + "; expected KEYWORD(value) attributes of the displayed object");
                    } catch (Attributes.UnclosedValueException e) {
                        if (i + 1 >= lines.size() || lines.get(i + 1).isBlank()) {
                            throw MqOutputParseException.at(line.number(), text,
                                    "a value is not closed and nothing continues it: the output is cut short");
                        }
                        joined = joined + lines.get(++i).text().strip();
                    }
                }
                continue;
            }
            if (isTypedInput(lines, i, stripped)) {
                continue;
            }
            throw MqOutputParseException.at(line.number(), text, "expected a runmqsc banner, an echoed command"
                    + " ('     1 : ...'), an AMQ message, object attributes after a 'Display ... details.' message,"
                    + " or the trailer");
        }
        if (read == null || syntax == null || notProcessed == null) {
            throw new MqOutputParseException("the runmqsc trailer (\"N MQSC commands read.\", syntax errors, processed)"
                    + " is missing or incomplete: the output is cut short");
        }
        List<RunmqscResult.Command> built = commands.stream().map(CommandBuilder::build).toList();
        check(trailerStart, built, Boolean.TRUE.equals(echoed), read, syntax, notProcessed);
        return new RunmqscResult(queueManager, Boolean.TRUE.equals(echoed), sessionMessages, built,
                new RunmqscResult.Trailer(read, syntax, notProcessed));
    }

    /** A line typed at an interactive prompt, pasted into a transcript: the next echo repeats it. */
    private static boolean isTypedInput(List<Line> lines, int index, String stripped) {
        for (int j = index + 1; j < lines.size(); j++) {
            if (lines.get(j).isBlank()) {
                continue;
            }
            Matcher m = NUMBERED.matcher(lines.get(j).text());
            return m.matches() && m.group(2).strip().equals(stripped);
        }
        return false;
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

    private static void check(Line trailer, List<RunmqscResult.Command> commands, boolean echoed, int read, int syntax,
                              int notProcessed) {
        String where = "runmqsc trailer at line " + trailer.number() + " '" + MqOutputParseException.quote(trailer.text())
                + "'";
        int syntaxSeen = (int) commands.stream().filter(RunmqscResult.Command::hasSyntaxError).count();
        if (echoed) {
            long readSeen = commands.stream().filter(c -> !c.text().toUpperCase(Locale.ROOT).equals("END")).count();
            if (readSeen != read) {
                throw new MqOutputParseException(where + ": says " + read + " commands read but " + readSeen
                        + " were echoed");
            }
            if (syntaxSeen != syntax) {
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
}
