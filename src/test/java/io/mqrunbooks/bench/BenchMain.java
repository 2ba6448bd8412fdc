package io.mqrunbooks.bench;

import io.mqrunbooks.bench.BenchEngine.Database;
import io.mqrunbooks.bench.BenchEngine.JobExecutorSettings;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * The bench behind {@code bench/run}: fan-out against Ansible, engine overhead, waiting at scale, app
 * start-up and memory, recovery time. Prints each table as it is done and writes the whole report (Markdown)
 * to {@code --out}. Options: see {@link #USAGE}.
 */
public final class BenchMain {

    static final String USAGE = """
            usage: BenchMain --jar JAR --work DIR --resources DIR --out FILE [options]
              --sections LIST        fanout,engine,waiting,app,app-waiting (default: all)
              --sizes LIST           fan-out host counts (default 10,50,100,200)
              --fanout-runs N        measured runs per size and side (default 3)
              --fanout-warmup N      sessions each of our sides opens per size before the measured
                                     runs, its first run included (default 500; 1: the first run only)
              --playbook FILE        the Ansible side (default bench/fanout-playbook.yml)
              --ansible-playbook CMD (default ansible-playbook)
              --databases LIST       h2,mariadb (default both)
              --job-executors LIST   defaults,tuned (default both)
              --steps N              steps per engine run (default 50)
              --engine-runs N        runs at once for throughput (default 20)
              --engine-rounds N      rounds per setting (default 3)
              --waiting-runs N       runs waiting at once (default 200)
              --waiting-polls N      polls per waiting run, 1 s apart (default 10)
              --app-starts N         app starts for start-up and memory (default 3), each with plain
                                     `java -jar` and, when given, with --app-java-options
              --app-java-options S   JVM options of the second start of each pair (bench/run: the pom's
                                     app.jvm-arguments, those of ./mvnw spring-boot:run)
              --app-runs N           runs given to the app before memory is read again (default 100)
              --app-waiting-runs N   runs waiting on a user task and a timer in the app (default 1000)
              --app-waiting-watch N  seconds the waiting runs are watched (default 60)
              --recovery-runs N      runs of each recovery runbook, on the first app start (default 3)
            """;
    /** Sessions per side before the fan-out is measured: past this the handshake's CPU stops falling (docs/benchmarks.md). */
    static final int FANOUT_WARM_UP_SESSIONS = 500;
    static final List<String> SECTIONS = List.of("fanout", "engine", "waiting", "app", "app-waiting");
    static final Set<String> OPTIONS = Set.of("--jar", "--work", "--resources", "--out", "--sections", "--sizes",
            "--fanout-runs", "--fanout-warmup", "--playbook", "--ansible-playbook", "--databases", "--job-executors", "--steps", "--engine-runs",
            "--engine-rounds", "--waiting-runs", "--waiting-polls", "--app-starts", "--app-java-options", "--app-runs", "--app-waiting-runs", "--app-waiting-watch", "--recovery-runs", "--command");

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        quietLogging();
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                ProcessHandle.current().descendants().forEach(ProcessHandle::destroy)));
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        List<BenchTable> tables = run(options);
        System.out.println("bench: report written to " + options.get("--out") + " (" + tables.size() + " tables)");
        boolean sectionFailed = tables.stream().anyMatch(table -> table.title().startsWith("Section "));
        System.exit(sectionFailed ? 1 : 0);
    }

    /** The engine's and the lab's INFO lines would bury the tables; warnings and errors still show. */
    static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i])) {
                throw new IllegalArgumentException("unknown option '" + args[i] + "'");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            options.put(args[i], args[i + 1]);
        }
        for (String required : List.of("--work", "--resources", "--out")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("option " + required + " is required");
            }
        }
        return options;
    }

    /** Runs the chosen sections; each table goes to stdout when done, all of them to --out at the end. */
    static List<BenchTable> run(Map<String, String> options) throws Exception {
        Path work = Path.of(options.get("--work")).toAbsolutePath();
        Path resources = Path.of(options.get("--resources")).toAbsolutePath();
        Path out = Path.of(options.get("--out")).toAbsolutePath();
        List<String> sections = list(options.getOrDefault("--sections", String.join(",", SECTIONS)));
        for (String section : sections) {
            if (!SECTIONS.contains(section)) {
                throw new IllegalArgumentException("section '" + section + "' is not one of " + String.join(", ", SECTIONS));
            }
        }
        Files.createDirectories(work);
        List<BenchTable> tables = new ArrayList<>();
        Report report = new Report(out, options, Instant.now(), loadAverage());
        Map<String, Section> bodies = Map.of(
                "fanout", () -> fanOut(options, work, tables, report),
                "engine", () -> engine(options, work, resources, tables, report),
                "waiting", () -> print(tables, WaitingBench.table(WaitingBench.measure(work.resolve("waiting-h2"), resources,
                        integer(options, "--waiting-runs", 200), integer(options, "--waiting-polls", 10))), report),
                "app", () -> app(options, work, resources, tables, report),
                "app-waiting", () -> appWaiting(options, work, resources, tables, report));
        for (String section : SECTIONS) {
            if (sections.contains(section)) {
                section(section, tables, report, bodies.get(section));
            }
        }
        report.write(tables);
        return tables;
    }

    private static void fanOut(Map<String, String> options, Path work, List<BenchTable> tables, Report report)
            throws Exception {
        List<Integer> sizes = list(options.getOrDefault("--sizes", "10,50,100,200")).stream().map(Integer::parseInt).toList();
        BenchLab.Launcher launcher = options.containsKey("--jar")
                ? BenchLab.standalone(Path.of(options.get("--jar")).toAbsolutePath()) : BenchLab.inProcess();
        List<BenchTable> done = List.copyOf(tables);
        for (BenchTable table : BenchLab.fanOut(launcher, sizes, integer(options, "--fanout-runs", 3),
                integer(options, "--fanout-warmup", FANOUT_WARM_UP_SESSIONS), work,
                Path.of(options.getOrDefault("--playbook", "bench/fanout-playbook.yml")).toAbsolutePath(),
                options.getOrDefault("--ansible-playbook", "ansible-playbook"), 5, partial -> {
                    List<BenchTable> soFar = new ArrayList<>(done);
                    soFar.addAll(partial);
                    try {
                        report.write(soFar);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })) {
            print(tables, table, report);
        }
    }

    private static void engine(Map<String, String> options, Path work, Path resources, List<BenchTable> tables,
                               Report report) throws Exception {
        List<EngineBench.Row> rows = new ArrayList<>();
        List<String> notMeasured = new ArrayList<>();
        for (String name : list(options.getOrDefault("--databases", "h2,mariadb"))) {
            Database database = Database.parse(name);
            if (database == Database.MARIADB) {
                try {
                    BenchEngine.recreateMariaDbDatabase();
                } catch (SQLException e) {
                    notMeasured.add("MariaDB: not measured: 127.0.0.1:3306 as root refused or is down ("
                            + e.getMessage() + ")");
                    continue;
                }
            }
            for (JobExecutorSettings settings : jobExecutors(options.getOrDefault("--job-executors", "defaults,tuned"))) {
                rows.add(EngineBench.measure(database, work.resolve("engine-h2"), settings, resources,
                        integer(options, "--steps", 50), integer(options, "--engine-runs", 20),
                        integer(options, "--engine-rounds", 3)));
                System.err.println("bench: engine " + database + " " + settings.name() + " done");
            }
        }
        BenchTable engineTable = EngineBench.table(rows);
        notMeasured.forEach(engineTable::note);
        print(tables, engineTable, report);
    }

    private static List<JobExecutorSettings> jobExecutors(String names) {
        return list(names).stream().map(name -> switch (name) {
            case "defaults" -> JobExecutorSettings.DEFAULTS;
            case "tuned" -> JobExecutorSettings.TUNED;
            default -> throw new IllegalArgumentException("job executor setting '" + name + "' is not one of defaults, tuned");
        }).toList();
    }

    /** App starts for start-up and memory; the first also drives the recovery runbooks. */
    private static void app(Map<String, String> options, Path work, Path resources, List<BenchTable> tables,
                            Report report) throws Exception {
        if (!options.containsKey("--jar")) {
            throw new IllegalArgumentException("the app section needs --jar");
        }
        List<AppBench.Result> results = new ArrayList<>();
        int runs = integer(options, "--app-runs", 100);
        int starts = integer(options, "--app-starts", 3);
        List<String> javaOptions = list(options.getOrDefault("--app-java-options", ""), "\\s+");
        List<List<String>> variants = javaOptions.isEmpty() ? List.of(List.of()) : List.of(List.of(), javaOptions);
        for (int i = 1; i <= starts; i++) {
            for (List<String> variant : variants) {
                int port = freePort();
                Path dataDir = work.resolve("app-" + i + (variant.isEmpty() ? "" : "-tuned"));
                List<String> command = appCommand(options, variant, port, dataDir);
                RecoveryBench recovery = i == 1 && variant.isEmpty()
                        ? RecoveryBench.standard(resources, integer(options, "--recovery-runs", 3)) : RecoveryBench.none();
                results.add(new AppBench().measure(command, port, dataDir, resources, runs, recovery));
                System.err.println("bench: app start " + i + (variant.isEmpty() ? "" : " with " + variant) + " done");
            }
        }
        print(tables, AppBench.table(results), report);
        for (BenchTable recovery : results.get(0).recovery()) {
            print(tables, recovery, report);
        }
    }

    /** One app start with many runs waiting on user tasks and timers, and Tasklist's list for their user. */
    private static void appWaiting(Map<String, String> options, Path work, Path resources, List<BenchTable> tables,
                                   Report report) throws Exception {
        if (!options.containsKey("--jar")) {
            throw new IllegalArgumentException("the app-waiting section needs --jar");
        }
        int port = freePort();
        Path dataDir = work.resolve("app-waiting");
        AppBench bench = new AppBench();
        AppWaitingBench.Result result;
        try (AppBench.Started app = bench.start(appCommand(options, List.of(), port, dataDir), port, dataDir)) {
            result = AppWaitingBench.measure(bench, app, resources, integer(options, "--app-waiting-runs", 1000),
                    integer(options, "--app-waiting-watch", 60), 5);
        }
        System.err.println("bench: app-waiting done");
        for (BenchTable table : AppWaitingBench.tables(result)) {
            print(tables, table, report);
        }
    }

    /** The app as shipped (java [options] -jar), on a free port, a fresh data folder and the lab on free ports. */
    private static List<String> appCommand(Map<String, String> options, List<String> javaOptions, int port, Path dataDir) {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", Path.of(options.get("--jar")).toAbsolutePath().toString(),
                "--server.port=" + port, "--mqrunbooks.data-dir=" + dataDir, "--mqrunbooks.lab.ephemeral-ports=true"));
        return command;
    }

    /** A part of the bench; one that fails says so in the report and the others still run. */
    private interface Section {
        void run() throws Exception;
    }

    private static void section(String name, List<BenchTable> tables, Report report, Section section) throws IOException {
        try {
            section.run();
        } catch (Exception | AssertionError e) {
            System.err.println("bench: section " + name + " failed:");
            e.printStackTrace(System.err);
            BenchTable failed = new BenchTable("Section " + name + ": not measured", "Section", "Why");
            failed.row(name, "not measured: " + e);
            print(tables, failed, report);
        }
    }

    static String report(List<BenchTable> tables, Map<String, String> options, Instant started, String loadAtStart)
            throws IOException {
        StringBuilder report = new StringBuilder();
        report.append("Run ").append(started.truncatedTo(ChronoUnit.SECONDS)).append(" for ")
                .append(Instant.now().getEpochSecond() - started.getEpochSecond()).append(" s on ").append(machine())
                .append("; command: `").append(options.getOrDefault("--command", "BenchMain")).append("`\n\n")
                .append("Load average (1, 5, 15 min) at the start: ").append(loadAtStart).append("; when this report was")
                .append(" written: ").append(loadAverage()).append(".\n\n");
        tables.forEach(table -> report.append(table.markdown()));
        return report.toString();
    }

    /** The machine is shared; the load says how far to trust a figure. */
    static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    static String machine() throws IOException {
        String memory = "?";
        Matcher total = Pattern.compile("(?m)^MemTotal:\\s+(\\d+) kB").matcher(Files.readString(Path.of("/proc/meminfo")));
        if (total.find()) {
            memory = Stats.number(Long.parseLong(total.group(1)) / 1024.0 / 1024.0, 1) + " GiB";
        }
        return Runtime.getRuntime().availableProcessors() + " cores (nproc), " + memory + " memory, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    /** Prints the table and rewrites the report, so a bench stopped half-way keeps what it measured. */
    private static void print(List<BenchTable> tables, BenchTable table, Report report) throws IOException {
        table.note("Load average (1, 5, 15 min) when this table was done: " + loadAverage() + ".");
        tables.add(table);
        System.out.print(table.markdown());
        System.out.flush();
        report.write(tables);
    }

    /** Where the report goes and what heads it. */
    private record Report(Path file, Map<String, String> options, Instant started, String loadAtStart) {
        void write(List<BenchTable> tables) throws IOException {
            Files.createDirectories(file.getParent());
            Files.writeString(file, report(tables, options, started, loadAtStart));
        }
    }

    private static List<String> list(String text) {
        return list(text, ",");
    }

    private static List<String> list(String text, String separator) {
        return Arrays.stream(text.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static int integer(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < 1) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + name + " needs a positive whole number, not '" + value + "'");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
