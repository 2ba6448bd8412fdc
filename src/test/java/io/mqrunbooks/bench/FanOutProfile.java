package io.mqrunbooks.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Our side of the fan-out alone, for profiling the client (docs/benchmarks.md, "Fan-out: the client's CPU per
 * host"): a standalone lab of N hosts, one warm-up run, then {@code runs} runs of {@link FanOutBench#fanOutOurs}
 * with a new adapter each, printing each run's wall time and the client JVM's CPU per host. Run it under JFR
 * to see where that CPU goes:
 *
 * <pre>
 * java -XX:StartFlightRecording=filename=target/fanout.jfr,settings=profile -cp CLASSPATH \
 *     io.mqrunbooks.bench.FanOutProfile JAR HOSTS RUNS [THREADS]
 * </pre>
 */
public final class FanOutProfile {

    private FanOutProfile() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: FanOutProfile JAR HOSTS RUNS [THREADS]");
            System.exit(2);
        }
        BenchMain.quietLogging();
        Path jar = Path.of(args[0]).toAbsolutePath();
        int hosts = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : hosts;
        Path dir = Files.createTempDirectory("fanout-profile-");
        Path inventory = dir.resolve("inventory.yaml");
        BenchInventory.write(inventory, hosts);
        try (BenchLab lab = BenchLab.standalone(jar).start(dir.resolve("data"), inventory)) {
            FanOutBench bench = new FanOutBench(new FanOutBench.Settings(lab.labDir(), lab.pid(), null, "ansible-playbook",
                    dir.resolve("work"), runs, false));
            bench.fanOutOurs(threads, true);
            List<Long> cpuPerHost = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                CpuClock.Cost cost = bench.fanOutOurs(threads, true);
                cpuPerHost.add(cost.clientCpuNanos() / hosts);
                System.out.printf(Locale.ROOT, "run %d: N=%d threads=%d wall %.2f s, client CPU %.2f s (%.1f ms per host),"
                                + " lab CPU %.2f s, load %s%n", run, hosts, threads, cost.wallNanos() / 1e9,
                        cost.clientCpuNanos() / 1e9, cost.clientCpuNanos() / 1e6 / hosts, cost.labCpuNanos() / 1e9,
                        Files.readString(Path.of("/proc/loadavg")).substring(0, 14));
            }
            System.out.printf(Locale.ROOT, "median client CPU per host: %.1f ms%n", Stats.median(cpuPerHost) / 1e6);
        }
    }
}
