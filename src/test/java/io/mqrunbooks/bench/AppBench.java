package io.mqrunbooks.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up and memory of the app as shipped: from the run command to Tasklist answering, resident memory
 * after start and after a few runs; then the recovery runbooks driven through the REST API.
 */
public final class AppBench {

    private static final Pattern RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");
    private static final Pattern THREADS = Pattern.compile("(?m)^Threads:\\s+(\\d+)");
    private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");

    /** Start-up and memory of one app start; CPU seconds and classes loaded do not depend on the machine's load. */
    public record Result(String command, long startupNanos, double cpuSecondsToTasklist, long classesLoaded, long rssAfterStartKib,
                         int threadsAfterStart, int runs, long rssAfterRunsKib, int threadsAfterRuns,
                         List<BenchTable> recovery) {
    }

    /** A started app: its process, where it listens, how long it took to answer and what that cost. */
    public record Started(Process process, int port, Path log, long startupNanos, double cpuSeconds, long classesLoaded)
            implements AutoCloseable {

        public String engineRest() {
            return "http://127.0.0.1:" + port + "/engine-rest";
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Starts the app, waits for Tasklist, reads memory, gives it a few runs, reads memory again, stops it. */
    public Result measure(List<String> command, int port, Path workDir, Path resources, int runs,
                          RecoveryBench recovery) throws Exception {
        try (Started app = start(command, port, workDir)) {
            Thread.sleep(2000);
            String status = procStatus(app.process().pid());
            long rssStart = Long.parseLong(first(RSS, status));
            int threadsStart = Integer.parseInt(first(THREADS, status));
            String base = app.engineRest();
            deployAndRun(base, resources.resolve("bench-app-run.bpmn"), runs);
            List<BenchTable> recoveryTables = recovery.measure(base, workDir.resolve("lab"));
            status = procStatus(app.process().pid());
            return new Result(String.join(" ", command.subList(0, command.indexOf("-jar") + 1)), app.startupNanos(), app.cpuSeconds(), app.classesLoaded(), rssStart, threadsStart, runs,
                    Long.parseLong(first(RSS, status)), Integer.parseInt(first(THREADS, status)), recoveryTables);
        }
    }

    /** Starts the app and returns once Tasklist answers HTTP 200 (redirects followed). */
    public Started start(List<String> command, int port, Path workDir) throws Exception {
        Files.createDirectories(workDir);
        Path log = workDir.resolve("app.log");
        URI tasklist = URI.create("http://127.0.0.1:" + port + "/camunda/app/tasklist/");
        long started = System.nanoTime();
        Process app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = started + TimeUnit.SECONDS.toNanos(240);
            while (!answers(tasklist)) {
                if (!app.isAlive()) {
                    throw new IllegalStateException("the app exited " + app.exitValue() + " before Tasklist answered; see " + log);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Tasklist did not answer within 240 s; see " + log);
                }
                Thread.sleep(50);
            }
            long startup = System.nanoTime() - started;
            return new Started(app, port, log, startup, cpuSeconds(app.pid()), classesLoaded(app.pid()));
        } catch (Exception | Error e) {
            app.destroyForcibly();
            throw e;
        }
    }

    /** utime + stime of the process so far, from /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s). */
    static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /** Classes loaded so far, from {@code jstat -class}; -1 when jstat cannot attach. */
    static long classesLoaded(long pid) {
        try {
            Process jstat = new ProcessBuilder("jstat", "-class", Long.toString(pid)).redirectErrorStream(true).start();
            String out = new String(jstat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!jstat.waitFor(30, TimeUnit.SECONDS) || jstat.exitValue() != 0) {
                return -1;
            }
            String[] lines = out.trim().split("\\R");
            return Long.parseLong(lines[lines.length - 1].trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private boolean answers(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Deploys the ten-step bench process as the lab admin, starts the runs and waits until all have ended. */
    private void deployAndRun(String base, Path bpmn, int runs) throws Exception {
        String boundary = "bench" + System.nanoTime();
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbench\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"enable-duplicate-filtering\"\r\n\r\ntrue\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"bench-app-run.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + Files.readString(bpmn) + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        expect(send(HttpRequest.newBuilder(URI.create(base + "/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), "admin"), 200, "deploying bench-app-run.bpmn");
        for (int i = 0; i < runs; i++) {
            expect(send(json(base + "/process-definition/key/benchAppRunProcess/start", "{\"businessKey\":\"BENCH-" + i + "\"}"),
                    "admin"), 200, "starting benchAppRunProcess");
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (true) {
            HttpResponse<String> count = send(HttpRequest.newBuilder(URI.create(base
                    + "/history/process-instance/count?processDefinitionKey=benchAppRunProcess&finished=true")).GET(), "admin");
            expect(count, 200, "counting finished bench runs");
            Matcher matcher = COUNT.matcher(count.body());
            if (matcher.find() && Integer.parseInt(matcher.group(1)) >= runs) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("bench runs in the app had not ended after 3 minutes: " + count.body());
            }
            Thread.sleep(200);
        }
    }

    static HttpRequest.Builder json(String uri, String body) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** One retry: the JDK client may reuse a kept-alive connection Tomcat has just closed ("received no bytes"). */
    HttpResponse<String> send(HttpRequest.Builder request, String user) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        HttpRequest built = request.header("Authorization", "Basic " + credentials).timeout(Duration.ofSeconds(30)).build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException closedUnderUs) {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        }
    }

    static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    static String procStatus(long pid) throws IOException {
        return Files.readString(Path.of("/proc/" + pid + "/status"));
    }

    static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("/proc status has no line matching " + pattern);
        }
        return matcher.group(1);
    }

    public static BenchTable table(List<Result> results) {
        BenchTable table = new BenchTable("Start-up and memory of the app (lab profile, fresh data dir, H2)",
                "Start", "JVM", "Run command to Tasklist HTTP 200", "CPU time to Tasklist 200", "Classes loaded",
                "RSS after start", "Threads after start", "RSS after runs", "Threads after runs");
        int i = 1;
        for (Result result : results) {
            table.row(i++, "`" + result.command() + "`", Stats.seconds(result.startupNanos()), Stats.number(result.cpuSecondsToTasklist(), 1) + " s",
                    result.classesLoaded() < 0 ? "not measured: jstat could not attach" : result.classesLoaded(),
                    Stats.mebibytes(result.rssAfterStartKib()), result.threadsAfterStart(),
                    Stats.mebibytes(result.rssAfterRunsKib()) + " (" + result.runs() + " runs)", result.threadsAfterRuns());
        }
        table.note("'After runs': " + (results.isEmpty() ? 0 : results.get(0).runs())
                + " finished runs of bench/resources/bench-app-run.bpmn (ten asynchronous steps) deployed over the REST API,"
                + " plus the recovery runbooks when they are deployed. CPU time is the app's user + system time until"
                + " Tasklist answered (/proc/PID/stat): unlike the wall time it hardly depends on the machine's load.");
        return table;
    }
}
