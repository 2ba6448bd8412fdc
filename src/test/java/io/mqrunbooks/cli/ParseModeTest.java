package io.mqrunbooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the {@code parse} mode's entry point in-process, as {@code java -jar mq-runbooks.jar parse ...} would. */
class ParseModeTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        return ParseMode.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String fixture(String kind, String name) {
        try {
            return Path.of(ParseModeTest.class.getResource("/mq-output/" + kind + "/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void dspmq() throws Exception {
        assertThat(run("", "dspmq", fixture("dspmq", "x-o-all-9.4-nativeha-fields.txt"))).isZero();
        JsonNode qm = json().get("queueManagers").get(0);
        assertThat(qm.get("name").asText()).isEqualTo("QM1");
        assertThat(qm.get("status").asText()).isEqualTo("Running");
        assertThat(qm.get("attributes").get("INSTVER").asText()).isEqualTo("9.4.2.0");
        assertThat(qm.get("instances").get(0).get("mode").asText()).isEqualTo("Active");
        assertThat(json().get("notKnownMessage").isNull()).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\n  \"queueManagers\" : [");
        assertThat(err.size()).isZero();
    }

    @Test
    void rdqmstatus() throws Exception {
        assertThat(run("", "rdqmstatus", fixture("rdqmstatus", "constructed-dr-primary-sync-in-progress.txt"))).isZero();
        JsonNode detail = json().get("queueManager");
        assertThat(json().get("form").asText()).isEqualTo("DETAIL");
        assertThat(detail.get("drStatus").asText()).isEqualTo("Synchronization in progress");
        assertThat(detail.get("drOutOfSyncBytes").asLong()).isEqualTo(1337237504L);
        assertThat(detail.get("drSynchronizationProgressPercent").asDouble()).isEqualTo(23.4);
        assertThat(detail.has("drConfigured")).isFalse();
    }

    @Test
    void rdqmstatusSummaryShowsHaLocationsAndWarnings() throws Exception {
        assertThat(run("", "rdqmstatus", fixture("rdqmstatus", "summary-drha-9.2-docs.txt"))).isZero();
        JsonNode entry = json().get("queueManagers").get(0);
        assertThat(entry.get("haCurrentLocation").asText()).isEqualTo("main-charlie");
        assertThat(entry.get("haPreferredLocation").asText()).isEqualTo("main-charlie");
        assertThat(json().get("warnings").size()).isZero();
    }

    @Test
    void rdqmdr() throws Exception {
        assertThat(run("", "rdqmdr", fixture("rdqmdr", "constructed-d-secondary-command.txt"))).isZero();
        JsonNode command = json().get("secondaryCommand");
        assertThat(json().get("outcome").asText()).isEqualTo("SECONDARY_COMMAND");
        assertThat(command.get("remoteName").asText()).isEqualTo("dr2");
        assertThat(command.get("arguments").toString())
                .isEqualTo("[\"crtmqm\",\"-rr\",\"s\",\"-rl\",\"10.0.2.14\",\"-ri\",\"10.0.2.15\",\"-rn\",\"dr2\",\"-rp\",\"7001\",\"QMDR\"]");
    }

    @Test
    void crtmqm() throws Exception {
        assertThat(run("", "crtmqm", fixture("crtmqm", "drha-primary-prints-secondary.txt"))).isZero();
        assertThat(json().get("outcome").asText()).isEqualTo("CREATED");
        assertThat(json().get("drSecondaryCommand").get("port").asInt()).isEqualTo(7001);
    }

    @Test
    void dspmqver() throws Exception {
        assertThat(run("", "dspmqver", fixture("dspmqver", "websphere-mq-8.0-linux.txt"))).isZero();
        assertThat(json().get("installations").get(0).get("version").asText()).isEqualTo("8.0.0.2");
        assertThat(json().get("installations").get(0).get("maxCommandLevel").asInt()).isEqualTo(801);
    }

    @Test
    void runmqsc() throws Exception {
        assertThat(run("", "runmqsc", fixture("runmqsc", "display-queue-curdepth.txt"))).isZero();
        JsonNode object = json().get("commands").get(0).get("objects").get(0);
        assertThat(object.get("heading").get("id").asText()).isEqualTo("AMQ8409");
        assertThat(object.get("attributes").toString())
                .isEqualTo("{\"QUEUE\":\"QUEUE1\",\"TYPE\":\"QLOCAL\",\"CURDEPTH\":\"1\"}");
        assertThat(json().get("trailer").get("commandsRead").asInt()).isEqualTo(1);
    }

    @Test
    void runmqscExcerptIsReadWithANoteAndSeveralSessionsAsAList() throws Exception {
        String excerpt = "     7 : DISPLAY QMGR PSMODE\nAMQ8408I: Display Queue Manager details.\n"
                + "   QMNAME(CRC01CRD)                        PSMODE(ENABLED)\n";
        assertThat(run(excerpt, "runmqsc", "-")).isZero();
        assertThat(json().get("commands").get(0).get("objects").get(0).get("attributes").get("PSMODE").asText())
                .isEqualTo("ENABLED");
        assertThat(json().get("notes").toString()).isEqualTo("[\"the excerpt starts at command 7: commands 1 to 6"
                + " are not in it\",\"the excerpt stops before the trailer (\\\"N MQSC commands read.\\\"): the counts"
                + " are not checked\"]");
        assertThat(json().get("partial").asBoolean()).isTrue();
        out.reset();
        String session = Files.readString(Path.of(fixture("runmqsc", "display-queue-curdepth.txt")));
        assertThat(run(session + session, "runmqsc", "-")).isZero();
        assertThat(json().size()).isEqualTo(2);
        assertThat(json().get(1).get("partial").asBoolean()).isFalse();
    }

    @Test
    void controlFromStandardInput() throws Exception {
        assertThat(run("IBM MQ queue manager 'QM1' ending.\nIBM MQ queue manager 'QM1' ended.\n", "control", "-"))
                .isZero();
        assertThat(json().get("outcome").asText()).isEqualTo("ENDED");
        assertThat(json().get("queueManager").asText()).isEqualTo("QM1");
    }

    @Test
    void unrecognisedOutputExitsOneQuotingTheText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dspmq.out");
        Files.writeString(file, "QMNAME(QM1)    STATUS(Sleeping)\n");
        assertThat(run("", "dspmq", file.toString())).isEqualTo(1);
        assertThat(out.size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("parse: dspmq: " + file
                + ": line 1 'QMNAME(QM1)    STATUS(Sleeping)': unknown queue manager status 'Sleeping'; expected one of "
                + "Starting, Running, Running as standby, Running elsewhere, Replica, Quiescing, Ending immediately, "
                + "Ending preemptively, Ended normally, Ended immediately, Ended unexpectedly, Ended preemptively, "
                + "Not available, Status not available" + System.lineSeparator());
    }

    @Test
    void injectedSecondaryCommandIsRefused() {
        assertThat(run("crtmqm -rr s -ri 10.0.2.15 -rp 7001 QMDR; rm -rf /\n", "rdqmdr", "-")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("parse: rdqmdr: -: refusing the printed secondary"
                + " command 'crtmqm -rr s -ri 10.0.2.15 -rp 7001 QMDR; rm -rf /'");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(run("", "dspmq")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("parse: expected 2 arguments, got 1")
                .contains("usage: parse <kind> <file>   (kind: dspmq, rdqmstatus, rdqmdr, crtmqm, dspmqver, runmqsc,"
                        + " control; file '-' reads standard input)");
        err.reset();
        assertThat(run("", "qmstatus", "x.txt")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("parse: unknown kind 'qmstatus'");
        err.reset();
        assertThat(run("", "dspmq", "/nonexistent/dspmq.out")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("parse: dspmq: /nonexistent/dspmq.out: cannot read");
    }

    @Test
    void theJarEntryPointDispatchesToParse() {
        assertThat(CommandLineModes.handles(new String[] {"parse", "dspmq", "-"})).isTrue();
    }
}
