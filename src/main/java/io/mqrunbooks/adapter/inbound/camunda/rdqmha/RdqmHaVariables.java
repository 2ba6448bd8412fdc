package io.mqrunbooks.adapter.inbound.camunda.rdqmha;

/** Process variables of the RDQM HA node maintenance runbook. */
public final class RdqmHaVariables {

    /** Start form: the node to maintain (sealed). */
    public static final String HA_NODE = "haNode";
    /** JSON: queue manager to its preferred location (node names) as read before the maintenance. */
    public static final String HA_PREFERRED_LOCATIONS = "haPreferredLocations";
    /** The queue managers that run on the node and move away, comma-separated (may be empty). */
    public static final String HA_MOVING = "haMovingQueueManagers";
    /** The plan table the gate shows. */
    public static final String HA_PLAN_SUMMARY = "haPlanSummary";

    /**
     * Prefixes of the three waits: queue managers off the suspended node, the other nodes online and in sync before
     * the resume, then the queue managers back on their preferred locations.
     */
    public static final String EVACUATION = "evacuation";
    public static final String RESUME_READY = "resumeReady";
    public static final String RETURN = "return";
    /** Suffixes: done (boolean), polls, pollLimit, limitReached, status (one line), summary. */
    public static final String DONE = "Done";
    public static final String POLLS = "Polls";
    public static final String POLL_LIMIT = "PollLimit";
    public static final String LIMIT_REACHED = "LimitReached";
    public static final String STATUS = "Status";
    public static final String SUMMARY = "Summary";
    /** Polls of 30 s before a wait asks for a decision: fifteen minutes. */
    public static final int DEFAULT_POLL_LIMIT = 30;

    private RdqmHaVariables() {
    }
}
