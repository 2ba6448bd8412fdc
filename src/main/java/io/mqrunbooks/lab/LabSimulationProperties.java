package io.mqrunbooks.lab;

import io.mqrunbooks.lab.mq.LabMqOptions;
import java.time.Duration;
import java.util.Locale;
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
        LabMqOptions.checkTimings(LabSimulationProperties::propertyName, syncRateKbPerSecond, revertToSnapshotTime,
                channelMessagesPerSecond, channelBindTime, channelStartTime, channelStopTime);
    }

    /** {@code syncRateKbPerSecond} as its property is spelt: {@code mqrunbooks.lab.sync-rate-kb-per-second}. */
    private static String propertyName(String component) {
        return "mqrunbooks.lab." + component.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
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
