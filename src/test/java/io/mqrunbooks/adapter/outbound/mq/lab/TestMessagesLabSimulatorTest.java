package io.mqrunbooks.adapter.outbound.mq.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.adapter.outbound.mq.FakeSshPort;
import io.mqrunbooks.adapter.outbound.mq.control.SshMqControl;
import io.mqrunbooks.adapter.outbound.mq.mqsc.MqscOverSshAdmin;
import io.mqrunbooks.adapter.outbound.mq.mqsc.QueueManagerLocator;
import io.mqrunbooks.application.port.out.CommandResult;
import io.mqrunbooks.application.port.out.SshPort;
import io.mqrunbooks.application.port.out.mq.MqAdminException;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.lab.mq.SimulatedMqEstate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Test messages through the lab's simulated MQ, called in-process with the argv the adapter builds. Over SSH
 * the lab's command-line layer currently hands {@code amqsput} to the simulator without its path
 * ({@code LabCommandLine} keeps the base name only) while the simulator accepts the samples only as
 * {@code /opt/mqm/samp/bin/amqsput} (as on a real system, where the samples are not on the PATH), so this
 * part of the contract is checked here until the lab's SSH side keeps the path.
 */
class TestMessagesLabSimulatorTest {

    private static final String CORREL = "414D5120514D31202020202020202020A1B2C3D4E5F60708";

    private final Estate estate = FakeSshPort.labEstate();
    private final SimulatedMqEstate lab = new SimulatedMqEstate(estate, Clock.systemUTC());
    private final List<String> sent = new ArrayList<>();
    private final SshPort inProcess = (host, command) -> {
        sent.add(host.name() + ": " + command.commandLine());
        var result = lab.execute(host.name(), host.sudo() ? "root" : host.user(), command.argv(),
                command.stdin() == null ? "" : command.stdin());
        return new CommandResult(host.name(), command.commandLine(), result.exitCode(), result.stdout(),
                result.stderr(), Duration.ZERO, false);
    };
    private final MqscOverSshAdmin admin = new MqscOverSshAdmin(estate, inProcess,
            new QueueManagerLocator(estate, new SshMqControl(estate, inProcess)));

    @Test
    void putThenGetByCorrelationToken() {
        admin.applyDefinitions("FR1", "DEFINE QLOCAL(MQRB.TEST)\n");
        String other = "0".repeat(47) + "1";

        admin.putTestMessage("FR1", "MQRB.TEST", other, "someone else's");
        admin.putTestMessage("FR1", "MQRB.TEST", CORREL, "drill 42");
        List<String> onQueue = lab.messages("fr1", "FR1", "MQRB.TEST");
        Optional<String> got = admin.getTestMessage("FR1", "MQRB.TEST", CORREL, Duration.ZERO);

        assertThat(onQueue).containsExactly("MQRB-TEST " + other + " someone else's", "MQRB-TEST " + CORREL + " drill 42");
        assertThat(got).contains("drill 42");
        assertThat(lab.queueDepth("fr1", "FR1", "MQRB.TEST")).as("amqsget drains the queue").isZero();
        assertThat(sent).containsExactly("fr1: runmqsc FR1", "fr1: /opt/mqm/samp/bin/amqsput MQRB.TEST FR1",
                "fr1: /opt/mqm/samp/bin/amqsput MQRB.TEST FR1", "fr1: /opt/mqm/samp/bin/amqsget MQRB.TEST FR1");
    }

    @Test
    void aMessageThatNeverComesIsEmptyAfterTheWait() {
        admin.applyDefinitions("FR1", "DEFINE QLOCAL(MQRB.TEST)\n");

        long start = System.nanoTime();
        Optional<String> got = admin.getTestMessage("FR1", "MQRB.TEST", CORREL, Duration.ofMillis(1500));

        assertThat(got).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(sent.stream().filter(s -> s.contains("amqsget")).count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void samplesReportMqReasonCodes() {
        assertThatThrownBy(() -> admin.putTestMessage("FR1", "NOSUCH", CORREL, "x"))
                .isInstanceOf(MqAdminException.class)
                .hasMessage("queue manager FR1 on host fr1: '/opt/mqm/samp/bin/amqsput NOSUCH FR1': MQOPEN ended with"
                        + " reason code 2085")
                .satisfies(e -> assertThat(((MqAdminException) e).reason())
                        .isEqualTo(MqAdminException.Reason.OBJECT_NOT_FOUND));
        assertThatThrownBy(() -> admin.onHost("mqwest2").getTestMessage("QM2_DR", "PAYMENT.IN", CORREL, Duration.ZERO))
                .hasMessage("queue manager QM2_DR on host mqwest2: '/opt/mqm/samp/bin/amqsget PAYMENT.IN QM2_DR':"
                        + " MQCONNX ended with reason code 2059")
                .satisfies(e -> assertThat(((MqAdminException) e).reason())
                        .isEqualTo(MqAdminException.Reason.QUEUE_MANAGER_NOT_AVAILABLE));
    }
}
