package io.mqrunbooks.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.Host;
import io.mqrunbooks.platform.ops.EstateHostsHealthIndicator;
import io.mqrunbooks.platform.ops.OpsProperties;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class EstateHostsHealthIndicatorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T06:00:00Z"));

    @Test
    void reachableAndRefusedHostsAreNamedAndTheStatusIsDegraded() throws Exception {
        try (ServerSocket open = listening(); ServerSocket closed = listening()) {
            int closedPort = closed.getLocalPort();
            closed.close();
            EstateHostsHealthIndicator indicator = indicator(
                    host("up1", open.getLocalPort()), host("down1", closedPort));

            Health health = indicator.health();

            assertThat(health.getStatus()).isEqualTo(new Status("DEGRADED"));
            Map<String, String> hosts = hosts(health);
            assertThat(hosts).containsEntry("up1", "reachable");
            assertThat(hosts.get("down1")).startsWith("unreachable: 127.0.0.1:" + closedPort + ": Connection refused");
            assertThat(health.getDetails()).containsEntry("reachable", 1).containsEntry("unreachable", 1)
                    .containsEntry("timeoutMillis", 500L).containsEntry("checkedAt", "2026-11-21T06:00:00Z");
        }
    }

    @Test
    void allReachableIsUp() throws Exception {
        try (ServerSocket a = listening(); ServerSocket b = listening()) {
            Health health = indicator(host("a", a.getLocalPort()), host("b", b.getLocalPort())).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(hosts(health)).containsExactly(Map.entry("a", "reachable"), Map.entry("b", "reachable"));
        }
    }

    @Test
    void theAnswerIsReusedForTheCachePeriodThenProbedAgain() throws Exception {
        ServerSocket server = listening();
        EstateHostsHealthIndicator indicator = indicator(host("mq1", server.getLocalPort()));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

        server.close();
        clock.advance(Duration.ofSeconds(29));
        Health cached = indicator.health();
        assertThat(cached.getStatus()).isEqualTo(Status.UP);
        assertThat(cached.getDetails()).containsEntry("checkedAt", "2026-11-21T06:00:00Z");

        clock.advance(Duration.ofSeconds(1));
        Health fresh = indicator.health();
        assertThat(fresh.getStatus()).isEqualTo(new Status("DEGRADED"));
        assertThat(fresh.getDetails()).containsEntry("checkedAt", "2026-11-21T06:00:30Z");
    }

    @Test
    void badSettingsAreRefusedWithTheirName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new OpsProperties(Duration.ZERO, Duration.ofSeconds(30)))
                .hasMessage("mqrunbooks.ops.host-check-timeout must be positive, was PT0S");
    }

    private EstateHostsHealthIndicator indicator(Host... hosts) {
        Estate estate = new Estate(List.of(), List.of(hosts), List.of(), List.of(), List.of());
        return new EstateHostsHealthIndicator(estate, new OpsProperties(Duration.ofMillis(500), Duration.ofSeconds(30)), clock);
    }

    private static Host host(String name, int port) {
        return new Host(name, "127.0.0.1", port, "mqm", false, "east", null);
    }

    private static ServerSocket listening() throws Exception {
        return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> hosts(Health health) {
        return (Map<String, String>) health.getDetails().get("hosts");
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
