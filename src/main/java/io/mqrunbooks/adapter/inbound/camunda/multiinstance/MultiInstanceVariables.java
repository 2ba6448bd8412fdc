package io.mqrunbooks.adapter.inbound.camunda.multiinstance;

import static io.mqrunbooks.platform.runbook.RunVariable.booleanVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.intVariable;
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
    public static final RunVariable<Boolean> TAKEOVER_COMPLETE = booleanVariable("takeoverComplete");
    public static final RunVariable<String> TAKEOVER_STATUS = stringVariable("takeoverStatus");
    public static final RunVariable<Integer> TAKEOVER_POLLS = intVariable("takeoverPolls");
    public static final RunVariable<Integer> TAKEOVER_POLL_LIMIT = intVariable("takeoverPollLimit");
    public static final RunVariable<Boolean> TAKEOVER_LIMIT_REACHED = booleanVariable("takeoverLimitReached");
    public static final PollCount TAKEOVER_WAIT = new PollCount(TAKEOVER_POLLS, TAKEOVER_POLL_LIMIT, TAKEOVER_COMPLETE,
            TAKEOVER_LIMIT_REACHED);
    /** How long the wait for the standby to take over polls before it asks for a decision (20 polls of 30 s by default). */
    public static final Duration TAKEOVER_TIME_LIMIT = Duration.ofMinutes(10);

    private MultiInstanceVariables() {
    }
}
