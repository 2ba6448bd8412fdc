package io.mqrunbooks.platform.ops;

import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.Host;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Health component {@code estateHosts}: can this node open a TCP connection to each inventory host's SSH
 * port? Hosts are probed in parallel with a short connect timeout and the answer is kept for a while, so a
 * load balancer polling {@code /actuator/health} every few seconds does not knock on every host each time.
 *
 * <p>An unreachable MQ host is not a reason to take this node out of a load balancer (reports and Tasklist
 * still work), so the status is {@link #DEGRADED} (HTTP 200), not DOWN, even when no host answers; the
 * details name each unreachable host and why.
 */
@Component("estateHostsHealthIndicator")
public class EstateHostsHealthIndicator implements HealthIndicator, DisposableBean {

    /** Some inventory hosts cannot be reached; configured in config/application.yaml as HTTP 200. */
    public static final Status DEGRADED = new Status("DEGRADED", "Some inventory hosts are unreachable over SSH");

    private final Estate estate;
    private final OpsProperties properties;
    private final Clock clock;
    private final ExecutorService probes;
    private final Object refreshLock = new Object();
    private volatile Snapshot snapshot;

    @Autowired
    public EstateHostsHealthIndicator(Estate estate, OpsProperties properties) {
        this(estate, properties, Clock.systemUTC());
    }

    public EstateHostsHealthIndicator(Estate estate, OpsProperties properties, Clock clock) {
        this.estate = estate;
        this.properties = properties;
        this.clock = clock;
        this.probes = Executors.newFixedThreadPool(Math.max(1, Math.min(16, estate.hosts().size())),
                daemonThreads());
    }

    @Override
    public Health health() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || current.isOlderThan(now, properties.hostCheckCacheFor())) {
            synchronized (refreshLock) {
                current = snapshot;
                if (current == null || current.isOlderThan(now, properties.hostCheckCacheFor())) {
                    current = new Snapshot(now, probeAll());
                    snapshot = current;
                }
            }
        }
        return current.health();
    }

    private Health probeAll() {
        List<Host> hosts = estate.hosts();
        List<CompletableFuture<String>> results = hosts.stream()
                .map(host -> CompletableFuture.supplyAsync(() -> probe(host), probes))
                .toList();
        Map<String, String> byHost = new LinkedHashMap<>();
        int unreachable = 0;
        for (int i = 0; i < hosts.size(); i++) {
            String result = results.get(i).join();
            byHost.put(hosts.get(i).name(), result);
            if (!result.equals("reachable")) {
                unreachable++;
            }
        }
        Health.Builder builder = unreachable == 0 ? Health.up() : Health.status(DEGRADED);
        return builder
                .withDetail("hosts", byHost)
                .withDetail("reachable", hosts.size() - unreachable)
                .withDetail("unreachable", unreachable)
                .withDetail("timeoutMillis", properties.hostCheckTimeout().toMillis())
                .withDetail("checkedAt", clock.instant().toString())
                .build();
    }

    private String probe(Host host) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host.address(), host.port()),
                    (int) properties.hostCheckTimeout().toMillis());
            return "reachable";
        } catch (java.net.SocketTimeoutException timeout) {
            return "unreachable: no answer on " + host.address() + ":" + host.port() + " within "
                    + properties.hostCheckTimeout().toMillis() + " ms";
        } catch (IOException e) {
            return "unreachable: " + host.address() + ":" + host.port() + ": " + e.getMessage();
        }
    }

    @Override
    public void destroy() {
        probes.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "estate-host-probe-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private record Snapshot(Instant takenAt, Health health) {
        boolean isOlderThan(Instant now, Duration maxAge) {
            return !takenAt.plus(maxAge).isAfter(now);
        }
    }
}
