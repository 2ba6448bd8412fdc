package io.mqrunbooks.application.port.out;

import io.mqrunbooks.mq.ClusterQueue;
import io.mqrunbooks.mq.ClusterQueueManager;
import io.mqrunbooks.application.port.out.mq.MqAdminException;
import io.mqrunbooks.application.port.out.mq.MqscScriptResult;
import io.mqrunbooks.application.port.out.mq.ObjectCommand;
import io.mqrunbooks.mq.QueueManagerStatus;
import io.mqrunbooks.mq.ChannelStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Administration of a running queue manager, whatever the transport (MQSC over SSH or PCF over a client
 * channel). Queue managers are named as in the inventory. Every failure is an {@link MqAdminException}
 * carrying a typed reason and MQ's own text.
 */
public interface MqAdminPort {

    /** DISPLAY QMSTATUS. */
    QueueManagerStatus queueManagerStatus(String queueManager);

    /** DISPLAY CLUSQMGR(name) ALL as seen by {@code queueManager}; {@code "*"} for all. */
    List<ClusterQueueManager> clusterQueueManagers(String queueManager, String clusterQueueManagerName);

    /** DISPLAY QCLUSTER(*) as seen by {@code queueManager}, optionally only those hosted by {@code hostedBy}. */
    List<ClusterQueue> clusterQueues(String queueManager, Optional<String> hostedBy);

    /** START/STOP CHANNEL, START/STOP LISTENER, SUSPEND/RESUME QMGR CLUSTER of {@code name} on {@code queueManager}. */
    @ChangesEstate
    void run(String queueManager, ObjectCommand command, String name);

    /** DISPLAY CHSTATUS(channel); empty when the channel has no status (AMQ8420I / reason 3065). */
    List<ChannelStatus> channelStatus(String queueManager, String channel);

    /** ALTER CHANNEL(channel) CHLTYPE(SDR) CONNAME('conname'). */
    @ChangesEstate
    void alterSenderConname(String queueManager, String channel, String conname);

    /** CURDEPTH of a local queue (including transmission queues). */
    int queueDepth(String queueManager, String queue);

    /** Puts a non-persistent test message with the given correlation id (24 bytes, hex in and out). */
    @ChangesEstate
    void putTestMessage(String queueManager, String queue, String correlationIdHex, String body);

    /** Gets the message with that correlation id, waiting up to {@code wait}; empty when none arrived. */
    @ChangesEstate
    Optional<String> getTestMessage(String queueManager, String queue, String correlationIdHex, Duration wait);

    /** Applies an MQSC script of definitions (DEFINE ... REPLACE, ALTER ...). */
    @ChangesEstate
    MqscScriptResult applyDefinitions(String queueManager, String mqscScript);

    /** The queue manager's object definitions as an MQSC script (dmpmqcfg style). */
    String exportDefinitions(String queueManager);
}
