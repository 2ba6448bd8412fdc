package io.mqrunbooks.adapter.inbound.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.platform.run.RunRecord;
import io.mqrunbooks.platform.run.RunRecords;
import io.mqrunbooks.platform.run.RunScope;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The poll waits: the configured length ({@code mqrunbooks.waits.poll-interval}, bound and checked at start), shortened
 * for one run by its sealed start to one of the form's choices, never lengthened.
 */
class RunbookWaitsTest {

    @Configuration
    @EnableConfigurationProperties(RunbookWaitSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner app = new ApplicationContextRunner().withUserConfiguration(Settings.class);
    private final RunRecords runs = Mockito.mock(RunRecords.class);

    @Test
    void aRunGetsTheConfiguredWaitUnlessItsStartAskedForAShorterOfTheFormsChoices() {
        RunbookWaits waits = new RunbookWaits(runs, new RunbookWaitSettings(Duration.ofSeconds(20)));
        sealed("plain", Map.of());
        sealed("quick", Map.of("pollInterval", "PT5S"));
        sealed("slow", Map.of("pollInterval", "PT1M"));
        sealed("off the form", Map.of("pollInterval", "PT1S"));

        assertThat(waits.pollFor("plain")).isEqualTo(Duration.ofSeconds(20));
        assertThat(waits.pollFor("quick")).isEqualTo(Duration.ofSeconds(5));
        assertThat(waits.shortenedFor("quick")).contains(Duration.ofSeconds(5));
        assertThat(waits.pollFor("slow")).as("a start cannot lengthen the wait").isEqualTo(Duration.ofSeconds(20));
        assertThat(waits.pollFor("off the form")).as("only the start form's choices count")
                .isEqualTo(Duration.ofSeconds(20));
        assertThat(waits.pollFor("unknown run")).isEqualTo(Duration.ofSeconds(20));
        assertThat(waits.forRun("quick", "pollInterval", Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(5));
        assertThat(waits.shortened("quick", "pollInterval", Duration.ofSeconds(5))).isFalse();
    }

    @Test
    void aShorterPollChecksMoreOftenButNeverGivesUpSooner() {
        RunbookWaits waits = new RunbookWaits(runs, new RunbookWaitSettings(Duration.ofSeconds(30)));
        sealed("plain", Map.of());
        sealed("quick", Map.of("pollInterval", "PT2S"));

        assertThat(waits.pollsWithin("plain", Duration.ofMinutes(15))).isEqualTo(30);
        assertThat(waits.pollsWithin("quick", Duration.ofMinutes(15))).isEqualTo(450);
        assertThat(waits.pollsWithin("plain", Duration.ofSeconds(45))).as("rounded up").isEqualTo(2);
        assertThat(waits.pollInWords("quick")).isEqualTo("2 seconds");
    }

    @Test
    void theSettingIsReadAsIso8601OrWithAUnitAndDefaultsTo30Seconds() {
        app.run(context -> assertThat(context.getBean(RunbookWaitSettings.class).pollInterval())
                .isEqualTo(Duration.ofSeconds(30)));
        app.withPropertyValues("mqrunbooks.waits.poll-interval=PT10S").run(context ->
                assertThat(context.getBean(RunbookWaitSettings.class).pollInterval()).isEqualTo(Duration.ofSeconds(10)));
        app.withPropertyValues("mqrunbooks.waits.poll-interval=30s").run(context ->
                assertThat(context.getBean(RunbookWaitSettings.class).pollInterval()).isEqualTo(Duration.ofSeconds(30)));
    }

    @Test
    void aBadSettingStopsStartUpNamingTheProperty() {
        app.withPropertyValues("mqrunbooks.waits.poll-interval=PT0S").run(context -> assertThat(context).getFailure()
                .rootCause().hasMessageContaining("mqrunbooks.waits").hasMessageContaining("pollInterval")
                .hasMessageContaining("rejected value [PT0S]").hasMessageContaining("must be at least 1 second"));
        app.withPropertyValues("mqrunbooks.waits.poll-interval=soon").run(context -> {
            assertThat(context).getFailure().cause().hasMessage(
                    "Failed to bind properties under 'mqrunbooks.waits.poll-interval' to java.time.Duration");
            assertThat(context).getFailure().rootCause().hasMessage("'soon' is not a valid duration");
        });
    }

    private void sealed(String runId, Map<String, String> parameters) {
        Mockito.when(runs.find(runId)).thenReturn(Optional.of(new RunRecord(runId, "nativeHaRollingMaintenanceProcess",
                null, "operator", Instant.EPOCH, parameters, new RunScope(Set.of(), Set.of()), "hash")));
    }
}
