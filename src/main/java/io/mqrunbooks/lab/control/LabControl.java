package io.mqrunbooks.lab.control;

import io.mqrunbooks.estate.Host;
import io.mqrunbooks.lab.LabCommandHandler;
import io.mqrunbooks.lab.LabEstate;
import io.mqrunbooks.lab.LabFaults;
import io.mqrunbooks.lab.LabJournal;
import io.mqrunbooks.lab.mq.DrRole;
import io.mqrunbooks.lab.mq.SimulatedMqEstate;
import io.mqrunbooks.mq.NameRules;
import io.mqrunbooks.mq.QmStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;

/**
 * The lab's controls for drills and rehearsals: fail and recover hosts, cut replication links, install MQ
 * levels, reset. Checks every name against the lab (404 naming an unknown host, queue manager or queue) and
 * calls {@link LabFaults} or {@link SimulatedMqEstate}; each answer is one line saying what happened.
 */
public final class LabControl {

    private final List<String> hosts;
    private final LabFaults faults;
    private final SimulatedMqEstate mq;
    private final LabJournal journal;

    /** @param mq the simulated MQ, or null when the lab answers commands some other way */
    LabControl(List<String> hosts, LabFaults faults, SimulatedMqEstate mq, LabJournal journal) {
        this.hosts = List.copyOf(hosts);
        this.faults = faults;
        this.mq = mq;
        this.journal = journal;
    }

    /** The controls of a running lab; those of the simulated MQ need {@code handler} to be one (501 otherwise). */
    public static LabControl of(LabEstate lab, LabCommandHandler handler) {
        List<String> hosts = lab.effectiveEstate().hosts().stream().map(Host::name).sorted().toList();
        SimulatedMqEstate mq = handler instanceof SimulatedMqEstate simulated ? simulated : null;
        return new LabControl(hosts, lab.faults(), mq, lab.journal());
    }

    public String reset() {
        faults.clearAll();
        if (mq == null) {
            return "lab reset: faults cleared, journal kept (this lab has no simulated MQ to reset)";
        }
        mq.reset();
        return "lab reset: simulated MQ back to its initial state, faults cleared, journal kept";
    }

    public String hostDown(String host) {
        faults.hostDown(host(host));
        return "host " + host + " is down: its SSH listener refuses connections";
    }

    public String hostUp(String host) {
        faults.hostUp(host(host));
        return "host " + host + " is up";
    }

    public String clearFaults() {
        faults.clearAll();
        return "faults cleared, every host up";
    }

    public String failHost(String host) {
        SimulatedMqEstate simulated = mq();
        faults.hostDown(host(host));
        simulated.failHost(host);
        return "host " + host + " failed: its queue managers ended unexpectedly, SSH refuses connections";
    }

    public String recoverHost(String host) {
        mq().recoverHost(host(host));
        faults.hostUp(host);
        return "host " + host + " recovered: SSH is back, its queue managers stay ended until strmqm";
    }

    public String cutLink(String qm) {
        mq().cutReplicationLink(queueManager(qm));
        return "replication link of " + qm + " cut";
    }

    public String restoreLink(String qm) {
        mq().restoreReplicationLink(queueManager(qm));
        return "replication link of " + qm + " restored";
    }

    /** An RDQM HA node suspended outside any run ({@code rdqmadm -s}): another node already in maintenance. */
    public String suspendHaNode(String host) {
        refusedAs400(() -> mq().suspendHaNode(host(host)));
        return "RDQM HA node " + host + " suspended: its queue managers move to the other nodes of its group";
    }

    /**
     * An RDQM HA replica falls behind: {@code kb} of the queue manager's data still to copy to the node, as after a
     * replication outage; it catches up at the lab's synchronization rate while the node is available.
     */
    public String haReplicaBehind(String host, String qm, int kb) {
        if (kb < 1) {
            throw new ResponseStatusException(HttpStatusCode.valueOf(400), "parameter 'kb' must be 1 or more: how many KB the replica on " + host
                    + " lacks");
        }
        refusedAs400(() -> mq().haReplicaOutOfSync(queueManagerOn(host(host), queueManager(qm)), host, kb));
        return "RDQM HA replica of " + qm + " on " + host + " is " + kb + " KB behind: rdqmstatus shows HA status"
                + " Synchronization in progress until it catches up";
    }

    /**
     * A running channel held in {@code status} (PAUSED on a receiver, SWITCHING on a cluster-sender), which DISPLAY
     * CHSTATUS shows instead of RUNNING; a null status releases it.
     */
    public String holdChannelStatus(String host, String qm, String channel, String status) {
        NameRules.checkChannelName(channel).ifPresent(problem -> {
            throw new ResponseStatusException(HttpStatusCode.valueOf(400), "parameter 'channel': " + problem);
        });
        refusedAs400(() -> mq().channelCondition(host(host), queueManagerOn(host, queueManager(qm)), channel, status));
        return status == null ? "Channel " + channel + " of " + qm + " shows its own status again"
                : "Channel " + channel + " of " + qm + " shows STATUS(" + status + ") while it runs";
    }

