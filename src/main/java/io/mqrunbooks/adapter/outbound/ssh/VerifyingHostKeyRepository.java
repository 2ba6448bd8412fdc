package io.mqrunbooks.adapter.outbound.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.UserInfo;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The configured known_hosts, read-only, remembering the key the server presented so a refusal can name
 * both fingerprints. One instance per connection; the entries it reads may be shared.
 *
 * <p>Markers are read more strictly than jsch reads them (Review E): a key that any {@code @revoked} line holds is
 * refused whatever that line's host field, since jsch matches host fields only character for character and
 * OpenSSH's {@code @revoked * <key>} would otherwise revoke nothing; and a {@code @cert-authority} line is a CA's
 * key, never the host's own (jsch accepted a host presenting it).
 */
final class VerifyingHostKeyRepository implements HostKeyRepository {

    /** The key a server presented and what known_hosts said about it. */
    record Presented(String knownHostsName, byte[] keyBlob, int verdict, boolean revoked) {

        String type() {
            return KeyFingerprints.keyType(keyBlob);
        }

        String fingerprint() {
            return KeyFingerprints.sha256(keyBlob);
        }
    }

    private final HostKeyRepository knownHosts;
    private final String knownHostsFile;
    private volatile Presented presented;

    /** @param knownHostsFile where {@code knownHosts} was read from, for jsch's own messages */
    VerifyingHostKeyRepository(HostKeyRepository knownHosts, String knownHostsFile) {
        this.knownHosts = knownHosts;
        this.knownHostsFile = knownHostsFile;
    }

    Optional<Presented> presented() {
        return Optional.ofNullable(presented);
    }

    /** Fingerprints of the keys known_hosts holds for that name and key type. */
    List<String> expectedFingerprints(Presented key) {
        HostKey[] known = knownHosts.getHostKey(key.knownHostsName(), key.type());
        if (known == null) {
            return List.of();
        }
        return Arrays.stream(known)
                .filter(k -> k.getMarker() == null || k.getMarker().isEmpty())
                .map(k -> KeyFingerprints.sha256(Base64.getDecoder().decode(k.getKey())))
                .distinct()
                .toList();
    }

    @Override
    public int check(String host, byte[] key) {
        int verdict = knownHosts.check(host, key);
        if (verdict == OK && !heldUnmarked(host, key)) {
            verdict = NOT_INCLUDED;
        }
        boolean revoked = isRevoked(key);
        presented = new Presented(host, key.clone(), verdict, revoked);
        return revoked ? CHANGED : verdict;
    }

    /** Whether a plain line (no marker) for {@code host} holds {@code key}: what jsch's OK should have meant. */
    private boolean heldUnmarked(String host, byte[] key) {
        HostKey[] known = knownHosts.getHostKey(host, KeyFingerprints.keyType(key));
        return known != null && Arrays.stream(known)
                .anyMatch(k -> (k.getMarker() == null || k.getMarker().isEmpty()) && sameKey(k, key));
    }

    /** Whether any {@code @revoked} line holds {@code key}, for whichever host names or patterns. */
    private boolean isRevoked(byte[] key) {
        HostKey[] all = knownHosts.getHostKey();
        return all != null && Arrays.stream(all).anyMatch(k -> "@revoked".equals(k.getMarker()) && sameKey(k, key));
    }

    private static boolean sameKey(HostKey known, byte[] key) {
        try {
            return Arrays.equals(Base64.getDecoder().decode(known.getKey()), key);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /** Never adds: a host's key reaches known_hosts only after an operator verified it. */
    @Override
    public void add(HostKey hostkey, UserInfo ui) {
    }

    @Override
    public void remove(String host, String type) {
    }

    @Override
    public void remove(String host, String type, byte[] key) {
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return knownHostsFile;
    }

    @Override
    public HostKey[] getHostKey() {
        return knownHosts.getHostKey();
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return knownHosts.getHostKey(host, type);
    }
}
