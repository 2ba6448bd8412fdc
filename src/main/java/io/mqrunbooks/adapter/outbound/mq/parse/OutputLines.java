package io.mqrunbooks.adapter.outbound.mq.parse;

import java.util.ArrayList;
import java.util.List;

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

    static List<Line> nonBlank(String output) {
        return of(output).stream().filter(l -> !l.isBlank()).toList();
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
