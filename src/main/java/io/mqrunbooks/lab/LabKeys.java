package io.mqrunbooks.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Iterator;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * The lab's keys under {@code <data>/lab/}: one ECDSA host key per host ({@code host-keys/<host>.key},
 * distinct so that a changed host key is noticed), and one ed25519 client key ({@code client_ed25519} and
 * {@code client_ed25519.pub}) that every host accepts. All are made once and reused on every start.
 */
public final class LabKeys {

    static final String CLIENT_KEY_COMMENT = "mq-runbooks-lab";

    private LabKeys() {
    }

    /** A host key provider that creates the key file on first use and reads it afterwards. */
    static SimpleGeneratorHostKeyProvider hostKey(Path labDir, String host) throws IOException {
        // The provider keeps a key it cannot write in memory only, which would change it on every start.
        Path folder = Files.createDirectories(labDir.resolve("host-keys"));
        SimpleGeneratorHostKeyProvider provider = new SimpleGeneratorHostKeyProvider(folder.resolve(host + ".key"));
        provider.setAlgorithm(KeyUtils.EC_ALGORITHM);
        provider.setKeySize(256);
        return provider;
    }

    static PublicKey hostPublicKey(KeyPairProvider provider, String host) {
        try {
            Iterator<KeyPair> keys = provider.loadKeys(null).iterator();
            if (!keys.hasNext()) {
                throw new IllegalStateException("Lab host " + host + ": no host key could be loaded or generated");
            }
            return keys.next().getPublic();
        } catch (IOException e) {
            throw new UncheckedIOException("Lab host " + host + ": cannot read or write its host key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Lab host " + host + ": cannot make its host key: " + e.getMessage(), e);
        }
    }

    /** Loads the client key pair, generating it (private key 0600, public key beside it) if it is missing. */
    static KeyPair clientKey(Path privateKeyFile) throws IOException {
        Path publicKeyFile = privateKeyFile.resolveSibling(privateKeyFile.getFileName() + ".pub");
        try {
            KeyPair pair;
            if (Files.exists(privateKeyFile)) {
                pair = readKeyPair(privateKeyFile);
            } else {
                pair = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
                Files.createDirectories(privateKeyFile.getParent());
                Files.deleteIfExists(publicKeyFile);
                Files.createFile(privateKeyFile, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
                try (OutputStream out = Files.newOutputStream(privateKeyFile)) {
                    OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, CLIENT_KEY_COMMENT, null, out);
                }
            }
            if (!Files.exists(publicKeyFile)) {
                try (OutputStream out = Files.newOutputStream(publicKeyFile)) {
                    OpenSSHKeyPairResourceWriter.INSTANCE.writePublicKey(pair.getPublic(), CLIENT_KEY_COMMENT, out);
                }
            }
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Lab client key " + privateKeyFile + ": " + e.getMessage(), e);
        }
    }

    /** Reads an unencrypted OpenSSH private key file, as an SSH client of the lab does. */
    public static KeyPair readKeyPair(Path privateKeyFile) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(privateKeyFile)) {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, new PathResource(privateKeyFile), in, null);
            List<KeyPair> all = pairs == null ? List.of() : toList(pairs);
            if (all.isEmpty()) {
                throw new IllegalStateException("Lab client key " + privateKeyFile + " holds no key pair");
            }
            return all.get(0);
        }
    }

    private static List<KeyPair> toList(Iterable<KeyPair> pairs) {
        java.util.ArrayList<KeyPair> list = new java.util.ArrayList<>();
        pairs.forEach(list::add);
        return list;
    }
}
