package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The throttle of refused logins per client address, on a clock the test moves (docs/security.md). */
class LoginThrottleTest {

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottleProperties(3, Duration.ofMinutes(15),
            100), clock);
    private final LoginThrottleFilter filter = new LoginThrottleFilter(throttle, "/camunda");
    /** The password checks the chain behind the filter made: what a throttled attempt must never reach. */
    private final List<String> passwordChecks = new ArrayList<>();

    @Test
    void aGuessersAddressGets429WithRetryAfterAndItsPasswordIsNotChecked() throws Exception {
        for (int guess = 1; guess <= 3; guess++) {
            assertThat(login("203.0.113.9", "changemgr", "guess" + guess).getStatus()).isEqualTo(401);
        }
        MockHttpServletResponse throttled = login("203.0.113.9", "changemgr", "changemgr");

        assertThat(throttled.getStatus()).isEqualTo(429);
        assertThat(throttled.getHeader("Retry-After")).isEqualTo("900");
        assertThat(throttled.getContentAsString()).isEqualTo("{\"error\":\"Too many refused logins from 203.0.113.9: no"
                + " login from this address is checked for 900 seconds; each attempt meanwhile starts the wait"
                + " again\"}");
        assertThat(passwordChecks).as("the throttled attempt reached no password check").hasSize(3);
        // The same user from another address is not this address's to throttle.
        assertThat(login("198.51.100.7", "changemgr", "changemgr").getStatus()).isEqualTo(200);
    }

    @Test
    void theWebappsLoginFormIsThrottledAndCountedLikeBasicLogins() throws Exception {
        for (int guess = 1; guess <= 3; guess++) {
            assertThat(webappLogin("203.0.113.9", "guess" + guess).getStatus()).isEqualTo(401);
        }
        assertThat(webappLogin("203.0.113.9", "changemgr").getStatus()).isEqualTo(429);
        assertThat(login("203.0.113.9", "changemgr", "changemgr").getStatus()).isEqualTo(429);
        // a request that presents no password (a webapp session's) is no login, throttled or not
        MockHttpServletRequest sessionRead = new MockHttpServletRequest("GET", "/api/baselines");
        sessionRead.setRemoteAddr("203.0.113.9");
        assertThat(send(sessionRead).getStatus()).isEqualTo(200);
    }

    @Test
    void theWebappsLoginFormIsThrottledWhereverTheWebappsAreServed() throws Exception {
        LoginThrottleFilter underOps = new LoginThrottleFilter(throttle, "/ops");
        for (int guess = 1; guess <= 3; guess++) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST",
                    "/ops/api/admin/auth/user/default/login/tasklist");
            request.setServletPath(request.getRequestURI());
            request.setRemoteAddr("203.0.113.9");
            request.addParameter("username", "changemgr");
            request.addParameter("password", "guess" + guess);
            assertThat(underOps.isLogin(request)).as("a login under /ops").isTrue();
            underOps.doFilter(request, new MockHttpServletResponse(), (req, res) ->
                    ((jakarta.servlet.http.HttpServletResponse) res).setStatus(401));
        }
        assertThat(login("203.0.113.9", "changemgr", "changemgr").getStatus()).isEqualTo(429);
    }

    @Test
    void anEncodedWebappsLoginPathIsTheLoginTomcatRoutesIt() throws Exception {
        // Review G: matched on the raw URI, log%69n was no login, and its guesses were never counted.
        for (int guess = 1; guess <= 3; guess++) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST",
                    "/camunda/api/admin/auth/user/default/log%69n/cockpit");
            request.setServletPath("/camunda/api");
            request.setPathInfo("/admin/auth/user/default/login/cockpit");
            request.setRemoteAddr("203.0.113.9");
            request.addParameter("password", "guess" + guess);
            assertThat(filter.isLogin(request)).as("the decoded path is a login").isTrue();
            assertThat(send(request).getStatus()).isEqualTo(401);
        }
        assertThat(webappLogin("203.0.113.9", "changemgr").getStatus()).isEqualTo(429);
    }

    @Test
    void basicLoginsToARestApiServedUnderTheWebappsPathAreCounted() throws Exception {
        // Review G: spring.jersey.application-path=/camunda/engine-rest; isLogin looked for the webapps' form alone.
        for (int guess = 1; guess <= 3; guess++) {
            MockHttpServletRequest request = basic("203.0.113.9", "changemgr", "guess" + guess);
            request.setRequestURI("/camunda/engine-rest/task");
            request.setServletPath("/camunda/engine-rest");
            request.setPathInfo("/task");
            assertThat(filter.isLogin(request)).as("Basic credentials under /camunda").isTrue();
            assertThat(send(request).getStatus()).isEqualTo(401);
        }
        assertThat(login("203.0.113.9", "changemgr", "changemgr").getStatus()).isEqualTo(429);
        // the webapps' pages and their API without credentials present no password
        MockHttpServletRequest page = new MockHttpServletRequest("POST", "/camunda/api/tasklist/process-definition");
        page.setServletPath(page.getRequestURI());
        assertThat(filter.isLogin(page)).isFalse();
    }

    @Test
    void theThrottleEndsAWindowAfterTheAddresssLastAttempt() throws Exception {
        for (int guess = 1; guess <= 3; guess++) {
            login("203.0.113.9", "changemgr", "guess" + guess);
        }
        clock.advance(Duration.ofMinutes(10));
        assertThat(login("203.0.113.9", "changemgr", "changemgr").getStatus()).as("tried again while throttled")
                .isEqualTo(429);
        clock.advance(Duration.ofMinutes(14));
        assertThat(login("203.0.113.9", "changemgr", "changemgr").getStatus())
                .as("a window counts from the last attempt").isEqualTo(429);
        clock.advance(Duration.ofMinutes(15));
        assertThat(login("203.0.113.9", "changemgr", "changemgr").getStatus()).isEqualTo(200);
    }

    @Test
    void refusalsSpreadOverMoreThanAWindowDoNotThrottle() throws Exception {
        login("203.0.113.9", "changemgr", "typo");
        login("203.0.113.9", "changemgr", "typo");
        clock.advance(Duration.ofMinutes(16));
        login("203.0.113.9", "changemgr", "typo");
        assertThat(login("203.0.113.9", "changemgr", "changemgr").getStatus()).isEqualTo(200);
    }

    @Test
    void anXForwardedForHeaderIsNotTheClientsAddressUnlessTheServerTrustsAProxy() throws Exception {
        for (int guess = 1; guess <= 3; guess++) {
            MockHttpServletRequest request = basic("203.0.113.9", "changemgr", "guess" + guess);
            request.addHeader("X-Forwarded-For", "10.0.0." + guess);
            send(request);
        }
        MockHttpServletRequest spoofed = basic("203.0.113.9", "changemgr", "changemgr");
        spoofed.addHeader("X-Forwarded-For", "10.0.0.99");
        assertThat(send(spoofed).getStatus()).isEqualTo(429);
    }

    @Test
    void onlyTheRefusalThatStartsAThrottleSaysSo() {
        assertThat(throttle.refused("203.0.113.9")).isFalse();
        assertThat(throttle.refused("203.0.113.9")).isFalse();
        assertThat(throttle.refused("203.0.113.9")).isTrue();
        assertThat(throttle.refused("203.0.113.9")).as("already throttled").isFalse();
    }

    @Test
    void anAttackerCyclingAddressesKeepsTheMemoryBounded() {
        for (int i = 0; i < 1_000; i++) {
            throttle.refused("10.0." + (i / 256) + "." + (i % 256));
        }
        assertThat(throttle.addressesKept()).isEqualTo(100);
    }

    @Test
    void anIpv6ClientCountsAsItsSlash64() throws Exception {
        for (int guess = 1; guess <= 3; guess++) {
            login("2001:db8:1:2::" + guess, "changemgr", "guess" + guess);
        }
        assertThat(login("2001:db8:1:2:ffff::1", "changemgr", "changemgr").getStatus()).isEqualTo(429);
        assertThat(login("2001:db8:1:3::1", "changemgr", "changemgr").getStatus()).isEqualTo(200);
        assertThat(LoginThrottle.key("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(LoginThrottle.key("not:an:address")).isEqualTo("not:an:address");
    }

    @Test
    void settingsOutOfRangeAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new LoginThrottleProperties(0, Duration.ofMinutes(15), 100))
                .hasMessage("mqrunbooks.security.login-throttle.max-refused must be 1 to 1000, was 0");
        assertThatThrownBy(() -> new LoginThrottleProperties(10, Duration.ZERO, 100))
                .hasMessage("mqrunbooks.security.login-throttle.window must be 1s to 1d, was PT0S");
        assertThatThrownBy(() -> new LoginThrottleProperties(10, Duration.ofMinutes(15), 0))
                .hasMessage("mqrunbooks.security.login-throttle.max-addresses must be 1 to 1000000, was 0");
    }

    private MockHttpServletResponse login(String address, String user, String password) throws Exception {
        return send(basic(address, user, password));
    }

    private MockHttpServletResponse webappLogin(String address, String password) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST",
                "/camunda/api/admin/auth/user/default/login/tasklist");
        request.setServletPath(request.getRequestURI());
        request.setRemoteAddr(address);
        request.addParameter("username", "changemgr");
        request.addParameter("password", password);
        return send(request);
    }

    private static MockHttpServletRequest basic(String address, String user, String password) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
        request.setRemoteAddr(address);
        request.addHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return request;
    }

    /** Through the filter to a chain that checks the password as the engine would: changemgr's is changemgr. */
    private MockHttpServletResponse send(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            String authorization = request.getHeader("Authorization");
            String password = authorization != null ? new String(Base64.getDecoder().decode(authorization
                    .substring(6)), StandardCharsets.UTF_8).split(":", 2)[1] : request.getParameter("password");
            if (password != null) {
                passwordChecks.add(password);
            }
            ((HttpServletResponse) res).setStatus(password == null || password.equals("changemgr") ? 200 : 401);
        });
        return response;
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-08T03:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
