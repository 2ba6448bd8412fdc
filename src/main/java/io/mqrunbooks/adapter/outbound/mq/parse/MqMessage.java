package io.mqrunbooks.adapter.outbound.mq.parse;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One IBM MQ message as printed: {@code AMQ8147E: IBM MQ object X not found.}. The severity
 * letter is absent before MQ 9 ({@code AMQ8409: ...}), so it is optional here.
 */
public record MqMessage(String id, String severity, String text) {

    static final Pattern LINE = Pattern.compile("^(AMQ\\d{4})([IWES])?:\\s?(.*)$");

    static MqMessage parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            return null;
        }
        return new MqMessage(m.group(1), m.group(2), m.group(3));
    }

    @JsonIgnore
    public boolean isError() {
        return "E".equals(severity) || "S".equals(severity);
    }

    @Override
    public String toString() {
        return id + (severity == null ? "" : severity) + ": " + text;
    }
}
