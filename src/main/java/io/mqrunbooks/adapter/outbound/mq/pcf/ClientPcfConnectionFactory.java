package io.mqrunbooks.adapter.outbound.mq.pcf;

import com.ibm.mq.MQException;
import com.ibm.mq.MQQueueManager;
import com.ibm.mq.constants.MQConstants;
import com.ibm.mq.headers.MQDataException;
import com.ibm.mq.headers.pcf.PCFMessageAgent;
import com.ibm.mq.jmqi.CipherSuiteUtils;
import io.mqrunbooks.adapter.outbound.mq.pcf.MqClientProperties.ResolvedCredentials;
import io.mqrunbooks.application.port.out.mq.MqAdminException;
import io.mqrunbooks.application.port.out.mq.MqAdminException.Reason;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.Host;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.QueueManagerKind;
import io.mqrunbooks.estate.UnknownEstateObjectException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Client connections over an MQ server-connection channel. The address is the inventory's: the queue
 * manager's first host and its listener port; for a multi-instance queue manager both hosts, tried in
 * order (the active instance answers, the standby refuses). User and password come from
 * {@link MqClientProperties} and are sent in an MQCSP. Every attempt is bounded by the connect timeout.
 */
@Component
public class ClientPcfConnectionFactory implements PcfConnectionFactory {

    /** new MQQueueManager(name, properties); a seam for tests. */
    @FunctionalInterface
    interface QueueManagerConnector {
        MQQueueManager connect(String queueManager, Hashtable<String, Object> properties) throws MQException;
    }

    /** new PCFMessageAgent(queueManager); a seam for tests. */
    @FunctionalInterface
    interface AgentFactory {
        PCFMessageAgent create(MQQueueManager queueManager) throws MQDataException;
    }

    /** One address to try: host name or IP and listener port. */
    record Endpoint(String host, int port) {
        @Override
        public String toString() {
            return host + "(" + port + ")";
        }
    }

