package io.mqrunbooks.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.platform.security.Groups;
import io.mqrunbooks.platform.security.LabDemoUsers;
import io.mqrunbooks.platform.security.LoginThrottle;
import io.mqrunbooks.platform.security.LoginThrottleProperties;
import io.mqrunbooks.testsupport.AppTestSupport;
import io.mqrunbooks.testsupport.DatabaseTest;
import io.mqrunbooks.testsupport.LoopbackHttp;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production profile: admin from the environment, the role groups, and no demo user at all. (The
 * database here is an H2 file standing in for MariaDB; CI's MariaDB pass runs this on MariaDB.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DatabaseTest
@ActiveProfiles("prod")
class ProductionProfileTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        AppTestSupport.registerProduction(registry, "mqadmin", "S3cret-from-env!");
    }

    @Autowired
    IdentityService identityService;
    @Autowired
    ApplicationContext context;
    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate rest;
    @Autowired
    LoginThrottle loginThrottle;
    @Autowired
    LoginThrottleProperties throttleSettings;
    @LocalServerPort
    int port;

    @Test
    void hasAdminFromEnvironmentAndNoDemoUsers() {
        assertThat(identityService.checkPassword("mqadmin", "S3cret-from-env!")).isTrue();
        for (LabDemoUsers.DemoUser demo : LabDemoUsers.USERS) {
            assertThat(identityService.createUserQuery().userId(demo.id()).count()).as(demo.id()).isZero();
        }
        assertThat(identityService.createUserQuery().userId("admin").count()).isZero();
        assertThat(context.getBeansOfType(LabDemoUsers.class)).isEmpty();
    }

    @Test
    void passwordsMeetCamundasPolicyAndNoLabExceptionExists() {
        assertThat(context.getBeansOfType(io.mqrunbooks.platform.security.LabPasswordPolicy.class)).isEmpty();
        var weak = identityService.newUser("weakling");
        weak.setPassword("weakling1");
        assertThatThrownBy(() -> identityService.saveUser(weak)).hasMessage("Password does not match policy");
        assertThat(identityService.createUserQuery().userId("weakling").count()).isZero();
    }

    @Test
    void theLabControlsAndPageDoNotExistOutsideTheLabProfile() {
        for (String path : java.util.List.of("/lab", "/lab/control/state")) {
            assertThat(rest.withBasicAuth("mqadmin", "S3cret-from-env!").getForEntity(path, String.class)
                    .getStatusCode()).as(path).isEqualTo(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        assertThat(rest.withBasicAuth("mqadmin", "S3cret-from-env!")
                .postForEntity("/lab/control/mq/fail-host?host=dr1", null, String.class).getStatusCode())
                .isEqualTo(org.springframework.http.HttpStatus.NOT_FOUND);
        assertThat(context.getBeansOfType(io.mqrunbooks.lab.control.LabControl.class)).isEmpty();
    }

    @Test
    void behindATlsTerminatingProxyTheSessionCookieIsSecureAndAnswersCarryHsts() {
        HttpHeaders viaProxy = new HttpHeaders();
        viaProxy.set("X-Forwarded-Proto", "https");
        // Opening Tasklist starts the session that holds its CSRF token (and, after the login, the user).
        ResponseEntity<String> tasklist = rest.exchange("/camunda/app/tasklist/default/", HttpMethod.GET,
                new HttpEntity<>(viaProxy), String.class);
        assertThat(tasklist.getHeaders().get(HttpHeaders.SET_COOKIE)).as("session cookie over the proxy's TLS")
                .anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("Secure"));
        assertThat(rest.withBasicAuth("mqadmin", "S3cret-from-env!").exchange("/api/runs", HttpMethod.GET,
                new HttpEntity<>(viaProxy), String.class).getHeaders().getFirst("Strict-Transport-Security"))
                .isEqualTo("max-age=31536000");

        ResponseEntity<String> plain = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        assertThat(plain.getHeaders().get(HttpHeaders.SET_COOKIE)).as("plain HTTP on the host")
                .anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID="))
                .allSatisfy(cookie -> assertThat(cookie).doesNotContain("Secure"));
    }

    /**
     * Review G: the profile believed X-Forwarded-For from every private and loopback address (Tomcat's default
     * internal proxies), so a client on the LAN named itself anew at each guess and was never throttled, or named the
     * on-call jump host's address to lock its logins out. Only the proxy on this host (loopback) is believed now.
     */
    @Test
    void aForgedForwardedAddressFromAnUntrustedPeerIsNotTheAddressTheThrottleCounts() throws Exception {
        loginThrottle.forgetAll();
        for (int guess = 1; guess <= throttleSettings.maxRefused(); guess++) {
            assertThat(LoopbackHttp.send(port, "127.0.0.23", "GET", "/engine-rest/user",
                    Map.of("Authorization", basic("nobody", "Guess" + guess), "X-Forwarded-For", "10.9.8." + guess),
                    null).status()).as("guess " + guess).isEqualTo(401);
        }
        LoopbackHttp.Answer forged = LoopbackHttp.send(port, "127.0.0.23", "GET", "/engine-rest/user",
                Map.of("Authorization", basic("mqadmin", "S3cret-from-env!"), "X-Forwarded-For", "10.9.8.99"), null);
        assertThat(forged.status()).as(forged.text()).isEqualTo(429);
        assertThat(forged.text()).contains("Too many refused logins from 127.0.0.23:");

        // The proxy on the host is believed: the client it names is the address counted, not the proxy's.
        for (int guess = 1; guess <= throttleSettings.maxRefused(); guess++) {
            LoopbackHttp.send(port, "127.0.0.1", "GET", "/engine-rest/user",
                    Map.of("Authorization", basic("nobody", "Guess" + guess), "X-Forwarded-For", "203.0.113.50"), null);
        }
        LoopbackHttp.Answer proxied = LoopbackHttp.send(port, "127.0.0.1", "GET", "/engine-rest/user",
                Map.of("Authorization", basic("mqadmin", "S3cret-from-env!"), "X-Forwarded-For", "203.0.113.50"), null);
        assertThat(proxied.text()).contains("Too many refused logins from 203.0.113.50:");
        assertThat(LoopbackHttp.send(port, "127.0.0.1", "GET", "/engine-rest/user",
                Map.of("Authorization", basic("mqadmin", "S3cret-from-env!"), "X-Forwarded-For", "203.0.113.51"), null)
                .status()).isEqualTo(200);
        loginThrottle.forgetAll();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void roleGroupsExist() {
        assertThat(identityService.createGroupQuery().groupIdIn(Groups.OPERATORS, Groups.CHANGE_MANAGERS,
                Groups.AUDITORS).count()).isEqualTo(3);
    }
}
