package io.mqrunbooks.runbooks.dractivation;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.application.dractivation.DrActivationSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code mqrunbooks.dr-activation.*} is bound and checked when the app starts, as documented. */
class DrActivationSettingsTest {

    @Configuration
    @EnableConfigurationProperties(DrActivationSettings.class)
    static class Settings {
    }

    final ApplicationContextRunner app = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void withoutPropertiesTheDocumentedDefaultsApply() {
        app.run(context -> assertThat(context.getBean(DrActivationSettings.class))
                .isEqualTo(DrActivationSettings.defaults()));
    }

    @Test
    void propertiesAreReadUnderTheirDocumentedNames() {
        app.withPropertyValues("mqrunbooks.dr-activation.poll-interval=PT1S", "mqrunbooks.dr-activation.drain-limit=1h",
                "mqrunbooks.dr-activation.drain-level=5", "mqrunbooks.dr-activation.test-queue=DR.TEST")
                .run(context -> {
                    DrActivationSettings settings = context.getBean(DrActivationSettings.class);
                    assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(settings.drainLimit()).isEqualTo(Duration.ofHours(1));
                    assertThat(settings.drainLevel()).isEqualTo(5);
                    assertThat(settings.testQueue()).isEqualTo("DR.TEST");
                });
    }

    @Test
    void aNegativeDrainLevelStopsTheStartNamingTheProperty() {
        app.withPropertyValues("mqrunbooks.dr-activation.drain-level=-1").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("mqrunbooks.dr-activation")
                .hasMessageContaining("drainLevel").hasMessageContaining("rejected value [-1]")
                .hasMessageContaining("is negative; give a total transmission queue depth of 0 or more"));
    }

    @Test
    void aPollIntervalUnderASecondStopsTheStartNamingTheProperty() {
        app.withPropertyValues("mqrunbooks.dr-activation.poll-interval=0s").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("pollInterval").hasMessageContaining("rejected value [PT0S]"));
    }

    @Test
    void aTestQueueThatIsNoMqNameStopsTheStartNamingTheProperty() {
        app.withPropertyValues("mqrunbooks.dr-activation.test-queue=NOT A QUEUE").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessage("mqrunbooks.dr-activation.test-queue 'NOT A QUEUE' has characters "
                        + "IBM MQ does not allow in a name (only A-Z a-z 0-9 . _ / %)"));
    }
}
