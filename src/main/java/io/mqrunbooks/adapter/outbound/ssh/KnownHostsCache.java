package io.mqrunbooks.adapter.outbound.ssh;

import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * known_hosts as it reads at each new session, parsed again only when its bytes differ from those parsed last.
 * jsch's parser reads a file with one {@code read()} system call per byte and rebuilds every entry, so parsing it
 * at each connect cost O(hosts) per session: with 200 hosts 11-14 ms of CPU, about half of the client's CPU in a
 * fan-out (docs/benchmarks.md). The file is still read whole at every new session, so an operator's edit counts at the
 * next one, as before; only an unchanged file skips the parse. The parsed entries are only ever read
 * ({@link VerifyingHostKeyRepository} never adds or removes), and jsch guards them with a lock, so sessions share them.
 */
final class KnownHostsCache {

    private record Parsed(Path file, byte[] content, HostKeyRepository hostKeys) {
    }

    private volatile Parsed last;

    HostKeyRepository read(Path file) throws IOException, JSchException {
        byte[] content = Files.readAllBytes(file);
        Parsed seen = last;
        if (matches(seen, file, content)) {
            return seen.hostKeys();
        }
        // Sessions connecting at once after a change wait for one parse rather than each doing their own.
        synchronized (this) {
            seen = last;
            if (!matches(seen, file, content)) {
                JSch jsch = new JSch();
                jsch.setKnownHosts(new ByteArrayInputStream(content));
                seen = new Parsed(file, content, jsch.getHostKeyRepository());
                last = seen;
            }
            return seen.hostKeys();
        }
    }

    private static boolean matches(Parsed parsed, Path file, byte[] content) {
        return parsed != null && parsed.file().equals(file) && Arrays.equals(parsed.content(), content);
    }
}
