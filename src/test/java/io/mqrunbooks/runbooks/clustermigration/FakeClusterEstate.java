package io.mqrunbooks.runbooks.clustermigration;

import io.mqrunbooks.application.port.out.mq.ObjectCommand;
import io.mqrunbooks.mq.DefinitionScript;
import io.mqrunbooks.mq.MqscObject;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.mq.ControlResult;
import io.mqrunbooks.application.port.out.control.DrPrimarySpec;
import io.mqrunbooks.application.port.out.control.DrSecondaryCommand;
import io.mqrunbooks.application.port.out.control.EndMode;
import io.mqrunbooks.mq.MqVersion;
import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.mq.QueueManagerState;
import io.mqrunbooks.mq.RdqmDrStatus;
import io.mqrunbooks.mq.ClusterQueue;
import io.mqrunbooks.mq.ClusterQueueManager;
import io.mqrunbooks.application.port.out.mq.MqAdminException;
import io.mqrunbooks.application.port.out.mq.MqscScriptResult;
import io.mqrunbooks.mq.QueueManagerStatus;
import io.mqrunbooks.mq.ChannelStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ports' view of the lab cluster PAYCLUS for engine tests: FR1 and FR2 full repositories, PR1-PR3 partial,
 * PAY.REQUEST on PR1 and PR2, PAY.ROUTING on FR1 and PR3, PAY.AUDIT only on PR3 (as the lab seeds it). It keeps
 * state (running, suspended, version per host) so that the runbook's checks see what its commands did, and a
 * journal of every state-changing call in order. Tests wrap it in a Mockito spy to inject faults.
 */
class FakeClusterEstate implements MqAdminPort, MqControlPort {

    static final String CLUSTER = "PAYCLUS";
    static final List<String> FULL = List.of("FR1", "FR2");
    static final List<String> MEMBERS = List.of("FR1", "FR2", "PR1", "PR2", "PR3");

    final List<String> journal = new ArrayList<>();
    final Map<String, Boolean> running = new HashMap<>();
    final Set<String> suspended = new HashSet<>();
    final Map<String, String> versionByHost = new HashMap<>();
    final Map<String, String> startedVersion = new HashMap<>();
    final Map<String, Integer> starts = new HashMap<>();
    /** cluster queue name -> hosts */
    final Map<String, List<String>> clusterQueues = new LinkedHashMap<>();
    final Map<String, List<String>> messages = new HashMap<>();
    /** Full repositories that forget a queue hosted by the given queue manager after it restarts: "FR2 PAY.ROUTING". */
    final Set<String> forgetAfterRestart = new HashSet<>();
    boolean dropTestMessages;
    boolean refuseStart;
    /** dspmq reads of an ended queue manager that still show it ending (endmqm -w waits for applications). */
    int endingReads;
    /** DISPLAY CHSTATUS reads of a sender to a running full repository that still show it RETRYING. */
    int retryingChannelReads;

    FakeClusterEstate() {
        MEMBERS.forEach(qm -> {
            running.put(qm, true);
            versionByHost.put(host(qm), "9.4.0.0");
            startedVersion.put(qm, "9.4.0.0");
        });
        clusterQueues.put("PAY.REQUEST", new ArrayList<>(List.of("PR1", "PR2")));
        clusterQueues.put("PAY.ROUTING", new ArrayList<>(List.of("FR1", "PR3")));
        clusterQueues.put("PAY.AUDIT", new ArrayList<>(List.of("PR3")));
    }

    static String host(String queueManager) {
        return queueManager.toLowerCase();
    }

    static String queueManagerOn(String host) {
        return host.toUpperCase();
    }

    void installVersion(String host, String version) {
        versionByHost.put(host, version);
    }

    private void requireRunning(String queueManager) {
        if (!running.getOrDefault(queueManager, false)) {
            throw new MqAdminException(MqAdminException.Reason.QUEUE_MANAGER_NOT_AVAILABLE, queueManager,
                    "AMQ8146E: IBM MQ queue manager not available.");
        }
    }

    private static String mqVersionAttribute(String version) {
        StringBuilder text = new StringBuilder();
        for (String part : version.split("\\.")) {
            text.append(String.format("%02d", Integer.parseInt(part)));
        }
        return text.toString();
    }

