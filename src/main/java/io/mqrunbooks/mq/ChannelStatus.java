package io.mqrunbooks.mq;

import java.util.Map;

/** One DISPLAY CHSTATUS object. {@code status} is MQ's word: RUNNING, RETRYING, BINDING, STOPPED, ... */
public record ChannelStatus(String channel, String channelType, String conname, String status,
                            String transmissionQueue, Map<String, String> attributes) {

    public ChannelStatus {
        attributes = Map.copyOf(attributes);
    }

    public boolean isRunning() {
        return "RUNNING".equals(status);
    }
}
