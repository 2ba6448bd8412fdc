package io.mqrunbooks.application.dractivation;

import java.time.Duration;

/**
 * How long the activation waits and polls, and what "drained" means.
 *
 * @param pollInterval      time between two polls of a wait (dspmq, rdqmstatus, CHSTATUS, depth)
 * @param primaryEndLimit   how long the primary may take to show Ended after endmqm
 * @param promotionLimit    how long rdqmdr -p (including a revert to snapshot) may take
 * @param backupStartLimit  how long the backup and its listener may take to run after strmqm
 * @param channelLimit      how long the sender channels may take to reach RUNNING
 * @param clusterLimit      how long the cluster channels to the full repositories may take
 * @param drainLimit        how long to watch the transmission queues before asking
 * @param drainLevel        total transmission queue depth at or below which the backlog counts as drained
 * @param testQueue         the local queue for the test message
 * @param testMessageWait   how long the get waits for the test message
 */
public record DrActivationSettings(Duration pollInterval, Duration primaryEndLimit, Duration promotionLimit,
                                   Duration backupStartLimit, Duration channelLimit, Duration clusterLimit,
                                   Duration drainLimit, int drainLevel, String testQueue, Duration testMessageWait) {

    public static DrActivationSettings defaults() {
        return new DrActivationSettings(Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofMinutes(10),
                Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(30), 0,
                "MQRUNBOOKS.TEST", Duration.ofSeconds(5));
    }
}
