package io.mqrunbooks.adapter.outbound.mq.pcf;

import static com.ibm.mq.constants.MQConstants.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.ibm.mq.MQException;
import com.ibm.mq.MQQueueManager;
import com.ibm.mq.headers.MQDataException;
import com.ibm.mq.headers.pcf.PCFMessageAgent;
import io.mqrunbooks.application.port.out.mq.MqAdminException;
import io.mqrunbooks.application.port.out.mq.MqAdminException.Reason;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The client connection properties built from inventory and configuration; connection attempts and their failures. */
class ClientPcfConnectionFactoryTest {

    @TempDir
    Path dir;

    /** The settings as application.yml would give them, bound as the application binds them. */
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<Hashtable<String, Object>> attempts = new ArrayList<>();
    private final MQQueueManager connected = mock(MQQueueManager.class);
    private final PCFMessageAgent agent = mock(PCFMessageAgent.class);

    @BeforeEach
    void credentials() throws Exception {
        Path passwordFile = Files.writeString(dir.resolve("pw"), "s3cret-Pa55\n");
        for (String qm : List.of("QM1", "MIQM", "FR1")) {
            settings.put("mqrunbooks.mq.credentials." + qm + ".user", "mqrbadm");
            settings.put("mqrunbooks.mq.credentials." + qm + ".password-file", passwordFile.toString());
        }
    }

    @Test
    void connectsToTheInventoryAddressWithMqcspCredentialsAndTheCipher() throws Exception {
        try (PcfSession session = factory(succeedingConnector()).open("QM1")) {
            assertThat(session.queueManagerName()).isEqualTo("QM1");
        }
        // the session's connection is the one the connector made: closing the session disconnects it
        verify(connected).disconnect();

        assertThat(attempts).hasSize(1);
        assertThat(attempts.get(0)).isEqualTo(Map.of(
                HOST_NAME_PROPERTY, "mq-east1.example.com",
                PORT_PROPERTY, 1414,
                CHANNEL_PROPERTY, "MQRB.ADMIN.SVRCONN",
                USER_ID_PROPERTY, "mqrbadm",
                PASSWORD_PROPERTY, "s3cret-Pa55",
                USE_MQCSP_AUTHENTICATION_PROPERTY, true,
                TRANSPORT_PROPERTY, TRANSPORT_MQSERIES_CLIENT,
                SSL_CIPHER_SUITE_PROPERTY, "TLS_AES_256_GCM_SHA384"));
    }

    @Test
    void withoutAnInventoryChannelTheDefaultChannelIsUsedAndNoTls() {
        settings.put("mqrunbooks.mq.default-channel", "MQRB.DEFAULT.SVRCONN");

        factory(succeedingConnector()).open("FR1").close();

        assertThat(attempts.get(0)).containsEntry(CHANNEL_PROPERTY, "MQRB.DEFAULT.SVRCONN")
                .containsEntry(HOST_NAME_PROPERTY, "fr1.example.com").containsEntry(PORT_PROPERTY, 1441)
                .doesNotContainKey(SSL_CIPHER_SUITE_PROPERTY);
    }

