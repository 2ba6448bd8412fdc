package io.mqrunbooks.mq;

import java.util.regex.Pattern;

/**
 * The MQSC attributes that hold a password: {@code PASSWORD} on channels, {@code LDAPPWD} on AUTHINFO, {@code KEYRPWD}
 * on QMGR. A quoted password may hold {@code )} and doubled apostrophes, so the whole quoted string goes, never a part.
 */
public final class MqscSecrets {

    public static final String REDACTED = "[REDACTED]";

    /** A quoted string as MQSC and shells write one; an unclosed one runs to the end of the line. */
    public static final String QUOTED_VALUE =
            "'(?:[^'\\n]|'')*(?:'|(?=\\n)|\\z)|\"(?:[^\"\\\\\\n]|\\\\.)*(?:\"|(?=\\n)|\\z)";

    /** Group 1 is the attribute's name. */
    public static final Pattern PASSWORD_ATTRIBUTE = Pattern.compile("(?i)\\b(PASSWORD|LDAPPWD|KEYRPWD)\\((?!\\s*\\))\\s*(?:"
            + QUOTED_VALUE + "|[^)'\\n]*)\\s*\\)?");

    private MqscSecrets() {
    }

    /** {@code text} with the value of every MQSC password attribute replaced by {@value #REDACTED}. */
    public static String redacted(String text) {
        return PASSWORD_ATTRIBUTE.matcher(text).replaceAll("$1(" + REDACTED + ")");
    }
}
