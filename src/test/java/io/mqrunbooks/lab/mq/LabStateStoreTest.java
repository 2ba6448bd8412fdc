package io.mqrunbooks.lab.mq;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.EstateConfiguration;
import io.mqrunbooks.lab.LabCommandHandler.LabExecution;
import io.mqrunbooks.lab.LabEstate;
import io.mqrunbooks.lab.LabFaults;
import io.mqrunbooks.lab.LabOptions;
import io.mqrunbooks.lab.control.LabControl;
import io.mqrunbooks.lab.mq.LabTestSupport.MutableClock;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The lab's state across a restart of the app: a lab stopped and started again on the same data folder and the same
 * history database shows what it showed before (dspmq, rdqmstatus, dspmqver, queue depths, a failed host still
 * failed); with another history database it starts from its first state.
 */
class LabStateStoreTest {

    private static final String HISTORY = "history-db-1";
    /** The app's own lab inventory, RDQM HA and Native HA groups included. */
    private static final Estate ESTATE = EstateConfiguration.load("classpath:lab/lab-estate.yaml",
            new DefaultResourceLoader());

    @TempDir
    Path data;

    private final MutableClock clock = new MutableClock(LabTestSupport.START);
    private LabEstate ssh;

    @AfterEach
    void stop() {
        if (ssh != null) {
            ssh.close();
        }
    }

    @Test
    void aRestartedLabShowsWhatItShowedBeforeAndAFailedHostIsStillFailed() throws IOException {
        Lab first = start(HISTORY);
        assertThat(first.store.opening().restored()).isFalse();
        first.control.failHost("dr1");
        first.run("mqeast1", "endmqm -i QM1");
        first.control.installVersion("fr1", "9.4.1.0");
        first.run("fr1", "endmqm -i FR1");
        first.run("fr1", "strmqm FR1");
        first.control.putMessages("mqeast2", "QM2", "PAYMENT.IN", 3, true);
        first.mq.suspendHaNode("ha1");
        first.mq.hostLanguage("mqeast2", "zh_CN");
        first.run("mqwest1", "strmqm -r QM1");
        clock.advance(Duration.ofMinutes(5));
        String before = first.view();
        int drPort = ssh.port("dr1");
        ssh.close();

        Lab second = start(HISTORY);

        assertThat(second.store.opening().restored()).isTrue();
        assertThat(second.view()).isEqualTo(before);
        assertThat(second.run("mqeast1", "dspmq -m QM1").stdout())
                .isEqualTo("QMNAME(QM1)                                               STATUS(Ended immediately)\n");
        assertThat(second.run("fr1", "dspmq -o all -m FR1").stdout()).contains("STATUS(Running)");
        assertThat(second.run("fr1", "dspmqver").stdout()).contains("Version:     9.4.1.0");
        assertThat(second.mq.queueDepth("mqeast2", "QM2", "PAYMENT.IN")).isEqualTo(3);
        assertThat(second.run("mqeast2", "dspmq -m QM2").stdout()).endsWith("STATUS(正在运行)\n");
        assertThat(second.control.state().get("hostsDown")).isEqualTo(List.of("dr1"));
        assertThat(refused(ssh.port("dr1"))).as("SSH to the failed host dr1 (port %d before)", drPort).isTrue();
        assertThat(second.mq.haNodeSuspended("ha1")).isTrue();
        assertThat(second.mq.haCurrentLocation("QMHA1")).contains("ha2");
        // still a backup: refused until strmqm -a
        assertThat(second.run("mqwest1", "strmqm QM1").stderr()).startsWith("Queue manager 'QM1' is a backup");
    }

    @Test
    void theReplayKeepsTimeSoASynchronizationGoesOnWhereItWas() throws IOException {
        Lab first = start(HISTORY);
        first.mq.cutReplicationLink("QMDR");
        first.control.putMessages("dr1", "QMDR", "APP.IN", 2000, true);
        first.mq.restoreReplicationLink("QMDR");
        clock.advance(Duration.ofMillis(300));
        String during = first.run("dr1", "rdqmstatus -m QMDR").stdout();
        assertThat(during).contains("DR status:                              Synchronization in progress");
        ssh.close();

        Lab second = start(HISTORY);

        assertThat(second.run("dr1", "rdqmstatus -m QMDR").stdout()).isEqualTo(during);
        clock.advance(Duration.ofMinutes(10));
        assertThat(second.run("dr1", "rdqmstatus -m QMDR").stdout())
                .contains("DR status:                              Normal");
    }

