package io.mqrunbooks.adapter.inbound.camunda.multiinstance;

/** Process variables of the multi-instance switchover runbook. */
public final class MultiInstanceVariables {

    /** Start form: {@code controlled} (endmqm -c), {@code immediate} (-i) or {@code preemptive} (-p). */
    public static final String END_MODE = "endMode";
    public static final String ACTIVE_HOST = "activeHost";
    public static final String STANDBY_HOST = "standbyHost";
    public static final String INSTANCES_SUMMARY = "instancesSummary";
    public static final String TAKEOVER_COMPLETE = "takeoverComplete";
    public static final String TAKEOVER_STATUS = "takeoverStatus";
    public static final String TAKEOVER_POLLS = "takeoverPolls";
    public static final String TAKEOVER_POLL_LIMIT = "takeoverPollLimit";
    public static final String TAKEOVER_LIMIT_REACHED = "takeoverLimitReached";
    /** Polls of 30 s before the wait for the standby to take over asks for a decision: ten minutes. */
    public static final int DEFAULT_TAKEOVER_POLL_LIMIT = 20;

    private MultiInstanceVariables() {
    }
}