    @Test
    void aTls12CipherSpecIsGivenToTheClientAsItsJsseCipherSuite() {
        settings.put("mqrunbooks.mq.default-channel", "MQRB.DEFAULT.SVRCONN");
        settings.put("mqrunbooks.mq.tls.cipher-spec", "ECDHE_RSA_AES_256_GCM_SHA384");

        factory(succeedingConnector()).open("FR1").close();

        assertThat(attempts.get(0)).containsEntry(SSL_CIPHER_SUITE_PROPERTY, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")
                .doesNotContainKey(SSL_SOCKET_FACTORY_PROPERTY);
    }

    @Test
    void anUnknownCipherSpecIsRefusedBeforeConnecting() {
        settings.put("mqrunbooks.mq.default-channel", "MQRB.DEFAULT.SVRCONN");
        settings.put("mqrunbooks.mq.tls.cipher-spec", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");

        assertThatThrownBy(() -> factory(succeedingConnector()).open("FR1"))
                .hasMessage("FR1: cannot connect over PCF: CipherSpec 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384' for queue"
                        + " manager FR1 (mqrunbooks.mq.tls.cipher-spec) is not an IBM MQ CipherSpec this MQ client knows");
        assertThat(attempts).isEmpty();
    }

    @Test
    void aTrustStoreBecomesTheSocketFactory() throws Exception {
        Path trustStore = dir.resolve("trust.p12");
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, "changeit".toCharArray());
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            empty.store(out, "changeit".toCharArray());
        }
        settings.put("mqrunbooks.mq.tls.trust-store", trustStore.toString());
        settings.put("mqrunbooks.mq.tls.trust-store-password-file",
                Files.writeString(dir.resolve("trust.pw"), "changeit\n").toString());

        factory(succeedingConnector()).open("QM1").close();

        assertThat(attempts.get(0).get(SSL_SOCKET_FACTORY_PROPERTY)).isInstanceOf(SSLSocketFactory.class);
    }

