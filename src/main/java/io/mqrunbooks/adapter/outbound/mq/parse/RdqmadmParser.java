package io.mqrunbooks.adapter.outbound.mq.parse;

import io.mqrunbooks.adapter.outbound.mq.parse.OutputLines.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses what {@code rdqmadm -s}, {@code -r} and {@code -p} print. IBM documents what the command does
 * (https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.ref.adm.doc/q130300_.html) but no console text. The
 * suspend and resume confirmations are as MQ 9.2.5 printed them ("The replicated data node 'wdc1-mq1' has been
 * suspended." / "... has been resumed.", github.com/ibm-client-engineering/solution-mq-rdqm-hadr readme.md); the
 * others are the lab's wording (docs/lab.md). An exit code other than 0 is a refusal keeping the lines, and
 * anything else is refused as unrecognised rather than guessed.
 */
public final class RdqmadmParser {

    /** What rdqmadm did. */
    public enum Outcome { SUSPENDED, ALREADY_SUSPENDED, RESUMED, NOT_SUSPENDED, PREFERRED_LOCATION_SET, REFUSED }

    /** The outcome and the lines printed (without sudo's note). */
    public record Result(Outcome outcome, List<String> lines) {
        public Result {
            lines = List.copyOf(lines);
        }
    }

    private static final List<Object[]> CONFIRMATIONS = List.of(
            new Object[] {Pattern.compile("^The replicated data node '[^']+' has been suspended\\.$"), Outcome.SUSPENDED},
            new Object[] {Pattern.compile("^The replicated data node '[^']+' is already suspended\\.$"),
                    Outcome.ALREADY_SUSPENDED},
            new Object[] {Pattern.compile("^The replicated data node '[^']+' has been resumed\\.$"), Outcome.RESUMED},
            new Object[] {Pattern.compile("^The replicated data node '[^']+' is not suspended\\.$"),
                    Outcome.NOT_SUSPENDED},
            new Object[] {Pattern.compile("^The preferred location of queue manager '[^']+' has been set to '[^']+'\\.$"),
                    Outcome.PREFERRED_LOCATION_SET});

    public Result parse(String output, int exitCode) {
        List<Line> lines = OutputLines.nonBlank(output);
        List<String> kept = new ArrayList<>();
        Outcome outcome = null;
        for (Line line : lines) {
            String text = line.text().strip();
            if (RdqmdrParser.SUDO_NOTE.matcher(text).matches()) {
                continue;
            }
            kept.add(text);
            for (Object[] confirmation : CONFIRMATIONS) {
                if (((Pattern) confirmation[0]).matcher(text).matches()) {
                    outcome = (Outcome) confirmation[1];
                }
            }
        }
        if (exitCode != 0) {
            return new Result(Outcome.REFUSED, kept);
        }
        if (kept.isEmpty()) {
            throw OutputLines.empty("an rdqmadm confirmation");
        }
        if (outcome == null) {
            Line first = lines.get(0);
            throw MqOutputParseException.at(first.number(), first.text(), "an rdqmadm confirmation such as"
                    + " \"The replicated data node 'ha1' has been suspended.\"");
        }
        return new Result(outcome, kept);
    }
}
