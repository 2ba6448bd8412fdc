package io.mqrunbooks.mq;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IBM MQ version V.R.M.F (9.4.0.0), ordered numerically: 9.4.0.15 is newer than 9.4.0.2. Printed with
 * {@link #toString()}.
 *
 * @param versionNumber V, the first number (not the whole version)
 */
public record MqVersion(int versionNumber, int release, int modification, int fix) implements Comparable<MqVersion> {

    private static final Pattern VRMF = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,4})");
    private static final Pattern SHORT_FORM = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})(?:\\.(\\d{1,3}))?(?:\\.(\\d{1,4}))?");

    /**
     * A version as MQ prints it, all four parts (dspmqver's "Version:", strmqm's AMQ5051I).
     *
     * @throws IllegalArgumentException naming the text when it is not V.R.M.F
     */
    public static MqVersion parse(String text) {
        Matcher m = VRMF.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an IBM MQ version V.R.M.F such as 9.4.0.0");
        }
        return new MqVersion(part(m, 1), part(m, 2), part(m, 3), part(m, 4));
    }

    /**
     * A version as a person writes it (a form, the bulletin table): missing trailing parts are 0, so 9.4.1 is
     * 9.4.1.0.
     *
     * @throws IllegalArgumentException naming the text when it is not a version
     */
    public static MqVersion of(String text) {
        Matcher m = SHORT_FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an IBM MQ version (e.g. 9.4.0.0)");
        }
        return new MqVersion(part(m, 1), part(m, 2), part(m, 3), part(m, 4));
    }

    private static int part(Matcher m, int group) {
        return m.group(group) == null ? 0 : Integer.parseInt(m.group(group));
    }

    @Override
    public int compareTo(MqVersion other) {
        int c = Integer.compare(versionNumber, other.versionNumber);
        if (c == 0) {
            c = Integer.compare(release, other.release);
        }
        if (c == 0) {
            c = Integer.compare(modification, other.modification);
        }
        return c != 0 ? c : Integer.compare(fix, other.fix);
    }

    @JsonValue
    @Override
    public String toString() {
        return versionNumber + "." + release + "." + modification + "." + fix;
    }
}
