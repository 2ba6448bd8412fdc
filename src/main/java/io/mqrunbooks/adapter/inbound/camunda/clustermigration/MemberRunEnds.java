package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import java.util.List;

/** How the queue managers' own migration runs, called by a staged run, ended. */
public interface MemberRunEnds {

    /**
     * @param queueManager the member the called run migrated
     * @param endEventId   the end event the called run reached, or null (canceled, or no end recorded)
     * @param outcome      the outcome its end recorded, or what is missing
     */
    record MemberRunEnd(String queueManager, String endEventId, String outcome) {
    }

    /** The ended runs the staged run {@code stagedRunId} called, in the order they started. */
    List<MemberRunEnd> of(String stagedRunId);
}
