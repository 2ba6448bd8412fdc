package io.mqrunbooks.adapter.outbound.mq.pcf;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an MQSC script into whole commands, as runmqsc reassembles them, because an Escape PCF command
 * must carry one complete command. Rules from IBM's "MQSC input file syntax"
 * (https://ibm.com/support/knowledgecenter/SSFKSJ_9.3.0/administer/mqsc-input-file-syntax.html): a line
 * starting with {@code *} is a comment, blank lines are ignored (also inside a continued command), a final
 * {@code -} continues from the start of the next line, a final {@code +} from its first non-blank character,
 * and a final {@code ;} ends the command.
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
            if (line.isBlank() || line.startsWith("*")) {
                continue;
            }
            if (current == null) {
                current = new StringBuilder();
                line = line.stripLeading();
            } else if (stripLeading) {
                line = line.stripLeading();
            }
            if (line.endsWith("+") || line.endsWith("-")) {
                stripLeading = line.endsWith("+");
                current.append(line, 0, line.length() - 1);
                continue;
            }
            if (line.endsWith(";")) {
                line = line.substring(0, line.length() - 1);
            }
            current.append(line);
            commands.add(current.toString().strip());
            current = null;
        }
        if (current != null) {
            throw new IllegalArgumentException("MQSC script ends inside a continued command (the last command line"
                    + " ends with '+' or '-', line " + lineNumber + "): " + current.toString().strip());
        }
        return commands;
    }
}
