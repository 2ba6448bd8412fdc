package io.mqrunbooks.bench;

import io.mqrunbooks.adapter.out.mq.control.SshMqControl;
import io.mqrunbooks.adapter.out.mq.mqsc.MqscOverSshAdmin;
import io.mqrunbooks.adapter.out.mq.mqsc.QueueManagerLocator;
import io.mqrunbooks.adapter.out.ssh.JschSshAdapter;
import io.mqrunbooks.adapter.out.ssh.SshProperties;
import io.mqrunbooks.application.port.out.CommandEvidenceSink;
import io.mqrunbooks.application.port.out.CommandResult;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.application.port.out.RemoteCommand;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.application.port.out.control.QmStatus;
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
 * through the project's SSH adapter on a thread pool of one thread per host, and through
 * {@code ansible-playbook -f N} with the same two commands as {@code raw} tasks. Runs alternate (ours,
 * Ansible, ours, ...) after one warm-up round of each (first size only), so both see the same machine at the same time.
 */
public final class FanOutBench {

    static final Pattern RECAP = Pattern.compile("(?m)^(\\S+)\\s+:\\s+ok=(\\d+)\\s+changed=\\d+\\s+unreachable=(\\d+)\\s+failed=(\\d+)");
    /**
     * Now and then OpenSSH's multiplexing client reports a lab command's end as "Shared connection to 127.0.0.1
     * closed" (exit 255) although the lab's journal shows it exited 0; Ansible calls that unreachable unless it
     * may retry, which is the setting an operator would use. Retries count in Ansible's time.
     */
    static final String ANSIBLE_SSH_RETRIES = "3";
    /** The product default; under heavy load a lab call can take seconds, so a shorter one would cut live calls. */
    static final Duration COMMAND_DEADLINE = Duration.ofSeconds(60);
    static final Pattern JOURNAL_DURATION = Pattern.compile("\"durationMillis\":(\\d+)");

    /** Where the lab keeps its files ({@code DIR/lab}) and how the bench runs Ansible. */
    public record Settings(Path labDir, Path playbook, String ansiblePlaybookCommand, Path workDir, int runs,
                           boolean warmUp) {
    }

    /** One N: the medians of both sides, or why Ansible was not measured. */
    public record Result(int hosts, List<Long> oursNanos, List<Long> portsNanos, List<Long> ansibleNanos,
                         String ansibleNotMeasured, long ansibleRetries, int oursRetries) {
        double oursMedian() {
            return Stats.median(oursNanos);
        }
    }

    private final Settings settings;
    private final Estate estate;
    private final JschSshAdapter ssh;
    private final java.util.concurrent.atomic.AtomicInteger retries = new java.util.concurrent.atomic.AtomicInteger();
    private final MqControlPort control;
    private final MqAdminPort admin;

    public FanOutBench(Settings settings) {
        this.settings = settings;
        this.estate = LabWiring.loadInventory(settings.labDir().resolve("inventory.yaml"));
        SshProperties properties = new SshProperties(settings.labDir().resolve("client_ed25519"), null,
                settings.labDir().resolve("known_hosts"), Duration.ofSeconds(30), 262144, COMMAND_DEADLINE,
                Duration.ofSeconds(2));
        this.ssh = new JschSshAdapter(properties, CommandEvidenceSink.NONE);
        this.control = new SshMqControl(estate, ssh);
        this.admin = new MqscOverSshAdmin(estate, ssh, new QueueManagerLocator(estate, control));
    }

