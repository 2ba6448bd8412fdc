package io.mqrunbooks.adapter.outbound.mq.parse;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An IBM MQ version V.R.M.F (9.4.0.0), ordered numerically. */
public record MqVersion(int version, int release, int modification, int fix) implements Comparable<MqVersion> {

    private static final Pattern VRMF = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,4})");

    public static MqVersion parse(String text) {
        Matcher m = VRMF.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new MqOutputParseException("'" + MqOutputParseException.quote(String.valueOf(text))
                    + "' is not an IBM MQ version V.R.M.F such as 9.4.0.0");
        }
        return new MqVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
    }

    @Override
    public int compareTo(MqVersion other) {
        int c = Integer.compare(version, other.version);
        if (c == 0) {
            c = Integer.compare(release, other.release);
        }
        if (c == 0) {
            c = Integer.compare(modification, other.modification);
        }
        return c != 0 ? c : Integer.compare(fix, other.fix);
    }

    public boolean isAtLeast(MqVersion other) {
        return compareTo(other) >= 0;
    }

    @JsonValue
    @Override
    public String toString() {
        return version + "." + release + "." + modification + "." + fix;
    }
}
