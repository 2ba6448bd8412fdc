package io.mqrunbooks.application.dractivation;

import io.mqrunbooks.mq.NameRules;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the activation waits and polls, and what "drained" means ({@code mqrunbooks.dr-activation.*},
 * docs/runbook-dr-activation.md); checked when the app starts, a bad value stops it naming the property.
 *
 * @param pollInterval      time between two polls of a wait (dspmq, rdqmstatus, CHSTATUS, depth)
 * @param primaryEndLimit   how long the primary may take to show Ended after endmqm
 * @param promotionLimit    how long rdqmdr -p (including a revert to snapshot) may take
 * @param backupStartLimit  how long the backup and its listener may take to run after strmqm
 * @param channelLimit      how long the sender channels may take to reach RUNNING
 * @param clusterLimit      how long the cluster channels to the full repositories may take
 * @param drainLimit        how long to watch the transmission queues before asking
 * @param drainLevel        total transmission queue depth at or below which the backlog counts as drained
 * @param testQueue         the local queue for the test message
 * @param testMessageWait   how long the get waits for the test message
 */
@ConfigurationProperties("mqrunbooks.dr-activation")
@Validated
public record DrActivationSettings(@DefaultValue("PT10S") @NotNull @DurationMin(seconds = 1) Duration pollInterval,
                                   @DefaultValue("PT5M") @NotNull Duration primaryEndLimit,
                                   @DefaultValue("PT10M") @NotNull Duration promotionLimit,
                                   @DefaultValue("PT5M") @NotNull Duration backupStartLimit,
                                   @DefaultValue("PT5M") @NotNull Duration channelLimit,
                                   @DefaultValue("PT5M") @NotNull Duration clusterLimit,
                                   @DefaultValue("PT30M") @NotNull Duration drainLimit,
                                   @DefaultValue("0") @PositiveOrZero(message = "is negative; give a total "
                                           + "transmission queue depth of 0 or more") int drainLevel,
                                   @DefaultValue("MQRUNBOOKS.TEST") @NotNull String testQueue,
                                   @DefaultValue("PT5S") @NotNull Duration testMessageWait) {

    public DrActivationSettings {
        // The test queue is put to and read by name on the backup, so it must be an MQ object name.
        NameRules.checkMqName(testQueue).ifPresent(problem -> {
            throw new IllegalArgumentException("mqrunbooks.dr-activation.test-queue " + problem);
        });
    }

    public static DrActivationSettings defaults() {
        return new DrActivationSettings(Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofMinutes(10),
                Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(30), 0,
                "MQRUNBOOKS.TEST", Duration.ofSeconds(5));
    }
}
