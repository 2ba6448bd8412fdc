package io.mqrunbooks.platform.runbook;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Text in process variables, which Camunda 7 keeps in a 4,000-character column: longer text is cut rather
 * than failing the step, and says where the whole of it is; a run's log keeps its latest lines (every earlier
 * version stays in the run's history).
 */
public final class RunText {

    /** Below the engine's 4,000 characters, with room for the note. */
    public static final int LIMIT = 3800;

    private static final String EARLIER_LINES = "(earlier lines are in the run's history)\n";

    private RunText() {
    }

    /** The text, or its beginning cut at a line end with a note naming where the whole text is. */
    public static String fit(String text, String wholeTextAt) {
        if (text == null || text.length() <= LIMIT) {
            return text;
        }
        int cut = text.lastIndexOf('\n', LIMIT - 200);
        cut = cut < 0 ? LIMIT - 200 : cut + 1;
        return text.substring(0, cut) + "* ... " + (text.length() - cut) + " more characters; the whole text: "
                + wholeTextAt + "\n";
    }

    /** Appends a line to a log variable (the run log, a command log), keeping its latest lines within the limit. */
    public static void appendLine(VariableScope scope, RunVariable<String> log, String line) {
        String before = log.getOrNull(scope);
        log.set(scope, tail(before == null || before.isEmpty() ? line : before + "\n" + line));
    }

    static String tail(String log) {
        if (log.length() <= LIMIT) {
            return log;
        }
        String kept = log.substring(log.length() - (LIMIT - EARLIER_LINES.length()));
        return EARLIER_LINES + kept.substring(kept.indexOf('\n') + 1);
    }
}
