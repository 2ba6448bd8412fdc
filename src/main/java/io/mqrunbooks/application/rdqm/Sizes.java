package io.mqrunbooks.application.rdqm;

import java.util.Locale;

/** Numbers as the forms show them: bytes with the KB figure rdqmstatus prints, percentages. */
final class Sizes {

    private Sizes() {
    }

    static String describe(long bytes) {
        return (bytes / 1024) + "KB (" + bytes + " bytes)";
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value);
    }
}
