package io.mqrunbooks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabJournalTest {

    @TempDir
    Path dir;

    @Test
    void lineCountIsTheLinesOfTheFileEarlierRunsIncluded() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        LabJournal.Entry entry = new LabJournal.Entry(Instant.parse("2026-11-21T05:52:36Z"), "dr1", "mqm", "root",
                "sudo -n dspmq", List.of("dspmq"), 0, LabJournal.Outcome.EXITED, Duration.ofMillis(22));
        new LabJournal(file).append(entry);

        LabJournal restarted = new LabJournal(file);
        restarted.append(entry);

        assertThat(restarted.lineCount()).isEqualTo(2).isEqualTo(Files.readAllLines(file).size());
        assertThat(new LabJournal(null).lineCount()).isZero();
    }
}
