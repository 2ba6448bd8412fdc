package io.mqrunbooks.ops.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Crash safety on MariaDB with the packaged jar: see {@link CrashDrill}. Counts fit CI's four minutes;
 * override with {@code -Dcrash.runs=}, {@code -Dcrash.kills=}, {@code -Dcrash.seed=}. The report is
 * printed and written to {@code target/crash-report.txt}.
 */
@Tag("crash")
class CrashSafetyIT {

    @Test
    void everyRunEndsAsItWouldHaveWithoutTheKillsAndNoSideEffectRunsTwice() throws Exception {
        long seed = Long.getLong("crash.seed", 20261121L);
        CrashDrill.Settings settings = new CrashDrill.Settings(Integer.getInteger("crash.runs", 16),
                Integer.getInteger("crash.kills", 3), seed, 6, 30, 300,
                Duration.ofMinutes(Integer.getInteger("crash.minutes", 5)), "mqrunbooks_ci_crash");

        CrashDrill.Result result = CrashDrill.run(settings, Path.of("target"), Path.of("target/test-classes"));
        String report = CrashDrill.report(result, "./mvnw -B verify -Dit.test=CrashSafetyIT -Dcrash.seed=" + seed);
        CrashDrill.write(Path.of("target/crash-report.txt"), report);
        System.out.print(report);

        assertThat(result.finished()).as("every run ended within the limit\n" + report).isTrue();
        assertThat(result.kills()).as(report).hasSize(settings.kills());
        assertThat(result.duplicates()).as(report).isEmpty();
        assertThat(result.incidents()).as(report).isZero();
        assertThat(result.outcomes()).as(report).hasSize(settings.runs()).allMatch(Drill.RunOutcome::asWithoutCrash);
    }
}
