package io.mqrunbooks.application.versions;

import io.mqrunbooks.mq.MqVersion;
import java.net.URI;
import java.util.List;

/**
 * One IBM MQ security bulletin of the maintained table ({@code security/ibm-mq-bulletins.yaml}).
 *
 * @param id       the CVE it is about, e.g. {@code CVE-2026-1713}
 * @param affected the version ranges it affects, per stream
 * @param fixedIn  the first fixed version of each stream IBM lists; empty when the table lists none yet
 * @param source   where the bulletin is published
 */
public record SecurityBulletin(String id, String title, List<AffectedRange> affected, List<MqVersion> fixedIn,
                               URI source) {

    public SecurityBulletin {
        affected = List.copyOf(affected);
        fixedIn = List.copyOf(fixedIn);
    }

    public boolean affects(MqVersion version) {
        return affected.stream().anyMatch(range -> range.contains(version));
    }

    /** The range that holds the version, for the form ("9.4.0.0–9.4.0.17 LTS"). */
    public String rangeHolding(MqVersion version) {
        return affected.stream().filter(range -> range.contains(version)).findFirst().map(AffectedRange::toString)
                .orElse("");
    }

    /**
     * IBM's two delivery streams: Long Term Support releases have 0 in the modification digit (9.4.0.x),
     * Continuous Delivery releases do not (9.4.1.x), as IBM MQ's V.R.M.F numbering defines them.
     */
    public enum Stream {
        LTS, CD;

        public static Stream of(MqVersion version) {
            return version.modification() == 0 ? LTS : CD;
        }
    }

    /** Versions {@code from} to {@code to}, both included, of one stream. */
    public record AffectedRange(Stream stream, MqVersion from, MqVersion to) {

        public boolean contains(MqVersion version) {
            return from.compareTo(version) <= 0 && version.compareTo(to) <= 0;
        }

        @Override
        public String toString() {
            return (from.equals(to) ? from.toString() : from + "–" + to) + " " + stream;
        }
    }
}
