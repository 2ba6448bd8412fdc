package io.mqrunbooks.lab.mq;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a queue manager keeps on disk: object definitions, messages, requested channel and listener
 * states, cluster suspension. RDQM replication copies it whole; a multi-instance pair shares one.
 */
final class QueueManagerData {

    final Map<String, MqObject> queues = new TreeMap<>();
    final Map<String, MqObject> channels = new TreeMap<>();
    final Map<String, MqObject> listeners = new TreeMap<>();
    final Map<String, Deque<Message>> messages = new TreeMap<>();
    /** Channels an operator (or strmqm, for cluster channels) started or stopped: name to START/STOP. */
    final Map<String, String> channelRequests = new TreeMap<>();
    /** Messages each channel has sent or received since it last started (DISPLAY CHSTATUS MSGS). */
    final Map<String, Long> channelMessages = new TreeMap<>();
    /** DISPLAY CHSTATUS SAVED: kept from a channel's first batch on, across restarts (it is on disk in MQ). */
    final Map<String, SavedChannelStatus> savedStatus = new TreeMap<>();
    final Set<String> runningListeners = new LinkedHashSet<>();
    final Set<String> suspendedClusters = new LinkedHashSet<>();
    /** Cluster queues a partial repository has sent to, so it holds their definitions. */
    final Set<String> usedClusterQueues = new LinkedHashSet<>();
    final Map<String, String> qmgrAttributes = new LinkedHashMap<>();

    Map<String, MqObject> namespace(ObjectType type) {
        return switch (type.namespace()) {
            case "QUEUE" -> queues;
            case "CHANNEL" -> channels;
            default -> listeners;
        };
    }

    /** Defines an object with its type's defaults (as DEFINE without attributes does) and returns it. */
    MqObject define(ObjectType type, String name, String chltype, String created) {
        MqObject object = MqObject.withDefaults(type, name, chltype, created);
        namespace(type).put(name, object);
        return object;
    }

    Deque<Message> messagesOf(String queue) {
        return messages.computeIfAbsent(queue, q -> new ArrayDeque<>());
    }

    int depth(String queue) {
        Deque<Message> q = messages.get(queue);
        return q == null ? 0 : q.size();
    }

    QueueManagerData copy() {
        QueueManagerData c = new QueueManagerData();
        queues.forEach((k, v) -> c.queues.put(k, v.copy()));
        channels.forEach((k, v) -> c.channels.put(k, v.copy()));
        listeners.forEach((k, v) -> c.listeners.put(k, v.copy()));
        messages.forEach((k, v) -> c.messages.put(k, new ArrayDeque<>(v)));
        c.channelRequests.putAll(channelRequests);
        c.channelMessages.putAll(channelMessages);
        c.savedStatus.putAll(savedStatus);
        c.runningListeners.addAll(runningListeners);
        c.suspendedClusters.addAll(suspendedClusters);
        c.usedClusterQueues.addAll(usedClusterQueues);
        c.qmgrAttributes.putAll(qmgrAttributes);
        return c;
    }

    /** The data as another queue manager name would hold it (a warm backup with a distinct DR name). */
    QueueManagerData copyFor(String newQmName) {
        QueueManagerData c = copy();
        c.qmgrAttributes.put("QMNAME", newQmName);
        return c;
    }
}
