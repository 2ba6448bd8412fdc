package io.mqrunbooks.runbooks.baseline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The dmpmqcfg-style fixtures under src/test/resources/runbooks/baseline (sources in the .source files beside them). */
final class Fixtures {

    static final String MONDAY = "dmpmqcfg-qm2-monday.mqsc";
    static final String WEDNESDAY_SAME = "dmpmqcfg-qm2-wednesday-same.mqsc";
    static final String FRIDAY_CHANGED = "dmpmqcfg-qm2-friday-changed.mqsc";

    private Fixtures() {
    }

    static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/runbooks/baseline/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
