package io.mqrunbooks.adapter.outbound.mq.parse;

import io.mqrunbooks.adapter.outbound.mq.parse.OutputLines.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses rdqmdr output: {@code -p} and {@code -s} confirmations
 * ("Queue manager 'QM' has been made the DR primary on this node."), {@code -d} (the crtmqm command for
 * the secondary, optionally after an "Issue the following command ..." heading, which may wrap), and
 * AMQ error messages, which make a {@link RdqmdrResult.Outcome#REFUSED} result keeping their text.
 */
public final class RdqmdrParser {

    private static final Pattern MADE = Pattern.compile(
            "^Queue manager '([^']+)' has been made the DR (primary|secondary) on this node\\.$");
    static final Pattern ISSUE_HEADING = Pattern.compile(
            "^Issue the following command on the remote (?:node|HA group|[^:]*) to create the (?:DR|DR/HA)"
                    + " secondary queue manager:$");
    static final Pattern SUDO_NOTE = Pattern.compile("^Command '[^']+' run with sudo\\.$");

    private static final Pattern TYPED = OutputLines.typedCommand("rdqmdr");

    /**
     * What an operator pastes: the output, optionally after the typed {@code rdqmdr} line
     * ("[root@wdc1-mq1 ~]# rdqmdr -s -m DRHAQM1"), which is skipped (blanked, so line numbers stay); the rest is
     * read as {@link #parse} reads it.
     */
    public RdqmdrResult readTranscript(String pasted) {
        return parse(OutputLines.withoutTypedCommand(pasted, TYPED));
    }

    /** A line that can only be the rest of a wrapped message: none of the lines rdqmdr prints on their own. */
    private static boolean isContinuation(String text) {
        return MqMessage.parse(text) == null && !MADE.matcher(text).matches() && !SUDO_NOTE.matcher(text).matches()
                && !text.startsWith("crtmqm ") && !ISSUE_HEADING.matcher(text).matches() && !text.startsWith("Issue ");
    }

    public RdqmdrResult parse(String output) {
        List<Line> lines = OutputLines.nonBlankOrRefused(output,
                "an rdqmdr confirmation, a crtmqm command, or an AMQ message");
        RdqmdrResult.Outcome outcome = null;
        String queueManager = null;
        SecondaryCrtmqmCommand command = null;
        List<MqMessage> messages = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String text = line.text().strip();
            Matcher made = MADE.matcher(text);
            MqMessage message = MqMessage.parse(text);
            if (SUDO_NOTE.matcher(text).matches()) {
                continue;
            }
            RdqmdrResult.Outcome lineOutcome;
            if (made.matches()) {
                lineOutcome = made.group(2).equals("primary") ? RdqmdrResult.Outcome.MADE_PRIMARY
                        : RdqmdrResult.Outcome.MADE_SECONDARY;
                queueManager = made.group(1);
            } else if (message != null) {
                if (!message.isError()) {
                    throw MqOutputParseException.at(line.number(), line.text(),
                            "an informational AMQ message that rdqmdr is not known to print");
                }
                // MQ wraps a long message at about 80 columns: the lines up to the end of its sentence are its own.
                String full = message.text().strip();
                while (!full.matches(".*[.)]$") && i + 1 < lines.size() && isContinuation(lines.get(i + 1).text().strip())
                        && full.length() < 600) {
                    full = full + " " + lines.get(++i).text().strip();
                }
                messages.add(new MqMessage(message.id(), message.severity(), full));
                lineOutcome = RdqmdrResult.Outcome.REFUSED;
            } else if (text.startsWith("crtmqm ")) {
                command = SecondaryCrtmqmCommand.parse(text);
                queueManager = command.queueManager();
                lineOutcome = RdqmdrResult.Outcome.SECONDARY_COMMAND;
            } else if (ISSUE_HEADING.matcher(text).matches()) {
                continue;
            } else if (i + 1 < lines.size() && ISSUE_HEADING.matcher(text + " " + lines.get(i + 1).text().strip()).matches()) {
                i++;
                continue;
            } else {
                throw MqOutputParseException.at(line.number(), line.text(), "expected \"Queue manager '...' has been"
                        + " made the DR primary|secondary on this node.\", a crtmqm -rr s command, or an AMQ message");
            }
            if (outcome != null && outcome != lineOutcome) {
                throw MqOutputParseException.at(line.number(), line.text(), "contradicts the earlier " + outcome);
            }
            if (lineOutcome == RdqmdrResult.Outcome.SECONDARY_COMMAND && outcome != null) {
                throw MqOutputParseException.at(line.number(), line.text(), "a second crtmqm command");
            }
            outcome = lineOutcome;
        }
        if (outcome == null) {
            throw new MqOutputParseException("rdqmdr printed a heading but no crtmqm command: output is incomplete");
        }
        return new RdqmdrResult(outcome, queueManager, command, messages);
    }
}
