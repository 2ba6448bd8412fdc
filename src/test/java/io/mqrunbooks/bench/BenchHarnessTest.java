package io.mqrunbooks.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.mqrunbooks.bench.BenchEngine.Database;
import io.mqrunbooks.bench.BenchEngine.JobExecutorSettings;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the bench's code paths alive on tiny sizes (bench/run itself is not part of the build): the table
 * every section prints has its rows and columns, and a side that cannot be measured says so.
 */
class BenchHarnessTest {

    static final Path RESOURCES = Path.of("bench/resources");

    @TempDir
    Path work;

    @Test
    void fanOutOnTwoLabHostsThroughTheSshAdapterAndSaysWhyAnsibleWasNotMeasured() throws Exception {
        List<BenchTable> tables = BenchLab.fanOut(BenchLab.inProcess(), List.of(2), 1, 3, work,
                Path.of("bench/fanout-playbook.yml"), "/nonexistent/ansible-playbook", 2);

        BenchTable fanOut = tables.get(0);
        assertThat(fanOut.title()).isEqualTo(
                "Fan-out: dspmq + runmqsc DISPLAY QMGR on N hosts (median of 1 runs after a warm-up)");
        assertThat(fanOut.headers()).containsExactly("N hosts", "mq-runbooks (SSH adapter)",
                "mq-runbooks (MqControlPort + MqAdminPort)", "Ansible (ansible-playbook, raw)",
                "Ansible / mq-runbooks (adapter, ports)", "Threads (ours); forks (Ansible)",
                "First run, before the warm-up: adapter, ports; Ansible (Ansible / ours)");
        assertThat(fanOut.rows()).hasSize(1);
        List<String> row = fanOut.rows().get(0);
        assertThat(row.get(0)).isEqualTo("2");
        assertThat(row.get(1)).matches("\\d+\\.\\d\\d s");
        assertThat(row.get(2)).matches("\\d+\\.\\d\\d s");
        assertThat(row.get(3)).startsWith("not measured: /nonexistent/ansible-playbook cannot be started (");
        assertThat(row.get(4)).isEqualTo("-");
        assertThat(row.get(5)).isEqualTo("2; -");
        // The cold first run is reported on its own; three sessions on two hosts take two runs of each side.
        assertThat(row.get(6)).matches("\\d+\\.\\d\\d s, \\d+\\.\\d\\d s; -");
        assertThat(fanOut.markdown()).contains("the first run included, N=2: 2.");

        BenchTable cost = tables.get(1);
        assertThat(cost.headers()).containsExactly("N hosts", "Side", "Wall", "Lab SSH servers' CPU", "Client CPU",
                "SSH connections");
        // One session per host on our side, two with a session per command; the lab ran in this JVM, so its CPU
        // is not apart.
        assertThat(cost.rows()).extracting(r -> r.get(1) + " | " + r.get(3) + " | " + r.get(5)).containsExactly(
                "mq-runbooks (SSH adapter) | n/a | 2", "mq-runbooks (ports) | n/a | 2",
                "mq-runbooks (SSH adapter, a session per command) | n/a | 4");

        BenchTable breakdown = tables.get(2);
        assertThat(breakdown.headers()).containsExactly("Part", "Median", "Samples");
        assertThat(breakdown.rows()).extracting(r -> r.get(0)).containsExactly(
                "ours: one `dspmq` over a new session (connect, handshake, auth, exec, close), warm JVM",
                "ours: one `dspmq` over a kept session (exec channel only)",
                "lab: the command itself (journal durationMillis, all commands of this lab)",
                "ours: setting up a session (new-session call minus kept-session call)",
                "OpenSSH client: `ssh ... dspmq` (process start, handshake, auth, exec) as Ansible's connection does");
        // The lab journal holds both hosts' commands from both of our paths, plus the breakdown's own calls.
        assertThat(Files.readString(work.resolve("fanout-2/data/lab/journal.jsonl")))
                .contains("\"host\":\"h001\"", "\"host\":\"h002\"", "\"argv\":[\"runmqsc\",\"QM002\"]",
                        "\"argv\":[\"dspmq\",\"-m\",\"QM001\",\"-o\",\"status\",\"-n\"]");
    }

