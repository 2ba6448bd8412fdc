package io.mqrunbooks.estate;

import java.util.Arrays;
import java.util.Optional;

/** Seed 000's backup levels. */
public enum BackupLevel {
    /** Receiving replication (RDQM DR): promote and start. */
    HOT("hot"),
    /** Defined with objects loaded, stopped: verify the baseline and start. */
    WARM("warm"),
    /** Media or log restore needed before strmqm. */
    COLD("cold");

    private final String yamlName;

    BackupLevel(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<BackupLevel> fromYaml(String value) {
        return Arrays.stream(values()).filter(l -> l.yamlName.equals(value)).findFirst();
    }
}
