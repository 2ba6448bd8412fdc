package io.mqrunbooks.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mqrunbooks.adapter.outbound.mq.parse.ControlMessageParser;
import io.mqrunbooks.adapter.outbound.mq.parse.CrtmqmParser;
import io.mqrunbooks.adapter.outbound.mq.parse.CrtmqmTranscript;
import io.mqrunbooks.adapter.outbound.mq.parse.DspmqParser;
import io.mqrunbooks.adapter.outbound.mq.parse.DspmqverParser;
import io.mqrunbooks.adapter.outbound.mq.parse.MqOutputParseException;
import io.mqrunbooks.adapter.outbound.mq.parse.RdqmStatusParser;
import io.mqrunbooks.adapter.outbound.mq.parse.RdqmdrParser;
import io.mqrunbooks.adapter.outbound.mq.parse.RunmqscResponseParser;
import io.mqrunbooks.adapter.outbound.mq.parse.RunmqscResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code parse <kind> <file>}: prints what the engine understood of an MQ command's output, as JSON.
 * Exit 0 when understood, 1 when the output is not recognised, 2 for bad usage. Runs without Spring.
 */
final class ParseMode {

    private static final Map<String, Function<String, Object>> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("dspmq", new DspmqParser()::parse);
        KINDS.put("rdqmstatus", new RdqmStatusParser()::read);
        KINDS.put("rdqmdr", new RdqmdrParser()::parse);
        KINDS.put("crtmqm", ParseMode::crtmqmTranscript);
        KINDS.put("dspmqver", new DspmqverParser()::parse);
        KINDS.put("runmqsc", ParseMode::runmqscTranscript);
        KINDS.put("control", new ControlMessageParser()::parse);
    }

    static final String USAGE = "usage: parse <kind> <file>   (kind: " + String.join(", ", KINDS.keySet())
            + "; file '-' reads standard input)";

    private ParseMode() {
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

    static int run(String[] args) {
        return run(args, System.in, System.out, System.err);
    }

    static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println("parse: expected 2 arguments, got " + args.length);
            err.println(USAGE);
            return 2;
        }
        String kind = args[0];
        String file = args[1];
        Function<String, Object> parser = KINDS.get(kind);
        if (parser == null) {
            err.println("parse: unknown kind '" + kind + "'");
            err.println(USAGE);
            return 2;
        }
        String text;
        try {
            text = file.equals("-") ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            err.println("parse: " + kind + ": " + file + ": cannot read: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Object result;
        try {
            result = parser.apply(text);
        } catch (MqOutputParseException e) {
            err.println("parse: " + kind + ": " + file + ": " + e.getMessage());
            return 1;
        }
        try {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(result));
        } catch (IOException e) {
            err.println("parse: " + kind + ": " + file + ": cannot write JSON: " + e.getMessage());
            return 1;
        }
        return 0;
    }
}
