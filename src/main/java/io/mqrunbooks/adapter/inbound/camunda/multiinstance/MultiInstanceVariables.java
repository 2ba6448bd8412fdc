package io.mqrunbooks.adapter.inbound.camunda.multiinstance;

import static io.mqrunbooks.platform.runbook.RunVariable.stringVariable;

import io.mqrunbooks.adapter.inbound.camunda.PollCount;
import io.mqrunbooks.platform.runbook.RunVariable;
import io.mqrunbooks.platform.runbook.RunbookVariables;
import java.time.Duration;

/** Process variables of the multi-instance switchover runbook, declared once. */
public final class MultiInstanceVariables {

    public static final RunVariable<String> QUEUE_MANAGER = RunbookVariables.QUEUE_MANAGER;
    /** Start form: {@code controlled} (endmqm -c), {@code immediate} (-i) or {@code preemptive} (-p). */
    public static final RunVariable<String> END_MODE = stringVariable("endMode");
    public static final RunVariable<String> ACTIVE_HOST = stringVariable("activeHost");
    public static final RunVariable<String> STANDBY_HOST = stringVariable("standbyHost");
    public static final RunVariable<String> INSTANCES_SUMMARY = stringVariable("instancesSummary");
    public static final PollCount TAKEOVER_WAIT = PollCount.named("takeover", "takeoverComplete", false);
    public static final RunVariable<String> TAKEOVER_STATUS = stringVariable("takeoverStatus");
    /** How long the wait for the standby to take over polls before it asks for a decision (20 polls of 30 s by default). */
    public static final Duration TAKEOVER_TIME_LIMIT = Duration.ofMinutes(10);

    private MultiInstanceVariables() {
    }
}
