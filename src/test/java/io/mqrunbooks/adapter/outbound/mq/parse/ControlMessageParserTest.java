package io.mqrunbooks.adapter.outbound.mq.parse;

import io.mqrunbooks.mq.MqVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.mq.ControlOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlMessageParserTest {

    private final ControlMessageParser parser = new ControlMessageParser();

    /** dltmqm of an RDQM: the configuration line is informational, the outcome is the deletion. */
    @Test
    void dltmqmOfAReplicatedQueueManagerIsDeleted() {
        assertThat(parser.parse("Removing replicated data queue manager configuration.\n"
                + "IBM MQ queue manager 'QMDR' deleted.\n").outcome()).isEqualTo(ControlOutcome.DELETED);
    }

    /** strmqm on a running queue manager, exit 5: the message names no queue manager (MQ 9.1 transcript). */
    @Test
    void strmqmOnARunningQueueManagerIsAlreadyRunning() {
        assertThat(parser.parse("IBM MQ queue manager running.\n").outcome()).isEqualTo(ControlOutcome.ALREADY_RUNNING);
    }

    /** endmqm on an ended queue manager: return code 40, "Queue manager not available" (endmqm reference). */
    @Test
    void endmqmOnAnEndedQueueManagerIsNotRunning() {
        assertThat(parser.parse("AMQ8146E: IBM MQ queue manager not available.\n").outcome())
                .isEqualTo(ControlOutcome.NOT_RUNNING);
    }

    @Test
    void readsStrmqmOnMq94() {
        ControlTranscript result = parser.parse(Fixtures.read("control", "strmqm-9.4-windows-trial.txt"));
        assertThat(result.outcome()).isEqualTo(ControlOutcome.STARTED);
        assertThat(result.queueManager()).isEqualTo("QM1");
        assertThat(result.startedVersion()).isEqualTo(MqVersion.parse("9.4.0.10"));
        assertThat(result.messages()).hasSize(8);
        assertThat(result.messages().get(7)).isEqualTo(new ControlTranscript.Message(null, null,
                "IBM MQ queue manager 'QM1' started using V9.4.0.10.", ControlOutcome.STARTED));
        assertThat(result.messages().get(1).meaning()).isNull();
    }

    @Test
    void readsOtherStrmqmTranscripts() {
        assertThat(parser.parse(Fixtures.read("control", "strmqm-x-active-9.3.txt")).startedVersion())
                .hasToString("9.3.1.0");
        assertThat(parser.parse(Fixtures.read("control", "strmqm-9.2-container-autoconfig.txt")).outcome())
                .isEqualTo(ControlOutcome.STARTED);
    }

    @Test
    void joinsTheWrappedStandbyMessage() {
        ControlTranscript result = parser.parse(Fixtures.read("control", "strmqm-x-standby-wrapped.txt"));
        assertThat(result.outcome()).isEqualTo(ControlOutcome.STANDBY_STARTED);
        assertThat(result.messages().get(result.messages().size() - 1).text()).isEqualTo(
                "A standby instance of queue manager 'QM1' has been started. The active instance is running elsewhere.");
    }

    @Test
    void readsEndmqm() {
        assertThat(parser.parse(Fixtures.read("control", "endmqm-i.txt")).outcome()).isEqualTo(ControlOutcome.ENDED);
        ControlTranscript quiesce = parser.parse(Fixtures.read("control", "endmqm-w-quiesce.txt"));
        assertThat(quiesce.outcome()).isEqualTo(ControlOutcome.ENDED);
        assertThat(quiesce.queueManager()).isEqualTo("QM9");
        assertThat(parser.parse("Quiesce request accepted. The queue manager will stop when all outstanding work\n"
                + "is complete.\n").outcome()).isEqualTo(ControlOutcome.ENDING);
    }

    @Test
    void readsEndmqmDashSOnTheActiveInstance() {
        ControlTranscript switchover = parser.parse(Fixtures.read("control", "endmqm-is-switchover-9.1.txt"));
        assertThat(switchover.outcome()).isEqualTo(ControlOutcome.ENDED);
        assertThat(switchover.queueManager()).isEqualTo("PSAP");
    }

    @Test
    void readsAlreadyRunningNotRunningDeletedAndNotKnown() {
        assertThat(parser.parse("IBM MQ queue manager 'QM1' running.").outcome()).isEqualTo(ControlOutcome.ALREADY_RUNNING);
        assertThat(parser.parse("IBM MQ queue manager 'QM1' not running.").outcome()).isEqualTo(ControlOutcome.NOT_RUNNING);
        assertThat(parser.parse("WebSphere MQ queue manager 'remote' deleted.").outcome()).isEqualTo(ControlOutcome.DELETED);
        ControlTranscript notKnown = parser.parse("AMQ7048E: The queue manager name is either not valid or not known.");
        assertThat(notKnown.outcome()).isEqualTo(ControlOutcome.NOT_KNOWN);
        assertThat(notKnown.messages()).containsExactly(new ControlTranscript.Message("AMQ7048", "E",
                "The queue manager name is either not valid or not known.", ControlOutcome.NOT_KNOWN));
        assertThat(parser.parse("AMQ8118E: IBM MQ queue manager does not exist.").outcome()).isEqualTo(ControlOutcome.NOT_KNOWN);
        assertThat(parser.parse("AMQ8041E: The queue manager cannot be restarted or deleted because processes, that"
                + " were previously connected, are still running.").outcome()).isEqualTo(ControlOutcome.REFUSED);
    }

    /**
     * An undocumented message is still refused. (This test used AMQ6109E, which IBM documents: it now has its outcome,
     * below; the refusal is checked with a message IBM does not document.)
     */
    @Test
    void refusesUnknownMessages() {
        assertThatThrownBy(() -> parser.parse("IBM MQ queue manager 'QM1' starting.\nAMQ9999E: Something went wrong."))
                .isInstanceOf(MqOutputParseException.class)
                .hasMessage("line 2 'AMQ9999E: Something went wrong.': not a strmqm/endmqm/dltmqm"
                        + " message this parser knows; refusing to guess what it means");
    }

    /**
     * strmqm of a queue manager whose log is gone: return code 23 "Log not available" (IBM MQ 9.4 strmqm reference,
     * https://www.ibm.com/docs/en/ibm-mq/9.4?topic=reference-strmqm-start-queue-manager) with AMQ7017E (AMQ7xxx list,
     * https://www.ibm.com/docs/en/ibm-mq/9.4?topic=messages-amq7xxx-mq-product). Its own outcome: the runbook must
     * not read it as "refused for some reason" to retry, since only a log restore or recovery helps.
     */
    @Test
    void logNotAvailableIsItsOwnOutcomeWithTheTextKept() {
        ControlTranscript result = parser.parse("IBM MQ queue manager 'QM1' starting.\n"
                + "The queue manager is associated with installation 'Installation1'.\n"
                + "AMQ7017E: Log not available.\n");
        assertThat(result.outcome()).isEqualTo(ControlOutcome.LOG_NOT_AVAILABLE);
        assertThat(result.queueManager()).isEqualTo("QM1");
        assertThat(result.messages()).last().isEqualTo(new ControlTranscript.Message("AMQ7017", "E",
                "Log not available.", ControlOutcome.LOG_NOT_AVAILABLE));
    }

    /**
     * strmqm while crtmqm still runs: return code 3, "IBM MQ queue manager being created." as strmqm printed it in
     * https://github.com/ibm-messaging/mq-container/issues/604 (MQ 9.4 container log).
     */
    @Test
    void beingCreatedIsItsOwnOutcome() {
        ControlTranscript result = parser.parse("IBM MQ queue manager being created.\n");
        assertThat(result.outcome()).isEqualTo(ControlOutcome.BEING_CREATED);
        assertThat(result.messages()).extracting(ControlTranscript.Message::text)
                .containsExactly("IBM MQ queue manager being created.");
    }

    /** An FFST during strmqm: AMQ6109 and AMQ6119 (AMQ6xxx list, https://www.ibm.com/docs/en/ibm-mq/9.4?topic=messages-amq6xxx-common-services). */
    @Test
    void anInternalErrorIsItsOwnOutcome() {
        assertThat(parser.parse("IBM MQ queue manager 'QM1' starting.\nAMQ6109E: An internal IBM MQ error has occurred.")
                .outcome()).isEqualTo(ControlOutcome.MQ_INTERNAL_ERROR);
        // AMQ6119 as an FFST's probe description quotes it (WebSphere MQ 7 wording, no final full stop).
        assertThat(parser.parse("AMQ6119: An internal WebSphere MQ error has occurred ('27 - File too large' from semop.)")
                .outcome()).isEqualTo(ControlOutcome.MQ_INTERNAL_ERROR);
        assertThat(parser.parse("AMQ6119S: An internal IBM MQ error has occurred (Rc=5 from write).").outcome())
                .isEqualTo(ControlOutcome.MQ_INTERNAL_ERROR);
        // with its number, AMQ6109 is an internal error whatever the wording; without one the wording must be MQ's
        assertThat(parser.parse("AMQ6109E: An internal IBM MQ error has occurred, probably.").outcome())
                .isEqualTo(ControlOutcome.MQ_INTERNAL_ERROR);
        assertThatThrownBy(() -> parser.parse("An internal IBM MQ error has occurred, probably."))
                .isInstanceOf(MqOutputParseException.class)
                .hasMessageContaining("line 1 'An internal IBM MQ error has occurred, probably.'");
    }

    /**
     * AMQ7005 "The queue manager is running." (AMQ7xxx list; a public dmpmqlog transcript prints it unlettered): a
     * command that needs the queue manager ended, run while it runs.
     */
    @Test
    void theQueueManagerIsRunningIsAlreadyRunning() {
        assertThat(parser.parse("AMQ7005E: The queue manager is running.\n").outcome())
                .isEqualTo(ControlOutcome.ALREADY_RUNNING);
        assertThat(parser.parse("AMQ7005: The queue manager is running.\n").outcome())
                .isEqualTo(ControlOutcome.ALREADY_RUNNING);
    }

    @Test
    void refusesTruncatedAndMixedOutput() {
        assertThatThrownBy(() -> parser.parse("IBM MQ queue manager 'QM1' starting.\n"
                + "The queue manager is associated with installation 'Installation1'.\n"))
                .hasMessageContaining("only progress messages, no outcome");
        assertThatThrownBy(() -> parser.parse("IBM MQ queue manager 'QM1' started using V9.4.0.0.\n"
                + "IBM MQ queue manager 'QM1' deleted.")).hasMessageContaining("mix outcomes");
        assertThatThrownBy(() -> parser.parse("IBM MQ queue manager 'QM1' ending.\nIBM MQ queue manager 'QM2' ended."))
                .hasMessageContaining("names queue manager 'QM2' but earlier messages name 'QM1'");
    }

    /** The prompts pasted sessions show before the command: cmd, PowerShell, a path, "./", sudo, oc exec. */
    @Test
    void readTranscriptSkipsTheTypedCommandAfterAnyCommonPrompt() {
        String output = "IBM MQ queue manager 'QM1' ending.\nIBM MQ queue manager 'QM1' ended.\n";
        for (String typed : List.of("C:\\Program Files\\IBM\\MQ>endmqm -i QM1", "PS C:\\mq> endmqm QM1",
                "mqm@ubuntu:/opt/mqm/bin$ ./endmqm QM1", "[root@host ~]# sudo -u mqm endmqm -i QM1",
                "[mqm]:/var/mqm>endmqm QM1", "endmqm -w QM1", "oc exec qm-ibm-mq-0 -- endmqm QM1")) {
            assertThat(parser.readTranscript(typed + "\n" + output).outcome()).as(typed).isEqualTo(ControlOutcome.ENDED);
        }
        // Only the first line: a command line further down is still refused, naming it.
        assertThatThrownBy(() -> parser.readTranscript(output + "$ endmqm QM1\n")).hasMessageContaining("line 3");
    }

    /** dltmqm while processes are still connected (public transcript, find_string id 4041711312). */
    @Test
    void amq8041ListsTheProcessesStillRunning() {
        ControlTranscript result = parser.readTranscript(Fixtures.read("control", "dltmqm-amq8041s-processes.txt"));
        assertThat(result.outcome()).isEqualTo(ControlOutcome.REFUSED);
        assertThat(result.messages()).extracting(ControlTranscript.Message::text)
                .contains("Process 1973 is still running.", "Process 2409 is still running.");
    }

    /**
     * A known number with a wording of another release is read by its number: AMQ7030 as MQ 5.0/5.1 worded it and
     * AMQ6109 with the product called "MQSeries" (both in the MQSeries Perl modules' message table, which follows the
     * wordings across releases).
     */
    @Test
    void aKnownNumberIsReadByItsNumberWhateverTheWording() {
        ControlTranscript quiesce = parser.parse("AMQ7030I: Request to quiesce the queue manager accepted.\n");
        assertThat(quiesce.outcome()).isEqualTo(ControlOutcome.ENDING);
        assertThat(quiesce.messages()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("AMQ7030");
            assertThat(m.text()).isEqualTo("Request to quiesce the queue manager accepted.");
        });
        assertThat(parser.parse("AMQ6109E: An internal MQSeries error has occurred.\n").outcome())
                .isEqualTo(ControlOutcome.MQ_INTERNAL_ERROR);
    }

    /** A message read by its number keeps the lines MQ wrapped it onto, up to the end of its sentence. */
    @Test
    void aMessageReadByItsNumberTakesItsWrappedLines() {
        ControlTranscript result = parser.parse("""
                AMQ8041E: The queue manager cannot be restarted or deleted because processes
                which were connected before are still running.
                Process 1973 is still running.
                AMQ7018E: The queue manager operation cannot be completed.
                """);
        assertThat(result.outcome()).isEqualTo(ControlOutcome.REFUSED);
        assertThat(result.messages()).extracting(ControlTranscript.Message::text).containsExactly(
                "The queue manager cannot be restarted or deleted because processes which were connected before are"
                        + " still running.",
                "Process 1973 is still running.", "The queue manager operation cannot be completed.");
    }

    /** The number does not excuse what follows the message's sentence, nor an unknown number's unknown text. */
    @Test
    void anUnknownLineAfterANumberedMessageOrAnUnknownNumberIsRefused() {
        assertThatThrownBy(() -> parser.parse("AMQ7017E: Log not available.\nrm -rf /var/mqm\n"))
                .isInstanceOf(MqOutputParseException.class).hasMessageContaining("line 2 'rm -rf /var/mqm'");
        assertThatThrownBy(() -> parser.parse("AMQ7099E: Something this parser never saw.\n"))
                .isInstanceOf(MqOutputParseException.class)
                .hasMessageContaining("line 1 'AMQ7099E: Something this parser never saw.'");
    }
}
