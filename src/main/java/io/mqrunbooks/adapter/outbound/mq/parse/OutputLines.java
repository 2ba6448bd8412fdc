package io.mqrunbooks.adapter.outbound.mq.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits command output into lines: CRLF or LF, trailing blanks removed, numbered from 1. */
final class OutputLines {

    record Line(int number, String text) {
        boolean isBlank() {
            return text.isBlank();
        }
    }

    private OutputLines() {
    }

    static List<Line> of(String output) {
        if (output == null) {
            throw new MqOutputParseException("no output at all (null)");
        }
        String text = output.startsWith("\uFEFF") ? output.substring(1) : output;
        String[] raw = text.split("\r\n|\n|\r", -1);
        List<Line> lines = new ArrayList<>(raw.length);
        for (int i = 0; i < raw.length; i++) {
            lines.add(new Line(i + 1, stripTrailing(raw[i])));
        }
        return lines;
    }

    /**
     * The output with its first non-blank line blanked when it matches (stripped): the command line a pasted
     * session starts with. Blanked, not removed, so the line numbers in messages stay those of the paste.
     */
    static String withoutTypedCommand(String output, Pattern typed) {
        List<Line> lines = of(output);
        List<String> texts = new ArrayList<>(lines.stream().map(Line::text).toList());
        lines.stream().filter(l -> !l.isBlank()).findFirst()
                .filter(l -> typed.matcher(l.text().strip()).matches())
                .ifPresent(l -> texts.set(l.number() - 1, ""));
        return String.join("\n", texts);
    }

    /**
     * A command line as pasted before its output: an optional shell prompt ("$", "bash-4.1$", "[mqm@host ~]$",
     * "[mqm]:/var/mqm>", "mqm@ubuntu:/opt/mqm/bin$", "C:\Program Files\IBM\MQ>", "PS C:\Users\me>"),
     * optionally sudo, "oc|kubectl exec ... --" or a path ("/opt/mqm/bin/", "./"), then one of the commands and its
     * arguments.
     */
    static Pattern typedCommand(String... commands) {
        String prompt = "(?:\\[[^\\]]*\\]\\S*[$#>]|PS [A-Za-z]:\\\\[^>]*>|[A-Za-z]:\\\\[^>]*>|[^\\s\\[]\\S*[$#>]|[$#>])";
        return Pattern.compile("^(?:" + prompt + " *)?(?:sudo (?:-u \\S+ )?)?(?:(?:oc|kubectl) exec .* -- )?"
                + "(?:\\S*/)?(?:" + String.join("|", commands) + ")(?: .*)?$");
    }

    static List<Line> nonBlank(String output) {
        return of(output).stream().filter(l -> !l.isBlank()).toList();
    }

    /** The non-blank lines; output with none is refused as empty, naming what was {@code expected}. */
    static List<Line> nonBlankOrRefused(String output, String expected) {
        List<Line> lines = nonBlank(output);
        if (lines.isEmpty()) {
            throw empty(expected);
        }
        return lines;
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(0, end);
    }

    static MqOutputParseException empty(String what) {
        return new MqOutputParseException("the output is empty; expected " + what);
    }
}
