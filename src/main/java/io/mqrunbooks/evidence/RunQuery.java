package io.mqrunbooks.evidence;

import java.time.Instant;

/**
 * Filters for the run list; null means "any". {@code startedFrom} inclusive, {@code startedBefore}
 * exclusive. Pages count from 0. {@code gateDecidedBy}: only the runs in which that user decided a gate.
 */
public record RunQuery(String processKey, String queueManager, String outcome, String startedBy,
                       Instant startedFrom, Instant startedBefore, int page, int size, String gateDecidedBy) {

    public static final int MAX_PAGE_SIZE = 200;

    public RunQuery {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_PAGE_SIZE + ", was " + size);
        }
    }

    public RunQuery(String processKey, String queueManager, String outcome, String startedBy, Instant startedFrom,
                    Instant startedBefore, int page, int size) {
        this(processKey, queueManager, outcome, startedBy, startedFrom, startedBefore, page, size, null);
    }

    public RunQuery withGateDecidedBy(String userId) {
        return new RunQuery(processKey, queueManager, outcome, startedBy, startedFrom, startedBefore, page, size, userId);
    }

    public static RunQuery all() {
        return new RunQuery(null, null, null, null, null, null, 0, 50);
    }
}
