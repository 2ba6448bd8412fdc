package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.testsupport.LabAppTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    @LocalServerPort
    int port;
    @Autowired
    LoginThrottleProperties throttle;

    @AfterEach
    void realTimeAndAnUnlockedUser() {
        ClockUtil.reset();
        identityService.unlockUser("changemgr");
    }

    @Test
    void aGuessersAddressIsThrottledAndTheUserLogsInFromTheirOwn(CapturedOutput log) throws Exception {
        for (int guess = 1; guess <= throttle.maxRefused(); guess++) {
            Answer refused = send(GUESSER, "GET", "/engine-rest/user", basic("changemgr", "Guess" + guess), null);
            assertThat(refused.status).as("guess " + guess).isEqualTo(401);
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
            assertThat(throttled.status).as(throttled.text).isEqualTo(429);
            assertThat(throttled.header("Retry-After")).contains("900");
            assertThat(throttled.text).contains("Too many refused logins from " + GUESSER + ": no login from this"
                    + " address is checked for 900 seconds");
        }

        // Two minutes on, the engine's delay for changemgr (3 s doubling, at most 60 s) has passed; the guesser goes
        // on guessing, and none of it reaches the engine to delay changemgr again.
        ClockUtil.offset(120_000L);
        for (int guess = 1; guess <= 5; guess++) {
            assertThat(send(GUESSER, "GET", "/engine-rest/user", basic("changemgr", "Again" + guess), null).status)
                    .isEqualTo(429);
        }
        assertThat(send(CHANGE_MANAGER, "GET", "/engine-rest/user", basic("changemgr", "changemgr"), null).status)
                .isEqualTo(200);
        assertThat(send(CHANGE_MANAGER, "GET", "/api/baselines", basic("changemgr", "changemgr"), null).status)
                .isEqualTo(200);
        // A logged-in session's requests present no password: the throttle does not touch them.
        assertThat(send(GUESSER, "GET", "/engine-rest/user", Map.of(), null).status).isEqualTo(401);
        // logged once, when it began, not per attempt
        assertThat(log.getOut().split("Throttling logins from " + GUESSER + " ", -1)).hasSize(2);
    }

    @Test
    void theWebappsLoginFormCountsRefusedLoginsToo() throws Exception {
        // a browser's visit: the session and its CSRF token
        Answer page = send(WEBAPP_GUESSER, "GET", "/camunda/app/tasklist/default/", Map.of(), null);
        List<String> cookies = page.headers.getOrDefault("set-cookie", List.of()).stream()
                .map(c -> c.split(";", 2)[0]).toList();
        String token = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()
                .substring("XSRF-TOKEN=".length());
        Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded",
                "Cookie", String.join("; ", cookies), "X-XSRF-TOKEN", token);
        for (int guess = 1; guess <= throttle.maxRefused(); guess++) {
            Answer refused = send(WEBAPP_GUESSER, "POST", "/camunda/api/admin/auth/user/default/login/tasklist", form,
                    "username=auditor&password=Guess" + guess);
            assertThat(refused.status).as("guess " + guess + ": " + refused.text).isEqualTo(401);
        }
        assertThat(send(WEBAPP_GUESSER, "POST", "/camunda/api/admin/auth/user/default/login/tasklist", form,
                "username=auditor&password=auditor").status).isEqualTo(429);
        assertThat(send(WEBAPP_GUESSER, "GET", "/engine-rest/user", basic("auditor", "auditor"), null).status)
                .isEqualTo(429);
        ClockUtil.offset(120_000L);
        assertThat(send(CHANGE_MANAGER, "GET", "/engine-rest/user", basic("auditor", "auditor"), null).status)
                .isEqualTo(200);
    }

    private static Map<String, String> basic(String user, String password) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** One HTTP/1.1 request over a socket whose local address is {@code from}, as a client there would send it. */
    private Answer send(String from, String method, String path, Map<String, String> headers, String body)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nConnection: close\r\nContent-Length: " + content.length + "\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            return Answer.read(socket.getInputStream());
        }
    }

    private record Answer(int status, Map<String, List<String>> headers, String text) {

        static Answer read(InputStream in) throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            String[] lines = text.split("\r\n");
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
                String[] header = lines[i].split(":", 2);
                headers.computeIfAbsent(header[0].trim().toLowerCase(), h -> new ArrayList<>()).add(header[1].trim());
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, text);
        }

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase())).map(values -> values.get(0));
        }
    }
}
