package io.mqrunbooks.mq;

import java.util.Map;

/**
 * One DISPLAY CLUSQMGR object: a cluster queue manager as another queue manager sees it.
 *
 * @param name       CLUSQMGR
 * @param cluster    CLUSTER
 * @param channel    CHANNEL (the cluster-receiver it advertises)
 * @param qmType     QMTYPE: REPOS or NORMAL
 * @param suspended  SUSPEND(YES)
 * @param status     STATUS of the cluster channel to it (RUNNING, INACTIVE, ...)
 * @param conname    CONNAME
 * @param attributes every attribute as MQ printed it, for field-by-field comparison
 */
public record ClusterQueueManager(String name, String cluster, String channel, String qmType, boolean suspended,
                                  String status, String conname, Map<String, String> attributes) {

    public ClusterQueueManager {
        attributes = Map.copyOf(attributes);
    }

    public boolean isFullRepository() {
        return "REPOS".equals(qmType);
    }
}
