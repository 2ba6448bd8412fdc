package io.mqrunbooks.adapter.outbound.mq.parse;

import io.mqrunbooks.adapter.outbound.mq.parse.OutputLines.Line;
import io.mqrunbooks.mq.ControlOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses crtmqm output, plain and RDQM ({@code -sx}, {@code -sxs}, {@code -rr p}, {@code -rr s}). Every
 * line must be one crtmqm is known to print; a creation must reach "Setup completed." or the output
 * is treated as cut short.
 */
public final class CrtmqmParser {

    private static final String PRODUCT = "(?:IBM MQ|IBM WebSphere MQ|WebSphere MQ)";
    private static final Pattern CREATED = Pattern.compile("^(?:AMQ8001I?: )?" + PRODUCT
            + " queue manager (?:'([^']+)' )?created\\.$");
    private static final Pattern SECONDARY_CREATED = Pattern.compile("^" + PRODUCT + " secondary queue manager created\\.$");
    private static final Pattern HA_SECONDARY_ON = Pattern.compile("^Secondary queue manager created on '([^']+)'\\.$");
    private static final Pattern EXISTS = Pattern.compile("^(?:AMQ8110E?: )?" + PRODUCT + " queue manager already exists\\.$");
    /** WebSphere MQ 7.0 names the queue manager bare: "Creating or replacing default objects for qmc00." */
    private static final Pattern DEFAULT_OBJECTS_FOR = Pattern.compile(
            "^Creating or replacing default objects for (?:queue manager '([^']+)'|([^\\s']+))\\.$");
    /**
     * Errors MQ 7 prints without a severity letter, so {@link MqMessage#isError()} cannot tell: AMQ7077 is
     * "AMQ7077E: You are not authorized to perform the requested operation." in later releases.
     */
    private static final Set<String> ERRORS_WITHOUT_SEVERITY = Set.of("AMQ7077");
    private static final Pattern SETUP_COMPLETED = Pattern.compile("^Setup completed\\.$");
    private static final List<Pattern> INFORMATION = List.of(
            Pattern.compile("^There (?:are|is) \\d+ days? left in the trial period for this copy of " + PRODUCT + "\\.$"),
            Pattern.compile("^Creating replicated data queue manager configuration\\.$"),
            Pattern.compile("^Directory '[^']+' created\\.$"),
            Pattern.compile("^The queue manager is associated with installation '[^']+'\\.$"),
            Pattern.compile("^Default objects statistics : \\d+ created\\. \\d+ replaced\\. \\d+ failed\\.$"),
            Pattern.compile("^Completing setup\\.$"),
            Pattern.compile("^Enabling replicated data queue manager\\.$"),
            Pattern.compile("^Replicated data queue manager enabled\\.$"),
            Pattern.compile("^The system resource \\S+ is set at an unusually low level for " + PRODUCT + "\\.$"),
            RdqmdrParser.SUDO_NOTE);

    private static final Pattern STRMQM_STARTING = Pattern.compile("^(?:AMQ\\d{4}I?: )?" + PRODUCT
            + " queue manager '[^']+' starting\\.$");
    /** Notes strmqm prints before "starting." (the MQ 9.4 transcripts show the RLIMIT one first). */
    private static final List<Pattern> STRMQM_NOTES = List.of(
            Pattern.compile("^The system resource \\S+ is set at an unusually low level for " + PRODUCT + "\\.$"),
            Pattern.compile("^There (?:are|is) \\d+ days? left in the trial period for this copy of " + PRODUCT + "\\.$"));
    /** A shell prompt with the strmqm command typed at it, as pasted sessions show it ("mqm@host:~$ strmqm QM3"). */
    private static final Pattern CRTMQM_TYPED = OutputLines.typedCommand("crtmqm");
    private static final Pattern STRMQM_TYPED = OutputLines.typedCommand("strmqm");

    /**
     * What an operator pastes: crtmqm's output, optionally followed by the strmqm that started the queue manager
     * (with or without the typed {@code strmqm} line). The strmqm part is read by {@link ControlMessageParser}, must
     * be a start and must name the queue manager crtmqm created.
     */
    public CrtmqmTranscript readTranscript(String pasted) {
        String output = OutputLines.withoutTypedCommand(pasted, CRTMQM_TYPED);
        List<Line> lines = OutputLines.nonBlank(output);
        int end = firstLineAfterCrtmqm(lines);
        if (end < 0) {
            return new CrtmqmTranscript(parse(output), null);
        }
        List<String> all = OutputLines.of(output).stream().map(Line::text).toList();
        int split = lines.get(end).number() - 1;
        CrtmqmResult created = parse(String.join("\n", all.subList(0, split)));
        int from = STRMQM_TYPED.matcher(all.get(split).strip()).matches() ? split + 1 : split;
        ControlTranscript started;
        try {
            started = new ControlMessageParser().parse(String.join("\n", all.subList(from, all.size())));
        } catch (MqOutputParseException e) {
            throw new MqOutputParseException("from line " + lines.get(end).number()
                    + " on, after crtmqm, expected strmqm output: " + e.getMessage());
        }
        if (!Set.of(ControlOutcome.STARTED, ControlOutcome.STANDBY_STARTED,
                ControlOutcome.ALREADY_RUNNING).contains(started.outcome())) {
            throw MqOutputParseException.at(lines.get(end).number(), lines.get(end).text(),
                    "after crtmqm only strmqm output is read, but what follows says " + started.outcome());
        }
        if (created.queueManager() != null && started.queueManager() != null
                && !created.queueManager().equals(started.queueManager())) {
            throw new MqOutputParseException("crtmqm created '" + created.queueManager() + "' but the strmqm that"
                    + " follows started '" + started.queueManager() + "'");
        }
        return new CrtmqmTranscript(created, started);
    }

