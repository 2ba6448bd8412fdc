package io.mqrunbooks.lab.mq;

import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.estate.QueueManagerKind;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One queue manager's data and where it runs. A single queue manager and each node of an RDQM DR pair have
 * their own; the two instances of a multi-instance queue manager share one (shared storage).
 */
final class QueueManagerRuntime {

    final String name;
    final QueueManagerKind kind;
    /** The hosts where this queue manager is defined (two for multi-instance, else one). */
    final List<String> hosts;
    QueueManagerData data;
    /** Where it runs as the active instance, or null when it is not running. */
    String activeHost;
    final Set<String> standbyHosts = new LinkedHashSet<>();
    /** The active instance was started with strmqm -x, so a standby may start (dspmq STANDBY(Permitted)). */
    boolean standbyPermitted;
    QmStatus endedStatus = QmStatus.ENDED_IMMEDIATELY;
    /** A cold backup: strmqm fails until the media has been restored. */
    boolean awaitingMediaRestore;
    /**
     * Flagged as a backup queue manager by {@code strmqm -r}: a plain strmqm is refused until {@code strmqm -a}
     * activates it (IBM MQ 9.4, strmqm -a/-r and "Creating a backup queue manager").
     */
    boolean backup;
    DrRole drRole;
    RdqmPair pair;
    /** The RDQM HA group of an HA queue manager (one runtime on its three nodes), else null. */
    HaGroup ha;
    /** The Native HA group this instance belongs to, or null. */
    NativeHaGroup nativeHa;
    /** While set and in the future, this node is reverting to its DR snapshot. */
    Instant revertingUntil;
    Instant startedAt;

    QueueManagerRuntime(String name, QueueManagerKind kind, List<String> hosts, QueueManagerData data) {
        this.name = name;
        this.kind = kind;
        this.hosts = List.copyOf(hosts);
        this.data = data;
    }

    boolean running() {
        return activeHost != null;
    }

    boolean isRdqm() {
        return pair != null;
    }

    /** The status dspmq shows on {@code host}. */
    QmStatus statusOn(String host) {
        if (host.equals(activeHost)) {
            return QmStatus.RUNNING;
        }
        if (nativeHa != null && activeHost == null && nativeHa.instances.get(host).started) {
            return QmStatus.REPLICA;
        }
        if (standbyHosts.contains(host)) {
            return QmStatus.RUNNING_AS_STANDBY;
        }
        if (activeHost != null) {
            return QmStatus.RUNNING_ELSEWHERE;
        }
        return endedStatus;
    }
}
