package io.mqrunbooks.application.baseline;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * When the nightly baseline runs: {@code mqrunbooks.baseline.schedule}, a Camunda timer cycle, by default the
 * cron expression {@code 0 0 2 * * ?} (02:00 every night). The BPMN timer start event reads it as
 * {@code ${baselineSchedule.cycle()}}. A bad value stops start-up with a message naming the property.
 */
@Component("baselineSchedule")
public class BaselineSchedule {

    public static final String PROPERTY = "mqrunbooks.baseline.schedule";
    public static final String NIGHTLY = "0 0 2 * * ?";

    private final String cycle;

    public BaselineSchedule(@Value("${" + PROPERTY + ":" + NIGHTLY + "}") String cycle) {
        this.cycle = validated(cycle);
    }

    public String cycle() {
        return cycle;
    }

    private static String validated(String cycle) {
        String c = cycle == null ? "" : cycle.strip();
        if (c.startsWith("R")) {
            if (!c.matches("R\\d*/(\\d{4}-\\d{2}-\\d{2}T[^/]+/)?P[0-9A-Z.]+")) {
                throw new IllegalArgumentException(PROPERTY + ": '" + cycle + "' is not an ISO 8601 repeating interval "
                        + "such as R/PT24H");
            }
            return c;
        }
        try {
            CronExpression.parse(c);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + ": '" + cycle + "' is not a cron expression such as "
                    + NIGHTLY + " (" + e.getMessage() + ")");
        }
        return c;
    }
}
