package io.mqrunbooks.adapter.outbound.mq.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads a fixture from src/test/resources/mq-output/&lt;kind&gt;/ (each has a .source file saying where it is from). */
final class Fixtures {

    private Fixtures() {
    }

    static String read(String kind, String name) {
        String path = "/mq-output/" + kind + "/" + name;
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            if (Fixtures.class.getResource(path + ".source") == null) {
                throw new IllegalStateException("fixture " + path + " has no .source file");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
