package io.mqrunbooks.adapter.outbound.mq.parse;

import io.mqrunbooks.mq.HostText;

/** Command output that a parser does not recognise; the message quotes the offending text. */
public class MqOutputParseException extends RuntimeException {

    /** The message quotes output, so it is kept on one line with its control characters escaped (Review E). */
    public MqOutputParseException(String message) {
        super(HostText.oneLine(message));
    }

    /** "expected ..., but line N was: '...'" with the line cut to 200 characters. */
    static MqOutputParseException at(int lineNumber, String line, String expected) {
        return new MqOutputParseException("line " + lineNumber + " '" + quote(line) + "': " + expected);
    }

    static String quote(String text) {
        String oneLine = text.replace("\t", "\\t");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
