package io.mqrunbooks.application.port.out.control;

import java.util.Arrays;

/** An IBM MQ version such as {@code 9.4.0.0}, compared numerically. */
public record MqVersion(String version) implements Comparable<MqVersion> {

    public MqVersion {
        if (version == null || !version.matches("\\d+(\\.\\d+){1,3}")) {
            throw new IllegalArgumentException("'" + version + "' is not an IBM MQ version (e.g. 9.4.0.0)");
        }
    }

    @Override
    public int compareTo(MqVersion other) {
        int[] mine = parts();
        int[] theirs = other.parts();
        for (int i = 0; i < 4; i++) {
            int difference = Integer.compare(mine[i], theirs[i]);
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    private int[] parts() {
        int[] parts = new int[4];
        int[] given = Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
        System.arraycopy(given, 0, parts, 0, given.length);
        return parts;
    }

    @Override
    public String toString() {
        return version;
    }
}
