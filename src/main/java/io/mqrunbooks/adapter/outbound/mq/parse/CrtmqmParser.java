package io.mqrunbooks.adapter.outbound.mq.parse;

import io.mqrunbooks.adapter.outbound.mq.parse.OutputLines.Line;
import java.util.ArrayList;
import java.util.List;
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
    private static final Pattern DEFAULT_OBJECTS_FOR = Pattern.compile(
            "^Creating or replacing default objects for queue manager '([^']+)'\\.$");
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

    public CrtmqmResult parse(String output) {
        List<Line> lines = OutputLines.nonBlank(output);
        if (lines.isEmpty()) {
            throw OutputLines.empty("crtmqm messages");
        }
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
                queueManager = m.group(1);
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
                if (message != null && message.isError()) {
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
