package io.mqrunbooks.adapter.outbound.mq.pcf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the PCF transport ({@code mqrunbooks.mq.*}). Host and port are not here: they come from the
 * inventory. Passwords come from a file ({@code password-file}) or from an environment placeholder
 * ({@code password: ${QM1_PCF_PASSWORD}}); {@link #toString()} never shows one.
 *
 * @param defaultChannel server-connection channel for queue managers whose inventory entry names none
 * @param connectTimeout how long one connection attempt to one host may take
 * @param credentials    per queue manager (inventory name) user and password
 */
@ConfigurationProperties("mqrunbooks.mq")
public record MqClientProperties(String defaultChannel, @DefaultValue("15s") Duration connectTimeout,
                                 Map<String, Credentials> credentials, @DefaultValue Tls tls) {

    static final String PREFIX = "mqrunbooks.mq";

    public MqClientProperties {
        credentials = credentials == null ? Map.of() : new LinkedHashMap<>(credentials);
    }

    /**
     * The user and password for a queue manager, the password read now from its file.
     *
     * @throws IllegalStateException naming the property that is missing or whose file cannot be read
     */
    public ResolvedCredentials credentialsFor(String queueManager) {
        Map.Entry<String, Credentials> entry = findCredentials(queueManager).orElseThrow(() ->
                new IllegalStateException("No PCF credentials for queue manager " + queueManager + ": set "
                        + PREFIX + ".credentials." + queueManager + ".user and "
                        + PREFIX + ".credentials." + queueManager + ".password-file"));
        String property = PREFIX + ".credentials." + entry.getKey();
        Credentials c = entry.getValue();
        if (c.user() == null || c.user().isBlank()) {
            throw new IllegalStateException(property + ".user is not set (queue manager " + queueManager + ")");
        }
        boolean hasFile = c.passwordFile() != null;
        boolean hasValue = c.password() != null && !c.password().isEmpty();
        if (hasFile && hasValue) {
            throw new IllegalStateException(property + ": set either password-file or password, not both");
        }
        if (!hasFile && !hasValue) {
            throw new IllegalStateException(property + ".password-file is not set (queue manager " + queueManager
                    + "); or give " + property + ".password from an environment placeholder");
        }
        String password = hasFile ? readSecretFile(property + ".password-file", c.passwordFile()) : c.password();
        return new ResolvedCredentials(c.user(), password);
    }

    /** Exact key first; otherwise a unique case-insensitive match (environment variables bind keys lower case). */
    private Optional<Map.Entry<String, Credentials>> findCredentials(String queueManager) {
        if (credentials.containsKey(queueManager)) {
            return Optional.of(Map.entry(queueManager, credentials.get(queueManager)));
        }
        List<Map.Entry<String, Credentials>> matches = credentials.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(queueManager)).toList();
        if (matches.size() > 1) {
            throw new IllegalStateException(PREFIX + ".credentials has " + matches.size()
                    + " entries that differ only in case for queue manager " + queueManager);
        }
        return matches.stream().findFirst();
    }

    /** Reads a secret from a file; a single trailing line break (as editors write) is not part of it. */
    static String readSecretFile(String property, Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalStateException(property + ": file " + file + " does not exist or is not readable");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(property + ": cannot read " + file + ": " + e.getMessage(), e);
        }
        if (text.endsWith("\r\n")) {
            text = text.substring(0, text.length() - 2);
        } else if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            throw new IllegalStateException(property + ": file " + file + " is empty");
        }
        return text;
    }

    @Override
    public String toString() {
        return "MqClientProperties{defaultChannel=" + defaultChannel + ", connectTimeout=" + connectTimeout
                + ", credentials=" + credentials + ", tls=" + tls + "}";
    }

    /** A user and its password as configured: the password only as a file name or a placeholder value. */
    public record Credentials(String user, Path passwordFile, String password) {

        @Override
        public String toString() {
            return "{user=" + user + ", passwordFile=" + passwordFile + ", password="
                    + (password == null ? "<unset>" : "****") + "}";
        }
    }

    /** The user and the password read from its source, for one connection. */
    public record ResolvedCredentials(String user, String password) {

        @Override
        public String toString() {
            return "ResolvedCredentials{user=" + user + ", password=****}";
        }
    }

    /**
     * TLS for the client channel. The cipher is the queue manager's inventory {@code pcf.cipherSpec}, else
     * {@link #cipherSpec}; a trust store (and a key store for mutual TLS) may be given as files.
     *
     * @param cipherSpec used for queue managers whose inventory entry gives no cipherSpec; empty for no TLS
     */
    public record Tls(String cipherSpec, Path trustStore, Path trustStorePasswordFile,
                      @DefaultValue("PKCS12") String trustStoreType, Path keyStore, Path keyStorePasswordFile,
                      @DefaultValue("PKCS12") String keyStoreType) {

        @Override
        public String toString() {
            return "{cipherSpec=" + cipherSpec + ", trustStore=" + trustStore + ", trustStorePasswordFile="
                    + trustStorePasswordFile + ", keyStore=" + keyStore + ", keyStorePasswordFile="
                    + keyStorePasswordFile + "}";
        }
    }
}
