package io.mqrunbooks.adapter.outbound.ssh;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** SSH public key fingerprints as OpenSSH prints them ({@code ssh-keygen -l}): {@code SHA256:<base64>}. */
final class KeyFingerprints {

    private KeyFingerprints() {
    }

    /** @param publicKeyBlob the key in SSH wire format (what known_hosts holds base64-encoded) */
    static String sha256(byte[] publicKeyBlob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKeyBlob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** The algorithm name a wire-format key starts with, e.g. {@code ssh-ed25519}. */
    static String keyType(byte[] publicKeyBlob) {
        if (publicKeyBlob.length < 4) {
            return "unknown";
        }
        int length = ByteBuffer.wrap(publicKeyBlob, 0, 4).getInt();
        if (length < 1 || length > publicKeyBlob.length - 4) {
            return "unknown";
        }
        return new String(publicKeyBlob, 4, length, StandardCharsets.US_ASCII);
    }
}
