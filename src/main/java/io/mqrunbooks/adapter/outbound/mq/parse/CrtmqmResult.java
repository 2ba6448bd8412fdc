package io.mqrunbooks.adapter.outbound.mq.parse;

import java.util.List;

/**
 * What crtmqm printed. For {@code crtmqm -rr p} the printed command for the DR secondary is in
 * {@link #drSecondaryCommand}, parsed and validated like rdqmdr -d's.
 */
public record CrtmqmResult(Outcome outcome, String queueManager, List<String> haSecondaryNodes,
                           SecondaryCrtmqmCommand drSecondaryCommand, List<String> lines) {

    public enum Outcome { CREATED, SECONDARY_CREATED, ALREADY_EXISTS, FAILED }

    public CrtmqmResult {
        haSecondaryNodes = List.copyOf(haSecondaryNodes);
        lines = List.copyOf(lines);
    }
}
