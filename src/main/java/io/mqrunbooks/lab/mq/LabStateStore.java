package io.mqrunbooks.lab.mq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqrunbooks.lab.LabFaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab's state across a restart of the app (docs/lab.md, "Across a restart"): every change of the simulated
 * estate, every host going down or up and every command fault set or cleared is appended, with its instant, to {@code <data>/lab/state.jsonl}, under a
 * first line naming the history database and the inventory it belongs to. At the next start with the same history
 * database and inventory the changes are replayed, each at its own instant of the lab's clock, onto a fresh lab: the
 * queue managers, DR roles and links, HA groups, installed levels, objects and messages come back as they were, and a
 * failed host is still failed and a command fault still matches. With another database (or none recorded) the lab starts from its first state and the
 * old file is kept beside as {@code state-previous.jsonl}. A reset of the lab starts the file again.
 */
public final class LabStateStore {

    /** What the store did at start. */
    public record Opening(boolean restored, int events, String reason) {
    }

    private static final Logger log = LoggerFactory.getLogger(LabStateStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 2: cluster puts go through SYSTEM.CLUSTER.TRANSMIT.QUEUE, so a format-1 record would replay differently. */
    private static final int FORMAT = 2;

    private final Path file;
    private final String historyId;
    private final String inventory;
    private final LabReplayClock clock;
    private String lastOp;
    private Opening opening;

    private LabStateStore(Path file, String historyId, String inventory, LabReplayClock clock) {
        this.file = file;
        this.historyId = historyId;
        this.inventory = inventory;
        this.clock = clock;
    }

    /**
     * Restores the lab from {@code file} when it was written for this history database and inventory, else starts
     * the file afresh; from then on records every change of {@code mq} and of {@code faults}.
     *
     * @param historyId what identifies the history database (the engine's installation id)
     * @param inventory what identifies the lab's inventory (its hosts and queue managers as written)
     * @param mq        a lab built on a {@link LabReplayClock}
     * @param faults    the SSH side's host and command faults, or null for a lab without SSH servers
     */
    public static LabStateStore open(Path file, String historyId, String inventory, SimulatedMqEstate mq,
                                     LabFaults faults) {
        if (!(mq.clock() instanceof LabReplayClock clock)) {
            throw new IllegalArgumentException("Lab state: the lab must run on a LabReplayClock to be replayed");
        }
        LabStateStore store = new LabStateStore(file, historyId, inventory, clock);
        Opening opening = store.restore(mq, faults);
        store.opening = opening;
        mq.recordTo(store::append);
        if (faults != null) {
            faults.watch(change -> store.append(new LabEvent(clock.instant(), change)));
        }
        log.info("Lab state ({}): {}", file, opening.reason());
        return store;
    }

    /** A short, stable digest of an inventory's text, for the file's first line. */
    public static String fingerprint(String inventoryText) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(inventoryText.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public Opening opening() {
        return opening;
    }

    private Opening restore(SimulatedMqEstate mq, LabFaults faults) {
        if (!Files.exists(file)) {
            startFile(clock.instant());
            return new Opening(false, 0, "no recorded lab state: the lab starts from its first state");
        }
        String why;
        try {
            List<String> lines = readLines();
            why = lines.isEmpty() ? "the recorded lab state is empty" : mismatch(parse(lines.get(0)));
            if (why == null) {
                int events = replay(lines, mq, faults);
                return new Opening(true, events, "restored from " + events + " recorded changes");
            }
        } catch (RuntimeException unreadable) {
            mq.reset();
            if (faults != null) {
                faults.clearAll();
            }
            why = "the recorded lab state cannot be replayed (" + unreadable.getMessage() + ")";
        }
        setAside();
        startFile(clock.instant());
        return new Opening(false, 0, why + ": the lab starts from its first state (the old record is kept as "
                + file.resolveSibling("state-previous.jsonl").getFileName() + ")");
    }

    private int replay(List<String> lines, SimulatedMqEstate mq, LabFaults faults) {
        List<LabEvent> events = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                events.add(event(parse(line)));
            }
        }
        try {
            clock.pin(Instant.parse((String) parse(lines.get(0)).get("builtAt")));
            mq.reset();
            for (LabEvent event : events) {
                clock.pin(event.time());
                replay(event, mq, faults);
            }
        } finally {
            clock.release();
        }
        lastOp = events.isEmpty() ? null : events.get(events.size() - 1).op();
        return events.size();
    }

    private String mismatch(Map<String, Object> header) {
        if (!Integer.valueOf(FORMAT).equals(header.get("format"))) {
            return "the recorded lab state has another format";
        }
        if (historyId == null || !historyId.equals(header.get("historyId"))) {
            return "the recorded lab state belongs to another history database (" + header.get("historyId") + ")";
        }
        if (!inventory.equals(header.get("inventory"))) {
            return "the recorded lab state belongs to another lab inventory";
        }
        return null;
    }

