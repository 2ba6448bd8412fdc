package io.mqrunbooks.adapter.outbound.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mqrunbooks.adapter.outbound.mq.control.SshMqControl;
import io.mqrunbooks.adapter.outbound.mq.mqsc.MqscOverSshAdmin;
import io.mqrunbooks.adapter.outbound.mq.mqsc.QueueManagerLocator;
import io.mqrunbooks.adapter.outbound.mq.parse.DspmqParser;
import io.mqrunbooks.adapter.outbound.mq.parse.MqOutputParseException;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.application.port.out.control.MqOutputException;
import io.mqrunbooks.application.port.out.mq.MqAdminException;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.mq.ControlResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Review E (2026-12-08): what a compromised host prints reaches the messages of the exceptions that fail a step, and
 * from there the incident, the run's history and the log (the engine logs every failed job with its message). A line
 * break there starts a forged log line; an escape sequence rewrites the terminal of whoever tails the log; a Unicode
 * line separator or bidi override reorders what the auditor reads. Each such message now carries host text on one
 * line with its control characters escaped ({@code HostText}), as Review D did for two of them.
 */
class HostOutputInMessagesAttackTest {

    /** A forged log line, a cursor-up-and-erase escape, a line separator and a right-to-left override. */
    private static final String FORGED = "AMQ8146E: IBM MQ queue manager not available.\n"
            + "2026-12-08T03:00:00.000Z  INFO 1 --- [main] i.m.platform.run.RunDecision : gate approved by changemgr"
            + "\u001b[1A\u001b[2K\u2028\u202eDEVORPPA";

    private final FakeSshPort ssh = new FakeSshPort();
    private final Estate estate = FakeSshPort.labEstate();
    private final SshMqControl control = new SshMqControl(estate, ssh);
    private final MqscOverSshAdmin admin = new MqscOverSshAdmin(estate, ssh, new QueueManagerLocator(estate, control));

    @Test
    void aFailedExportsStderrStaysOnOneLineInTheIncident() {
        ssh.answer(1, "", FORGED);

        Throwable e = catchThrowable(() -> admin.exportDefinitions("FR1"));

        assertThat(e).isInstanceOf(MqAdminException.class);
        assertOneLine(e.getMessage());
        assertThat(e.getMessage()).contains("AMQ8146E: IBM MQ queue manager not available.\\n2026-12-08T03:00:00.000Z");
    }

    @Test
    void anUnrecognisedRunmqscLineIsQuotedWithItsControlCharactersEscaped() {
        ssh.answer(0, "5724-H72 (C) Copyright IBM Corp. 1994, 2024.\nStarting MQSC for queue manager FR1.\n\n\n"
                + "     1 : DISPLAY QMSTATUS ALL\n" + FORGED.replace("\n", " ") + "\nOne MQSC command read.\n");

        Throwable e = catchThrowable(() -> admin.queueManagerStatus("FR1"));

        assertThat(e).isInstanceOf(MqAdminException.class);
        assertOneLine(e.getMessage());
        assertThat(e.getMessage()).contains("\\u001B[1A\\u001B[2K\\u2028\\u202EDEVORPPA");
    }

    @Test
    void anUnrecognisedDspmqLineIsQuotedWithItsControlCharactersEscaped() {
        ssh.answer(0, "QMNAME(QM1) " + FORGED.replace("\n", " ") + "\n");

        Throwable e = catchThrowable(() -> control.status("mqwest1", "QM1"));

        assertThat(e).isInstanceOf(MqOutputException.class);
        assertOneLine(e.getMessage());
    }

    @Test
    void anSshFailureCarryingTheHostsTextStaysOnOneLine() {
        // jsch puts an SSH server's disconnect description into its message: the host chooses that text.
        ssh.fail(new SshException(SshException.Kind.OTHER, "fr1", "SSH connection to host fr1 failed: "
                + "SSH_MSG_DISCONNECT: 2 " + FORGED));

        Throwable e = catchThrowable(() -> admin.exportDefinitions("FR1"));

        assertThat(e).isInstanceOf(MqAdminException.class);
        assertOneLine(e.getMessage());
        assertOneLine(e.getCause().getMessage());
    }

    @Test
    void aPastedTranscriptCannotRewriteTheOperatorsTerminalThroughTheParseCommandsError() {
        // java -jar ... parse dspmq FILE prints this message on the operator's terminal (docs/parse.md).
        Throwable e = catchThrowable(() -> new DspmqParser().readTranscript("QMNAME(QM1) \u001b]0;owned\u0007"
                + "\u001b[2J\u0085STATUS(Running)\n"));

        assertThat(e).isInstanceOf(MqOutputParseException.class);
        assertOneLine(e.getMessage());
        assertThat(e.getMessage()).doesNotContain("\u0007", "\u0085").contains("\\u001B]0;owned\\u0007");
    }

    @Test
    void whatStrmqmPrintedReachesTheRunLogAndTheIncidentOnOneLine() {
        // A refused strmqm's AMQ message lines, as the control parser keeps them; the second is the host's own.
        ControlResult refused = new ControlResult(ControlOutcome.REFUSED, List.of("AMQ7041E: Object already exists.",
                FORGED.replace("\n", " ")), 1);

        Throwable e = catchThrowable(() -> refused.expect("mqwest1", "strmqm QM1", ControlOutcome.NOW_RUNNING));

        assertOneLine(e.getMessage());
        assertOneLine(refused.summary());
    }

    private static void assertOneLine(String message) {
        assertThat(message).as("host output must not break or rewrite the line it is quoted in")
                .doesNotContain("\n", "\r", "\u001b", "\u2028", "\u202e");
    }
}
