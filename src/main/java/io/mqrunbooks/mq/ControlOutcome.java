package io.mqrunbooks.mq;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** What a control command (strmqm, endmqm, rdqmdr, crtmqm, dltmqm) did, classified from MQ's messages. */
public enum ControlOutcome {
    STARTED,
    STANDBY_STARTED,
    ALREADY_RUNNING,
    ENDING,
    ENDED,
    NOT_RUNNING,
    SWITCHED_OVER,
    CREATED,
    ALREADY_EXISTS,
    DELETED,
    MADE_PRIMARY,
    MADE_SECONDARY,
    ALREADY_PRIMARY,
    ALREADY_SECONDARY,
    /** rdqmdr -p refused: the other node is still the DR primary and connected. */
    REFUSED_OTHER_NODE_PRIMARY,
    /** strmqm refused: this node is the DR secondary. */
    REFUSED_DR_SECONDARY,
    /** the command was refused for another reason MQ gave; see the messages. */
    REFUSED,
    /** rdqmadm -s: the node was suspended, or already was. */
    SUSPENDED,
    ALREADY_SUSPENDED,
    /** rdqmadm -r: the node was resumed, or was not suspended. */
    RESUMED,
    NOT_SUSPENDED,
    /** rdqmadm -p: the preferred location was set. */
    PREFERRED_LOCATION_SET,
    /** sed -i of qm.ini: the instance requests the new Native HA group role (or already did). */
    GROUP_ROLE_REQUESTED,
    /** the queue manager is not known on this host (AMQ7048E, AMQ8118E "does not exist"). */
    NOT_KNOWN,
    /**
     * strmqm: the queue manager's log is not available (AMQ7017E, return code 23): it needs its log restored or
     * recovered before it can start; starting again will not help.
     */
    LOG_NOT_AVAILABLE,
    /** strmqm or endmqm while crtmqm is still creating the queue manager (return code 3); try again once it exists. */
    BEING_CREATED,
    /** MQ failed inside (AMQ6109, AMQ6119: an FFST was written); the command did not do its work. */
    MQ_INTERNAL_ERROR;

    /** strmqm did its work: the queue manager runs now, started by it or already running. */
    public static final Set<ControlOutcome> NOW_RUNNING = setOf(STARTED, ALREADY_RUNNING);
    /** endmqm did its work: the queue manager has ended or is on its way down, or was not running. */
    public static final Set<ControlOutcome> NOW_DOWN = setOf(ENDED, ENDING, NOT_RUNNING);
    /** rdqmdr -p did its work: the node is the DR primary now. */
    public static final Set<ControlOutcome> NOW_DR_PRIMARY = setOf(MADE_PRIMARY, ALREADY_PRIMARY);
    /** rdqmdr -s did its work: the node is the DR secondary now. */
    public static final Set<ControlOutcome> NOW_DR_SECONDARY = setOf(MADE_SECONDARY, ALREADY_SECONDARY);

    private static Set<ControlOutcome> setOf(ControlOutcome first, ControlOutcome... rest) {
        return Collections.unmodifiableSet(EnumSet.of(first, rest));
    }
}
