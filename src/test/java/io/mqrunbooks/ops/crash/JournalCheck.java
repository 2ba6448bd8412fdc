package io.mqrunbooks.ops.crash;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the lab's journal and finds side-effecting commands that ran twice.
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

    /** One side-effecting command from the journal. */
    record SideEffect(int line, String time, String host, String kind, String queueManager, int exitCode,
                      String commandLine) {
    }

    /** A command that repeated work already done, and the earlier one it repeated. */
    record Duplicate(SideEffect first, SideEffect second) {
        @Override
        public String toString() {
            return second.host + ": '" + second.commandLine + "' (line " + second.line + ", exit " + second.exitCode
                    + ") repeats line " + first.line + " '" + first.commandLine + "' with no " + inverse(first.kind)
                    + " between";
        }
    }

    private final List<SideEffect> sideEffects;
    private final int commands;

    private final Map<String, Long> statusChecks;

    private JournalCheck(List<SideEffect> sideEffects, int commands, Map<String, Long> statusChecks) {
        this.sideEffects = sideEffects;
        this.commands = commands;
        this.statusChecks = statusChecks;
    }

    static JournalCheck read(Path journal) throws IOException {
        List<SideEffect> effects = new ArrayList<>();
        Map<String, Long> statusChecks = new HashMap<>();
        List<String> lines = Files.exists(journal) ? Files.readAllLines(journal) : List.of();
        int number = 0;
        for (String line : lines) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode entry = DrillRest.JSON.readTree(line);
            List<String> argv = new ArrayList<>();
            entry.path("argv").forEach(token -> argv.add(token.asText()));
            if (!argv.isEmpty() && argv.get(0).equals("dspmq") && argv.contains("-m")) {
                statusChecks.merge(argv.get(argv.indexOf("-m") + 1), 1L, Long::sum);
            }
            String kind = kindOf(argv);
            if (kind == null) {
                continue;
            }
            JsonNode exit = entry.path("exitCode");
            effects.add(new SideEffect(number, entry.path("time").asText(), entry.path("host").asText(), kind,
                    argv.get(argv.size() - 1).equals("-p") || argv.get(argv.size() - 1).equals("-s")
                            ? argv.get(argv.indexOf("-m") + 1) : argv.get(argv.size() - 1),
                    exit.isNull() || exit.isMissingNode() ? -1 : exit.asInt(), entry.path("commandLine").asText()));
        }
        return new JournalCheck(effects, lines.size(), statusChecks);
    }

    /** {@code dspmq} calls naming the queue manager: each step checks once per attempt. */
    long statusChecksOn(String queueManager) {
        return statusChecks.getOrDefault(queueManager, 0L);
    }

    int commands() {
        return commands;
    }

    List<SideEffect> sideEffects() {
        return sideEffects;
    }

    List<SideEffect> sideEffectsOn(String queueManager) {
        return sideEffects.stream().filter(effect -> effect.queueManager.equals(queueManager)).toList();
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
            if (effect.exitCode == 0) {
                lastSucceeded.put(key + effect.kind, effect);
                lastSucceeded.remove(key + inverse(effect.kind));
            }
        }
        return duplicates;
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
