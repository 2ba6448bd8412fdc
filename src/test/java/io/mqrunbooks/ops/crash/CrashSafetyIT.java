package io.mqrunbooks.ops.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Crash safety on MariaDB with the packaged jar and the real runbooks: see {@link CrashDrill}. Counts fit CI's
 * budget (two rounds, three kills); override with
 * {@code -Dcrash.rounds=}, {@code -Dcrash.stages=} (1..5), {@code -Dcrash.kills=}, {@code -Dcrash.maxCommands=},
 * {@code -Dcrash.seed=}, {@code -Dcrash.minutes=}. The report is printed and written to {@code target/crash-report.txt}.
 */
@Tag("crash")
class CrashSafetyIT {

    @Test
    void everyRunbookRunEndsAsItWouldHaveWithoutTheKillsAndNoSideEffectRunsTwice() throws Exception {
        long seed = Long.getLong("crash.seed", 20261121L);
        CrashDrill.Settings settings = new CrashDrill.Settings(Integer.getInteger("crash.rounds", 2),
                Integer.getInteger("crash.stages", 5), Integer.getInteger("crash.kills", 3), seed,
                Integer.getInteger("crash.maxCommands", 250), 40,
                Duration.ofMinutes(Integer.getInteger("crash.minutes", 8)), Harness.database("crash"));

        CrashDrill.Result result = CrashDrill.run(settings, Path.of("target"));
        String report = CrashDrill.report(result, "./mvnw -B verify -Dit.test=CrashSafetyIT -Dcrash.seed=" + seed);
        CrashDrill.write(Path.of("target/crash-report.txt"), report);
        System.out.print(report);

        DrillReport drill = result.report();
        assertThat(drill.finished()).as("every run ended within the limit\n" + report).isTrue();
        assertThat(drill.unexpected()).as(report).isEmpty();
        assertThat(result.kills()).as(report).hasSize(settings.kills());
        assertThat(drill.duplicates()).as(report).isEmpty();
        assertThat(drill.incidents()).as(report).isZero();
        assertThat(drill.runs()).as(report).hasSize(DrillPlan.rounds("CR", settings.rounds(), settings.stages()).stream()
                .mapToInt(round -> round.runs().size()).sum()).allMatch(Drill.RunOutcome::asExpected);
        assertThat(drill.rounds()).as(report).hasSize(settings.rounds()).allMatch(Drill.RoundOutcome::asExpected);
    }
}
