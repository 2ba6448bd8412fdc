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

/** Runs the jar's command line in-process with {@code parse ...}, as {@code java -jar mq-runbooks.jar parse ...} does. */
class ParseCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "parse";
        System.arraycopy(args, 0, command, 1, args.length);
        return execute(stdin, springArguments -> {
            throw new AssertionError("parse must not start the app");
        }, command);
    }

    /** The jar's command line as {@code main} runs it, on this test's streams. */
    private int execute(String stdin, java.util.function.Consumer<String[]> app, String... args) {
        return MqRunbooksCommand.execute(new MqRunbooksCommand.Environment(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                null, null, app), args);
    }

    private static String fixture(String kind, String name) {
        try {
            return Path.of(ParseCommandTest.class.getResource("/mq-output/" + kind + "/" + name).toURI()).toString();
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
                + "Starting, Running, Running as standby, Running elsewhere, Replica, Negotiating, Quiescing, Ending immediately, "
                + "Ending preemptively, Ended normally, Ended immediately, Ended unexpectedly, Ended preemptively, "
                + "Not available, Status not available (dspmq translates them into the host's language; dspmq -n"
                + " prints IBM's words untranslated)" + System.lineSeparator());
    }

    @Test
    void injectedSecondaryCommandIsRefused() {
        assertThat(run("crtmqm -rr s -ri 10.0.2.15 -rp 7001 QMDR; rm -rf /\n", "rdqmdr", "-")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("parse: rdqmdr: -: refusing the printed secondary"
                + " command 'crtmqm -rr s -ri 10.0.2.15 -rp 7001 QMDR; rm -rf /'");
    }

    @Test
    void badUsageExitsTwoNamingWhatIsWrongWithTheUsage() {
        assertThat(run("", "dspmq")).isEqualTo(2);
        assertThat(err()).startsWith("parse: Missing required parameter: 'FILE'\n")
                .contains("Usage: mq-runbooks parse [-hV] KIND FILE\n");
        assertThat(flat(err())).contains("KIND the command whose output it is: dspmq, rdqmstatus, rdqmdr, crtmqm, "
                + "dspmqver, runmqsc, control (control: strmqm/endmqm/dltmqm)");
        err.reset();
        assertThat(run("", "qmstatus", "x.txt")).isEqualTo(2);
        assertThat(err()).startsWith("parse: unknown kind 'qmstatus' (kinds: dspmq, rdqmstatus, rdqmdr, crtmqm, "
                + "dspmqver, runmqsc, control)\n");
        err.reset();
        assertThat(run("", "dspmq", "/nonexistent/dspmq.out")).isEqualTo(2);
        assertThat(err()).startsWith("parse: dspmq: /nonexistent/dspmq.out: cannot read");
        err.reset();
        assertThat(run("", "--json", "dspmq", "-")).isEqualTo(2);
        assertThat(err()).startsWith("parse: Unknown option: '--json'\n");
        assertThat(out.size()).isZero();
    }

    @Test
    void helpListsTheKindsAndExitCodes() {
        assertThat(run("", "--help")).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help).startsWith("Usage: mq-runbooks parse [-hV] KIND FILE\n")
                .contains("  1   not recognised: the reason, quoting the line\n")
                .contains("  2   bad usage: unknown kind, unreadable file, wrong arguments\n");
        assertThat(flat(help)).contains("runmqsc, control (control: strmqm/endmqm/dltmqm)")
                .contains("FILE a file with the output, or - for standard input");
        assertThat(err.size()).isZero();
    }

    @Test
    void theTopLevelHelpNamesEveryCommandAndTheAppDefault() {
        int exit = execute("", springArguments -> { }, "--help");

        assertThat(exit).isZero();
        assertThat(flat(out.toString(StandardCharsets.UTF_8))).startsWith("Usage: mq-runbooks [-hV] [COMMAND]")
                .contains("Without a command, runs the app (as 'app').")
                .contains(" app Runs the engine app (Camunda webapps, REST API, run pages); the default when no command")
                .contains(" parse Prints what the engine understands of an IBM MQ command's output")
                .contains(" lab Runs the lab estate alone");
    }

    @Test
    void onlyCommandsAndHelpAreTakenFromTheApp() {
        assertThat(MqRunbooksCommand.handles(new String[] {"parse", "dspmq", "-"})).isTrue();
        assertThat(MqRunbooksCommand.handles(new String[] {"lab"})).isTrue();
        assertThat(MqRunbooksCommand.handles(new String[] {"--help"})).isTrue();
        assertThat(MqRunbooksCommand.handles(new String[] {})).isFalse();
        assertThat(MqRunbooksCommand.handles(new String[] {"--server.port=8081"})).isFalse();
    }

    @Test
    void appPassesSpringBootArgumentsThrough() {
        java.util.List<String> given = new java.util.ArrayList<>();
        int exit = execute("", springArguments -> given.addAll(java.util.List.of(springArguments)),
                "app", "--server.port=8081", "--spring.profiles.active=prod");

        assertThat(exit).isZero();
        assertThat(given).containsExactly("--server.port=8081", "--spring.profiles.active=prod");
    }

    /** Help text with its line wrapping undone, so assertions do not depend on the terminal width. */
    static String flat(String help) {
        return help.replaceAll("\\s+", " ");
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
