package io.mqrunbooks.lab;

import io.mqrunbooks.lab.mq.LabMqOptions;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the lab profile's simulated MQ behaves in time ({@code mqrunbooks.lab.*}); the defaults are
 * {@link LabMqOptions#defaults()}'s.
 *
 * @param syncRateKbPerSecond      how fast an RDQM DR synchronization catches up
 * @param revertToSnapshotTime     how long "Reverting to snapshot" lasts
 * @param channelMessagesPerSecond how fast a running sender channel drains its transmission queue (a cluster-sender:
 *                                 its own messages on SYSTEM.CLUSTER.TRANSMIT.QUEUE)
 * @param channelBindTime          how long a started sender shows STATUS(BINDING) before RUNNING (0s: at once)
 * @param channelStartTime         how long a started sender shows STATUS(STARTING) before it binds (0s: at once)
 * @param channelStopTime          how long a sender stopped with MODE(QUIESCE) shows STATUS(STOPPING) (0s: at once)
 */
@ConfigurationProperties("mqrunbooks.lab")
public record LabSimulationProperties(@DefaultValue("10240") double syncRateKbPerSecond,
                                      @DefaultValue("20s") Duration revertToSnapshotTime,
                                      @DefaultValue("1000") double channelMessagesPerSecond,
                                      @DefaultValue("0s") Duration channelBindTime,
                                      @DefaultValue("0s") Duration channelStartTime,
                                      @DefaultValue("0s") Duration channelStopTime) {

    public LabSimulationProperties {
        if (!(syncRateKbPerSecond > 0)) {
            throw new IllegalArgumentException("mqrunbooks.lab.sync-rate-kb-per-second must be positive, was "
                    + syncRateKbPerSecond);
        }
        if (revertToSnapshotTime.isNegative()) {
            throw new IllegalArgumentException("mqrunbooks.lab.revert-to-snapshot-time must not be negative, was "
                    + revertToSnapshotTime);
        }
        if (!(channelMessagesPerSecond > 0)) {
            throw new IllegalArgumentException("mqrunbooks.lab.channel-messages-per-second must be positive, was "
                    + channelMessagesPerSecond);
        }
        for (java.util.Map.Entry<String, Duration> time : java.util.Map.of("channel-bind-time", channelBindTime,
                "channel-start-time", channelStartTime, "channel-stop-time", channelStopTime).entrySet()) {
            if (time.getValue().isNegative()) {
                throw new IllegalArgumentException("mqrunbooks.lab." + time.getKey() + " must not be negative, was "
                        + time.getValue());
            }
        }
    }

    public LabMqOptions toOptions() {
        return LabMqOptions.defaults().withSyncRateKbPerSecond(syncRateKbPerSecond)
                .withRevertToSnapshotTime(revertToSnapshotTime)
                .withChannelMessagesPerSecond(channelMessagesPerSecond)
                .withChannelBindTime(channelBindTime)
                .withChannelStartTime(channelStartTime)
                .withChannelStopTime(channelStopTime);
    }
}