    @Test
    void aTrustStoreWithTheWrongPasswordNamesTheProperty() throws Exception {
        Path trustStore = dir.resolve("trust.p12");
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, "changeit".toCharArray());
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            empty.store(out, "changeit".toCharArray());
        }
        settings.put("mqrunbooks.mq.tls.trust-store", trustStore.toString());
        settings.put("mqrunbooks.mq.tls.trust-store-password-file",
                Files.writeString(dir.resolve("trust.pw"), "wrong").toString());

        assertThatThrownBy(() -> factory(succeedingConnector()).open("QM1"))
                .hasMessageStartingWith("QM1: cannot connect over PCF: mqrunbooks.mq.tls.trust-store: cannot load "
                        + trustStore + " as PKCS12: ");
        assertThat(attempts).isEmpty();
    }

    @Test
    void noChannelAnywhereIsAClearError() {
        assertThatThrownBy(() -> factory(succeedingConnector()).open("FR1"))
                .isInstanceOf(MqAdminException.class)
                .hasMessage("FR1: cannot connect over PCF: No server-connection channel for queue manager FR1: set"
                        + " pcf.channel in its inventory entry or mqrunbooks.mq.default-channel");
        assertThat(attempts).isEmpty();
    }

    @Test
    void aMultiInstanceQueueManagerIsTriedOnItsSecondHostWhenTheFirstIsNotThere() {
        ClientPcfConnectionFactory.QueueManagerConnector standbyFirst = (name, table) -> {
            attempts.add(table);
            if (table.get(HOST_NAME_PROPERTY).equals("10.0.1.21")) {
                throw new MQException(MQCC_FAILED, MQRC_HOST_NOT_AVAILABLE, null);
            }
            return connected;
        };

        factory(standbyFirst).open("MIQM").close();

        assertThat(attempts).extracting(t -> t.get(HOST_NAME_PROPERTY) + "(" + t.get(PORT_PROPERTY) + ")")
                .containsExactly("10.0.1.21(1461)", "10.0.1.22(1461)");
    }

    @Test
    void whenNoInstanceAnswersTheLastFailureIsReported() {
        ClientPcfConnectionFactory.QueueManagerConnector down = (name, table) -> {
            attempts.add(table);
            throw new MQException(MQCC_FAILED, MQRC_HOST_NOT_AVAILABLE, null);
        };

        assertThatThrownBy(() -> factory(down).open("MIQM"))
                .hasMessage("MIQM: connecting to 10.0.1.22(1461) over channel MQRB.ADMIN.SVRCONN failed with reason"
                        + " 2538 MQRC_HOST_NOT_AVAILABLE")
                .extracting(e -> ((MqAdminException) e).reason()).isEqualTo(Reason.QUEUE_MANAGER_NOT_AVAILABLE);
        assertThat(attempts).hasSize(2);
    }

    @Test
    void aRefusedUserIsNotRetriedElsewhereAndThePasswordIsNotInTheMessage() {
        ClientPcfConnectionFactory.QueueManagerConnector refused = (name, table) -> {
            attempts.add(table);
            throw new MQException(MQCC_FAILED, MQRC_NOT_AUTHORIZED, null);
        };

        assertThatThrownBy(() -> factory(refused).open("MIQM"))
                .hasMessage("MIQM: connecting to 10.0.1.21(1461) over channel MQRB.ADMIN.SVRCONN failed with reason"
                        + " 2035 MQRC_NOT_AUTHORIZED")
                .extracting(e -> ((MqAdminException) e).reason()).isEqualTo(Reason.NOT_AUTHORIZED);
        assertThat(attempts).hasSize(1);
    }

    @Test
    void aConnectThatHangsIsCutOffAtTheConnectTimeout() {
        settings.put("mqrunbooks.mq.connect-timeout", "100ms");
        ClientPcfConnectionFactory.QueueManagerConnector hanging = (name, table) -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return connected;
        };

        long start = System.nanoTime();
        assertThatThrownBy(() -> factory(hanging).open("QM1"))
                .hasMessage("QM1: connecting to mq-east1.example.com(1414) over channel MQRB.ADMIN.SVRCONN did not"
                        + " complete within PT0.1S (mqrunbooks.mq.connect-timeout)")
                .extracting(e -> ((MqAdminException) e).reason()).isEqualTo(Reason.QUEUE_MANAGER_NOT_AVAILABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void whenTheAgentCannotOpenTheConnectionIsDisconnected() throws Exception {
        ClientPcfConnectionFactory failingAgent = new ClientPcfConnectionFactory(properties(), PcfFixtures::estate,
                succeedingConnector(), qm -> {
                    throw new MQDataException(MQCC_FAILED, MQRC_NOT_AUTHORIZED, null);
                });

        assertThatThrownBy(() -> failingAgent.open("QM1"))
                .hasMessage("QM1: opening the PCF agent (connecting to mq-east1.example.com(1414) over channel"
                        + " MQRB.ADMIN.SVRCONN) failed with reason 2035 MQRC_NOT_AUTHORIZED");
        verify(connected).disconnect();
    }

    @Test
    void closingTheSessionDisconnectsAgentAndConnection() throws Exception {
        factory(succeedingConnector()).open("QM1").close();

        verify(agent).disconnect();
        verify(connected).disconnect();
    }

    @Test
    void aQueueManagerOutsideTheInventoryIsNamed() {
        assertThatThrownBy(() -> factory(succeedingConnector()).open("QMX"))
                .hasMessage("QMX: cannot connect over PCF: No queue manager named 'QMX' in the estate inventory");
    }

    @Test
    void missingCredentialsAreNamedBeforeAnyConnection() {
        settings.keySet().removeIf(key -> key.startsWith("mqrunbooks.mq.credentials.QM1."));

        assertThatThrownBy(() -> factory(succeedingConnector()).open("QM1"))
                .hasMessage("QM1: cannot connect over PCF: No PCF credentials for queue manager QM1: set"
                        + " mqrunbooks.mq.credentials.QM1.user and mqrunbooks.mq.credentials.QM1.password-file");
        assertThat(attempts).isEmpty();
    }

    private ClientPcfConnectionFactory.QueueManagerConnector succeedingConnector() {
        return (name, table) -> {
            assertThat(name).isIn("QM1", "MIQM", "FR1");
            attempts.add(table);
            return connected;
        };
    }

    private ClientPcfConnectionFactory factory(ClientPcfConnectionFactory.QueueManagerConnector connector) {
        return new ClientPcfConnectionFactory(properties(), PcfFixtures::estate, connector, qm -> agent);
    }

    private MqClientProperties properties() {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bind(MqClientProperties.PREFIX, MqClientProperties.class).get();
    }
}