    /** Connecting blocks on the network; it must not occupy the common fork-join pool. */
    private static final ExecutorService CONNECTING = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "mq-pcf-connect");
        thread.setDaemon(true);
        return thread;
    });

    private final MqClientProperties properties;
    private final Supplier<Estate> estate;
    private final QueueManagerConnector connector;
    private final AgentFactory agentFactory;

    @Autowired
    public ClientPcfConnectionFactory(MqClientProperties properties, ObjectProvider<Estate> estate) {
        this(properties, () -> {
            Estate loaded = estate.getIfAvailable();
            if (loaded == null) {
                throw new IllegalStateException("No estate inventory is loaded; the PCF transport takes each queue"
                        + " manager's host and listener port from it");
            }
            return loaded;
        }, MQQueueManager::new, PCFMessageAgent::new);
    }

    ClientPcfConnectionFactory(MqClientProperties properties, Supplier<Estate> estate,
                               QueueManagerConnector connector, AgentFactory agentFactory) {
        this.properties = properties;
        this.estate = estate;
        this.connector = connector;
        this.agentFactory = agentFactory;
    }

    @Override
    public PcfSession open(String queueManagerName) {
        List<Endpoint> endpoints;
        String channel;
        Hashtable<String, Object> base;
        try {
            Estate current = estate.get();
            QueueManager queueManager = current.queueManager(queueManagerName);
            endpoints = endpoints(current, queueManager);
            channel = channelFor(queueManager);
            base = baseProperties(queueManager, channel);
        } catch (IllegalStateException | UnknownEstateObjectException e) {
            throw new MqAdminException(Reason.OTHER, queueManagerName, queueManagerName
                    + ": cannot connect over PCF: " + e.getMessage(), e);
        }
        MqAdminException last = null;
        for (Endpoint endpoint : endpoints) {
            Hashtable<String, Object> connection = new Hashtable<>(base);
            connection.put(MQConstants.HOST_NAME_PROPERTY, endpoint.host());
            connection.put(MQConstants.PORT_PROPERTY, endpoint.port());
            String operation = "connecting to " + endpoint + " over channel " + channel;
            MQQueueManager connected;
            try {
                connected = connectWithin(queueManagerName, connection, operation);
            } catch (MqAdminException e) {
                if (e.reason() != Reason.QUEUE_MANAGER_NOT_AVAILABLE && e.reason() != Reason.CONNECTION_BROKEN) {
                    throw e;
                }
                last = e;
                continue;
            }
            try {
                return new PcfSession(queueManagerName, connected, agentFactory.create(connected));
            } catch (MQDataException e) {
                disconnectQuietly(connected);
                throw PcfErrors.failure(queueManagerName, "opening the PCF agent (" + operation + ")",
                        e.getReason(), e);
            } catch (RuntimeException e) {
                disconnectQuietly(connected);
                throw e;
            }
        }
        if (last == null) {
            throw new MqAdminException(Reason.OTHER, queueManagerName, queueManagerName
                    + ": cannot connect over PCF: the inventory lists no host for it");
        }
        throw last;
    }

    /** The addresses of a queue manager: multi-instance has two instances, the rest are reached on the first host. */
    static List<Endpoint> endpoints(Estate estate, QueueManager queueManager) {
        List<String> hostNames = queueManager.kind() == QueueManagerKind.MULTI_INSTANCE
                ? queueManager.hosts() : List.of(queueManager.primaryHost());
        List<Endpoint> endpoints = new ArrayList<>();
        for (String hostName : hostNames) {
            Host host = estate.host(hostName);
            endpoints.add(new Endpoint(host.address(), queueManager.listenerPort()));
        }
        return endpoints;
    }

    private String channelFor(QueueManager queueManager) {
        if (queueManager.pcf() != null && queueManager.pcf().channel() != null && !queueManager.pcf().channel().isBlank()) {
            return queueManager.pcf().channel();
        }
        if (properties.defaultChannel() != null && !properties.defaultChannel().isBlank()) {
            return properties.defaultChannel();
        }
        throw new IllegalStateException("No server-connection channel for queue manager " + queueManager.name()
                + ": set pcf.channel in its inventory entry or " + MqClientProperties.PREFIX + ".default-channel");
    }

    private Hashtable<String, Object> baseProperties(QueueManager queueManager, String channel) {
        Hashtable<String, Object> table = new Hashtable<>();
        table.put(MQConstants.TRANSPORT_PROPERTY, MQConstants.TRANSPORT_MQSERIES_CLIENT);
        table.put(MQConstants.CHANNEL_PROPERTY, channel);
        ResolvedCredentials credentials = properties.credentialsFor(queueManager.name());
        table.put(MQConstants.USER_ID_PROPERTY, credentials.user());
        table.put(MQConstants.PASSWORD_PROPERTY, credentials.password());
        table.put(MQConstants.USE_MQCSP_AUTHENTICATION_PROPERTY, Boolean.TRUE);
        boolean fromInventory = queueManager.pcf() != null && queueManager.pcf().cipherSpec() != null;
        String cipher = fromInventory ? queueManager.pcf().cipherSpec() : properties.tls().cipherSpec();
        if (cipher != null && !cipher.isBlank()) {
            table.put(MQConstants.SSL_CIPHER_SUITE_PROPERTY, cipherSuite(queueManager.name(), cipher,
                    fromInventory ? "its inventory pcf.cipherSpec" : MqClientProperties.PREFIX + ".tls.cipher-spec"));
            SSLSocketFactory socketFactory = socketFactory(properties.tls());
            if (socketFactory != null) {
                table.put(MQConstants.SSL_SOCKET_FACTORY_PROPERTY, socketFactory);
            }
        }
        return table;
    }

    /**
     * The MQ classes for Java take a JSSE CipherSuite name, while the inventory (like SSLCIPH on the channel)
     * names a CipherSpec; the client's own mapping table translates (TLS 1.3 names are the same on both
     * sides, ECDHE_RSA_AES_256_GCM_SHA384 becomes TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, ANY_TLS13 becomes *TLS13).
     */
    static String cipherSuite(String queueManager, String cipherSpec, String source) {
        String suite = CipherSuiteUtils.toCipherSuite(cipherSpec);
        if (suite == null) {
            throw new IllegalStateException("CipherSpec '" + cipherSpec + "' for queue manager " + queueManager
                    + " (" + source + ") is not an IBM MQ CipherSpec this MQ client knows");
        }
        return suite;
    }

    private MQQueueManager connectWithin(String queueManager, Hashtable<String, Object> connection, String operation) {
        Duration timeout = properties.connectTimeout();
        CompletableFuture<MQQueueManager> attempt = CompletableFuture.supplyAsync(() -> {
            try {
                return connector.connect(queueManager, connection);
            } catch (MQException e) {
                throw new ConnectFailure(e);
            }
        }, CONNECTING);
        try {
            return attempt.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // A late connection is not leaked.
            attempt.thenAccept(ClientPcfConnectionFactory::disconnectQuietly);
            throw new MqAdminException(Reason.QUEUE_MANAGER_NOT_AVAILABLE, queueManager, queueManager + ": "
                    + operation + " did not complete within " + timeout + " (" + MqClientProperties.PREFIX
                    + ".connect-timeout)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attempt.thenAccept(ClientPcfConnectionFactory::disconnectQuietly);
            throw new MqAdminException(Reason.OTHER, queueManager, queueManager + ": " + operation + " was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ConnectFailure failure) {
                MQException mq = failure.mqException;
                throw PcfErrors.failure(queueManager, operation, mq.getReason(), mq);
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static SSLSocketFactory socketFactory(MqClientProperties.Tls tls) {
        if (tls.trustStore() == null && tls.keyStore() == null) {
            return null;
        }
        try {
            TrustManagerFactory trust = null;
            if (tls.trustStore() != null) {
                KeyStore store = load(tls.trustStore(), tls.trustStoreType(),
                        secret(tls.trustStorePasswordFile(), "tls.trust-store-password-file"), "tls.trust-store");
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(store);
            }
            KeyManagerFactory keys = null;
            if (tls.keyStore() != null) {
                char[] password = secret(tls.keyStorePasswordFile(), "tls.key-store-password-file");
                KeyStore store = load(tls.keyStore(), tls.keyStoreType(), password, "tls.key-store");
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(store, password);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(MqClientProperties.PREFIX + ".tls: cannot build the TLS context: "
                    + e.getMessage(), e);
        }
    }

    private static char[] secret(Path file, String property) {
        if (file == null) {
            return null;
        }
        return MqClientProperties.readSecretFile(MqClientProperties.PREFIX + "." + property, file).toCharArray();
    }

    private static KeyStore load(Path file, String type, char[] password, String property) {
        String name = MqClientProperties.PREFIX + "." + property;
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(name + ": file " + file + " does not exist");
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password);
            return store;
        } catch (Exception e) {
            throw new IllegalStateException(name + ": cannot load " + file + " as " + type + ": " + e.getMessage(), e);
        }
    }

    static void disconnectQuietly(MQQueueManager queueManager) {
        try {
            queueManager.disconnect();
        } catch (MQException | RuntimeException ignored) {
            // Nothing more to do with a connection that is being abandoned.
        }
    }

    /** Carries the checked MQException out of the connecting thread. */
    private static final class ConnectFailure extends RuntimeException {
        private final MQException mqException;

        ConnectFailure(MQException mqException) {
            super(mqException);
            this.mqException = mqException;
        }
    }
}
