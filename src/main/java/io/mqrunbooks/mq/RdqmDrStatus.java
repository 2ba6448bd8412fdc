package io.mqrunbooks.mq;

import java.util.Map;

/**
 * {@code rdqmstatus -m QM} on one node.
 *
 * @param node                 {@code Node:}
 * @param queueManagerStatus   {@code Queue manager status:} as dspmq words it
 * @param primary              {@code DR role: Primary}
 * @param drStatus             {@code DR status:}
 * @param outOfSyncBytes       {@code DR out of sync data:} in bytes, or null when not shown
 * @param syncProgressPercent  {@code DR synchronization progress:} or null
 * @param estimatedCompletion  {@code DR estimated time to completion:} as printed, or null
 * @param fields               every field as printed, for the evidence and the forms
 */
public record RdqmDrStatus(String node, QmStatus queueManagerStatus, boolean primary, DrStatus drStatus,
                           Long outOfSyncBytes, Double syncProgressPercent, String estimatedCompletion,
                           Map<String, String> fields) {

    public RdqmDrStatus {
        fields = Map.copyOf(fields);
    }
}
