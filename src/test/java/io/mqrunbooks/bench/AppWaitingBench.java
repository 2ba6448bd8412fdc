package io.mqrunbooks.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Waiting at scale in the app as shipped: many runs at once, each waiting on a user task for one user while a
 * timer on it fires every 20 s. Threads, resident memory and heap (after a collection) before and while they
 * wait, and how long Tasklist's task list takes to answer that user, through the REST API with their login.
 */
public final class AppWaitingBench {

    /** The demo user the tasks are assigned to (README "Demo users", and bench-app-wait.bpmn): a real user, with authorization checks. */
    static final String USER = "operator";
    private static final Pattern RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");
    private static final Pattern THREADS = Pattern.compile("(?m)^Threads:\\s+(\\d+)");
    private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The body of Tasklist's list request (camunda-tasklist-bootstrap.js, "taskListQuery"), first page. */
    public static final String TASKLIST_FIRST_PAGE = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"firstResult\":0,\"maxResults\":15,\"sorting\":[{\"sortOrder\":\"desc\",\"sortBy\":\"created\"}],\"active\":true}";

    /** One look at the app from outside: threads, resident memory, heap in use after a full collection. */
    public record Sample(int threads, long rssKib, long heapAfterGcKib) {
    }

    /** Timings of one kind of task list query, in milliseconds. */
    public record Query(String what, long rows, List<Double> millis) {
    }

    public record Result(int runs, long openTasks, Sample before, Sample duringPeak, Sample waitingAfterGc,
                         long timerFiringsSeen, List<Query> queries) {
    }

    private AppWaitingBench() {
    }

    public static Result measure(AppBench bench, AppBench.Started app, Path resources, int runs, int watchSeconds,
                                 int queryRepeats) throws Exception {
        long pid = app.process().pid();
        String base = app.engineRest();
        Sample before = sample(pid, true);
        deploy(bench, base, resources.resolve("bench-app-wait.bpmn"));
        for (int i = 0; i < runs; i++) {
            AppBench.expect(bench.send(AppBench.json(base + "/process-definition/key/benchAppWaitProcess/start",
                    "{\"businessKey\":\"WAIT-" + i + "\"}"),
                    "admin"), 200, "starting benchAppWaitProcess");
        }
        long openTasks = count(bench, base + "/task/count?assignee=" + USER, USER);
        if (openTasks < runs) {
            throw new IllegalStateException(USER + " has " + openTasks + " open tasks after " + runs + " starts");
        }
        // Watch the runs wait while their timers fire (every 20 s each, so about runs/20 firings a second).
        List<Sample> during = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(watchSeconds);
        while (System.nanoTime() < deadline) {
            during.add(sample(pid, false));
            Thread.sleep(1000);
        }
        Sample peak = new Sample(during.stream().mapToInt(Sample::threads).max().orElseThrow(),
                during.stream().mapToLong(Sample::rssKib).max().orElseThrow(), -1);
        long firings = count(bench, base + "/history/activity-instance/count?activityId=endEvent_ticked", "admin");
        String filterId = allTasksFilter(bench, base);
        List<Query> queries = List.of(
                time(bench, queryRepeats, "Tasklist's own request: POST /filter/{All tasks}/list (HAL: first 15, newest"
                        + " first, with the count)", () -> {
                    HttpResponse<String> page = bench.send(AppBench.json(base + "/filter/" + filterId
                            + "/list?firstResult=0&maxResults=15", TASKLIST_FIRST_PAGE)
                            .header("Accept", "application/hal+json, application/json; q=0.5"), USER);
                    AppBench.expect(page, 200, "Tasklist's filter list");
                    return JSON.readTree(page.body()).path("_embedded").path("task").size();
                }),
                time(bench, queryRepeats, "Tasklist's first page: POST /task (15, newest first) and POST /task/count", () -> {
                    String body = "{\"assignee\":\"" + USER + "\",\"active\":true,\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
                    HttpResponse<String> page = bench.send(AppBench.json(base + "/task?firstResult=0&maxResults=15", body), USER);
                    AppBench.expect(page, 200, "Tasklist's first page");
                    AppBench.expect(bench.send(AppBench.json(base + "/task/count", body), USER), 200, "Tasklist's count");
                    return rows(page.body());
                }),
                time(bench, queryRepeats, "the whole list: GET /task?assignee=" + USER, () -> {
                    HttpResponse<String> all = bench.send(HttpRequest.newBuilder(URI.create(base + "/task?assignee=" + USER)).GET(), USER);
                    AppBench.expect(all, 200, "the whole task list");
                    return rows(all.body());
                }));
        Sample waiting = sample(pid, true);
        return new Result(runs, openTasks, before, peak, waiting, firings, queries);
    }

