package io.mqrunbooks.mq;

/** An MQSC definition script this parser does not recognise; the message names the line and quotes it. */
public class MqscParseException extends RuntimeException {

    public MqscParseException(String message) {
        super(message);
    }
}
