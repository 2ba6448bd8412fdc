package io.mqrunbooks.bench;

import io.mqrunbooks.adapter.outbound.mq.control.SshMqControl;
import io.mqrunbooks.adapter.outbound.mq.mqsc.MqscOverSshAdmin;
import io.mqrunbooks.adapter.outbound.mq.mqsc.QueueManagerLocator;
import io.mqrunbooks.adapter.outbound.ssh.JschSshAdapter;
import io.mqrunbooks.adapter.outbound.ssh.SshProperties;
import io.mqrunbooks.application.port.out.CommandEvidenceSink;
import io.mqrunbooks.application.port.out.CommandResult;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.application.port.out.RemoteCommand;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.Host;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.lab.LabWiring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Fan-out: {@code dspmq} plus {@code runmqsc QMx} with {@code DISPLAY QMGR} on every host of a running lab,
 * through the project's SSH adapter on a thread pool, and through {@code ansible-playbook} with the same two
 * commands as {@code raw} tasks. Each side first gets one run per parallelism (threads, forks) of
 * {@link #candidates}, and the fastest is the one measured, so both run at their best on this machine. Runs
 * alternate (ours, ours through the ports, Ansible, ours, ...) so all sides see the same machine at the same
 * time. Every run of ours starts without SSH sessions, as every Ansible run starts without master connections.
 * Each N begins with one run of each side on its new lab, reported apart as the first run; then ours warms up
 * ({@link #warmUpRuns}) as a long-running app has, before anything is measured.
 */
public final class FanOutBench {

    static final Pattern RECAP = Pattern.compile("(?m)^(\\S+)\\s+:\\s+ok=(\\d+)\\s+changed=\\d+\\s+unreachable=(\\d+)\\s+failed=(\\d+)");
    /**
     * Now and then OpenSSH's multiplexing client reports a lab command's end as "Shared connection to 127.0.0.1
     * closed" (exit 255) although the lab's journal shows it exited 0; Ansible calls that unreachable unless it
     * may retry, which is the setting an operator would use. Retries count in Ansible's time.
     */
    static final String ANSIBLE_SSH_RETRIES = "3";
    /**
     * Ansible's own default ssh arguments without {@code -C}: compression only costs CPU on loopback. The
     * master connection of a host's first task carries its second task (ControlPersist).
     */
    static final String ANSIBLE_SSH_ARGS = "-o ControlMaster=auto -o ControlPersist=60s";
    /** Each host goes on to its second task without waiting for the others, as each of our threads does. */
    static final String ANSIBLE_STRATEGY = "free";
    /** The product default; under heavy load a lab call can take seconds, so a shorter one would cut live calls. */
    static final Duration COMMAND_DEADLINE = Duration.ofSeconds(60);
    static final Pattern JOURNAL_DURATION = Pattern.compile("\"durationMillis\":(\\d+)");

    /**
     * Where the lab keeps its files ({@code DIR/lab}), its process, how the bench runs Ansible, and the sessions
     * each of our sides opens at each N before the measured runs ({@link #warmUpRuns}).
     */
    public record Settings(Path labDir, long labPid, Path playbook, String ansiblePlaybookCommand, Path workDir, int runs,
                           int warmUpSessions) {
    }

    /** The first run of each side at one N, before any warm-up: a new lab, and at the first N a new bench JVM too. */
    public record FirstRuns(CpuClock.Cost ours, CpuClock.Cost ports, CpuClock.Cost ansible) {
    }

    /** One side at one N: the parallelism it ran with and what each measured run cost. */
    public record Side(int parallelism, List<CpuClock.Cost> runs) {
        double wall() {
            return Stats.median(runs.stream().map(CpuClock.Cost::wallNanos).toList());
        }

        double labCpu() {
            return Stats.median(runs.stream().map(CpuClock.Cost::labCpuNanos).toList());
        }

        double clientCpu() {
            return Stats.median(runs.stream().map(CpuClock.Cost::clientCpuNanos).toList());
        }

        double connections() {
            return Stats.median(runs.stream().map(CpuClock.Cost::connections).toList());
        }
    }

    /**
     * One N: all sides, or why Ansible was not measured, with the retries and how the parallelism was chosen; or,
     * when the N could not be measured at all, why ({@code failure}).
     */
    public record Result(int hosts, Side ours, Side ports, Side oursSessionPerCommand, Side ansible,
                         String ansibleNotMeasured, long ansibleRetries, int oursRetries, String calibration,
                         boolean labSeparate, FirstRuns first, int warmUpRuns, String failure) {

        static Result failed(int hosts, String failure) {
            return new Result(hosts, null, null, null, null, null, 0, 0, "", false, null, 0, failure);
        }
    }

    /** A run of one side at a given parallelism. */
    private interface FanOut {
        CpuClock.Cost run(int parallelism) throws Exception;
    }

    private final Settings settings;
    private final Estate estate;
    private final SshProperties sshProperties;
    private final CpuClock cpu;
    private final java.util.concurrent.atomic.AtomicInteger retries = new java.util.concurrent.atomic.AtomicInteger();
    private int ansibleRuns;

    public FanOutBench(Settings settings) {
        this.settings = settings;
        this.estate = LabWiring.loadInventory(settings.labDir().resolve("inventory.yaml"));
        this.sshProperties = new SshProperties(settings.labDir().resolve("client_ed25519"), null,
                settings.labDir().resolve("known_hosts"), Duration.ofSeconds(30), 262144, COMMAND_DEADLINE,
                Duration.ofSeconds(2));
        this.cpu = new CpuClock(settings.labPid());
    }

    /** The pool sizes and fork counts tried at N hosts: 50, 100 and N, as far as N goes. */
    static List<Integer> candidates(int hosts) {
        return java.util.stream.Stream.of(Math.min(hosts, 50), Math.min(hosts, 100), hosts).distinct().toList();
    }

    /**
     * Runs of each of our sides (the adapter, the ports) at N hosts before the measured ones, the first included:
     * enough for {@code sessions} sessions, at least one. The app is a long-running server whose JIT compiled the
     * handshake after its first few hundred sessions; a bench JVM that has made only a few dozen measures the
     * compiler instead (docs/benchmarks.md, "Fan-out at 10 hosts").
     */
    static int warmUpRuns(int hosts, int sessions) {
        return Math.max(1, (sessions + hosts - 1) / hosts);
    }

    public Result run() throws Exception {
        int hosts = estate.hosts().size();
        Files.createDirectories(settings.workDir());
        Path qmVars = settings.workDir().resolve("qm-vars.ini");
        Files.writeString(qmVars, BenchInventory.ansibleQueueManagerVars(hosts));
        String ansibleProblem = ansibleProblem();
        // Ansible's first run is its whole warm-up: Python compiles nothing at run time that a second run keeps.
        FirstRuns first = new FirstRuns(fanOutOurs(hosts, true), fanOutPorts(hosts),
                ansibleProblem == null ? fanOutAnsible(qmVars, hosts, "first") : null);
        int warmUpRuns = warmUpRuns(hosts, settings.warmUpSessions());
        for (int run = 2; run <= warmUpRuns; run++) {
            fanOutOurs(hosts, true);
            fanOutPorts(hosts);
        }
        List<String> calibration = new ArrayList<>();
        int threads = fastest(hosts, "ours: threads", t -> fanOutOurs(t, true), calibration);
        int forks = ansibleProblem == null
                ? fastest(hosts, "Ansible: forks", f -> fanOutAnsible(qmVars, f, "forks" + f), calibration) : 0;
        List<CpuClock.Cost> ours = new ArrayList<>();
        List<CpuClock.Cost> ports = new ArrayList<>();
        List<CpuClock.Cost> sessionPerCommand = new ArrayList<>();
        List<CpuClock.Cost> ansible = new ArrayList<>();
        for (int run = 1; run <= settings.runs(); run++) {
            ours.add(fanOutOurs(threads, true));
            ports.add(fanOutPorts(threads));
            sessionPerCommand.add(fanOutOurs(threads, false));
            if (ansibleProblem == null) {
                ansible.add(fanOutAnsible(qmVars, forks, "run" + run));
            }
        }
        long expected = 2L * hosts * ansibleRuns;
        return new Result(hosts, new Side(threads, ours), new Side(threads, ports), new Side(threads, sessionPerCommand),
                ansibleProblem == null ? new Side(forks, ansible) : null, ansibleProblem,
                ansibleProblem == null ? ansibleCommandsInJournal() - expected : 0, retries.get(),
                String.join("; ", calibration), cpu.labSeparate(), first, warmUpRuns, null);
    }

    /** One run per candidate parallelism; the fastest wins. A single candidate needs no trial. */
    private static int fastest(int hosts, String what, FanOut fanOut, List<String> calibration) throws Exception {
        List<Integer> candidates = candidates(hosts);
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        int best = candidates.get(0);
        long bestWall = Long.MAX_VALUE;
        List<String> tried = new ArrayList<>();
        for (int candidate : candidates) {
            long wall = fanOut.run(candidate).wallNanos();
            tried.add(candidate + ": " + Stats.seconds(wall));
            if (wall < bestWall) {
                bestWall = wall;
                best = candidate;
            }
        }
        calibration.add("N=" + hosts + " " + what + " " + String.join(", ", tried) + " → " + best);
        return best;
    }

    /** An adapter of its own per run: no session survives from one run to the next. */
    private JschSshAdapter newAdapter() {
        return newAdapter(true);
    }

    /** With {@code reuseSessions} false, a session per command, as the adapter did before it kept them. */
    private JschSshAdapter newAdapter(boolean reuseSessions) {
        return new JschSshAdapter(sshProperties.withSessionReuse(reuseSessions, sshProperties.sessionIdleTimeout(),
                sshProperties.maxChannelsPerSession()), CommandEvidenceSink.NONE);
    }

    /** Ansible's commands reach the lab bare; ours come wrapped in {@code timeout --signal=KILL}. */
    private long ansibleCommandsInJournal() throws IOException {
        return Files.readAllLines(settings.labDir().resolve("journal.jsonl")).stream()
                .filter(line -> line.contains("\"commandLine\":\"dspmq\"") || line.contains("\"commandLine\":\"runmqsc "))
                .count();
    }

    /**
     * Both commands on every host, each host's two calls one after the other on a pool of {@code threads}; the
     * connections counted are the sessions held at the end, or with a session per command, two per host.
     */
    CpuClock.Cost fanOutOurs(int threads, boolean reuseSessions) throws InterruptedException {
        JschSshAdapter ssh = newAdapter(reuseSessions);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CpuClock.Reading start = cpu.read();
            List<Future<?>> calls = new ArrayList<>();
            for (QueueManager queueManager : estate.queueManagers()) {
                Host host = estate.host(queueManager.primaryHost());
                calls.add(pool.submit(() -> statusOf(ssh, host, queueManager.name())));
            }
            await(calls, "fan-out through the SSH adapter");
            return cpu.between(start, cpu.read(), true, reuseSessions ? ssh.openSessions() : 2 * calls.size());
        } finally {
            pool.shutdownNow();
            ssh.stop();
        }
    }

    /**
     * The same question through the ports the runbooks use: {@code MqControlPort.status} ({@code dspmq -m QMx
     * -o status -n}, parsed) and {@code MqAdminPort.queueManagerStatus} ({@code DISPLAY QMSTATUS ALL} over runmqsc,
     * parsed), on the same pool.
     */
    CpuClock.Cost fanOutPorts(int threads) throws InterruptedException {
        JschSshAdapter ssh = newAdapter();
        MqControlPort control = new SshMqControl(estate, ssh);
        MqAdminPort admin = new MqscOverSshAdmin(estate, ssh, new QueueManagerLocator(estate, control));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CpuClock.Reading start = cpu.read();
            List<Future<?>> calls = new ArrayList<>();
            for (QueueManager queueManager : estate.queueManagers()) {
                calls.add(pool.submit(() -> {
                    QmStatus state = retried(() -> control.status(queueManager.primaryHost(), queueManager.name())).status();
                    String status = retried(() -> admin.queueManagerStatus(queueManager.name())).status();
                    if (state != QmStatus.RUNNING || !status.equals("RUNNING")) {
                        throw new IllegalStateException(queueManager.name() + ": dspmq says " + state
                                + ", DISPLAY QMSTATUS says " + status);
                    }
                }));
            }
            await(calls, "fan-out through the ports");
            return cpu.between(start, cpu.read(), true, ssh.openSessions());
        } finally {
            pool.shutdownNow();
            ssh.stop();
        }
    }

    private static void await(List<Future<?>> calls, String what) throws InterruptedException {
        for (Future<?> call : calls) {
            try {
                call.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    private void statusOf(JschSshAdapter ssh, Host host, String queueManager) {
        CommandResult dspmq = retried(() -> ssh.run(host, RemoteCommand.builder("dspmq").deadline(COMMAND_DEADLINE).build()));
        expect(dspmq, "QMNAME(" + queueManager + ")");
        CommandResult display = retried(() -> ssh.run(host, RemoteCommand.builder("runmqsc").mqName("queue manager", queueManager)
                .stdin("DISPLAY QMGR\n").deadline(COMMAND_DEADLINE).build()));
        expect(display, "QMNAME(" + queueManager + ")");
    }

    /**
     * The counterpart of Ansible's retries (which retry any SSH exit 255): under heavy load the lab now and then
     * ends a command (its journal says EXITED 0) without the client seeing the exit status, or a channel does not
     * open in time. Such a call is tried again, up to 3 times in all, and counted; its lost time stays in ours.
     */
    private <T> T retried(java.util.function.Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (attempt >= 3 || !lostExit(e)) {
                    throw e;
                }
                retries.incrementAndGet();
                System.err.println("bench: retrying after: " + e.getMessage());
            }
        }
    }

    /** Anything but a refused host key or key: those would fail again, and must not be hidden. */
    private static boolean lostExit(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SshException ssh) {
                return ssh.kind() != SshException.Kind.HOST_KEY_UNKNOWN && ssh.kind() != SshException.Kind.HOST_KEY_CHANGED
                        && ssh.kind() != SshException.Kind.AUTHENTICATION_FAILED;
            }
        }
        return false;
    }

    private static void expect(CommandResult result, String text) {
        if (result.exitCode() != 0 || !result.stdout().contains(text)) {
            throw new IllegalStateException("host " + result.host() + ": '" + result.commandLine() + "' exited "
                    + result.exitCode() + " without " + text + ": " + result.stdout() + result.stderr());
        }
    }

    CpuClock.Cost fanOutAnsible(Path qmVars, int forks, String label) throws IOException, InterruptedException {
        int hosts = estate.hosts().size();
        Path controlDir = settings.workDir().resolve("cp-" + label);
        Files.createDirectories(controlDir);
        Path log = settings.workDir().resolve("ansible-" + label + ".log");
        ProcessBuilder builder = new ProcessBuilder(settings.ansiblePlaybookCommand(),
                "-i", settings.labDir().resolve("ansible-inventory.ini").toString(), "-i", qmVars.toString(),
                "-f", Integer.toString(forks), settings.playbook().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        ansibleEnvironment(builder.environment(), controlDir);
        builder.environment().put("ANSIBLE_NOCOLOR", "1");
        builder.environment().put("ANSIBLE_RETRY_FILES_ENABLED", "False");
        CpuClock.Reading start = cpu.read();
        int exit = builder.start().waitFor();
        CpuClock.Reading end = cpu.read();
        ansibleRuns++;
        int masters = masterConnections(controlDir);
        closeControlMasters(controlDir);
        String output = Files.readString(log);
        checkRecap(output, hosts, exit);
        return cpu.between(start, end, false, masters);
    }

    /** What every Ansible run of the bench is given: strict host keys, its own master connections, the best settings. */
    private void ansibleEnvironment(Map<String, String> env, Path controlDir) {
        env.put("ANSIBLE_SSH_CONTROL_PATH_DIR", controlDir.toString());
        env.put("ANSIBLE_HOST_KEY_CHECKING", "True");
        env.put("ANSIBLE_LOCAL_TEMP", settings.workDir().resolve("ansible-tmp").toString());
        env.put("ANSIBLE_SSH_RETRIES", ANSIBLE_SSH_RETRIES);
        env.put("ANSIBLE_SSH_ARGS", ANSIBLE_SSH_ARGS);
        env.put("ANSIBLE_STRATEGY", ANSIBLE_STRATEGY);
    }

    private static int masterConnections(Path controlDir) throws IOException {
        try (var sockets = Files.list(controlDir)) {
            return (int) sockets.count();
        }
    }

    /** Every host ran both tasks; anything else stops the bench with Ansible's own output. */
    static void checkRecap(String output, int hosts, int exit) {
        Matcher recap = RECAP.matcher(output);
        int good = 0;
        while (recap.find()) {
            if (recap.group(2).equals("2") && recap.group(3).equals("0") && recap.group(4).equals("0")) {
                good++;
            }
        }
        if (exit != 0 || good != hosts) {
            String tail = output.length() > 2000 ? output.substring(output.length() - 2000) : output;
            throw new IllegalStateException("ansible-playbook exited " + exit + " with " + good + " of " + hosts
                    + " hosts ok=2: " + tail);
        }
    }

    /** ControlPersist keeps one ssh master per host for 60 s; each run starts without them. */
    private void closeControlMasters(Path controlDir) throws IOException, InterruptedException {
        List<Process> exits = new ArrayList<>();
        try (var sockets = Files.list(controlDir)) {
            for (Path socket : sockets.collect(Collectors.toList())) {
                exits.add(new ProcessBuilder("ssh", "-o", "ControlPath=" + socket, "-O", "exit", "bench")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            }
        }
        for (Process exit : exits) {
            exit.waitFor();
        }
    }

    private String ansibleProblem() {
        try {
            Process version = new ProcessBuilder(settings.ansiblePlaybookCommand(), "--version")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return version.waitFor() == 0 ? null : settings.ansiblePlaybookCommand() + " --version failed";
        } catch (IOException e) {
            return settings.ansiblePlaybookCommand() + " cannot be started (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * Where one host's time goes: our call over a new session and over a kept one, the lab's own exec time,
     * Python's start, one OpenSSH handshake, the playbook on one host.
     */
    public BenchTable breakdown(int samples) throws Exception {
        Host host = estate.hosts().get(0);
        String queueManager = estate.queueManagers().get(0).name();
        List<Long> newSession = timedCalls(newAdapter(false), host, samples);
        List<Long> keptSession = timedCalls(newAdapter(), host, samples);
        List<Long> execMillis = new ArrayList<>();
        Matcher durations = JOURNAL_DURATION.matcher(Files.readString(settings.labDir().resolve("journal.jsonl")));
        while (durations.find()) {
            execMillis.add(Long.parseLong(durations.group(1)));
        }
        BenchTable table = new BenchTable("Where the time of one host goes (" + estate.hosts().size() + "-host lab)",
                "Part", "Median", "Samples");
        double newSessionMillis = Stats.median(newSession) / 1e6;
        double keptSessionMillis = Stats.median(keptSession) / 1e6;
        table.row("ours: one `dspmq` over a new session (connect, handshake, auth, exec, close), warm JVM",
                Stats.millis(newSessionMillis), newSession.size());
        table.row("ours: one `dspmq` over a kept session (exec channel only)", Stats.millis(keptSessionMillis), keptSession.size());
        table.row("lab: the command itself (journal durationMillis, all commands of this lab)",
                Stats.millis(Stats.median(execMillis)), execMillis.size());
        table.row("ours: setting up a session (new-session call minus kept-session call)",
                Stats.millis(newSessionMillis - keptSessionMillis), newSession.size());
        if (ansibleProblem() == null) {
            table.row("ansible: `ansible-playbook --version` (Python start and imports)",
                    Stats.millis(Stats.median(timed(samples, List.of(settings.ansiblePlaybookCommand(), "--version"))) / 1e6),
                    samples);
        }
        List<String> openSsh = List.of("ssh", "-n", "-i", settings.labDir().resolve("client_ed25519").toString(),
                "-o", "UserKnownHostsFile=" + settings.labDir().resolve("known_hosts"), "-o", "StrictHostKeyChecking=yes",
                "-o", "BatchMode=yes", "-p", Integer.toString(host.port()), host.user() + "@" + host.address(), "dspmq");
        table.row("OpenSSH client: `ssh ... dspmq` (process start, handshake, auth, exec) as Ansible's connection does",
                Stats.millis(Stats.median(timed(samples, openSsh)) / 1e6), samples);
        if (ansibleProblem() == null) {
            Path qmVars = settings.workDir().resolve("qm-vars.ini");
            List<Long> single = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                single.add(fanOutAnsibleOneHost(qmVars, host.name(), "one" + i));
            }
            table.row("ansible: the playbook on one host (" + queueManager + "), both tasks",
                    Stats.millis(Stats.median(single) / 1e6), samples);
        }
        return table;
    }

    /** {@code dspmq} calls after three not counted, each call's duration as the adapter measured it. */
    private static List<Long> timedCalls(JschSshAdapter ssh, Host host, int samples) {
        try {
            List<Long> nanos = new ArrayList<>();
            for (int i = 0; i < samples + 3; i++) {
                CommandResult result = ssh.run(host, RemoteCommand.builder("dspmq").build());
                if (i >= 3) {
                    nanos.add(result.duration().toNanos());
                }
            }
            return nanos;
        } finally {
            ssh.stop();
        }
    }

    private long fanOutAnsibleOneHost(Path qmVars, String hostName, String label) throws IOException, InterruptedException {
        Path controlDir = settings.workDir().resolve("cp-" + label);
        Files.createDirectories(controlDir);
        ProcessBuilder builder = new ProcessBuilder(settings.ansiblePlaybookCommand(),
                "-i", settings.labDir().resolve("ansible-inventory.ini").toString(), "-i", qmVars.toString(),
                "--limit", hostName, "-f", "1", settings.playbook().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        ansibleEnvironment(builder.environment(), controlDir);
        long started = System.nanoTime();
        int exit = builder.start().waitFor();
        long elapsed = System.nanoTime() - started;
        closeControlMasters(controlDir);
        if (exit != 0) {
            throw new IllegalStateException("ansible-playbook --limit " + hostName + " exited " + exit);
        }
        return elapsed;
    }

    private static List<Long> timed(int samples, List<String> command) throws IOException, InterruptedException {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long started = System.nanoTime();
            int exit = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + exit);
            }
            times.add(System.nanoTime() - started);
        }
        return times;
    }

    public static BenchTable table(List<Result> results, int runs) {
        BenchTable table = new BenchTable("Fan-out: dspmq + runmqsc DISPLAY QMGR on N hosts (median of " + runs
                + " runs after a warm-up)", "N hosts", "mq-runbooks (SSH adapter)", "mq-runbooks (MqControlPort + MqAdminPort)",
                "Ansible (ansible-playbook, raw)", "Ansible / mq-runbooks (adapter, ports)", "Threads (ours); forks (Ansible)",
                "First run, before the warm-up: adapter, ports; Ansible (Ansible / ours)");
        StringBuilder retries = new StringBuilder();
        List<String> calibrations = new ArrayList<>();
        List<String> warmUps = new ArrayList<>();
        for (Result result : results) {
            if (result.failure() != null) {
                table.row(result.hosts(), "not measured: " + result.failure(), "-", "-", "-", "-", "-");
                continue;
            }
            retries.append(retries.length() == 0 ? "" : "; ").append("N=").append(result.hosts()).append(": ours ")
                    .append(result.oursRetries()).append(", Ansible ")
                    .append(result.ansibleNotMeasured() == null ? Long.toString(result.ansibleRetries()) : "-");
            if (!result.calibration().isEmpty()) {
                calibrations.add(result.calibration());
            }
            warmUps.add("N=" + result.hosts() + ": " + result.warmUpRuns());
            double ours = result.ours().wall();
            double ports = result.ports().wall();
            if (result.ansibleNotMeasured() != null) {
                table.row(result.hosts(), Stats.seconds(ours), Stats.seconds(ports),
                        "not measured: " + result.ansibleNotMeasured(), "-", result.ours().parallelism() + "; -",
                        firstRuns(result.first()));
            } else {
                double ansible = result.ansible().wall();
                table.row(result.hosts(), Stats.seconds(ours), Stats.seconds(ports), Stats.seconds(ansible),
                        Stats.ratio(ansible / ours) + ", " + Stats.ratio(ansible / ports),
                        result.ours().parallelism() + "; " + result.ansible().parallelism(), firstRuns(result.first()));
            }
        }
        table.note("Each N starts on a lab of its own (a new JVM) with one run of each side, before anything else: its"
                + " figures are the last column (the bench's JVM is new only at the first N). Then, as in a long-running"
                + " app whose JIT has compiled the SSH handshake, ours warms up: runs of the adapter and of the ports in"
                + " turn, the first run included, " + String.join(", ", warmUps) + ". Ansible's warm-up is its first run:"
                + " Python compiles nothing at run time that a second run would keep.");
        table.note("Each side ran with the thread pool size (ours) or fork count (Ansible, `-f`) that was fastest in one"
                + " trial run of each of 50, 100 and N at that N" + (calibrations.isEmpty() ? "." : ": "
                + String.join("; ", calibrations) + ".") + " Ansible: strategy `" + ANSIBLE_STRATEGY + "`, `ANSIBLE_SSH_ARGS="
                + ANSIBLE_SSH_ARGS + "`. Every run starts without SSH connections on either side.");
        table.note("Calls tried again after an SSH-level failure (ours: by the bench, after a lost exit status or a"
                + " deadline of " + COMMAND_DEADLINE.toSeconds() + " s; Ansible: SSH exit 255, ANSIBLE_SSH_RETRIES="
                + ANSIBLE_SSH_RETRIES + ", counted in the lab journal), their lost time included: " + retries + ".");
        return table;
    }

    /** The first runs' wall times, with Ansible's over each of ours when Ansible ran. */
    private static String firstRuns(FirstRuns first) {
        double ours = first.ours().wallNanos();
        double ports = first.ports().wallNanos();
        String figures = Stats.seconds(ours) + ", " + Stats.seconds(ports) + "; ";
        if (first.ansible() == null) {
            return figures + "-";
        }
        double ansible = first.ansible().wallNanos();
        return figures + Stats.seconds(ansible) + " (" + Stats.ratio(ansible / ours) + ", " + Stats.ratio(ansible / ports) + ")";
    }

    /** Wall time against the CPU each end of the SSH connections used, and how many connections there were. */
    public static BenchTable costTable(List<Result> results) {
        BenchTable table = new BenchTable("Fan-out: where the time goes (medians of the measured runs)",
                "N hosts", "Side", "Wall", "Lab SSH servers' CPU", "Client CPU", "SSH connections");
        boolean labSeparate = true;
        for (Result result : results) {
            if (result.failure() != null) {
                continue;
            }
            labSeparate &= result.labSeparate();
            costRow(table, result, "mq-runbooks (SSH adapter)", result.ours());
            costRow(table, result, "mq-runbooks (ports)", result.ports());
            costRow(table, result, "mq-runbooks (SSH adapter, a session per command)", result.oursSessionPerCommand());
            if (result.ansible() != null) {
                costRow(table, result, "Ansible", result.ansible());
            }
        }
        table.note("CPU from /proc: the lab is the standalone lab's JVM (all N SSH servers and the simulated MQ);"
                + " the client is the bench's JVM for mq-runbooks, and for Ansible the machine's busy CPU minus the lab's"
                + " and the bench JVM's (ansible-playbook, its forks and their ssh processes, plus whatever else ran on a"
                + " shared machine). Connections: sessions our adapter held at the end of the run, Ansible's master"
                + " connections (control sockets); a session per command is `mqrunbooks.ssh.reuse-sessions=false`, two"
                + " connections per host. The machine has " + Runtime.getRuntime().availableProcessors()
                + " cores: a run cannot use more than that many CPU-seconds per second of wall time."
                + (labSeparate ? "" : " The lab ran inside the bench's JVM: its CPU is in the client's."));
        return table;
    }

    private static void costRow(BenchTable table, Result result, String side, Side measured) {
        table.row(result.hosts(), side, Stats.seconds(measured.wall()),
                result.labSeparate() ? Stats.seconds(measured.labCpu()) : "n/a", Stats.seconds(measured.clientCpu()),
                Stats.number(measured.connections(), 0));
    }
}