    @Test
    void aClusterTransmissionQueueBacklogGoesOnDrainingWhereItWas() throws IOException {
        Lab first = start(HISTORY);
        first.mq.execute("fr1", "mqm", List.of("runmqsc", "FR1"), "STOP CHANNEL(TO.PR3)\n");
        String bodies = java.util.stream.IntStream.rangeClosed(1, 1500).mapToObj(i -> "audit " + i + "\n")
                .collect(java.util.stream.Collectors.joining());
        first.mq.execute("fr1", "mqm", List.of("/opt/mqm/samp/bin/amqsput", "PAY.AUDIT", "FR1"), bodies);
        first.mq.execute("fr1", "mqm", List.of("runmqsc", "FR1"), "START CHANNEL(TO.PR3)\n");
        clock.advance(Duration.ofMillis(500));
        String during = first.mq.execute("fr1", "mqm", List.of("runmqsc", "FR1"), "DIS CHS(TO.PR3) MSGS XQMSGSA\n")
                .stdout();
        assertThat(during).contains("MSGS(500)", "XQMSGSA(1000)");
        ssh.close();

        Lab second = start(HISTORY);

        assertThat(second.mq.execute("fr1", "mqm", List.of("runmqsc", "FR1"), "DIS CHS(TO.PR3) MSGS XQMSGSA\n")
                .stdout()).isEqualTo(during);
        assertThat(second.mq.queueDepth("pr3", "PR3", "PAY.AUDIT")).isEqualTo(500);
        clock.advance(Duration.ofSeconds(1));
        assertThat(second.mq.queueDepth("fr1", "FR1", "SYSTEM.CLUSTER.TRANSMIT.QUEUE")).isZero();
        assertThat(second.mq.queueDepth("pr3", "PR3", "PAY.AUDIT")).isEqualTo(1500);
    }

    @Test
    void aHeldChannelStatusIsKeptAcrossARestart() throws IOException {
        Lab first = start(HISTORY);
        first.mq.channelCondition("pr1", "PR1", "TO.FR1", "SWITCHING");
        ssh.close();

        Lab second = start(HISTORY);

        assertThat(second.mq.execute("pr1", "mqm", List.of("runmqsc", "PR1"), "DIS CHS(TO.FR1) STATUS\n").stdout())
                .contains("STATUS(SWITCHING)");
    }

    @Test
    void commandFaultsAreKeptAndWhatWasClearedStaysCleared() throws IOException {
        Lab first = start(HISTORY);
        LabFaults faults = ssh.faults();
        faults.fail("dr1", "rdqmdr", 1, "AMQ3817E: Replicated data subsystem call failed.\n");
        faults.hang("dr2", "rdqmstatus");
        faults.dropSession("mqeast1", "endmqm");
        faults.hang("fr1", "dspmq");
        faults.clear("fr1");
        faults.hang("mi1", "dspmq");
        faults.hostDown("mi1");
        faults.clear("mi1");
        ssh.close();

        start(HISTORY);

        LabFaults after = ssh.faults();
        assertThat(after.faultFor("dr1", "rdqmdr")).contains(
                new LabFaults.Fail(1, "AMQ3817E: Replicated data subsystem call failed.\n"));
        assertThat(after.faultFor("dr2", "rdqmstatus")).contains(new LabFaults.Hang());
        assertThat(after.faultFor("mqeast1", "endmqm")).contains(new LabFaults.DropSession());
        assertThat(after.faultFor("dr1", "dspmq")).as("other commands run normally").isEmpty();
        assertThat(after.faultFor("fr1", "dspmq")).as("cleared before the restart").isEmpty();
        assertThat(after.faultFor("mi1", "dspmq")).isEmpty();
        assertThat(after.isDown("mi1")).as("a clear brings the host up").isFalse();
        assertThat(Files.readString(data.resolve("lab/state.jsonl")))
                .contains("\"op\":[\"fail\",\"dr1\",\"rdqmdr\",\"1\",\"AMQ3817E: Replicated data subsystem call failed.\\n\"]");

        after.clearAll();
        ssh.close();
        start(HISTORY);
        assertThat(ssh.faults().faultFor("dr1", "rdqmdr")).as("cleared with clearAll").isEmpty();
        assertThat(ssh.faults().faultFor("dr2", "rdqmstatus")).isEmpty();
    }

    @Test
    void aResetClearsTheCommandFaultsForGood() throws IOException {
        Lab first = start(HISTORY);
        ssh.faults().fail("dr1", "rdqmdr", 1, "failed");
        first.control.reset();
        ssh.close();

        start(HISTORY);

        assertThat(ssh.faults().faultFor("dr1", "rdqmdr")).isEmpty();
    }

