package io.mqrunbooks.ops.crash;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the lab's journal (all of it, or the lines of one round) and finds side-effecting commands that ran twice.
 *
 * <p>Side-effecting commands come in pairs that undo each other on one queue manager of one host:
 * {@code crtmqm}/{@code dltmqm}, {@code strmqm}/{@code endmqm}, {@code rdqmdr -p}/{@code rdqmdr -s}.
 * A command is a <b>duplicate</b> when the same command on the same queue manager and host already
 * succeeded (exit 0) and no successful command of its pair ran there in between: the second one, whatever
 * its own exit code, repeated work that was already done (a {@code strmqm} that answers "already running"
 * shows that the step did not check the state first). Read-only commands ({@code dspmq},
 * {@code rdqmstatus}, {@code dspmqver}, {@code rdqmdr -d}, {@code runmqsc}) are never duplicates.
 */
final class JournalCheck {

    /** One side-effecting command from the journal; {@code exitCode} -1 when the client went away first. */
    record SideEffect(int line, String time, String host, String kind, String queueManager, int exitCode, String text) {

        /** It ran to its end as asked: exit 0, or cut off by a kill after the lab had run it (no exit status sent). */
        boolean succeededOrCutOff() {
            return exitCode == 0 || exitCode == -1;
        }
    }

    /** A command that repeated work already done, and the earlier one it repeated. */
    record Duplicate(SideEffect first, SideEffect second) {
        @Override
        public String toString() {
            return "'" + second.text + "' (line " + second.line + ", exit " + second.exitCode + ") repeats line "
                    + first.line + " '" + first.text + "' with no " + inverse(first.kind) + " between";
        }
    }

    private final List<SideEffect> sideEffects;
    private final int commands;
    private final int disconnected;

    private JournalCheck(List<SideEffect> sideEffects, int commands, int disconnected) {
        this.sideEffects = sideEffects;
        this.commands = commands;
        this.disconnected = disconnected;
    }

    static JournalCheck read(Path journal) throws IOException {
        return read(journal, 0, Integer.MAX_VALUE);
    }

    /** Lines {@code from + 1} to {@code to} of the journal (a round: the counts before and after it). */
    static JournalCheck read(Path journal, long from, long to) throws IOException {
        List<SideEffect> effects = new ArrayList<>();
        List<String> lines = Files.exists(journal) ? Files.readAllLines(journal) : List.of();
        int commands = 0;
        int disconnected = 0;
        for (int number = (int) from + 1; number <= Math.min(to, lines.size()); number++) {
            String line = lines.get(number - 1);
            if (line.isBlank()) {
                continue;
            }
            commands++;
            JsonNode entry = DrillRest.JSON.readTree(line);
            if ("DISCONNECTED".equals(entry.path("outcome").asText())) {
                disconnected++;
            }
            List<String> argv = argv(entry);
            String kind = kindOf(argv);
            if (kind == null) {
                continue;
            }
            JsonNode exit = entry.path("exitCode");
            String host = entry.path("host").asText();
            effects.add(new SideEffect(number, entry.path("time").asText(), host, kind, queueManagerOf(argv),
                    exit.isNull() || exit.isMissingNode() ? -1 : exit.asInt(), host + ": " + String.join(" ", argv)));
        }
        return new JournalCheck(effects, commands, disconnected);
    }

    int commands() {
        return commands;
    }

    /** Commands cut off by a kill: the lab ran them, the client was gone before the answer. */
    int disconnected() {
        return disconnected;
    }

    List<SideEffect> sideEffects() {
        return sideEffects;
    }

    /** The side-effecting commands on these hosts, in order, as "host: argv". */
    List<SideEffect> sideEffectsOn(Collection<String> hosts) {
        return sideEffects.stream().filter(effect -> hosts.contains(effect.host())).toList();
    }

    List<Duplicate> duplicates() {
        Map<String, SideEffect> lastSucceeded = new HashMap<>();
        List<Duplicate> duplicates = new ArrayList<>();
        for (SideEffect effect : sideEffects) {
            String key = effect.host + "/" + effect.queueManager + "/";
            SideEffect earlier = lastSucceeded.get(key + effect.kind);
            if (earlier != null) {
                duplicates.add(new Duplicate(earlier, effect));
            }
            if (effect.succeededOrCutOff()) {
                lastSucceeded.put(key + effect.kind, effect);
                lastSucceeded.remove(key + inverse(effect.kind));
            }
        }
        return duplicates;
    }

    /** The kind of side effect of one journal entry ("strmqm", "rdqmdr -p" ...), or null for a read-only command. */
    static String sideEffectKind(JsonNode entry) {
        return entry == null ? null : kindOf(argv(entry));
    }

    private static List<String> argv(JsonNode entry) {
        List<String> argv = new ArrayList<>();
        entry.path("argv").forEach(token -> argv.add(token.asText()));
        if (!argv.isEmpty()) {
            // "/opt/mqm/bin/strmqm" is strmqm
            argv.set(0, argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1));
        }
        return argv;
    }

    private static String kindOf(List<String> argv) {
        if (argv.isEmpty()) {
            return null;
        }
        return switch (argv.get(0)) {
            case "crtmqm", "dltmqm", "strmqm", "endmqm" -> argv.get(0);
            case "rdqmdr" -> argv.contains("-p") ? "rdqmdr -p" : argv.contains("-s") ? "rdqmdr -s" : null;
            default -> null;
        };
    }

    private static String queueManagerOf(List<String> argv) {
        int m = argv.indexOf("-m");
        return argv.get(0).equals("rdqmdr") && m >= 0 && m + 1 < argv.size() ? argv.get(m + 1) : argv.get(argv.size() - 1);
    }

    static String inverse(String kind) {
        return switch (kind) {
            case "crtmqm" -> "dltmqm";
            case "dltmqm" -> "crtmqm";
            case "strmqm" -> "endmqm";
            case "endmqm" -> "strmqm";
            case "rdqmdr -p" -> "rdqmdr -s";
            case "rdqmdr -s" -> "rdqmdr -p";
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
