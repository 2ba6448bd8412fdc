package io.mqrunbooks.platform;

/** Process variables every runbook shares. Names are declared once, here. */
public final class RunVariables {

    /** The user who started the run; copied into runs started by a call activity. */
    public static final String INITIATOR = "initiator";
    /** Why the run was started (start form). */
    public static final String REASON = "reason";
    /** The queue manager the run acts on (start form, from the inventory). */
    public static final String QUEUE_MANAGER = "queueManager";
    /** The change the run belongs to (start form, optional); with it the run's business key begins. */
    public static final String CHANGE_REFERENCE = "changeReference";
    /** The incident a DR activation answers (its start form); names the run like a change reference. */
    public static final String INCIDENT_REFERENCE = "incidentReference";
    /** The IBM MQ version a run moves its queue managers to (the migrations' start forms), sealed with the run. */
    public static final String TARGET_VERSION = "targetVersion";
    /** How the run ended, in words: completed, backed out, rejected, aborted. */
    public static final String OUTCOME = "outcome";

    private RunVariables() {
    }
}
