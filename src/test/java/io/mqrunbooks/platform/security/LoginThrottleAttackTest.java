package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.testsupport.LabAppTest;
import io.mqrunbooks.testsupport.LoopbackHttp;
import io.mqrunbooks.testsupport.LoopbackHttp.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A password guesser at one address against a change manager (docs/security.md "Logins and sessions"), over real
 * sockets from distinct loopback addresses: after the throttle's refused logins (10 by default; the tests' 20) its address gets 429 on every login
 * path before the password is checked, so its guesses stop renewing the engine's per-user delay, and the change
 * manager logs in from their own address once the delay of the first guesses has passed. No X-Forwarded-For is
 * believed: the app trusts no proxy by default.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleAttackTest extends LabAppTest {

    private static final String GUESSER = "127.0.0.23";
    private static final String CHANGE_MANAGER = "127.0.0.24";
    private static final String WEBAPP_GUESSER = "127.0.0.25";
    private static final String ENCODING_GUESSER = "127.0.0.26";

    @LocalServerPort
    int port;
    @Autowired
    LoginThrottleProperties throttle;

    @AfterEach
    void realTimeAndAnUnlockedUser() {
        ClockUtil.reset();
        identityService.unlockUser("changemgr");
        identityService.unlockUser("auditor");
    }

    @Test
    void aGuessersAddressIsThrottledAndTheUserLogsInFromTheirOwn(CapturedOutput log) throws Exception {
        for (int guess = 1; guess <= throttle.maxRefused(); guess++) {
            Answer refused = send(GUESSER, "GET", "/engine-rest/user", basic("changemgr", "Guess" + guess), null);
            assertThat(refused.status()).as("guess " + guess).isEqualTo(401);
        }
        // Now its logins are not checked at all, right password or not, on each login path; a forwarded address
        // changes nothing.
        Map<String, String> spoofed = new LinkedHashMap<>(basic("changemgr", "changemgr"));
        spoofed.put("X-Forwarded-For", "10.20.30.40");
        for (Answer throttled : List.of(
                send(GUESSER, "GET", "/engine-rest/user", spoofed, null),
                send(GUESSER, "GET", "/api/baselines", basic("changemgr", "changemgr"), null),
                send(GUESSER, "GET", "/actuator/health", basic("changemgr", "changemgr"), null),
                send(GUESSER, "POST", "/camunda/api/admin/auth/user/default/login/tasklist",
                        Map.of("Content-Type", "application/x-www-form-urlencoded"),
                        "username=changemgr&password=changemgr"))) {
            assertThat(throttled.status()).as(throttled.text()).isEqualTo(429);
            assertThat(throttled.header("Retry-After")).contains("900");
            assertThat(throttled.text()).contains("Too many refused logins from " + GUESSER + ": no login from this"
                    + " address is checked for 900 seconds");
        }

        // Two minutes on, the engine's delay for changemgr (3 s doubling, at most 60 s) has passed; the guesser goes
        // on guessing, and none of it reaches the engine to delay changemgr again.
        ClockUtil.offset(120_000L);
        for (int guess = 1; guess <= 5; guess++) {
            assertThat(send(GUESSER, "GET", "/engine-rest/user", basic("changemgr", "Again" + guess), null).status())
                    .isEqualTo(429);
        }
        assertThat(send(CHANGE_MANAGER, "GET", "/engine-rest/user", basic("changemgr", "changemgr"), null).status())
                .isEqualTo(200);
        assertThat(send(CHANGE_MANAGER, "GET", "/api/baselines", basic("changemgr", "changemgr"), null).status())
                .isEqualTo(200);
        // A logged-in session's requests present no password: the throttle does not touch them.
        assertThat(send(GUESSER, "GET", "/engine-rest/user", Map.of(), null).status()).isEqualTo(401);
        // logged once, when it began, not per attempt
        assertThat(log.getOut().split("Throttling logins from " + GUESSER + " ", -1)).hasSize(2);
    }

    @Test
    void theWebappsLoginFormCountsRefusedLoginsToo() throws Exception {
        Map<String, String> form = browserLoginForm(WEBAPP_GUESSER);
        for (int guess = 1; guess <= throttle.maxRefused(); guess++) {
            Answer refused = send(WEBAPP_GUESSER, "POST", "/camunda/api/admin/auth/user/default/login/tasklist", form,
                    "username=auditor&password=Guess" + guess);
            assertThat(refused.status()).as("guess " + guess + ": " + refused.text()).isEqualTo(401);
        }
        assertThat(send(WEBAPP_GUESSER, "POST", "/camunda/api/admin/auth/user/default/login/tasklist", form,
                "username=auditor&password=auditor").status()).isEqualTo(429);
        assertThat(send(WEBAPP_GUESSER, "GET", "/engine-rest/user", basic("auditor", "auditor"), null).status())
                .isEqualTo(429);
        ClockUtil.offset(120_000L);
        assertThat(send(CHANGE_MANAGER, "GET", "/engine-rest/user", basic("auditor", "auditor"), null).status())
                .isEqualTo(200);
    }

    /**
     * Review G: the throttle matched the raw URI, so {@code log%69n}, which Tomcat and the webapps route as
     * {@code login}, checked the password and was never counted: unlimited guesses.
     */
    @Test
    void anEncodedWebappsLoginPathIsCountedAndThrottledToo() throws Exception {
        Map<String, String> form = browserLoginForm(ENCODING_GUESSER);
        String encoded = "/camunda/api/admin/auth/user/default/log%69n/tasklist";
        for (int guess = 1; guess <= throttle.maxRefused(); guess++) {
            Answer refused = send(ENCODING_GUESSER, "POST", encoded, form, "username=auditor&password=Guess" + guess);
            assertThat(refused.status()).as("guess " + guess + ": " + refused.text()).isEqualTo(401);
        }
        Answer throttled = send(ENCODING_GUESSER, "POST", encoded, form, "username=auditor&password=auditor");
        assertThat(throttled.status()).as(throttled.text()).isEqualTo(429);
        assertThat(throttled.text()).contains("Too many refused logins from " + ENCODING_GUESSER);
        ClockUtil.offset(120_000L);
        assertThat(send(CHANGE_MANAGER, "GET", "/engine-rest/user", basic("auditor", "auditor"), null).status())
                .isEqualTo(200);
    }

    /** A browser's visit to Tasklist: the session and its CSRF token, as the login form is sent with them. */
    private Map<String, String> browserLoginForm(String from) throws IOException {
        Answer page = send(from, "GET", "/camunda/app/tasklist/default/", Map.of(), null);
        List<String> cookies = page.headers().getOrDefault("set-cookie", List.of()).stream()
                .map(c -> c.split(";", 2)[0]).toList();
        String token = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()
                .substring("XSRF-TOKEN=".length());
        return Map.of("Content-Type", "application/x-www-form-urlencoded",
                "Cookie", String.join("; ", cookies), "X-XSRF-TOKEN", token);
    }

    private static Map<String, String> basic(String user, String password) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private Answer send(String from, String method, String path, Map<String, String> headers, String body)
            throws IOException {
        return LoopbackHttp.send(port, from, method, path, headers, body);
    }
}
