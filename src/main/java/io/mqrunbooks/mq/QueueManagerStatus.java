package io.mqrunbooks.mq;

import java.util.Map;

/** DISPLAY QMSTATUS: {@code status} is MQ's word (RUNNING, QUIESCING, ...); all attributes kept. */
public record QueueManagerStatus(String queueManager, String status, Map<String, String> attributes) {

    public QueueManagerStatus {
        attributes = Map.copyOf(attributes);
    }
}