    private interface Call {
        long rows() throws Exception;
    }

    private static Query time(AppBench bench, int repeats, String what, Call call) throws Exception {
        long rows = call.rows(); // warm-up, not counted
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            long started = System.nanoTime();
            rows = call.rows();
            millis.add((System.nanoTime() - started) / 1e6);
        }
        return new Query(what, rows, millis);
    }

    /** The id of the app's "All tasks" filter (TasklistFilters), the one Tasklist opens. */
    private static String allTasksFilter(AppBench bench, String base) throws Exception {
        HttpResponse<String> filters = bench.send(HttpRequest.newBuilder(URI.create(base + "/filter?resourceType=Task&name="
                + java.net.URLEncoder.encode("All tasks", StandardCharsets.UTF_8))).GET(), USER);
        AppBench.expect(filters, 200, "the All tasks filter");
        JsonNode list = JSON.readTree(filters.body());
        if (list.size() != 1) {
            throw new IllegalStateException("expected one 'All tasks' filter, found: " + filters.body());
        }
        return list.get(0).path("id").asText();
    }

    /** Rows of a JSON array answer: the task ids in it. */
    static long rows(String json) {
        return Pattern.compile("\"id\"\\s*:").matcher(json).results().count();
    }

    private static void deploy(AppBench bench, String base, Path bpmn) throws Exception {
        String boundary = "bench" + System.nanoTime();
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbench-wait\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"bench-app-wait.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + Files.readString(bpmn) + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        AppBench.expect(bench.send(HttpRequest.newBuilder(URI.create(base + "/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), "admin"), 200, "deploying bench-app-wait.bpmn");
    }

    private static long count(AppBench bench, String uri, String user) throws Exception {
        HttpResponse<String> response = bench.send(HttpRequest.newBuilder(URI.create(uri)).GET(), user);
        AppBench.expect(response, 200, "GET " + uri);
        Matcher matcher = COUNT.matcher(response.body());
        if (!matcher.find()) {
            throw new IllegalStateException("GET " + uri + " answered without a count: " + response.body());
        }
        return Long.parseLong(matcher.group(1));
    }

    /** Threads and RSS from /proc; heap in use from {@code jcmd GC.heap_info}, after {@code jcmd GC.run} when asked. */
    static Sample sample(long pid, boolean afterGc) throws IOException, InterruptedException {
        long heap = -1;
        if (afterGc) {
            jcmd(pid, "GC.run");
            Thread.sleep(500);
            Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
            heap = used.find() ? Long.parseLong(used.group(1)) : -1;
        }
        String status = AppBench.procStatus(pid);
        return new Sample(Integer.parseInt(AppBench.first(THREADS, status)), Long.parseLong(AppBench.first(RSS, status)), heap);
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + out);
        }
        return out;
    }

    public static List<BenchTable> tables(Result result) {
        BenchTable memory = new BenchTable("Waiting in the app: " + result.runs() + " runs on a user task each, with a"
                + " 20 s timer cycle on it (lab profile, H2)", "When", "Threads", "RSS", "Heap used after GC");
        memory.row("before (app started, idle)", result.before().threads(), Stats.mebibytes(result.before().rssKib()),
                Stats.mebibytes(result.before().heapAfterGcKib()));
        memory.row("during (highest of 1 s samples)", result.duringPeak().threads(), Stats.mebibytes(result.duringPeak().rssKib()), "-");
        memory.row(result.openTasks() + " runs waiting, after GC", result.waitingAfterGc().threads(),
                Stats.mebibytes(result.waitingAfterGc().rssKib()), Stats.mebibytes(result.waitingAfterGc().heapAfterGcKib()));
        memory.note("Timer firings in the watch: " + result.timerFiringsSeen() + ". A waiting run is rows in the database"
                + " (a task, a timer job), not a thread.");
        BenchTable queries = new BenchTable("Tasklist's task list for '" + USER + "' with " + result.openTasks()
                + " open tasks (REST API, " + USER + "'s login, authorization checks on)", "Query", "Rows", "Median", "Slowest", "Target");
        for (Query query : result.queries()) {
            double median = Stats.median(query.millis());
            double slowest = query.millis().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            queries.row(query.what(), query.rows(), Stats.millis(median), Stats.millis(slowest),
                    slowest <= 1000 ? "≤ 1 s: met" : "≤ 1 s: missed");
        }
        queries.note("Each timed " + result.queries().get(0).millis().size() + " times after one untimed call, while the timers fire.");
        return List.of(memory, queries);
    }
}
