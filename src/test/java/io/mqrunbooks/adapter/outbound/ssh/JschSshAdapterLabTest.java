package io.mqrunbooks.adapter.outbound.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import io.mqrunbooks.application.port.out.CommandResult;
import io.mqrunbooks.application.port.out.RemoteCommand;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.application.port.out.SshException.Kind;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.Host;
import io.mqrunbooks.lab.LabEstate;
import io.mqrunbooks.lab.LabJournal.Entry;
import io.mqrunbooks.lab.LabJournal.Outcome;
import io.mqrunbooks.lab.LabOptions;
import io.mqrunbooks.lab.LabWiring;
import io.mqrunbooks.lab.LabTestSupport;
import io.mqrunbooks.lab.mq.SimulatedMqEstate;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session reuse against the lab's SSH servers and their faults: a host that goes away and comes back, a
 * session dropped under a command. The lab's journal shows each command the hosts received, so a command the
 * adapter sent twice would show twice.
 */
class JschSshAdapterLabTest {

    @TempDir
    Path data;

    private LabEstate lab;
    private SimulatedMqEstate mq;
    private Estate estate;
    private JschSshAdapter ssh;
    private final List<CommandResult> evidence = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startLab() throws Exception {
        Estate inventory = LabTestSupport.estate();
        mq = (SimulatedMqEstate) LabWiring.simulatedMq(inventory, Clock.systemUTC());
        lab = LabEstate.start(inventory, mq, data, LabOptions.ephemeral());
        estate = lab.effectiveEstate();
        ssh = new JschSshAdapter(new SshProperties(lab.clientKeyFile(), null, lab.knownHostsFile(), Duration.ofSeconds(10),
                262144, Duration.ofSeconds(60), Duration.ofSeconds(2)), evidence::add);
    }

    @AfterEach
    void stopLab() {
        ssh.stop();
        lab.close();
    }

    @Test
    void aHostThatWentDownAndCameBackGetsANewSessionAndEachCommandRunsOnce() throws Exception {
        assertThat(dspmq().exitCode()).isZero();
        assertThat(ssh.openSessions()).isOne();

        lab.faults().hostDown("mqeast1");
        SshException whileDown = catchThrowableOfType(this::dspmq, SshException.class);
        lab.faults().hostUp("mqeast1");
        CommandResult afterwards = dspmq();

        // The kept session died with the server; the adapter found it dead, tried a new connection, and said
        // what an operator needs to know: the host is unreachable (not that a session dropped).
        assertThat(whileDown.kind()).isEqualTo(Kind.HOST_UNREACHABLE);
        assertThat(whileDown.getMessage()).isEqualTo("host mqeast1 (127.0.0.1:" + lab.port("mqeast1")
                + ") is unreachable: connection to 127.0.0.1:" + lab.port("mqeast1") + " refused (no SSH server listening there)");
        assertThat(afterwards.stdout()).contains("QMNAME(QM1)");
        assertThat(lab.journal().entriesFor("mqeast1")).extracting(Entry::outcome, Entry::exitCode)
                .containsExactly(tuple(Outcome.EXITED, 0), tuple(Outcome.EXITED, 0));
        assertThat(evidence).extracting(CommandResult::exitCode).containsExactly(0, -1, 0);
        assertThat(ssh.openSessions()).isOne();
    }

    @Test
    void aSessionDroppedAfterTheCommandReachedTheHostIsReportedAndNeverRetried() {
        dspmq();
        lab.faults().dropSession("mqeast1", "dspmq");

        SshException dropped = catchThrowableOfType(this::dspmq, SshException.class);

        assertThat(dropped.kind()).isEqualTo(Kind.SESSION_DROPPED);
        assertThat(dropped.getMessage()).isEqualTo("the SSH session to host mqeast1 (127.0.0.1:" + lab.port("mqeast1")
                + ") closed before command 'dspmq -m QM1' reported an exit status");
        assertThat(lab.journal().entriesFor("mqeast1")).extracting(Entry::outcome)
                .containsExactly(Outcome.EXITED, Outcome.DROPPED);

        lab.faults().clear("mqeast1");
        assertThat(dspmq().exitCode()).isZero();
        assertThat(lab.journal().entriesFor("mqeast1")).extracting(Entry::outcome)
                .containsExactly(Outcome.EXITED, Outcome.DROPPED, Outcome.EXITED);
    }

    @Test
    void aHostGoingDownWhileItsCommandRunsFailsThatCommandOnceWithoutRetry() throws Exception {
        dspmq();
        lab.faults().hang("mqeast1", "dspmq");
        CompletableFuture<CommandResult> running = CompletableFuture.supplyAsync(this::dspmq);
        awaitRunningCommands(1);

        lab.faults().hostDown("mqeast1");

        Throwable failure = catchThrowableOfType(() -> running.get(30, TimeUnit.SECONDS),
                java.util.concurrent.ExecutionException.class).getCause();
        assertThat(failure).isInstanceOfSatisfying(SshException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.SESSION_DROPPED));
        lab.faults().clear("mqeast1");
        awaitRunningCommands(0);
        assertThat(lab.journal().entriesFor("mqeast1")).extracting(Entry::outcome)
                .containsExactly(Outcome.EXITED, Outcome.DISCONNECTED);
    }

    /**
     * A host whose MQ speaks Chinese (its sessions' LANG) answers the adapter in IBM's English: every command goes
     * with LC_ALL=C and LANG=C. Without JschSshAdapter.ENGLISH_MESSAGES this test fails with STATUS(正在运行).
     */
    @Test
    void aHostWithTranslatedMessagesAnswersInEnglish() {
        mq.hostLanguage("mqeast1", "zh_CN");
        assertThat(mq.execute("mqeast1", "mqm", List.of("dspmq", "-m", "QM1"), "").stdout())
                .endsWith("STATUS(正在运行)\n");

        CommandResult result = dspmq();

        assertThat(result.stdout()).isEqualTo("QMNAME(QM1)                                               STATUS(Running)\n");
        assertThat(result.commandLine()).isEqualTo("dspmq -m QM1");
        assertThat(lab.journal().entriesFor("mqeast1")).extracting(Entry::commandLine)
                .containsExactly("env LC_ALL= LANG=C LC_MESSAGES=C LC_CTYPE=C.UTF-8 timeout --signal=KILL 60s dspmq -m QM1");
    }

    private CommandResult dspmq() {
        Host host = estate.host("mqeast1");
        return ssh.run(host, RemoteCommand.builder("dspmq").flag("-m").mqName("queue manager", "QM1").build());
    }

    private void awaitRunningCommands(int count) throws InterruptedException {
        long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (lab.runningCommands().size() != count && System.nanoTime() < giveUpAt) {
            Thread.sleep(20);
        }
        assertThat(lab.runningCommands()).hasSize(count);
    }
}