    @Test
    void ourWarmUpOpensTheAskedSessionsInWholeRunsAndAtLeastTheFirstRun() {
        assertThat(FanOutBench.warmUpRuns(10, 400)).isEqualTo(40);
        assertThat(FanOutBench.warmUpRuns(50, 400)).isEqualTo(8);
        assertThat(FanOutBench.warmUpRuns(150, 400)).isEqualTo(3);
        assertThat(FanOutBench.warmUpRuns(200, 1)).isEqualTo(1);
        assertThat(FanOutBench.warmUpRuns(500, 400)).isEqualTo(1);
    }

    @Test
    void eachSideTriesFiftyAHundredAndAllHostsAtOnce() {
        assertThat(FanOutBench.candidates(10)).containsExactly(10);
        assertThat(FanOutBench.candidates(50)).containsExactly(50);
        assertThat(FanOutBench.candidates(100)).containsExactly(50, 100);
        assertThat(FanOutBench.candidates(200)).containsExactly(50, 100, 200);
    }

    @Test
    void ansibleRecapWithAFailedHostStopsTheBench() {
        String recap = """
                PLAY RECAP *********************************************************************
                h001                       : ok=2    changed=2    unreachable=0    failed=0    skipped=0
                h002                       : ok=1    changed=1    unreachable=0    failed=1    skipped=0
                """;

        FanOutBench.checkRecap(recap.replace("ok=1    changed=1    unreachable=0    failed=1",
                "ok=2    changed=2    unreachable=0    failed=0"), 2, 0);
        assertThatThrownBy(() -> FanOutBench.checkRecap(recap, 2, 2))
                .hasMessageStartingWith("ansible-playbook exited 2 with 1 of 2 hosts ok=2: ");
    }

    @Test
    void engineOverheadOnH2WithBothJobExecutorSettings() throws Exception {
        List<EngineBench.Row> rows = List.of(
                EngineBench.measure(Database.H2, work.resolve("h2"), JobExecutorSettings.DEFAULTS, RESOURCES, 5, 2, 1),
                EngineBench.measure(Database.H2, work.resolve("h2"), JobExecutorSettings.TUNED, RESOURCES, 5, 2, 1));

        BenchTable table = EngineBench.table(rows);
        assertThat(table.headers()).containsExactly("Database", "Job executor", "ms per step, one run alone",
                "Steps/s, runs at once", "Runs/s (runs × steps)", "JVM CPU ms per step",
                "Per step, one run alone: SQL statements (executions) / commits",
                "Per step, one run alone, server: statements / COMMITs / log writes / fsyncs",
                "Per step, runs at once, server: statements / COMMITs / log writes / fsyncs");
        assertThat(table.rows()).extracting(r -> r.get(0) + " | " + r.get(1)).containsExactly(
                "H2 (file) | Camunda defaults (pool 3-10, queue 3, 3 jobs/acquisition, wait 5000 ms)",
                "H2 (file) | tuned (pool 4, queue 16, 16 jobs/acquisition, wait 100 ms)");
        assertThat(table.rows()).allSatisfy(r -> assertThat(r.get(4)).endsWith(" (2 × 5)"));
        assertThat(rows).allSatisfy(r -> assertThat(r.msPerStepAlone()).isPositive());
        assertThat(table.rows()).allSatisfy(r -> assertThat(r.get(7)).isEqualTo("(H2: no server)"));
        // The step's evidence rides on the engine's commit: about one commit per step (nine before), the
        // rest is the run's start and the job acquisitions spread over five steps.
        assertThat(rows).allSatisfy(r -> assertThat(r.alone().commits()).isBetween(1.0, 3.0));
        assertThat(rows).allSatisfy(r -> assertThat(r.alone().statements()).isGreaterThan(10.0));
    }

    @Test
    void waitingRunsReportBeforeDuringAndAfter() throws Exception {
        WaitingBench.Result result = WaitingBench.measure(work.resolve("h2"), RESOURCES, 3, 3);

        BenchTable table = WaitingBench.table(result);
        assertThat(table.headers()).containsExactly("When", "Threads", "RSS", "Heap used", "Timers waiting");
        assertThat(table.rows()).extracting(r -> r.get(0)).containsExactly("before (engine started, idle)",
                "during (highest of 1 s samples)", "after (all ended, after GC)");
        assertThat(result.before().waitingTimers()).isZero();
        assertThat(result.duringPeak().waitingTimers()).isBetween(1L, 3L);
        assertThat(result.after().waitingTimers()).isZero();
        assertThat(table.markdown()).contains("All 3 runs ended in ", "(each waits at least 2 × 1 s)");
    }

