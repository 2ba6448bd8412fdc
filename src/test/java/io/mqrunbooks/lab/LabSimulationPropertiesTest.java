package io.mqrunbooks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.lab.mq.LabMqOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class LabSimulationPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LabSimulationProperties.class)
    static class Bound {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void unsetPropertiesGiveTheSimulationDefaults() {
        runner.run(context -> assertThat(context.getBean(LabSimulationProperties.class).toOptions())
                .isEqualTo(LabMqOptions.defaults()));
    }

    @Test
    void theChannelRateAndBindTimeComeFromTheLabProperties() {
        runner.withPropertyValues("mqrunbooks.lab.channel-messages-per-second=5", "mqrunbooks.lab.channel-bind-time=2s",
                "mqrunbooks.lab.revert-to-snapshot-time=3s", "mqrunbooks.lab.channel-start-time=1s",
                "mqrunbooks.lab.channel-stop-time=4s").run(context -> {
                    LabMqOptions options = context.getBean(LabSimulationProperties.class).toOptions();
                    assertThat(options.channelMessagesPerSecond()).isEqualTo(5);
                    assertThat(options.channelBindTime()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(options.revertToSnapshotTime()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(options.channelStartTime()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(options.channelStopTime()).isEqualTo(Duration.ofSeconds(4));
                });
    }

    @Test
    void aRateThatIsNotPositiveStopsStartupNamingTheProperty() {
        runner.withPropertyValues("mqrunbooks.lab.channel-messages-per-second=0").run(context ->
                assertThat(context).getFailure().rootCause().hasMessage(
                        "mqrunbooks.lab.channel-messages-per-second must be positive, was 0.0"));
        runner.withPropertyValues("mqrunbooks.lab.channel-bind-time=-1s").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining(
                        "mqrunbooks.lab.channel-bind-time must not be negative"));
    }
}
