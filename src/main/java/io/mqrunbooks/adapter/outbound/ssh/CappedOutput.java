package io.mqrunbooks.adapter.outbound.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads one stream of a remote command to its end, keeping the first {@code cap} bytes. The rest is read
 * and dropped, so a chatty command never stalls the SSH session (jsch serves all streams from one thread).
 */
final class CappedOutput {

    static final String TRUNCATION_MARKER = "\n[... output truncated at %d bytes]";

    /** What a stream delivered. */
    record Captured(String text, boolean truncated) {
    }

    private CappedOutput() {
    }

    static Captured readAll(InputStream stream, int cap) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream(Math.min(cap, 8192));
        boolean truncated = false;
        byte[] buffer = new byte[8192];
        try (stream) {
            int read;
            while ((read = stream.read(buffer)) != -1) {
                int room = cap - kept.size();
                if (read > room) {
                    truncated = true;
                }
                kept.write(buffer, 0, Math.min(read, Math.max(room, 0)));
            }
        } catch (IOException e) {
            // The session went away mid-stream; what arrived is kept and the missing exit status says the rest.
        }
        String text = kept.toString(StandardCharsets.UTF_8);
        return truncated ? new Captured(text + String.format(TRUNCATION_MARKER, cap), true) : new Captured(text, false);
    }
}
