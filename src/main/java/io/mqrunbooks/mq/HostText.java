package io.mqrunbooks.mq;

/**
 * Text a host printed (runmqsc output, a command's stderr) as it goes into an exception or log message: line breaks
 * and other control characters are escaped, so host output cannot start a forged log line or move a terminal's
 * cursor; what it says stays readable. Secrets are redacted first: runmqsc echoes the script it ran, so a failed
 * AUTHINFO or channel definition would otherwise carry its password into an incident, the history tables and the log.
 */
public final class HostText {

    private HostText() {
    }

    /**
     * {@code text} on one line with its MQSC passwords redacted: CR, LF and tab as {@code \r \n \t}, other control
     * characters as {@code \\uXXXX}.
     */
    public static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        text = MqscSecrets.redacted(text);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (MqscValues.isControl(c) || Character.getType(c) == Character.FORMAT) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
