package io.mqrunbooks.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Our side of the fan-out alone, for profiling the client (docs/benchmarks.md, "Fan-out: the client's CPU per
 * host"): a standalone lab of N hosts, then {@code runs} runs of {@link FanOutBench#fanOutOurs} (or, with
 * {@code ports}, of {@link FanOutBench#fanOutPorts}; with {@code both}, one of each in turn) with a new adapter
 * each, printing each run's wall time and the client JVM's CPU per host. Run 1 is the cold one (a fresh JVM on
 * both ends), so the lines show the JIT warming up; the medians are of the second half of the runs. Run it under
 * JFR to see where that CPU goes:
 *
 * <pre>
 * java -XX:StartFlightRecording=filename=target/fanout.jfr,settings=profile -cp CLASSPATH \
 *     io.mqrunbooks.bench.FanOutProfile JAR HOSTS RUNS [THREADS] [adapter|ports|both]
 * </pre>
 */
public final class FanOutProfile {

    private FanOutProfile() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: FanOutProfile JAR HOSTS RUNS [THREADS] [adapter|ports|both]");
            System.exit(2);
        }
        BenchMain.quietLogging();
        Path jar = Path.of(args[0]).toAbsolutePath();
        int hosts = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : hosts;
        String sides = args.length > 4 ? args[4] : "adapter";
        if (!List.of("adapter", "ports", "both").contains(sides)) {
            System.err.println("FanOutProfile: the side is adapter, ports or both, not '" + sides + "'");
            System.exit(2);
        }
        Path dir = Files.createTempDirectory("fanout-profile-");
        Path inventory = dir.resolve("inventory.yaml");
        BenchInventory.write(inventory, hosts);
        try (BenchLab lab = BenchLab.standalone(jar).start(dir.resolve("data"), inventory)) {
            FanOutBench bench = new FanOutBench(new FanOutBench.Settings(lab.labDir(), lab.pid(), null, "ansible-playbook",
                    dir.resolve("work"), runs, 0));
            List<String> order = sides.equals("both") ? List.of("adapter", "ports") : List.of(sides);
            List<List<Long>> cpuPerHost = new ArrayList<>();
            List<List<Long>> walls = new ArrayList<>();
            order.forEach(side -> {
                cpuPerHost.add(new ArrayList<>());
                walls.add(new ArrayList<>());
            });
            for (int run = 1; run <= runs; run++) {
                for (int i = 0; i < order.size(); i++) {
                    String side = order.get(i);
                    CpuClock.Cost cost = side.equals("ports") ? bench.fanOutPorts(threads) : bench.fanOutOurs(threads, true);
                    if (run > runs / 2) {
                        cpuPerHost.get(i).add(cost.clientCpuNanos() / hosts);
                        walls.get(i).add(cost.wallNanos());
                    }
                    System.out.printf(Locale.ROOT, "run %d %s: N=%d threads=%d wall %.3f s, client CPU %.2f s (%.1f ms per host),"
                                    + " lab CPU %.2f s, load %s%n", run, side, hosts, threads, cost.wallNanos() / 1e9,
                            cost.clientCpuNanos() / 1e9, cost.clientCpuNanos() / 1e6 / hosts, cost.labCpuNanos() / 1e9,
                            Files.readString(Path.of("/proc/loadavg")).substring(0, 14));
                }
            }
            for (int i = 0; i < order.size(); i++) {
                System.out.printf(Locale.ROOT, "%s, runs %d-%d: median wall %.3f s, median client CPU per host %.1f ms%n",
                        order.get(i), runs / 2 + 1, runs, Stats.median(walls.get(i)) / 1e9,
                        Stats.median(cpuPerHost.get(i)) / 1e6);
            }
        }
    }
}
