package io.mqrunbooks.adapter.outbound.mq.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RdqmdrParserTest {

    private final RdqmdrParser parser = new RdqmdrParser();

    @Test
    void readsRoleChangeConfirmations() {
        RdqmdrResult secondary = parser.parse(Fixtures.read("rdqmdr", "made-secondary-with-sudo-note.txt"));
        assertThat(secondary.outcome()).isEqualTo(RdqmdrResult.Outcome.MADE_SECONDARY);
        assertThat(secondary.queueManager()).isEqualTo("RDQMDRHAQM1");
        RdqmdrResult primary = parser.parse(Fixtures.read("rdqmdr", "made-primary-with-sudo-note.txt"));
        assertThat(primary.outcome()).isEqualTo(RdqmdrResult.Outcome.MADE_PRIMARY);
        assertThat(parser.parse(Fixtures.read("rdqmdr", "made-primary.txt")).queueManager()).isEqualTo("DRHAQM1");
    }

    @Test
    void readsTheSecondaryCommandIntoValidatedParts() {
        RdqmdrResult result = parser.parse(Fixtures.read("rdqmdr", "constructed-d-secondary-command.txt"));
        assertThat(result.outcome()).isEqualTo(RdqmdrResult.Outcome.SECONDARY_COMMAND);
        SecondaryCrtmqmCommand command = result.secondaryCommand();
        assertThat(command.queueManager()).isEqualTo("QMDR");
        assertThat(command.localIpAddresses()).containsExactly("10.0.2.14");
        assertThat(command.remoteIpAddresses()).containsExactly("10.0.2.15");
        assertThat(command.remoteName()).isEqualTo("dr2");
        assertThat(command.port()).isEqualTo(7001);
        assertThat(command.replicationType()).isNull();
        assertThat(command.arguments()).containsExactly("crtmqm", "-rr", "s", "-rl", "10.0.2.14", "-ri", "10.0.2.15",
                "-rn", "dr2", "-rp", "7001", "QMDR");
    }

    @Test
    void acceptsAHeadingWrappedOverTwoLinesBeforeTheCommand() {
        RdqmdrResult result = parser.parse("Issue the following command on the remote node to create the DR\n"
                + "secondary queue manager:\ncrtmqm -rr s -rt a -rl 10.0.2.15 -ri 10.0.2.14 -rn dr1 -rp 7001 QMDR\n");
        assertThat(result.secondaryCommand().replicationType()).isEqualTo("a");
        assertThat(result.secondaryCommand().arguments()).containsSequence("-rt", "a");
    }

    @Test
    void anErrorMessageIsARefusalKeepingItsText() {
        // A made-up message number and text: any AMQ error message means rdqmdr did not do it.
        RdqmdrResult result = parser.parse("AMQ9999E: Made-up refusal text for this test.\n");
        assertThat(result.outcome()).isEqualTo(RdqmdrResult.Outcome.REFUSED);
        assertThat(result.messages()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("AMQ9999");
            assertThat(m.severity()).isEqualTo("E");
        });
    }

    /**
     * rdqmdr on a DR/HA node that is not the HA primary answers AMQ3705E ("not issued on the HA primary node", as a
     * public MQ 9.4.5 drill report quotes it; the full wording is not public). MQ wraps long messages at about 80
     * columns: the wrapped rest is the message's, up to the end of its sentence; a line after that is refused.
     */
    @Test
    void aWrappedRefusalKeepsItsWholeText() {
        RdqmdrResult result = parser.parse("AMQ3705E: The command for queue manager 'QMRDQM' was not issued on the HA\n"
                + "primary node.\n");
        assertThat(result.outcome()).isEqualTo(RdqmdrResult.Outcome.REFUSED);
        assertThat(result.messages()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("AMQ3705");
            assertThat(m.text()).isEqualTo("The command for queue manager 'QMRDQM' was not issued on the HA primary node.");
        });
        assertThatThrownBy(() -> parser.parse("AMQ3705E: Not issued on the HA primary node.\nSomething else.\n"))
                .isInstanceOf(MqOutputParseException.class).hasMessageStartingWith("line 2 'Something else.'");
    }

    @Test
    void refusesACommandWithShellMetacharacters() {
        assertThatThrownBy(() -> parser.parse("crtmqm -rr s -rl 10.0.2.14 -ri 10.0.2.15 -rn dr2 -rp 7001 QMDR; rm -rf /"))
                .isInstanceOf(MqOutputParseException.class)
                .hasMessage("refusing the printed secondary command 'crtmqm -rr s -rl 10.0.2.14 -ri 10.0.2.15 -rn dr2"
                        + " -rp 7001 QMDR; rm -rf /': it holds characters that are not part of a crtmqm command");
        assertThatThrownBy(() -> parser.parse("crtmqm -rr s -ri 10.0.2.15 -rp 7001 $(reboot)"))
                .hasMessageContaining("characters that are not part of a crtmqm command");
    }

    @Test
    void refusesAnythingButADrSecondaryCrtmqm() {
        assertThatThrownBy(() -> parser.parse("crtmqm -rr p -ri 10.0.2.15 -rp 7001 QMDR"))
                .hasMessageContaining("it does not create a DR secondary (-rr s)");
        assertThatThrownBy(() -> parser.parse("crtmqm -rr s -ri 10.0.2.15 -rp 7001 -md /tmp/x QMDR"))
                .hasMessageContaining("'-md' is not an option rdqmdr/crtmqm prints for a DR secondary");
        assertThatThrownBy(() -> parser.parse("crtmqm -rr s -ri 10.0.2.999 -rp 7001 QMDR"))
                .hasMessageContaining("-ri '10.0.2.999' is not an IPv4 address");
        assertThatThrownBy(() -> parser.parse("crtmqm -rr s -ri 10.0.2.15 -rp 70001 QMDR"))
                .hasMessageContaining("-rp 70001 is not a port");
        assertThatThrownBy(() -> parser.parse("crtmqm -rr s -rr s -ri 10.0.2.15 -rp 7001 QMDR"))
                .hasMessageContaining("option -rr is given twice");
        assertThatThrownBy(() -> parser.parse("crtmqm -rr s -ri 10.0.2.15 -rp 7001 -rn -bad- QMDR"))
                .hasMessageContaining("-rn '-bad-' is not a valid host name");
        assertThatThrownBy(() -> parser.parse("crtmqm -rr s -ri 10.0.2.15 -rp 7001"))
                .hasMessageContaining("option -rp has no value");
        assertThatThrownBy(() -> parser.parse("crtmqm -rr s -rp 7001 QMDR")).hasMessageContaining("no -ri");
    }

    @Test
    void refusesUnknownLinesAndAHeadingWithoutCommand() {
        assertThatThrownBy(() -> parser.parse("Queue manager 'QMDR' has been made the DR tertiary on this node."))
                .hasMessageStartingWith("line 1 'Queue manager 'QMDR' has been made the DR tertiary on this node.'");
        assertThatThrownBy(() -> parser.parse(
                "Issue the following command on the remote node to create the DR secondary queue manager:\n"))
                .hasMessageContaining("no crtmqm command: output is incomplete");
        assertThatThrownBy(() -> parser.parse("Queue manager 'QMDR' has been made the DR primary on this node.\n"
                + "Queue manager 'QMDR' has been made the DR secondary on this node.\n"))
                .hasMessageContaining("contradicts the earlier MADE_PRIMARY");
    }
}
