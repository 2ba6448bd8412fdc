package io.mqrunbooks.adapter.inbound.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** The poll waits: the configured length, shortened for one run by its sealed start, never lengthened. */
class RunbookWaitsTest {

    private final RunRecords runs = Mockito.mock(RunRecords.class);

    @Test
    void aRunGetsTheConfiguredWaitUnlessItsStartAskedForAShorterOne() {
        RunbookWaits waits = new RunbookWaits(runs, "PT20S");
        sealed("plain", Map.of());
        sealed("quick", Map.of("pollInterval", "PT5S"));
        sealed("slow", Map.of("pollInterval", "PT1M"));

        assertThat(waits.pollFor("plain")).isEqualTo(Duration.ofSeconds(20));
        assertThat(waits.pollFor("quick")).isEqualTo(Duration.ofSeconds(5));
        assertThat(waits.shortenedFor("quick")).contains(Duration.ofSeconds(5));
        assertThat(waits.pollFor("slow")).as("a start cannot lengthen the wait").isEqualTo(Duration.ofSeconds(20));
        assertThat(waits.pollFor("unknown run")).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aBadSettingStopsStartUpNamingTheProperty() {
        assertThatThrownBy(() -> new RunbookWaits(runs, "30s")).hasMessage(
                "mqrunbooks.waits.poll-interval: '30s' is not a duration such as PT30S (30 seconds)");
        assertThatThrownBy(() -> new RunbookWaits(runs, "PT0S")).hasMessage(
                "mqrunbooks.waits.poll-interval: 'PT0S' must be longer than no time");
    }

    private void sealed(String runId, Map<String, String> parameters) {
        Mockito.when(runs.find(runId)).thenReturn(Optional.of(new RunRecord(runId, "nativeHaRollingMaintenanceProcess",
                null, "operator", Instant.EPOCH, parameters, new RunScope(Set.of(), Set.of()), "hash")));
    }
}
