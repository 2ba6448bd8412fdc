package io.mqrunbooks.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.testsupport.AppTestSupport;
import io.mqrunbooks.testsupport.DatabaseTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production profile behind TLS, configured only by the {@code MQRB_TLS_*} variables of docs/production.md,
 * with a PKCS12 keystore made by {@code keytool} as the documentation says: HTTPS answers, plain HTTP does not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DatabaseTest
@ActiveProfiles("prod")
class ProductionTlsTest {

    private static final String ADMIN = "tlsadmin";
    private static final String ADMIN_PASSWORD = "Tls-S3cret!x";
    private static final String KEYSTORE_PASSWORD = "keystore-s3cret";
    private static Path keystore;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = AppTestSupport.registerProduction(registry, ADMIN, ADMIN_PASSWORD);
        keystore = selfSignedKeystore(dataDir.resolve("tls/keystore.p12"));
        registry.add("MQRB_TLS_ENABLED", () -> "true");
        registry.add("MQRB_TLS_KEYSTORE", keystore::toString);
        registry.add("MQRB_TLS_KEYSTORE_PASSWORD", () -> KEYSTORE_PASSWORD);
    }

    @Test
    void anEngineUserIsAnsweredOverHttpsWithStrictTransportSecurity() throws Exception {
        HttpResponse<String> response = clientTrusting(keystore).send(HttpRequest.newBuilder(
                        URI.create("https://localhost:" + port + "/engine-rest/user?id=" + ADMIN))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"id\":\"" + ADMIN + "\"");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
    }

    @Test
    void theWebappsSessionCookieIsSentOverTlsOnly() throws Exception {
        HttpResponse<String> cockpit = clientTrusting(keystore).send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + port + "/camunda/app/cockpit/default/")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(cockpit.statusCode()).isEqualTo(200);
        assertThat(cockpit.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
                .singleElement().satisfies(cookie -> assertThat(cookie).containsIgnoringCase("; Secure"));
    }

    @Test
    void plainHttpOnTheSamePortIsRefused() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/user?id=" + ADMIN))
                        .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("requires TLS").doesNotContain(ADMIN);
    }

    /** The command of docs/production.md "TLS", with the JDK's own keytool. */
    private static Path selfSignedKeystore(Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "mq-runbooks",
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", KEYSTORE_PASSWORD)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        return file;
    }

    /** A client that trusts exactly the keystore's self-signed certificate and checks the host name against it. */
    private static HttpClient clientTrusting(Path keystoreFile) throws Exception {
        KeyStore serverKeys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystoreFile)) {
            serverKeys.load(in, KEYSTORE_PASSWORD.toCharArray());
        }
        Certificate certificate = serverKeys.getCertificate("mq-runbooks");
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("mq-runbooks", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
