package io.mqrunbooks.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Medians and the number formats of the report. */
public final class Stats {

    private Stats() {
    }

    public static double median(List<? extends Number> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to take the median of");
        }
        List<Double> sorted = new ArrayList<>();
        values.forEach(v -> sorted.add(v.doubleValue()));
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    public static double max(List<? extends Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).max().orElseThrow();
    }

    public static String seconds(double nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    public static String millis(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.2f ms" : "%.0f ms", millis);
    }

    public static String ratio(double value) {
        return String.format(Locale.ROOT, "%.1f×", value);
    }

    public static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    public static String mebibytes(long kib) {
        return String.format(Locale.ROOT, "%.0f MiB", kib / 1024.0);
    }
}
