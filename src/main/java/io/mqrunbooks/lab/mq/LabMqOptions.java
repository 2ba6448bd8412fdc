package io.mqrunbooks.lab.mq;

import java.time.Duration;

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
 *                                (messages per second of the injected clock)
 * @param channelBindTime         how long a started sender shows STATUS(BINDING) (connecting and negotiating with
 *                                its partner) before it is RUNNING; zero: RUNNING at once
 */
public record LabMqOptions(double syncRateKbPerSecond, Duration revertToSnapshotTime, long persistentMessageKb,
                           long initialFileSystemUsedKb, double channelMessagesPerSecond, Duration channelBindTime) {

    public LabMqOptions {
        if (syncRateKbPerSecond <= 0) {
            throw new IllegalArgumentException("syncRateKbPerSecond must be positive, was " + syncRateKbPerSecond);
        }
        if (revertToSnapshotTime.isNegative()) {
            throw new IllegalArgumentException("revertToSnapshotTime must not be negative, was " + revertToSnapshotTime);
        }
        if (channelMessagesPerSecond <= 0) {
            throw new IllegalArgumentException("channelMessagesPerSecond must be positive, was "
                    + channelMessagesPerSecond);
        }
        if (channelBindTime.isNegative()) {
            throw new IllegalArgumentException("channelBindTime must not be negative, was " + channelBindTime);
        }
        if (persistentMessageKb < 1 || initialFileSystemUsedKb < 1) {
            throw new IllegalArgumentException("persistentMessageKb and initialFileSystemUsedKb must be at least 1");
        }
    }

    /**
     * 10 MB/s synchronization, 20 s revert, 4 KB per persistent message, 51 MB used (IBM's example figure), 1000
     * messages a second per channel (a backlog of a few hundred drains within a poll or two), no bind time.
     */
    public static LabMqOptions defaults() {
        return new LabMqOptions(10_240, Duration.ofSeconds(20), 4, 51 * 1024, 1000, Duration.ZERO);
    }

    public LabMqOptions withSyncRateKbPerSecond(double rate) {
        return new LabMqOptions(rate, revertToSnapshotTime, persistentMessageKb, initialFileSystemUsedKb,
                channelMessagesPerSecond, channelBindTime);
    }

    public LabMqOptions withRevertToSnapshotTime(Duration time) {
        return new LabMqOptions(syncRateKbPerSecond, time, persistentMessageKb, initialFileSystemUsedKb,
                channelMessagesPerSecond, channelBindTime);
    }

    public LabMqOptions withChannelMessagesPerSecond(double rate) {
        return new LabMqOptions(syncRateKbPerSecond, revertToSnapshotTime, persistentMessageKb,
                initialFileSystemUsedKb, rate, channelBindTime);
    }

    public LabMqOptions withChannelBindTime(Duration time) {
        return new LabMqOptions(syncRateKbPerSecond, revertToSnapshotTime, persistentMessageKb,
                initialFileSystemUsedKb, channelMessagesPerSecond, time);
    }
}
