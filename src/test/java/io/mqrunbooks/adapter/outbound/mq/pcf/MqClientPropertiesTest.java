package io.mqrunbooks.adapter.outbound.mq.pcf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class MqClientPropertiesTest {

    @TempDir
    Path dir;

    @Test
    void bindsPerQueueManagerCredentialsAndReadsThePasswordFile() throws Exception {
        Path passwordFile = Files.writeString(dir.resolve("qm1.pw"), "s3cret-Pa55\n");
        MqClientProperties properties = bind(Map.of(
                "mqrunbooks.mq.credentials.QM1.user", "mqrbadm",
                "mqrunbooks.mq.credentials.QM1.password-file", passwordFile.toString(),
                "mqrunbooks.mq.default-channel", "MQRB.ADMIN.SVRCONN",
                "mqrunbooks.mq.connect-timeout", "5s",
                "mqrunbooks.mq.tls.cipher-spec", "TLS_AES_256_GCM_SHA384"));

        MqClientProperties.ResolvedCredentials credentials = properties.credentialsFor("QM1");

        assertThat(credentials.user()).isEqualTo("mqrbadm");
        assertThat(credentials.password()).isEqualTo("s3cret-Pa55");
        assertThat(properties.defaultChannel()).isEqualTo("MQRB.ADMIN.SVRCONN");
        assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.tls().cipherSpec()).isEqualTo("TLS_AES_256_GCM_SHA384");
    }

    @Test
    void toStringNeverShowsAPassword() throws Exception {
        Path passwordFile = Files.writeString(dir.resolve("qm1.pw"), "s3cret-Pa55");
        MqClientProperties properties = bind(Map.of(
                "mqrunbooks.mq.credentials.QM1.user", "mqrbadm",
                "mqrunbooks.mq.credentials.QM1.password-file", passwordFile.toString(),
                "mqrunbooks.mq.credentials.QM2.user", "mqrbadm",
                "mqrunbooks.mq.credentials.QM2.password", "from-env-Pa55"));

        assertThat(properties.toString())
                .doesNotContain("s3cret-Pa55").doesNotContain("from-env-Pa55")
                .contains("user=mqrbadm").contains("password=****").contains("passwordFile=" + passwordFile);
        assertThat(properties.credentialsFor("QM2").toString())
                .isEqualTo("ResolvedCredentials{user=mqrbadm, password=****}");
    }

    @Test
    void aMissingPasswordFileNamesTheProperty() {
        Path missing = dir.resolve("missing.pw");
        MqClientProperties properties = bind(Map.of(
                "mqrunbooks.mq.credentials.QM1.user", "mqrbadm",
                "mqrunbooks.mq.credentials.QM1.password-file", missing.toString()));

        assertThatThrownBy(() -> properties.credentialsFor("QM1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("mqrunbooks.mq.credentials.QM1.password-file: file " + missing
                        + " does not exist or is not readable");
    }

    @Test
    void anEmptyPasswordFileIsRefused() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pw"), "\n");
        MqClientProperties properties = bind(Map.of(
                "mqrunbooks.mq.credentials.QM1.user", "mqrbadm",
                "mqrunbooks.mq.credentials.QM1.password-file", empty.toString()));

        assertThatThrownBy(() -> properties.credentialsFor("QM1"))
                .hasMessage("mqrunbooks.mq.credentials.QM1.password-file: file " + empty + " is empty");
    }

    @Test
    void missingCredentialsNameWhatToSet() {
        MqClientProperties properties = bind(Map.of("mqrunbooks.mq.credentials.QM2.user", "mqrbadm"));

        assertThatThrownBy(() -> properties.credentialsFor("QM1"))
                .hasMessage("No PCF credentials for queue manager QM1: set mqrunbooks.mq.credentials.QM1.user and"
                        + " mqrunbooks.mq.credentials.QM1.password-file");
        assertThatThrownBy(() -> properties.credentialsFor("QM2"))
                .hasMessage("mqrunbooks.mq.credentials.QM2.password-file is not set (queue manager QM2); or give"
                        + " mqrunbooks.mq.credentials.QM2.password from an environment placeholder");
    }

    @Test
    void aPasswordFileAndAPasswordTogetherAreAmbiguous() throws Exception {
        Path passwordFile = Files.writeString(dir.resolve("qm1.pw"), "a");
        MqClientProperties properties = bind(Map.of(
                "mqrunbooks.mq.credentials.QM1.user", "mqrbadm",
                "mqrunbooks.mq.credentials.QM1.password-file", passwordFile.toString(),
                "mqrunbooks.mq.credentials.QM1.password", "b"));

        assertThatThrownBy(() -> properties.credentialsFor("QM1"))
                .hasMessage("mqrunbooks.mq.credentials.QM1: set either password-file or password, not both");
    }

    private static MqClientProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bind(MqClientProperties.PREFIX, MqClientProperties.class).get();
    }
}
