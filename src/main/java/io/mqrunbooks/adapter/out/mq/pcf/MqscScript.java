package io.mqrunbooks.adapter.out.mq.pcf;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an MQSC script into commands the way runmqsc reads it: lines starting with {@code *} are comments,
 * blank lines are skipped, a line ending in {@code -} continues with the whole next line and one ending in
 * {@code +} continues with the next line's first non-blank character (IBM MQ "Rules for using MQSC
 * commands", https://www.ibm.com/docs/SSFKSJ_9.4.0/refadmin/q085170_.html).
 */
final class MqscScript {

    private MqscScript() {
    }

    static List<String> commands(String script) {
        List<String> commands = new ArrayList<>();
        StringBuilder current = null;
        boolean stripLeading = false;
        int lineNumber = 0;
        for (String rawLine : script.split("\r?\n", -1)) {
            lineNumber++;
            String line = rawLine.stripTrailing();
            if (current == null) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("*")) {
                    continue;
                }
                current = new StringBuilder();
                line = trimmed;
            } else if (stripLeading) {
                line = line.stripLeading();
            }
            if (line.endsWith("+") || line.endsWith("-")) {
                stripLeading = line.endsWith("+");
                current.append(line, 0, line.length() - 1);
                continue;
            }
            current.append(line);
            commands.add(current.toString().strip());
            current = null;
        }
        if (current != null) {
            throw new IllegalArgumentException("MQSC script ends inside a continued command (line " + lineNumber
                    + " ends with '+' or '-'): " + current.toString().strip());
        }
        return commands;
    }
}