    /** One Native HA instance's log replication cut or restored: it falls out of sync and cannot vote while cut. */
    public String nativeHaLink(String host, String qm, boolean up) {
        refusedAs400(() -> mq().nativeHaReplicationLink(host(host), queueManager(qm), up));
        return "Native HA replication of " + qm + " to " + host + (up ? " restored" : " cut");
    }

    /** The network between the two regions of a Native HA queue manager with cross-region replication. */
    public String crossRegionLink(String qm, boolean up) {
        refusedAs400(() -> mq().nativeHaCrossRegionLink(queueManager(qm), up));
        return "Native HA cross-region link of " + qm + (up ? " restored" : " cut");
    }

    public String restoreMedia(String host, String qm) {
        mq().restoreMedia(host(host), queueManagerOn(host, qm));
        return "media and logs of " + qm + " on " + host + " restored";
    }

    public String installVersion(String host, String version) {
        mq().installVersion(host(host), version);
        return "IBM MQ " + version + " installed on " + host;
    }

    /** @return how many were put: fewer than {@code count} when the queue is full */
    public int putMessages(String host, String qm, String queue, int count, boolean persistent) {
        return mq().putMessages(host(host), queueManagerOn(host, qm), queue(host, qm, queue), count, persistent);
    }

    public int queueDepth(String host, String qm, String queue) {
        return mq().queueDepth(host(host), queueManagerOn(host, qm), queue(host, qm, queue));
    }

    public long journalCount() {
        return journal.lineCount();
    }

    /**
     * Every queue manager of every host, sorted by host then name, with its status in dspmq's words and its DR
     * role; the hosts that are down; every host with its installed MQ level; the levels the lab can install.
     */
    public Map<String, Object> state() {
        SimulatedMqEstate simulated = mq();
        List<Map<String, Object>> queueManagers = new ArrayList<>();
        List<Map<String, Object>> hostStates = new ArrayList<>();
        for (String host : hosts) {
            for (String qm : new TreeSet<>(simulated.queueManagersOn(host))) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("host", host);
                entry.put("name", qm);
                entry.put("status", simulated.queueManagerState(host, qm).map(QmStatus::mqWording).orElse(null));
                entry.put("drRole", simulated.drRole(host, qm).map(DrRole::text).orElse(null));
                queueManagers.add(entry);
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", host);
            entry.put("installedVersion", simulated.installedVersion(host));
            entry.put("down", faults.isDown(host));
            hostStates.add(entry);
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("queueManagers", queueManagers);
        state.put("hostsDown", hosts.stream().filter(faults::isDown).toList());
        state.put("hosts", hostStates);
        state.put("installableVersions", List.copyOf(simulated.knownVersions()));
        return state;
    }

    /**
     * A change the simulated MQ refuses when it does not fit (not an HA node, no such channel, no cross-region
     * replication): a 400 with its reason.
     */
    private static void refusedAs400(Runnable change) {
        try {
            change.run();
        } catch (IllegalArgumentException refused) {
            throw new ResponseStatusException(HttpStatusCode.valueOf(400), refused.getMessage());
        }
    }

    private String host(String host) {
        if (!hosts.contains(host)) {
            throw new ResponseStatusException(HttpStatusCode.valueOf(404), "unknown lab host '" + host + "' (hosts: " + String.join(", ", hosts) + ")");
        }
        return host;
    }

    private String queueManager(String qm) {
        TreeSet<String> known = new TreeSet<>();
        hosts.forEach(host -> known.addAll(mq().queueManagersOn(host)));
        if (!known.contains(qm)) {
            throw new ResponseStatusException(HttpStatusCode.valueOf(404), "unknown queue manager '" + qm + "' (queue managers: "
                    + String.join(", ", known) + ")");
        }
        return qm;
    }

    private String queueManagerOn(String host, String qm) {
        List<String> there = mq().queueManagersOn(host);
        if (!there.contains(qm)) {
            throw new ResponseStatusException(HttpStatusCode.valueOf(404), "unknown queue manager '" + qm + "' on lab host '" + host
                    + "' (there: " + String.join(", ", new TreeSet<>(there)) + ")");
        }
        return qm;
    }

    private String queue(String host, String qm, String queue) {
        if (!mq().objects(host, qm).containsKey("QUEUE/" + queue)) {
            throw new ResponseStatusException(HttpStatusCode.valueOf(404), "unknown queue '" + queue + "' on " + qm + " on lab host '" + host + "'");
        }
        return queue;
    }

    private SimulatedMqEstate mq() {
        if (mq == null) {
            throw new ResponseStatusException(HttpStatusCode.valueOf(501), "this lab does not run the simulated MQ estate, so only /faults/*, "
                    + "/reset and /journal/count work");
        }
        return mq;
    }
}
