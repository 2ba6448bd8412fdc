package io.mqrunbooks.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mqrunbooks.adapter.outbound.mq.parse.ControlMessageParser;
import io.mqrunbooks.adapter.outbound.mq.parse.CrtmqmParser;
import io.mqrunbooks.adapter.outbound.mq.parse.CrtmqmTranscript;
import io.mqrunbooks.adapter.outbound.mq.parse.DspmqParser;
import io.mqrunbooks.adapter.outbound.mq.parse.DspmqverParser;
import io.mqrunbooks.adapter.outbound.mq.parse.MqOutputParseException;
import io.mqrunbooks.adapter.outbound.mq.parse.PastedMarkup;
import io.mqrunbooks.adapter.outbound.mq.parse.RdqmStatusParser;
import io.mqrunbooks.adapter.outbound.mq.parse.RdqmdrParser;
import io.mqrunbooks.adapter.outbound.mq.parse.RunmqscResponseParser;
import io.mqrunbooks.adapter.outbound.mq.parse.RunmqscResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parse <kind> <file>}: prints what the engine understood of an MQ command's output, as JSON.
 * Exit 0 when understood, 1 when the output is not recognised, 2 for bad usage. Runs without Spring.
 */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Prints what the engine understands of an IBM MQ command's output, as JSON (docs/parse.md).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:understood: the JSON is on standard output", "1:not recognised: the reason, quoting the line",
                "2:bad usage: unknown kind, unreadable file, wrong arguments"})
final class ParseCommand implements Callable<Integer> {

    static final Map<String, Function<String, Object>> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("dspmq", new DspmqParser()::readTranscript);
        KINDS.put("rdqmstatus", new RdqmStatusParser()::read);
        KINDS.put("rdqmdr", new RdqmdrParser()::readTranscript);
        KINDS.put("crtmqm", ParseCommand::crtmqmTranscript);
        KINDS.put("dspmqver", new DspmqverParser()::readTranscript);
        KINDS.put("runmqsc", ParseCommand::runmqscTranscript);
        KINDS.put("control", new ControlMessageParser()::readTranscript);
    }

    /** The kinds, for picocli's help ({@code ${COMPLETION-CANDIDATES}}). */
    static final class Kinds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return KINDS.keySet().iterator();
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", completionCandidates = Kinds.class,
            description = "the command whose output it is: ${COMPLETION-CANDIDATES} (control: strmqm/endmqm/dltmqm)")
    String kind;

    @Parameters(index = "1", paramLabel = "FILE", description = "a file with the output, or - for standard input")
    String file;

    private final InputStream stdin;

    ParseCommand() {
        this(System.in);
    }

    ParseCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    /** crtmqm alone prints as before; crtmqm followed by strmqm as {crtmqm, strmqm}. */
    private static Object crtmqmTranscript(String text) {
        CrtmqmTranscript read = new CrtmqmParser().readTranscript(text);
        return read.strmqm() == null ? read.crtmqm() : read;
    }

    /** What an operator pastes: one session prints as one object, several as a list of them. */
    private static Object runmqscTranscript(String text) {
        List<RunmqscResult> sessions = new RunmqscResponseParser().readTranscript(text);
        return sessions.size() == 1 ? sessions.get(0) : sessions;
    }

    @Override
    public Integer call() {
        Function<String, Object> parser = KINDS.get(kind);
        if (parser == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown kind '" + kind + "' (kinds: "
                    + String.join(", ", KINDS.keySet()) + ")");
        }
        String text;
        try {
            text = file.equals("-") ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), kind + ": " + file + ": cannot read: "
                    + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Object result;
        try {
            // rdqmstatus reads markup itself: a line that held only tags must not end its section.
            result = parser.apply(kind.equals("rdqmstatus") ? text : PastedMarkup.withoutHtml(text));
        } catch (MqOutputParseException e) {
            err.println("parse: " + kind + ": " + file + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
            out.flush();
        } catch (IOException e) {
            err.println("parse: " + kind + ": " + file + ": cannot write JSON: " + e.getMessage());
            err.flush();
            return 1;
        }
        return 0;
    }
}