    @Test
    void aRecoveryRunbookThatIsNotDeployedIsNotMeasured() throws Exception {
        HttpServer engineRest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        engineRest.createContext("/engine-rest/process-definition/key/", exchange -> {
            byte[] body = "{\"type\":\"RestException\",\"message\":\"No matching process definition\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        engineRest.start();
        try {
            List<BenchTable> tables = RecoveryBench.standard(RESOURCES, 1)
                    .measure("http://127.0.0.1:" + engineRest.getAddress().getPort() + "/engine-rest", work.resolve("lab"));

            assertThat(tables.get(0).headers()).containsExactly("Runbook",
                    "Machine time, declaration to first successful test message (range)", "Gates (taken out)",
                    "Longest steps");
            assertThat(tables.get(0).rows()).containsExactly(
                    List.of("DR activation, primary lost (`drActivationProcess`)",
                            "not measured: process 'drActivationProcess' is not deployed (its runbook is not on main)", "-", "-"),
                    List.of("DR activation, primary still running (`drActivationProcess`)",
                            "not measured: process 'drActivationProcess' is not deployed (its runbook is not on main)", "-", "-"),
                    List.of("RDQM failover (`rdqmFailoverProcess`)",
                            "not measured: process 'rdqmFailoverProcess' is not deployed (its runbook is not on main)", "-", "-"));
        } finally {
            engineRest.stop(0);
        }
    }

    @Test
    void parallelGatesAreTakenOutOnce() {
        java.time.OffsetDateTime t0 = java.time.OffsetDateTime.parse("2026-11-21T09:00:00Z");
        List<java.time.OffsetDateTime[]> gates = List.of(
                new java.time.OffsetDateTime[] {t0, t0.plusNanos(300_000_000)},
                new java.time.OffsetDateTime[] {t0.plusNanos(1_000_000_000), t0.plusNanos(1_200_000_000)},
                new java.time.OffsetDateTime[] {t0.plusNanos(1_100_000_000), t0.plusNanos(1_500_000_000)});

        assertThat(RecoveryBench.unionMillis(gates)).isEqualTo(300 + 500);
        assertThat(RecoveryBench.unionMillis(List.of())).isZero();
    }

    @Test
    void tasklistsListSaysWhetherItMetTheOneSecondTargetBySlowestAnswer() {
        AppWaitingBench.Sample idle = new AppWaitingBench.Sample(60, 400 * 1024, 90 * 1024);
        AppWaitingBench.Result result = new AppWaitingBench.Result(1000, 1000, idle,
                new AppWaitingBench.Sample(64, 480 * 1024, -1), new AppWaitingBench.Sample(62, 470 * 1024, 120 * 1024), 3000,
                List.of(new AppWaitingBench.Query("first page", 15, List.of(40.0, 60.0, 50.0)),
                        new AppWaitingBench.Query("whole list", 1000, List.of(900.0, 1200.0, 950.0))));

        List<BenchTable> tables = AppWaitingBench.tables(result);

        assertThat(tables.get(0).rows()).extracting(row -> row.get(0))
                .containsExactly("before (app started, idle)", "during (highest of 1 s samples)", "1000 runs waiting, after GC");
        assertThat(tables.get(0).rows().get(2)).containsExactly("1000 runs waiting, after GC", "62", "470 MiB", "120 MiB");
        assertThat(tables.get(1).rows()).containsExactly(
                List.of("first page", "15", "50 ms", "60 ms", "≤ 1 s: met"),
                List.of("whole list", "1000", "950 ms", "1200 ms", "≤ 1 s: missed"));
        assertThat(AppWaitingBench.rows("[{\"id\":\"a\",\"name\":\"x\"},{\"id\" : \"b\"}]")).isEqualTo(2);
    }

    @Test
    void anUnknownOptionIsNamed() {
        assertThatThrownBy(() -> BenchMain.parse(new String[] {"--work", "w", "--resources", "r", "--out", "o", "--port", "1"}))
                .hasMessage("unknown option '--port'");
        assertThatThrownBy(() -> BenchMain.parse(new String[] {"--work", "w"}))
                .hasMessage("option --resources is required");
    }
}
