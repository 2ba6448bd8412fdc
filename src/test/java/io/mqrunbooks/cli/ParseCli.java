package io.mqrunbooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code parse <kind> -} as {@code java -jar mq-runbooks.jar parse} runs it, and the real samples it is fed. */
final class ParseCli {

    record Run(int exit, String out, String err) {
    }

    private ParseCli() {
    }

    static Run run(String kind, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = MqRunbooksCommand.execute(new MqRunbooksCommand.Environment(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                null, null, springArguments -> { }), "parse", kind, "-");
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The JSON of text that must be understood: exit 0 and nothing on stderr. */
    static JsonNode parse(String kind, String text) {
        Run run = run(kind, text);
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        try {
            return new ObjectMapper().readTree(run.out());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code parse <kind> -} on text it must refuse (exit 1) and returns the message. */
    static String refusal(String kind, String text) {
        Run run = run(kind, text);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        return run.err();
    }

    /** The command at index of a runmqsc session's JSON. */
    static JsonNode command(JsonNode session, int index) {
        return session.get("commands").get(index);
    }

    /** The attributes of a displayed object of a runmqsc session's JSON. */
    static JsonNode attributes(JsonNode session, int command, int object) {
        return command(session, command).get("objects").get(object).get("attributes");
    }

    /** A runmqsc session's notes (what an excerpt lacks). */
    static List<String> notes(JsonNode session) {
        List<String> notes = new ArrayList<>();
        session.get("notes").forEach(n -> notes.add(n.asText()));
        return notes;
    }

    /** A sample under src/test/resources/mq-output/KIND/, which must name its source in NAME.source. */
    static String sample(String kind, String name) {
        try {
            Path file = Path.of(ParseCli.class.getResource("/mq-output/" + kind + "/" + name).toURI());
            assertThat(Path.of(file + ".source")).exists();
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException(name, e);
        }
    }
}
