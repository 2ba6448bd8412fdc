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
 */
final class VerifyingHostKeyRepository implements HostKeyRepository {

    /** The key a server presented and what known_hosts said about it. */
    record Presented(String knownHostsName, byte[] keyBlob, int verdict) {

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
        presented = new Presented(host, key.clone(), verdict);
        return verdict;
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
