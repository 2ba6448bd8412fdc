package io.mqrunbooks.lab.mq;

import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Tunables of the simulation.
 *
 * @param syncRateKbPerSecond     how fast an RDQM DR synchronization catches up (KB of out-of-sync data per
 *                                second of the injected clock)
 * @param revertToSnapshotTime    how long "Reverting to snapshot" lasts after promoting an inconsistent
 *                                secondary
 * @param persistentMessageKb     how much replicated data one persistent message adds (DRBD replicates the
 *                                4 KB log pages the put writes)
 * @param initialFileSystemUsedKb data a fresh RDQM queue manager holds; the size of an initial synchronization
 * @param channelMessagesPerSecond how fast a running sender channel moves messages off its transmission queue
 *                                (messages per second of the injected clock); a cluster-sender moves the messages
 *                                for its queue manager off SYSTEM.CLUSTER.TRANSMIT.QUEUE at the same rate
 * @param channelBindTime         how long a started sender shows STATUS(BINDING) (connecting and negotiating with
 *                                its partner) before it is RUNNING; zero: RUNNING at once
 * @param channelStartTime        how long a started sender shows STATUS(STARTING) (waiting to become active)
 *                                before it binds; zero: it binds at once
 * @param channelStopTime         how long a sender stopped with MODE(QUIESCE) shows STATUS(STOPPING) (ending its
 *                                batch) before it is STOPPED; zero: STOPPED at once
 */
public record LabMqOptions(double syncRateKbPerSecond, Duration revertToSnapshotTime, long persistentMessageKb,
                           long initialFileSystemUsedKb, double channelMessagesPerSecond, Duration channelBindTime,
                           Duration channelStartTime, Duration channelStopTime) {

    public LabMqOptions {
        checkTimings(UnaryOperator.identity(), syncRateKbPerSecond, revertToSnapshotTime, channelMessagesPerSecond,
                channelBindTime, channelStartTime, channelStopTime);
        if (persistentMessageKb < 1 || initialFileSystemUsedKb < 1) {
            throw new IllegalArgumentException("persistentMessageKb and initialFileSystemUsedKb must be at least 1");
        }
    }

    /**
     * Refuses a rate that is not positive or a time that is negative; {@code name} spells a component's name as the
     * caller's user knows it (a property name for the lab profile's settings).
     */
    public static void checkTimings(UnaryOperator<String> name, double syncRateKbPerSecond,
                                    Duration revertToSnapshotTime, double channelMessagesPerSecond,
                                    Duration channelBindTime, Duration channelStartTime, Duration channelStopTime) {
        Map.of("syncRateKbPerSecond", syncRateKbPerSecond, "channelMessagesPerSecond", channelMessagesPerSecond)
                .forEach((key, rate) -> {
                    if (!(rate > 0)) {
                        throw new IllegalArgumentException(name.apply(key) + " must be positive, was " + rate);
                    }
                });
        Map.of("revertToSnapshotTime", revertToSnapshotTime, "channelBindTime", channelBindTime,
                "channelStartTime", channelStartTime, "channelStopTime", channelStopTime).forEach((key, time) -> {
            if (time.isNegative()) {
                throw new IllegalArgumentException(name.apply(key) + " must not be negative, was " + time);
            }
        });
    }

    /**
     * 10 MB/s synchronization, 20 s revert, 4 KB per persistent message, 51 MB used (IBM's example figure), 1000
     * messages a second per channel (a backlog of a few hundred drains within a poll or two), channels that start,
     * bind and stop at once.
     */
    public static LabMqOptions defaults() {
        return new LabMqOptions(10_240, Duration.ofSeconds(20), 4, 51 * 1024, 1000, Duration.ZERO, Duration.ZERO,
                Duration.ZERO);
    }

    public LabMqOptions withSyncRateKbPerSecond(double rate) {
        return new LabMqOptions(rate, revertToSnapshotTime, persistentMessageKb, initialFileSystemUsedKb,
                channelMessagesPerSecond, channelBindTime, channelStartTime, channelStopTime);
    }

    public LabMqOptions withRevertToSnapshotTime(Duration time) {
        return new LabMqOptions(syncRateKbPerSecond, time, persistentMessageKb, initialFileSystemUsedKb,
                channelMessagesPerSecond, channelBindTime, channelStartTime, channelStopTime);
    }

    public LabMqOptions withChannelMessagesPerSecond(double rate) {
        return new LabMqOptions(syncRateKbPerSecond, revertToSnapshotTime, persistentMessageKb,
                initialFileSystemUsedKb, rate, channelBindTime, channelStartTime, channelStopTime);
    }

    public LabMqOptions withChannelBindTime(Duration time) {
        return new LabMqOptions(syncRateKbPerSecond, revertToSnapshotTime, persistentMessageKb,
                initialFileSystemUsedKb, channelMessagesPerSecond, time, channelStartTime, channelStopTime);
    }

    public LabMqOptions withChannelStartTime(Duration time) {
        return new LabMqOptions(syncRateKbPerSecond, revertToSnapshotTime, persistentMessageKb,
                initialFileSystemUsedKb, channelMessagesPerSecond, channelBindTime, time, channelStopTime);
    }

    public LabMqOptions withChannelStopTime(Duration time) {
        return new LabMqOptions(syncRateKbPerSecond, revertToSnapshotTime, persistentMessageKb,
                initialFileSystemUsedKb, channelMessagesPerSecond, channelBindTime, channelStartTime, time);
    }
}
