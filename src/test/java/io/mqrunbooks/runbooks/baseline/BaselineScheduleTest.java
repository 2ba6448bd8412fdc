package io.mqrunbooks.runbooks.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.application.baseline.BaselineSchedule;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class BaselineScheduleTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean(BaselineSchedule.class);

    @Test
    void nightlyAtTwoByDefault() {
        context.run(c -> assertThat(c.getBean(BaselineSchedule.class).cycle()).isEqualTo("0 0 2 * * ?"));
    }

    @Test
    void readsTheScheduleFromConfiguration() {
        context.withPropertyValues("mqrunbooks.baseline.schedule=0 30 1 * * MON-FRI")
                .run(c -> assertThat(c.getBean(BaselineSchedule.class).cycle()).isEqualTo("0 30 1 * * MON-FRI"));
        context.withPropertyValues("mqrunbooks.baseline.schedule=R/PT12H")
                .run(c -> assertThat(c.getBean(BaselineSchedule.class).cycle()).isEqualTo("R/PT12H"));
    }

    @Test
    void aBadScheduleStopsStartUpNamingTheProperty() {
        context.withPropertyValues("mqrunbooks.baseline.schedule=every night")
                .run(c -> assertThat(c.getStartupFailure()).rootCause().hasMessageStartingWith(
                        "mqrunbooks.baseline.schedule: 'every night' is not a cron expression such as 0 0 2 * * ? ("));
    }
}