    private static void replay(LabEvent e, SimulatedMqEstate mq, LabFaults faults) {
        try {
            switch (e.op()) {
                case "execute" -> {
                    List<String> argv = e.operation().subList(4, e.operation().size());
                    mq.execute(e.arg(0), e.arg(1), argv, e.arg(2));
                }
                case "pcf" -> mq.pcfCommand(e.arg(0), e.arg(1), Base64.getDecoder().decode(e.arg(2)),
                        Integer.parseInt(e.arg(3)), Integer.parseInt(e.arg(4)));
                case "settle" -> mq.haCurrentLocation(""); // any reader moves the lab's time on; this one changes nothing else
                case "reset" -> mq.reset();
                case "cutReplicationLink" -> mq.cutReplicationLink(e.arg(0));
                case "restoreReplicationLink" -> mq.restoreReplicationLink(e.arg(0));
                case "channelCondition" -> mq.channelCondition(e.arg(0), e.arg(1), e.arg(2), e.arg(3));
                case "failHost" -> mq.failHost(e.arg(0));
                case "recoverHost" -> mq.recoverHost(e.arg(0));
                case "haReplicaOutOfSync" -> mq.haReplicaOutOfSync(e.arg(0), e.arg(1), Long.parseLong(e.arg(2)));
                case "suspendHaNode" -> mq.suspendHaNode(e.arg(0));
                case "nativeHaReplicationLink" -> mq.nativeHaReplicationLink(e.arg(0), e.arg(1),
                        Boolean.parseBoolean(e.arg(2)));
                case "nativeHaCrossRegionLink" -> mq.nativeHaCrossRegionLink(e.arg(0), Boolean.parseBoolean(e.arg(1)));
                case "installVersion" -> mq.installVersion(e.arg(0), e.arg(1));
                case "hostLanguage" -> mq.hostLanguage(e.arg(0), e.arg(1));
                case "restoreMedia" -> mq.restoreMedia(e.arg(0), e.arg(1));
                case "putMessages" -> mq.putMessages(e.arg(0), e.arg(1), e.arg(2), Integer.parseInt(e.arg(3)),
                        Boolean.parseBoolean(e.arg(4)));
                case "hostDown", "hostUp", "hang", "fail", "dropSession", "clearFaults", "clearAllFaults" -> {
                    if (faults != null) {
                        replayFault(e, faults);
                    }
                }
                default -> throw new UnknownChange(e.op());
            }
        } catch (IllegalArgumentException | IllegalStateException refusedThen) {
            // It was refused the first time too: same state, same instant.
        }
    }

    private static void replayFault(LabEvent e, LabFaults faults) {
        switch (e.op()) {
            case "hostDown" -> faults.hostDown(e.arg(0));
            case "hostUp" -> faults.hostUp(e.arg(0));
            case "hang" -> faults.hang(e.arg(0), e.arg(1));
            case "fail" -> faults.fail(e.arg(0), e.arg(1), Integer.parseInt(e.arg(2)), e.arg(3));
            case "dropSession" -> faults.dropSession(e.arg(0), e.arg(1));
            case "clearFaults" -> faults.clear(e.arg(0));
            default -> faults.clearAll();
        }
    }

    /** Appends one change; a reset starts the file again, and reads in a row count once (only the first moved time). */
    synchronized void append(LabEvent event) {
        if (event.op().equals("reset")) {
            startFile(event.time());
            lastOp = null;
            return;
        }
        if (event.op().equals("settle") && "settle".equals(lastOp)) {
            return;
        }
        lastOp = event.op();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", event.time().toString());
        line.put("op", event.operation());
        write(json(line) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private void startFile(Instant builtAt) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", FORMAT);
        header.put("historyId", historyId);
        header.put("inventory", inventory);
        header.put("builtAt", builtAt.toString());
        write(json(header) + "\n", StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    private void setAside() {
        try {
            Files.move(file, file.resolveSibling("state-previous.jsonl"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Lab state " + file + ": cannot keep the old record aside", e);
        }
    }

    private void write(String text, StandardOpenOption... options) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, options);
        } catch (IOException e) {
            throw new UncheckedIOException("Lab state " + file + ": cannot write", e);
        }
    }

    private List<String> readLines() {
        List<String> lines;
        try {
            lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Lab state " + file + ": cannot read", e);
        }
        // A crash while appending leaves at most a cut last line: the changes before it still count.
        if (!lines.isEmpty() && !lines.get(lines.size() - 1).endsWith("}")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private Map<String, Object> parse(String line) {
        try {
            return JSON.readValue(line, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Lab state " + file + ": a line is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static LabEvent event(Map<String, Object> line) {
        return new LabEvent(Instant.parse((String) line.get("time")), (List<String>) line.get("op"));
    }

    /** A change this version of the lab does not know: the record came from another version. */
    private static final class UnknownChange extends RuntimeException {
        UnknownChange(String op) {
            super("unknown recorded change '" + op + "'");
        }
    }

    private static String json(Map<String, Object> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Lab state cannot be written as JSON", e);
        }
    }
}
