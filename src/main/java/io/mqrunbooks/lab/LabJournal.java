package io.mqrunbooks.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every command the lab received, in the order they ended, kept in memory and appended as JSON lines to
 * {@code <data>/lab/journal.jsonl}. Tests of runbooks read it to assert which commands ran, in what order.
 */
public final class LabJournal {

    /** How a command ended. */
    public enum Outcome {
        /** It ran (or was refused) and its exit status went back to the client. */
        EXITED,
        /** Its {@code timeout} wrapper killed it; the client got 124 (or 128 + signal). */
        TIMED_OUT,
        /** A dropSession fault closed the SSH session: it ran, but no output or exit status went back. */
        DROPPED,
        /** The client closed the channel or the connection before it ended. */
        DISCONNECTED
    }

    /**
     * One command.
     *
     * @param time        when it arrived
     * @param host        the lab host's logical name
     * @param user        the SSH user who sent it
     * @param runAs       the user it ran as ({@code root} after sudo)
     * @param commandLine the command line exactly as the client sent it
     * @param argv        the program and arguments the handler received; empty when it was refused
     * @param exitCode    the exit status sent to the client, or null when none was sent
     * @param outcome     how it ended
     * @param duration    from arrival to end
     */
    public record Entry(Instant time, String host, String user, String runAs, String commandLine, List<String> argv,
                        Integer exitCode, Outcome outcome, Duration duration) {

        public Entry {
            argv = List.copyOf(argv);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Entry> entries = new ArrayList<>();
    private final Path file;
    private long fileLines;

    /** @param file the JSON lines file to append to, or null to keep the journal in memory only */
    public LabJournal(Path file) {
        this.file = file;
        this.fileLines = existingLines(file);
    }

    public synchronized void append(Entry entry) {
        entries.add(entry);
        if (file != null) {
            try {
                Files.writeString(file, toJson(entry) + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("Lab journal " + file + ": cannot append", e);
            }
            fileLines++;
        }
    }

    /** Lines of the JSON lines file: earlier runs' (if the file was kept) plus this run's; 0 without a file. */
    public synchronized long lineCount() {
        return fileLines;
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public synchronized List<Entry> entriesFor(String host) {
        return entries.stream().filter(e -> e.host().equals(host)).toList();
    }

    /** Forgets the entries in memory; the JSON lines file keeps its history. */
    public synchronized void clear() {
        entries.clear();
    }

    private static long existingLines(Path file) {
        if (file == null || !Files.exists(file)) {
            return 0;
        }
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException("Lab journal " + file + ": cannot read", e);
        }
    }

    static String toJson(Entry entry) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", entry.time().toString());
        line.put("host", entry.host());
        line.put("user", entry.user());
        line.put("runAs", entry.runAs());
        line.put("commandLine", entry.commandLine());
        line.put("argv", entry.argv());
        line.put("exitCode", entry.exitCode());
        line.put("outcome", entry.outcome().name());
        line.put("durationMillis", entry.duration().toMillis());
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Lab journal entry cannot be written as JSON", e);
        }
    }
}