    public Result run() throws Exception {
        int hosts = estate.hosts().size();
        Files.createDirectories(settings.workDir());
        Path qmVars = settings.workDir().resolve("qm-vars.ini");
        Files.writeString(qmVars, BenchInventory.ansibleQueueManagerVars(hosts));
        ExecutorService pool = Executors.newFixedThreadPool(hosts);
        try {
            String ansibleProblem = ansibleProblem();
            if (settings.warmUp()) {
                fanOutOurs(pool);
                fanOutPorts(pool);
            }
            if (ansibleProblem == null && settings.warmUp()) {
                fanOutAnsible(qmVars, "warmup");
            }
            List<Long> ours = new ArrayList<>();
            List<Long> ports = new ArrayList<>();
            List<Long> ansible = new ArrayList<>();
            for (int run = 1; run <= settings.runs(); run++) {
                ours.add(fanOutOurs(pool));
                ports.add(fanOutPorts(pool));
                if (ansibleProblem == null) {
                    ansible.add(fanOutAnsible(qmVars, "run" + run));
                }
            }
            long expected = ansibleProblem == null ? 2L * hosts * (settings.runs() + (settings.warmUp() ? 1 : 0)) : 0;
            return new Result(hosts, ours, ports, ansible, ansibleProblem, ansibleCommandsInJournal() - expected,
                    retries.get());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Ansible's commands reach the lab bare; ours come wrapped in {@code timeout --signal=KILL}. */
    private long ansibleCommandsInJournal() throws IOException {
        return Files.readAllLines(settings.labDir().resolve("journal.jsonl")).stream()
                .filter(line -> line.contains("\"commandLine\":\"dspmq\"") || line.contains("\"commandLine\":\"runmqsc "))
                .count();
    }

    /** Both commands on every host; each host's two calls run one after the other on its own thread. */
    long fanOutOurs(ExecutorService pool) throws InterruptedException {
        long started = System.nanoTime();
        List<Future<?>> calls = new ArrayList<>();
        for (QueueManager queueManager : estate.queueManagers()) {
            Host host = estate.host(queueManager.primaryHost());
            calls.add(pool.submit(() -> statusOf(host, queueManager.name())));
        }
        for (Future<?> call : calls) {
            try {
                call.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("fan-out through the SSH adapter failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
        return System.nanoTime() - started;
    }

    /**
     * The same question through the ports the runbooks use: {@code MqControlPort.status} ({@code dspmq -m QMx
     * -o status}, parsed) and {@code MqAdminPort.queueManagerStatus} ({@code DISPLAY QMSTATUS ALL} over runmqsc,
     * parsed), one thread per host.
     */
    long fanOutPorts(ExecutorService pool) throws InterruptedException {
        long started = System.nanoTime();
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
        for (Future<?> call : calls) {
            try {
                call.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("fan-out through the ports failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
        return System.nanoTime() - started;
    }

    private void statusOf(Host host, String queueManager) {
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

    long fanOutAnsible(Path qmVars, String label) throws IOException, InterruptedException {
        int hosts = estate.hosts().size();
        Path controlDir = settings.workDir().resolve("cp-" + label);
        Files.createDirectories(controlDir);
        Path log = settings.workDir().resolve("ansible-" + label + ".log");
        ProcessBuilder builder = new ProcessBuilder(settings.ansiblePlaybookCommand(),
                "-i", settings.labDir().resolve("ansible-inventory.ini").toString(), "-i", qmVars.toString(),
                "-f", Integer.toString(hosts), settings.playbook().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("ANSIBLE_SSH_CONTROL_PATH_DIR", controlDir.toString());
        env.put("ANSIBLE_HOST_KEY_CHECKING", "True");
        env.put("ANSIBLE_NOCOLOR", "1");
        env.put("ANSIBLE_RETRY_FILES_ENABLED", "False");
        env.put("ANSIBLE_LOCAL_TEMP", settings.workDir().resolve("ansible-tmp").toString());
        env.put("ANSIBLE_SSH_RETRIES", ANSIBLE_SSH_RETRIES);
        long started = System.nanoTime();
        int exit = builder.start().waitFor();
        long elapsed = System.nanoTime() - started;
        closeControlMasters(controlDir);
        String output = Files.readString(log);
        checkRecap(output, hosts, exit);
        return elapsed;
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

    /** Where one host's time goes: our call alone, the lab's own exec time, Python's start, one OpenSSH handshake. */
    public BenchTable breakdown(int samples) throws Exception {
        Host host = estate.hosts().get(0);
        String queueManager = estate.queueManagers().get(0).name();
        RemoteCommand dspmq = RemoteCommand.builder("dspmq").build();
        List<Long> oneCall = new ArrayList<>();
        for (int i = 0; i < samples + 3; i++) {
            CommandResult result = ssh.run(host, dspmq);
            if (i >= 3) {
                oneCall.add(result.duration().toNanos());
            }
        }
        List<Long> execMillis = new ArrayList<>();
        Matcher durations = JOURNAL_DURATION.matcher(Files.readString(settings.labDir().resolve("journal.jsonl")));
        while (durations.find()) {
            execMillis.add(Long.parseLong(durations.group(1)));
        }
        BenchTable table = new BenchTable("Where the time of one host goes (" + estate.hosts().size() + "-host lab)",
                "Part", "Median", "Samples");
        double oneCallMillis = Stats.median(oneCall) / 1e6;
        double execMedian = Stats.median(execMillis);
        table.row("ours: one `dspmq` call alone (connect, handshake, auth, exec, close), warm JVM",
                Stats.millis(oneCallMillis), oneCall.size());
        table.row("lab: the command itself (journal durationMillis, all commands of this lab)",
                Stats.millis(execMedian), execMillis.size());
        table.row("ours: SSH session cost per call (one call minus the command)",
                Stats.millis(oneCallMillis - execMedian), oneCall.size());
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

    private long fanOutAnsibleOneHost(Path qmVars, String hostName, String label) throws IOException, InterruptedException {
        Path controlDir = settings.workDir().resolve("cp-" + label);
        Files.createDirectories(controlDir);
        ProcessBuilder builder = new ProcessBuilder(settings.ansiblePlaybookCommand(),
                "-i", settings.labDir().resolve("ansible-inventory.ini").toString(), "-i", qmVars.toString(),
                "--limit", hostName, "-f", "1", settings.playbook().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("ANSIBLE_SSH_CONTROL_PATH_DIR", controlDir.toString());
        builder.environment().put("ANSIBLE_LOCAL_TEMP", settings.workDir().resolve("ansible-tmp").toString());
        builder.environment().put("ANSIBLE_SSH_RETRIES", ANSIBLE_SSH_RETRIES);
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
        BenchTable table = new BenchTable("Fan-out: dspmq + runmqsc DISPLAY QMGR on N hosts (median of " + runs + " runs)",
                "N hosts", "mq-runbooks (SSH adapter, N threads)", "mq-runbooks (MqControlPort + MqAdminPort)",
                "Ansible (ansible-playbook -f N, raw)", "Ansible / mq-runbooks (adapter, ports)");
        StringBuilder retries = new StringBuilder();
        for (Result result : results) {
            retries.append(retries.length() == 0 ? "" : "; ").append("N=").append(result.hosts()).append(": ours ")
                    .append(result.oursRetries()).append(", Ansible ")
                    .append(result.ansibleNotMeasured() == null ? Long.toString(result.ansibleRetries()) : "-");
            if (result.ansibleNotMeasured() != null) {
                table.row(result.hosts(), Stats.seconds(result.oursMedian()), Stats.seconds(Stats.median(result.portsNanos())),
                        "not measured: " + result.ansibleNotMeasured(), "-");
            } else {
                double ansible = Stats.median(result.ansibleNanos());
                double ports = Stats.median(result.portsNanos());
                table.row(result.hosts(), Stats.seconds(result.oursMedian()), Stats.seconds(ports), Stats.seconds(ansible),
                        Stats.ratio(ansible / result.oursMedian()) + ", " + Stats.ratio(ansible / ports));
            }
        }
        table.note("Calls tried again after an SSH-level failure (ours: lost exit status past the deadline of " + COMMAND_DEADLINE.toSeconds()
                + " s, then retry; Ansible: SSH exit 255, ANSIBLE_SSH_RETRIES=" + ANSIBLE_SSH_RETRIES
                + ", counted in the lab journal), their lost time included: " + retries + ".");
        return table;
    }
}
