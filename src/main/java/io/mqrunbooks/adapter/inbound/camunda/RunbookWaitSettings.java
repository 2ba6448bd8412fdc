package io.mqrunbooks.adapter.inbound.camunda;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The runbooks' status polls ({@code mqrunbooks.waits.*}), checked when the app starts: a bad value stops it with a
 * message naming the property. Durations are Spring Boot's: ISO 8601 ({@code PT30S}) or a number with a unit
 * ({@code 30s}, {@code 2m}), as every other duration setting of the app.
 *
 * @param pollInterval time between two status checks of a wait (RDQM DR, RDQM HA, Native HA, multi-instance)
 */
@ConfigurationProperties("mqrunbooks.waits")
@Validated
public record RunbookWaitSettings(
        @DefaultValue("PT30S") @NotNull @DurationMin(seconds = 1, message = "must be at least 1 second, "
                + "e.g. PT30S or 30s") Duration pollInterval) {

    public static RunbookWaitSettings defaults() {
        return new RunbookWaitSettings(Duration.ofSeconds(30));
    }
}