    // Attributes of DISPLAY CLUSQMGR (CLUSDATE/CLUSTIME: when the definition became available locally; DEFTYPE,
    // QMTYPE, STATUS, SUSPEND, VERSION as vvrrmmff): IBM MQ 9.3 "DISPLAY CLUSQMGR",
    // https://ibm.com/support/knowledgecenter/en/SSFKSJ_9.3.0/refadmin/q086110_.html
    private ClusterQueueManager record(String asked, String member) {
        boolean up = running.get(member);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("CLUSQMGR", member);
        attributes.put("CHANNEL", "TO." + member);
        attributes.put("CLUSTER", CLUSTER);
        attributes.put("CLUSDATE", "2026-11-21");
        attributes.put("CLUSTIME", "0" + starts.getOrDefault(member, 0) + ".00.00");
        attributes.put("CONNAME", "127.0.0.1(14" + (40 + MEMBERS.indexOf(member)) + ")");
        attributes.put("DEFTYPE", asked.equals(member) ? "CLUSRCVR" : "CLUSSDRA");
        attributes.put("QMTYPE", FULL.contains(member) ? "REPOS" : "NORMAL");
        attributes.put("STATUS", up ? "RUNNING" : "RETRYING");
        attributes.put("SUSPEND", suspended.contains(member) ? "YES" : "NO");
        attributes.put("VERSION", mqVersionAttribute(startedVersion.get(member)));
        return new ClusterQueueManager(member, CLUSTER, "TO." + member, attributes.get("QMTYPE"),
                suspended.contains(member), attributes.get("STATUS"), attributes.get("CONNAME"), attributes);
    }

    // ------------------------------------------------------------------ MqAdminPort

    @Override
    public QueueManagerStatus queueManagerStatus(String queueManager) {
        requireRunning(queueManager);
        return new QueueManagerStatus(queueManager, "RUNNING", Map.of("QMNAME", queueManager, "STATUS", "RUNNING"));
    }

    @Override
    public List<ClusterQueueManager> clusterQueueManagers(String queueManager, String name) {
        requireRunning(queueManager);
        return MEMBERS.stream().filter(m -> name.equals("*") || m.equals(name)).map(m -> record(queueManager, m)).toList();
    }

    @Override
    public List<ClusterQueue> clusterQueues(String queueManager, Optional<String> hostedBy) {
        requireRunning(queueManager);
        List<ClusterQueue> queues = new ArrayList<>();
        clusterQueues.forEach((queue, hosts) -> hosts.stream()
                .filter(h -> hostedBy.map(h::equals).orElse(true))
                .filter(h -> !forgetAfterRestart.contains(queueManager + " " + queue) || starts.getOrDefault(h, 0) == 0)
                .forEach(h -> queues.add(new ClusterQueue(queue, CLUSTER, h, Map.of("QUEUE", queue, "CLUSQMGR", h,
                        "CLUSTER", CLUSTER, "TYPE", "QCLUSTER", "DEFPSIST", "NO", "CLUSDATE", "2026-11-21")))));
        return queues;
    }

    @Override
    public void run(String queueManager, ObjectCommand command, String name) {
        switch (command) {
            case SUSPEND_CLUSTER -> {
                requireRunning(queueManager);
                journal.add("SUSPEND QMGR CLUSTER(" + name + ") on " + queueManager);
                suspended.add(queueManager);
            }
            case RESUME_CLUSTER -> {
                requireRunning(queueManager);
                journal.add("RESUME QMGR CLUSTER(" + name + ") on " + queueManager);
                suspended.remove(queueManager);
            }
            default -> throw new UnsupportedOperationException("the migration runbook does not " + command.mqsc(name));
        }
    }

    @Override
    public List<ChannelStatus> channelStatus(String queueManager, String channel) {
        requireRunning(queueManager);
        String partner = channel.substring("TO.".length());
        if (partner.equals(queueManager)) {
            return List.of(new ChannelStatus(channel, "CLUSRCVR", "127.0.0.1", "RUNNING", "", Map.of("MSGS", "4")));
        }
        boolean partnerUp = running.getOrDefault(partner, false);
        if (partnerUp && retryingChannelReads > 0) {
            retryingChannelReads--;
            partnerUp = false;
        }
        String status = partnerUp ? "RUNNING" : "RETRYING";
        return List.of(new ChannelStatus(channel, "CLUSSDR", "127.0.0.1", status, "SYSTEM.CLUSTER.TRANSMIT.QUEUE", Map.of()));
    }

    @Override
    public void alterSenderConname(String queueManager, String channel, String conname) {
        throw new UnsupportedOperationException("the migration runbook does not alter channels");
    }

    @Override
    public int queueDepth(String queueManager, String queue) {
        requireRunning(queueManager);
        return messages.getOrDefault(queueManager + "/" + queue, List.of()).size();
    }

    @Override
    public void putTestMessage(String queueManager, String queue, String correlationIdHex, String body) {
        requireRunning(queueManager);
        journal.add("put " + queue + " on " + queueManager);
        if (dropTestMessages) {
            return;
        }
        String host = clusterQueues.getOrDefault(queue, List.of()).stream().findFirst()
                .orElseThrow(() -> new MqAdminException(MqAdminException.Reason.OBJECT_NOT_FOUND, queueManager,
                        "MQOPEN ended with reason code 2085"));
        messages.computeIfAbsent(host + "/" + queue, k -> new ArrayList<>()).add(correlationIdHex);
    }

    @Override
    public Optional<String> getTestMessage(String queueManager, String queue, String correlationIdHex, Duration wait) {
        requireRunning(queueManager);
        journal.add("get " + queue + " on " + queueManager);
        return messages.getOrDefault(queueManager + "/" + queue, new ArrayList<>()).remove(correlationIdHex)
                ? Optional.of("test") : Optional.empty();
    }