    /**
     * Index (in the non-blank lines) where strmqm's output begins after crtmqm's "Setup completed.": the typed
     * {@code strmqm} line, or strmqm's "... starting." line with the resource or trial notes strmqm prints before it;
     * -1 when nothing after the setup looks like strmqm (the whole text is then crtmqm's, RDQM lines included).
     */
    private static int firstLineAfterCrtmqm(List<Line> lines) {
        int setup = -1;
        for (int i = 0; i < lines.size() && setup < 0; i++) {
            if (SETUP_COMPLETED.matcher(lines.get(i).text().strip()).matches()) {
                setup = i;
            }
        }
        for (int i = setup + 1; setup >= 0 && i < lines.size(); i++) {
            String text = lines.get(i).text().strip();
            if (STRMQM_TYPED.matcher(text).matches()) {
                return i;
            }
            if (STRMQM_STARTING.matcher(text).matches()) {
                int first = i;
                while (first - 1 > setup && isStrmqmNote(lines.get(first - 1).text().strip())) {
                    first--;
                }
                return first;
            }
        }
        return -1;
    }

    private static boolean isStrmqmNote(String text) {
        return STRMQM_NOTES.stream().anyMatch(p -> p.matcher(text).matches());
    }

    public CrtmqmResult parse(String output) {
        List<Line> lines = OutputLines.nonBlankOrRefused(output, "crtmqm messages");
        CrtmqmResult.Outcome outcome = null;
        String queueManager = null;
        boolean setupCompleted = false;
        boolean headingSeen = false;
        SecondaryCrtmqmCommand command = null;
        List<String> haSecondaries = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String text = line.text().strip();
            texts.add(text);
            Matcher m;
            CrtmqmResult.Outcome lineOutcome = null;
            if ((m = CREATED.matcher(text)).matches()) {
                lineOutcome = CrtmqmResult.Outcome.CREATED;
                if (m.group(1) != null) {
                    queueManager = m.group(1);
                }
            } else if (SECONDARY_CREATED.matcher(text).matches()) {
                lineOutcome = CrtmqmResult.Outcome.SECONDARY_CREATED;
            } else if (EXISTS.matcher(text).matches()) {
                lineOutcome = CrtmqmResult.Outcome.ALREADY_EXISTS;
            } else if ((m = HA_SECONDARY_ON.matcher(text)).matches()) {
                haSecondaries.add(m.group(1));
            } else if ((m = DEFAULT_OBJECTS_FOR.matcher(text)).matches()) {
                queueManager = m.group(1) != null ? m.group(1) : m.group(2);
            } else if (SETUP_COMPLETED.matcher(text).matches()) {
                setupCompleted = true;
            } else if (RdqmdrParser.ISSUE_HEADING.matcher(text).matches()) {
                headingSeen = true;
            } else if (i + 1 < lines.size()
                    && RdqmdrParser.ISSUE_HEADING.matcher(text + " " + lines.get(i + 1).text().strip()).matches()) {
                headingSeen = true;
                texts.add(lines.get(++i).text().strip());
            } else if (headingSeen && command == null && text.startsWith("crtmqm ")) {
                command = SecondaryCrtmqmCommand.parse(text);
            } else if (INFORMATION.stream().anyMatch(p -> p.matcher(text).matches())) {
                continue;
            } else {
                MqMessage message = MqMessage.parse(text);
                if (message != null && message.id().equals("AMQ8110") && !"I".equals(message.severity())) {
                    // by its number: the wording of "already exists" is the product's of each release
                    lineOutcome = CrtmqmResult.Outcome.ALREADY_EXISTS;
                } else if (message != null && (message.isError()
                        || message.severity() == null && ERRORS_WITHOUT_SEVERITY.contains(message.id()))) {
                    lineOutcome = CrtmqmResult.Outcome.FAILED;
                } else {
                    throw MqOutputParseException.at(line.number(), line.text(), "not a message crtmqm is known to print");
                }
            }
            if (lineOutcome != null) {
                if (outcome != null && outcome != lineOutcome && lineOutcome != CrtmqmResult.Outcome.FAILED) {
                    throw MqOutputParseException.at(line.number(), line.text(), "contradicts the earlier " + outcome);
                }
                outcome = lineOutcome == CrtmqmResult.Outcome.FAILED || outcome == null ? lineOutcome : outcome;
            }
        }
        if (outcome == null) {
            throw new MqOutputParseException("crtmqm output says neither created, already exists nor an error:"
                    + " output is incomplete");
        }
        if (outcome == CrtmqmResult.Outcome.CREATED && !setupCompleted) {
            throw new MqOutputParseException("crtmqm created the queue manager but never printed 'Setup completed.':"
                    + " output is cut short");
        }
        if (headingSeen && command == null) {
            throw new MqOutputParseException("crtmqm announced the DR secondary command but did not print it");
        }
        if (command != null && queueManager != null && !command.queueManager().equals(queueManager)) {
            throw new MqOutputParseException("the printed secondary command is for '" + command.queueManager()
                    + "' but crtmqm created '" + queueManager + "'");
        }
        return new CrtmqmResult(outcome, queueManager, haSecondaries, command, texts);
    }
}
