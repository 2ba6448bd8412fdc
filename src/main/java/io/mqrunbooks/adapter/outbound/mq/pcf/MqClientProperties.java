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

/**
 * Settings of the PCF transport ({@code mqrunbooks.mq.*}). Host and port are not here: they come from the
 * inventory. Passwords come from a file ({@code password-file}) or from an environment placeholder
 * ({@code password: ${QM1_PCF_PASSWORD}}); {@link #toString()} never shows one.
 */
@ConfigurationProperties("mqrunbooks.mq")
public class MqClientProperties {

    static final String PREFIX = "mqrunbooks.mq";

    /** Server-connection channel for queue managers whose inventory entry names none. */
    private String defaultChannel;

    /** How long one connection attempt to one host may take. */
    private Duration connectTimeout = Duration.ofSeconds(15);

    /** Per queue manager (inventory name) user and password. */
    private Map<String, Credentials> credentials = new LinkedHashMap<>();

    private Tls tls = new Tls();

    public String getDefaultChannel() {
        return defaultChannel;
    }

    public void setDefaultChannel(String defaultChannel) {
        this.defaultChannel = defaultChannel;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Map<String, Credentials> getCredentials() {
        return credentials;
    }

    public void setCredentials(Map<String, Credentials> credentials) {
        this.credentials = credentials;
    }

    public Tls getTls() {
        return tls;
    }

    public void setTls(Tls tls) {
        this.tls = tls;
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
        if (c.getUser() == null || c.getUser().isBlank()) {
            throw new IllegalStateException(property + ".user is not set (queue manager " + queueManager + ")");
        }
        boolean hasFile = c.getPasswordFile() != null;
        boolean hasValue = c.getPassword() != null && !c.getPassword().isEmpty();
        if (hasFile && hasValue) {
            throw new IllegalStateException(property + ": set either password-file or password, not both");
        }
        if (!hasFile && !hasValue) {
            throw new IllegalStateException(property + ".password-file is not set (queue manager " + queueManager
                    + "); or give " + property + ".password from an environment placeholder");
        }
        String password = hasFile ? readSecretFile(property + ".password-file", c.getPasswordFile()) : c.getPassword();
        return new ResolvedCredentials(c.getUser(), password);
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
    public static class Credentials {

        private String user;
        private Path passwordFile;
        private String password;

        public String getUser() {
            return user;
        }

        public void setUser(String user) {
            this.user = user;
        }

        public Path getPasswordFile() {
            return passwordFile;
        }

        public void setPasswordFile(Path passwordFile) {
            this.passwordFile = passwordFile;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

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
     */
    public static class Tls {

        /** Used for queue managers whose inventory entry gives no cipherSpec; empty for no TLS. */
        private String cipherSpec;
        private Path trustStore;
        private Path trustStorePasswordFile;
        private String trustStoreType = "PKCS12";
        private Path keyStore;
        private Path keyStorePasswordFile;
        private String keyStoreType = "PKCS12";

        public String getCipherSpec() {
            return cipherSpec;
        }

        public void setCipherSpec(String cipherSpec) {
            this.cipherSpec = cipherSpec;
        }

        public Path getTrustStore() {
            return trustStore;
        }

        public void setTrustStore(Path trustStore) {
            this.trustStore = trustStore;
        }

        public Path getTrustStorePasswordFile() {
            return trustStorePasswordFile;
        }

        public void setTrustStorePasswordFile(Path trustStorePasswordFile) {
            this.trustStorePasswordFile = trustStorePasswordFile;
        }

        public String getTrustStoreType() {
            return trustStoreType;
        }

        public void setTrustStoreType(String trustStoreType) {
            this.trustStoreType = trustStoreType;
        }

        public Path getKeyStore() {
            return keyStore;
        }

        public void setKeyStore(Path keyStore) {
            this.keyStore = keyStore;
        }

        public Path getKeyStorePasswordFile() {
            return keyStorePasswordFile;
        }

        public void setKeyStorePasswordFile(Path keyStorePasswordFile) {
            this.keyStorePasswordFile = keyStorePasswordFile;
        }

        public String getKeyStoreType() {
            return keyStoreType;
        }

        public void setKeyStoreType(String keyStoreType) {
            this.keyStoreType = keyStoreType;
        }

        @Override
        public String toString() {
            return "{cipherSpec=" + cipherSpec + ", trustStore=" + trustStore + ", trustStorePasswordFile="
                    + trustStorePasswordFile + ", keyStore=" + keyStore + ", keyStorePasswordFile="
                    + keyStorePasswordFile + "}";
        }
    }
}