    @Override
    public MqscScriptResult applyDefinitions(String queueManager, String mqscScript) {
        requireRunning(queueManager);
        List<MqscObject> defined = DefinitionScript.parse(mqscScript).objects();
        if (defined.size() != 1 || !defined.get(0).key().type().equals("QLOCAL")
                || !defined.get(0).attributes().containsKey("CLUSTER")) {
            throw new IllegalArgumentException("the fake only defines cluster queues: " + mqscScript);
        }
        String queue = defined.get(0).key().name();
        journal.add("DEFINE QLOCAL(" + queue + ") on " + queueManager);
        clusterQueues.computeIfAbsent(queue, k -> new ArrayList<>()).add(queueManager);
        return new MqscScriptResult(1, 0, "AMQ8006I: IBM MQ queue created.");
    }

    @Override
    public String exportDefinitions(String queueManager) {
        throw new UnsupportedOperationException("the migration runbook does not export definitions");
    }

    // ------------------------------------------------------------------ MqControlPort

    @Override
    public QueueManagerState status(String host, String queueManager) {
        QmStatus status = running.get(queueManager) ? QmStatus.RUNNING : QmStatus.ENDED_NORMALLY;
        if (status == QmStatus.ENDED_NORMALLY && endingReads > 0) {
            endingReads--;
            status = QmStatus.QUIESCING;
        }
        return new QueueManagerState(host, queueManager, status, List.of());
    }

    @Override
    public ControlResult start(String host, String queueManager) {
        if (running.get(queueManager)) {
            return new ControlResult(ControlOutcome.ALREADY_RUNNING, List.of("IBM MQ queue manager running."), 5);
        }
        journal.add("strmqm " + queueManager);
        if (refuseStart) {
            return new ControlResult(ControlOutcome.REFUSED, List.of("AMQ7017E: Log not available."), 23);
        }
        running.put(queueManager, true);
        startedVersion.put(queueManager, versionByHost.get(host));
        starts.merge(queueManager, 1, Integer::sum);
        return new ControlResult(ControlOutcome.STARTED, List.of("IBM MQ queue manager '" + queueManager + "' started using V"
                + versionByHost.get(host) + "."), 0);
    }

    @Override
    public ControlResult end(String host, String queueManager, EndMode mode, boolean switchover) {
        journal.add("endmqm " + mode.flag() + " " + queueManager);
        running.put(queueManager, false);
        return new ControlResult(ControlOutcome.ENDED, List.of("IBM MQ queue manager '" + queueManager + "' ended."), 0);
    }

    @Override
    public MqVersion version(String host) {
        return MqVersion.of(versionByHost.get(host));
    }

    @Override
    public ControlResult startStandby(String host, String queueManager) {
        throw new UnsupportedOperationException();
    }

    @Override
    public io.mqrunbooks.mq.NativeHaStatus nativeHaStatus(String host, String queueManager) {
        throw new UnsupportedOperationException("no Native HA queue manager here");
    }

    @Override
    public io.mqrunbooks.mq.NativeHaGroupStatus nativeHaGroupStatus(String host,
            String queueManager) {
        throw new UnsupportedOperationException("no Native HA queue manager here");
    }

    @Override
    public io.mqrunbooks.mq.ControlResult requestNativeHaGroupRole(String host, String queueManager, String toRole) {
        throw new UnsupportedOperationException("no Native HA queue manager here");
    }

    @Override
    public RdqmDrStatus rdqmStatus(String host, String queueManager) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ControlResult makeDrPrimary(String host, String queueManager) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ControlResult makeDrSecondary(String host, String queueManager) {
        throw new UnsupportedOperationException();
    }

    @Override
    public DrSecondaryCommand drSecondaryCommand(String host, String queueManager) {
        throw new UnsupportedOperationException();
    }

    @Override
    public DrSecondaryCommand createDrPrimary(String host, DrPrimarySpec spec) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ControlResult createDrSecondary(String host, DrSecondaryCommand command) {
        throw new UnsupportedOperationException();
    }

    @Override
    public io.mqrunbooks.mq.RdqmHaStatus rdqmHaStatus(String host, String queueManager) {
        throw new UnsupportedOperationException("not used by cluster migration");
    }

    @Override
    public java.util.Map<String, Boolean> rdqmHaNodes(String host) {
        throw new UnsupportedOperationException("not used by cluster migration");
    }

    @Override
    public ControlResult suspendHaNode(String host) {
        throw new UnsupportedOperationException("not used by cluster migration");
    }

    @Override
    public ControlResult resumeHaNode(String host) {
        throw new UnsupportedOperationException("not used by cluster migration");
    }

    @Override
    public ControlResult setHaPreferredLocation(String host, String queueManager, List<String> nodes) {
        throw new UnsupportedOperationException("not used by cluster migration");
    }

    @Override
    public ControlResult delete(String host, String queueManager) {
        throw new UnsupportedOperationException();
    }
}
