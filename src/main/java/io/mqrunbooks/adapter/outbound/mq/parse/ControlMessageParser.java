package io.mqrunbooks.adapter.outbound.mq.parse;

import io.mqrunbooks.mq.MqVersion;
import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.adapter.outbound.mq.parse.OutputLines.Line;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies strmqm, endmqm and dltmqm output (kind {@code control}). Every line must be a known
 * message; MQ wraps long messages at about 80 columns, so up to three lines are joined to match one.
 * A message whose wording is not known but whose number is ({@link #BY_NUMBER}) is read by its number.
 * Anything else is an error, not a guess.
 */
public final class ControlMessageParser {

    private static final String P = "(?:IBM MQ|IBM WebSphere MQ|WebSphere MQ)";
    private static final String QM = "'([^']+)'";
    private static final String CODE = "(?:(AMQ\\d{4}[IWES]?): )?";

    private record Rule(Pattern pattern, ControlOutcome meaning) {
    }

    private static final List<Rule> RULES = List.of(
            rule(P + " queue manager " + QM + " started(?: using V(\\d+\\.\\d+\\.\\d+\\.\\d+))?\\.", ControlOutcome.STARTED),
            rule("A standby instance of queue manager " + QM + " has been started\\. The active instance is running"
                    + " elsewhere\\.", ControlOutcome.STANDBY_STARTED),
            rule(P + " queue manager " + QM + " running\\.", ControlOutcome.ALREADY_RUNNING),
            // strmqm on a running queue manager (exit 5) names none (MQ 9.1 transcript; ibm-messaging Ansible modules).
            rule(P + " queue manager running\\.", ControlOutcome.ALREADY_RUNNING),
            rule(P + " queue manager " + QM + " ending\\.", ControlOutcome.ENDING),
            rule("Waiting for queue manager " + QM + " to end\\.", ControlOutcome.ENDING),
            rule("Quiesce request accepted\\. The queue manager will stop when all outstanding work is complete"
                    + "(?:, permitting switchover to a standby instance)?\\.", ControlOutcome.ENDING),
            rule(P + " queue manager " + QM + " ended\\.", ControlOutcome.ENDED),
            // endmqm -s on the active instance (public MQ 9.1 multi-instance transcript, "endmqm -is PSAP").
            rule(P + " queue manager " + QM + " ended, permitting switchover to a standby instance\\.", ControlOutcome.ENDED),
            rule(P + " queue manager " + QM + " not running\\.", ControlOutcome.NOT_RUNNING),
            // endmqm on an ended queue manager: return code 40, "Queue manager not available" (endmqm reference).
            rule(P + " queue manager not available\\.", ControlOutcome.NOT_RUNNING),
            rule(P + " queue manager " + QM + " deleted\\.", ControlOutcome.DELETED),
            rule("The queue manager name is either not valid or not known\\.", ControlOutcome.NOT_KNOWN),
            rule(P + " queue manager (?:" + QM + " )?does not exist\\.", ControlOutcome.NOT_KNOWN),
            // strmqm or dltmqm of a running queue manager (AMQ7005E, IBM's AMQ7xxx message list).
            rule("The queue manager is running\\.", ControlOutcome.ALREADY_RUNNING),
            // strmqm/endmqm return code 3 (their references); the text as strmqm printed it in
            // github.com/ibm-messaging/mq-container issue #604 ("returned with code: 3. Reason: IBM MQ queue manager
            // being created.").
            rule(P + " queue manager being created\\.", ControlOutcome.BEING_CREATED),
            // strmqm return code 23, "Log not available" (strmqm reference; AMQ7017E in IBM's AMQ7xxx list).
            rule("Log not available\\.", ControlOutcome.LOG_NOT_AVAILABLE),
            // An FFST: AMQ6109 "An internal IBM MQ error has occurred." and AMQ6119 with the failing call in brackets,
            // which MQ prints without a final full stop ("... has occurred ('27 - File too large' from semop.)").
            rule("An internal " + P + " error has occurred(?:\\.| \\([^)]*\\)\\.?)", ControlOutcome.MQ_INTERNAL_ERROR),
            rule("The queue manager cannot be restarted or deleted because processes, that were previously"
                    + " connected, are still running\\.", ControlOutcome.REFUSED),
            // AMQ8041's list of the processes, then AMQ7018E (dltmqm, public MQ 9 transcript: "Process 1973 is still
            // running." twice, then "AMQ7018E: The queue manager operation cannot be completed.").
            rule("Process \\d+ is still running\\.", null),
            rule("The queue manager operation cannot be completed\\.", ControlOutcome.REFUSED),
            rule("(?:Queue manager|The queue manager) " + QM + " cannot be started[^.]*\\bDR secondary\\b[^.]*\\.",
                    ControlOutcome.REFUSED_DR_SECONDARY),
            rule(P + " queue manager " + QM + " starting\\.", null),
            rule("The queue manager is associated with installation '[^']+'\\.", null),
            rule("\\d+ log records accessed on queue manager " + QM + " during the (?:log replay|recovery) phase\\.", null),
            rule("Log replay for queue manager " + QM + " complete\\.", null),
            rule("Transaction manager state recovered for queue manager " + QM + "\\.", null),
            rule("\\d+ out of \\d+ in-flight transactions resolved for queue manager " + QM + "\\.", null),
            rule("Plain text communication is enabled\\.", null),
            rule("Successfully applied automatic configuration INI definitions\\.", null),
            rule("There (?:are|is) \\d+ days? left in the trial period for this copy of " + P + "\\.", null),
            rule("The system resource \\S+ is set at an unusually low level for " + P + "\\.", null),
            rule("Command '[^']+' run with sudo\\.", null),
            // dltmqm of a replicated data queue manager, before its 'deleted' line (the outcome comes from that).
            rule("Removing replicated data queue manager configuration\\.", null));

    /**
     * Messages read by their number when their text matches no rule: the number stays, the wording does not (the
     * product name, the severity letter, "Request to quiesce the queue manager accepted." that became "Quiesce
     * request accepted.", a translation). Numbers and meanings: AMQ8003 started, AMQ8004 ended, AMQ7030 quiesce
     * accepted (the MQSeries Perl modules' message table, which tracks these wordings across releases); AMQ7017 "Log
     * not available." (APAR IV90040, ibm-messaging/mq-docker); AMQ7018 "The queue manager operation cannot be
     * completed." and AMQ8041 processes still running (a public dltmqm transcript); AMQ7048 "The queue manager name is
     * either not valid or not known." (ibm-messaging Go programs test for it after dspmq -m); AMQ8118 "IBM MQ queue
     * manager does not exist." (ibm-messaging Ansible modules, return code 16); AMQ8146 queue manager not available;
     * AMQ6091, AMQ6109, AMQ6110, AMQ6118, AMQ6119, AMQ6122, AMQ6125, AMQ6184 "An internal ... error has occurred"
     * (an FFST; the Perl modules' table). A message of another number with an unknown text is refused.
     */
    private static final Map<String, ControlOutcome> BY_NUMBER = Map.ofEntries(
            Map.entry("AMQ8003", ControlOutcome.STARTED),
            Map.entry("AMQ8004", ControlOutcome.ENDED),
            Map.entry("AMQ7030", ControlOutcome.ENDING),
            Map.entry("AMQ7017", ControlOutcome.LOG_NOT_AVAILABLE),
            Map.entry("AMQ7018", ControlOutcome.REFUSED),
            Map.entry("AMQ8041", ControlOutcome.REFUSED),
            Map.entry("AMQ7048", ControlOutcome.NOT_KNOWN),
            Map.entry("AMQ8118", ControlOutcome.NOT_KNOWN),
            Map.entry("AMQ8146", ControlOutcome.NOT_RUNNING),
            Map.entry("AMQ6091", ControlOutcome.MQ_INTERNAL_ERROR),
            Map.entry("AMQ6109", ControlOutcome.MQ_INTERNAL_ERROR),
            Map.entry("AMQ6110", ControlOutcome.MQ_INTERNAL_ERROR),
            Map.entry("AMQ6118", ControlOutcome.MQ_INTERNAL_ERROR),
            Map.entry("AMQ6119", ControlOutcome.MQ_INTERNAL_ERROR),
            Map.entry("AMQ6122", ControlOutcome.MQ_INTERNAL_ERROR),
            Map.entry("AMQ6125", ControlOutcome.MQ_INTERNAL_ERROR),
            Map.entry("AMQ6184", ControlOutcome.MQ_INTERNAL_ERROR));

    private static final Set<ControlOutcome> START = EnumSet.of(ControlOutcome.STARTED, ControlOutcome.STANDBY_STARTED, ControlOutcome.ALREADY_RUNNING);
    private static final Set<ControlOutcome> END = EnumSet.of(ControlOutcome.ENDING, ControlOutcome.ENDED, ControlOutcome.NOT_RUNNING);
    private static final List<ControlOutcome> PRIORITY = List.of(ControlOutcome.NOT_KNOWN, ControlOutcome.MQ_INTERNAL_ERROR,
            ControlOutcome.LOG_NOT_AVAILABLE, ControlOutcome.BEING_CREATED, ControlOutcome.REFUSED_DR_SECONDARY,
            ControlOutcome.REFUSED, ControlOutcome.ALREADY_RUNNING, ControlOutcome.STANDBY_STARTED, ControlOutcome.STARTED, ControlOutcome.DELETED,
            ControlOutcome.ENDED, ControlOutcome.NOT_RUNNING, ControlOutcome.ENDING);

    private static Rule rule(String regex, ControlOutcome meaning) {
        return new Rule(Pattern.compile("^" + CODE + regex + "$"), meaning);
    }

    /** The shell line a pasted session starts with ("$ strmqm -x QM1", "[mqm@host ~]$ endmqm -is QM1"). */
    private static final Pattern TYPED = OutputLines.typedCommand("strmqm", "endmqm", "dltmqm");

    /**
     * What an operator pastes: the output, optionally after the typed command line, which is skipped (blanked,
     * so line numbers stay); the rest is read as {@link #parse} reads it.
     */
    public ControlTranscript readTranscript(String pasted) {
        return parse(OutputLines.withoutTypedCommand(pasted, TYPED));
    }

    public ControlTranscript parse(String output) {
        List<Line> lines = OutputLines.nonBlankOrRefused(output, "strmqm, endmqm or dltmqm messages");
        List<ControlTranscript.Message> messages = new ArrayList<>();
        String queueManager = null;
        MqVersion version = null;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).text().strip();
            Matched matched = null;
            int used = 1;
            for (int extra = 0; extra < 3 && i + extra < lines.size() && matched == null; extra++) {
                if (extra > 0) {
                    text = text + " " + lines.get(i + extra).text().strip();
                }
                matched = match(text);
                used = extra + 1;
            }
            if (matched == null) {
                Numbered byNumber = byNumber(lines, i);
                if (byNumber != null) {
                    messages.add(byNumber.message());
                    i += byNumber.lines() - 1;
                    continue;
                }
                Line line = lines.get(i);
                throw MqOutputParseException.at(line.number(), line.text(),
                        "not a strmqm/endmqm/dltmqm message this parser knows; refusing to guess what it means");
            }
            i += used - 1;
            Matcher m = matched.matcher();
            String qm = groupOrNull(m, 2);
            if (qm != null) {
                if (queueManager != null && !queueManager.equals(qm)) {
                    Line line = lines.get(i);
                    throw MqOutputParseException.at(line.number(), line.text(),
                            "names queue manager '" + qm + "' but earlier messages name '" + queueManager + "'");
                }
                queueManager = qm;
            }
            if (matched.rule().meaning() == ControlOutcome.STARTED && groupOrNull(m, 3) != null) {
                try {
                    version = MqVersion.parse(m.group(3));
                } catch (IllegalArgumentException e) {
                    Line line = lines.get(i);
                    throw MqOutputParseException.at(line.number(), line.text(), e.getMessage());
                }
            }
            String code = m.group(1);
            String body = code == null ? m.group(0) : m.group(0).substring(code.length() + 2);
            messages.add(new ControlTranscript.Message(code == null ? null : code.substring(0, 7),
                    code == null || code.length() == 7 ? null : code.substring(7), body, matched.rule().meaning()));
        }
        ControlOutcome outcome = decide(messages);
        return new ControlTranscript(outcome, queueManager, version, messages);
    }

    private record Matched(Rule rule, Matcher matcher) {
    }

    private record Numbered(ControlTranscript.Message message, int lines) {
    }

    /**
     * The message at line {@code i} read by its number ({@link #BY_NUMBER}), with the lines MQ wrapped it onto: while
     * its sentence has not ended (no final full stop or bracket), up to two following lines that are neither another
     * AMQ message nor a message of their own. Null when the line is not a message of one of those numbers.
     */
    private static Numbered byNumber(List<Line> lines, int i) {
        MqMessage message = MqMessage.parse(lines.get(i).text());
        ControlOutcome meaning = message == null ? null : BY_NUMBER.get(message.id());
        if (meaning == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(message.text().strip());
        int used = 1;
        while (used < 3 && i + used < lines.size() && !text.toString().matches(".*[.)]$")) {
            String continued = lines.get(i + used).text().strip();
            if (MqMessage.parse(continued) != null || match(continued) != null) {
                break;
            }
            text.append(' ').append(continued);
            used++;
        }
        return new Numbered(new ControlTranscript.Message(message.id(), message.severity(), text.toString(), meaning),
                used);
    }

    private static Matched match(String text) {
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(text);
            if (m.matches()) {
                return new Matched(rule, m);
            }
        }
        return null;
    }

    private static String groupOrNull(Matcher m, int group) {
        return m.groupCount() >= group ? m.group(group) : null;
    }

    private static ControlOutcome decide(List<ControlTranscript.Message> messages) {
        Set<ControlOutcome> seen = EnumSet.noneOf(ControlOutcome.class);
        messages.stream().map(ControlTranscript.Message::meaning).filter(o -> o != null).forEach(seen::add);
        if (seen.isEmpty()) {
            throw new MqOutputParseException("only progress messages, no outcome (started, ended, deleted, ...):"
                    + " the output is cut short");
        }
        boolean starts = seen.stream().anyMatch(START::contains);
        boolean ends = seen.stream().anyMatch(END::contains);
        boolean deletes = seen.contains(ControlOutcome.DELETED);
        if ((starts ? 1 : 0) + (ends ? 1 : 0) + (deletes ? 1 : 0) > 1) {
            throw new MqOutputParseException("the messages mix outcomes " + seen + "; this is not one command's output");
        }
        return PRIORITY.stream().filter(seen::contains).findFirst().orElseThrow();
    }
}