    @Test
    void withAnotherHistoryDatabaseTheLabStartsFromItsFirstState() throws IOException {
        Lab first = start(HISTORY);
        String initial = first.view();
        first.control.failHost("dr1");
        first.run("mqeast1", "endmqm -i QM1");
        ssh.close();

        Lab second = start("history-db-2");

        assertThat(second.store.opening().restored()).isFalse();
        assertThat(second.store.opening().reason()).startsWith(
                "the recorded lab state belongs to another history database (history-db-1): the lab starts from its"
                        + " first state");
        assertThat(second.view()).isEqualTo(initial);
        assertThat(second.control.state().get("hostsDown")).isEqualTo(List.of());
        assertThat(data.resolve("lab/state-previous.jsonl")).exists();
    }

    @Test
    void aResetIsKeptToo() throws IOException {
        Lab first = start(HISTORY);
        String initial = first.view();
        first.control.failHost("dr1");
        first.control.reset();
        first.run("mqeast1", "endmqm -i QM1");
        String afterReset = first.view();
        assertThat(afterReset).isNotEqualTo(initial);
        ssh.close();

        Lab second = start(HISTORY);

        assertThat(second.view()).isEqualTo(afterReset);
        assertThat(second.control.state().get("hostsDown")).isEqualTo(List.of());
        assertThat(Files.readAllLines(data.resolve("lab/state.jsonl")).get(1)).contains("endmqm");
    }

    @Test
    void anUnreadableRecordIsSetAsideAndTheLabStartsFresh() throws IOException {
        Lab lab = startAfterRecord(2, "not json}\n");

        assertThat(lab.store.opening().reason()).startsWith("the recorded lab state cannot be replayed (Lab state ");
        assertThat(lab.run("mqeast1", "dspmq -m QM1").stdout()).contains("STATUS(Running)");
    }

    @Test
    void aRecordOfTheFormatBeforeClusterTransmissionQueuesIsSetAside() throws IOException {
        // Format 1 delivered cluster puts at once; replayed now they would wait on SYSTEM.CLUSTER.TRANSMIT.QUEUE.
        Lab lab = startAfterRecord(1, "");

        assertThat(lab.store.opening().reason()).contains("another format");
    }

    /** A lab started on a record of this format holding these lines after its header: set aside, started fresh. */
    private Lab startAfterRecord(int format, String lines) throws IOException {
        Files.createDirectories(data.resolve("lab"));
        Files.writeString(data.resolve("lab/state.jsonl"), "{\"format\":" + format + ",\"historyId\":\"" + HISTORY
                + "\",\"inventory\":\"" + LabStateStore.fingerprint(ESTATE.toString())
                + "\",\"builtAt\":\"2026-11-21T09:00:00Z\"}\n" + lines);
        Lab lab = start(HISTORY);
        assertThat(lab.store.opening().restored()).isFalse();
        assertThat(data.resolve("lab/state-previous.jsonl")).exists();
        return lab;
    }

    private Lab start(String historyId) throws IOException {
        SimulatedMqEstate mq = new SimulatedMqEstate(ESTATE, new LabReplayClock(clock));
        ssh = LabEstate.start(ESTATE, mq, data, LabOptions.ephemeral());
        LabStateStore store = LabStateStore.open(data.resolve("lab/state.jsonl"), historyId,
                LabStateStore.fingerprint(ESTATE.toString()), mq, ssh.faults());
        return new Lab(mq, LabControl.of(ssh, mq), store);
    }

    private static boolean refused(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LabEstate.LOOPBACK, port), 2000);
            return false;
        } catch (ConnectException expected) {
            return true;
        } catch (IOException other) {
            return false;
        }
    }

    private record Lab(SimulatedMqEstate mq, LabControl control, LabStateStore store) {

        LabExecution run(String host, String commandLine) {
            return mq.execute(host, "root", List.of(commandLine.split(" +")), "");
        }

        /** What a user sees of the whole lab: dspmq on every host, the DR and HA status, the installed levels. */
        String view() {
            StringBuilder all = new StringBuilder();
            for (String host : List.of("mqeast1", "mqeast2", "mqeast3", "dr1", "dr2", "fr1", "mi1", "mi2", "ha1",
                    "ha2", "nha1")) {
                all.append(host).append(":\n").append(run(host, "dspmq -o all").stdout())
                        .append(run(host, "dspmqver").stdout());
            }
            all.append(run("dr2", "rdqmstatus -m QMDR").stdout()).append(run("ha2", "rdqmstatus -m QMHA1").stdout());
            return all.toString();
        }
    }
}
