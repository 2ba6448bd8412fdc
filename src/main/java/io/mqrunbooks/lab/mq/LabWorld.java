package io.mqrunbooks.lab.mq;

import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.estate.Backup;
import io.mqrunbooks.estate.BackupLevel;
import io.mqrunbooks.estate.ChannelPartner;
import io.mqrunbooks.estate.Cluster;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.Host;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.QueueManagerKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole simulated installation: every host's queue managers, RDQM replication, channels, clusters and
 * message routing. Not thread-safe by itself: {@link SimulatedMqEstate} holds its lock around every use.
 */
final class LabWorld {

    static final String DEFAULT_VERSION = "9.4.0.0";
    static final String CLUSTER_XMITQ = "SYSTEM.CLUSTER.TRANSMIT.QUEUE";
    static final String DEAD_LETTER_QUEUE = "SYSTEM.DEAD.LETTER.QUEUE";
    private static final Pattern CONNAME_PART = Pattern.compile("\\s*([^()\\s,]+)\\((\\d+)\\)\\s*");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH.mm.ss");

    final Estate estate;
    final Clock clock;
    final LabMqOptions options;
    final LabSeed seed;
    final Map<String, String> hostVersions = new LinkedHashMap<>();
    /** A host's message language when not English (SimulatedMqEstate#hostLanguage). */
    final Map<String, String> hostLanguages = new LinkedHashMap<>();
    final Map<String, Map<String, QueueManagerRuntime>> byHost = new LinkedHashMap<>();
    final Map<String, RdqmPair> pairs = new LinkedHashMap<>();
    /** The RDQM HA groups, each under its first node's name. */
    final Map<String, HaGroup> haGroups = new LinkedHashMap<>();
    /** Native HA groups: under the queue manager's name, a cross-region recovery group under "QM/group". */
    final Map<String, NativeHaGroup> nativeHaGroups = new LinkedHashMap<>();
    final CrossRegionReplication crossRegion = new CrossRegionReplication(this);
    private final Map<String, Integer> roundRobin = new HashMap<>();
    /** "QM/channel" of each sender with a backlog: the instant its next message is due from. */
    private final Map<String, Instant> drainingSince = new HashMap<>();
    /** "QM/channel" of each running sender with an empty transmission queue: since when it has been idle. */
    private final Map<String, Instant> idleSince = new HashMap<>();
    /** "QM/channel" of the senders that ended after their disconnect interval, until a message restarts them. */
    private final Set<String> disconnected = new HashSet<>();
    /** "QM/channel" of each sender started: when, so it shows STARTING, then BINDING, for their times. */
    private final Map<String, Instant> startedChannels = new HashMap<>();
    /** "QM/channel" of each sender stopped with MODE(QUIESCE) while active: when, so it shows STOPPING. */
    private final Map<String, Instant> stoppingChannels = new HashMap<>();
    /** "QM/channel" held in a state a running channel can be in (PAUSED, SWITCHING): shown instead of RUNNING. */
    final Map<String, String> channelConditions = new HashMap<>();

    LabWorld(Estate estate, Clock clock, LabMqOptions options, LabSeed seed) {
        this.estate = estate;
        this.clock = clock;
        this.options = options;
        this.seed = seed;
        for (Host host : estate.hosts()) {
            hostVersions.put(host.name(), DEFAULT_VERSION);
            byHost.put(host.name(), new LinkedHashMap<>());
        }
        build();
    }

    // ---------------------------------------------------------------- building the initial state

    private void build() {
        for (QueueManager qm : estate.queueManagers()) {
            QueueManagerData data = initialData(qm.name(), qm);
            switch (qm.kind()) {
                case SINGLE -> {
                    QueueManagerRuntime rt = register(qm.name(), QueueManagerKind.SINGLE, List.of(qm.primaryHost()), data);
                    start(rt, qm.primaryHost());
                }
                case MULTI_INSTANCE -> {
                    QueueManagerRuntime rt = register(qm.name(), QueueManagerKind.MULTI_INSTANCE, qm.hosts(), data);
                    start(rt, qm.hosts().get(0));
                    rt.standbyPermitted = true;
                    rt.standbyHosts.add(qm.hosts().get(1));
                }
                case RDQM_DR -> buildRdqm(qm, data);
                case RDQM_HA -> buildHa(qm, data);
                case NATIVE_HA -> buildNativeHa(qm, data);
            }
        }
        for (QueueManager qm : estate.queueManagers()) {
            if (qm.backup() != null) {
                buildBackup(qm, qm.backup());
            }
        }
    }

    private void buildRdqm(QueueManager qm, QueueManagerData data) {
        if (qm.drReplication() == null) {
            throw new IllegalArgumentException("Queue manager '" + qm.name() + "' is rdqm-dr but has no drReplication");
        }
        RdqmPair pair = new RdqmPair(qm.name(), qm.drReplication().port(), qm.drReplication().synchronous());
        for (String host : qm.hosts()) {
            String address = estate.host(host).replicationAddress();
            if (address == null) {
                throw new IllegalArgumentException("Host '" + host + "' of rdqm-dr queue manager '" + qm.name()
                        + "' has no replicationAddress");
            }
            pair.replicationAddresses.put(host, address);
        }
        QueueManagerRuntime primary = register(qm.name(), QueueManagerKind.RDQM_DR, List.of(qm.hosts().get(0)), data);
        QueueManagerRuntime secondary = register(qm.name(), QueueManagerKind.RDQM_DR, List.of(qm.hosts().get(1)),
                data.copy());
        primary.drRole = DrRole.PRIMARY;
        secondary.drRole = DrRole.SECONDARY;
        primary.pair = pair;
        secondary.pair = pair;
        pair.nodes.put(qm.hosts().get(0), primary);
        pair.nodes.put(qm.hosts().get(1), secondary);
        pairs.put(qm.name(), pair);
        start(primary, qm.hosts().get(0));
        secondary.data = primary.data.copy();
    }

    /** An HA queue manager: one runtime on its three nodes, running on the first (its preferred location). */
    private void buildHa(QueueManager qm, QueueManagerData data) {
        HaGroup group = haGroupOf(qm.hosts().get(0));
        if (group == null) {
            for (String host : qm.hosts()) {
                if (haGroupOf(host) != null) {
                    throw new IllegalArgumentException("Queue manager '" + qm.name() + "': node '" + host
                            + "' already belongs to another RDQM HA group");
                }
            }
            group = new HaGroup(qm.hosts());
            haGroups.put(qm.hosts().get(0), group);
        } else if (!new HashSet<>(group.nodes).equals(new HashSet<>(qm.hosts()))) {
            throw new IllegalArgumentException("Queue manager '" + qm.name() + "': an RDQM HA group is three nodes;"
                    + " its nodes " + qm.hosts() + " are not the group's " + group.nodes);
        }
        QueueManagerRuntime rt = register(qm.name(), QueueManagerKind.RDQM_HA, qm.hosts(), data);
        rt.ha = group;
        group.queueManagers.put(qm.name(), rt);
        group.preferred.put(qm.name(), List.of(qm.hosts().get(0)));
        group.managed.add(qm.name());
        start(rt, qm.hosts().get(0));
    }

    /** The HA group a node belongs to, or null. */
    HaGroup haGroupOf(String host) {
        return haGroups.values().stream().filter(g -> g.nodes.contains(host)).findFirst().orElse(null);
    }

    /** Pacemaker's placement: every managed queue manager runs where {@link HaGroup#placement} says, moving if needed. */
    void place(HaGroup group) {
        for (String name : group.managed) {
            QueueManagerRuntime rt = group.queueManagers.get(name);
            String target = group.placement(name);
            if (target == null ? rt.activeHost == null : target.equals(rt.activeHost)) {
                continue;
            }
            if (rt.activeHost != null) {
                end(rt, QmStatus.ENDED_UNEXPECTEDLY);
            }
            if (target != null) {
                start(rt, target);
            }
        }
    }

    /** Three instances, one per host: the first host's is active, the others are in-sync replicas. */
    private void buildNativeHa(QueueManager qm, QueueManagerData data) {
        NativeHaGroup group = new NativeHaGroup(qm.name());
        for (String host : qm.hosts()) {
            String address = estate.host(host).replicationAddress();
            addInstance(group, host, address == null ? host : address,
                    host.equals(qm.hosts().get(0)) ? data : data.copy());
        }
        nativeHaGroups.put(qm.name(), group);
        start(group.instances.get(qm.hosts().get(0)).runtime, qm.hosts().get(0));
        group.haInitAt = now();
        if (qm.crossRegion() != null) {
            buildRecoveryGroup(qm, group, data);
        }
    }

    /**
     * Cross-region replication: the queue manager's hosts form the Live group, the recovery hosts the Recovery
     * group, each instance's qm.ini requesting its group's role (GroupRole), both groups in sync at the start.
     */
    private void buildRecoveryGroup(QueueManager qm, NativeHaGroup live, QueueManagerData data) {
        NativeHaGroup recovery = new NativeHaGroup(qm.name());
        live.groupName = qm.crossRegion().group();
        recovery.groupName = qm.crossRegion().recoveryGroup();
        recovery.role = NativeHaGroup.GroupRole.RECOVERY;
        for (String host : qm.crossRegion().recoveryHosts()) {
            addInstance(recovery, host, host, data.copy()).requestedRole = NativeHaGroup.GroupRole.RECOVERY;
        }
        live.liveSince = now();
        live.roleAlteredAt = now();
        recovery.roleAlteredAt = now();
        CrossRegionLink link = new CrossRegionLink(live, recovery, now());
        live.crossRegion = link;
        recovery.crossRegion = link;
        nativeHaGroups.put(qm.name() + "/" + recovery.groupName, recovery);
    }

    /** A started instance of the group's queue manager on {@code host}, replicating its log on port 4444. */
    private NativeHaGroup.Instance addInstance(NativeHaGroup group, String host, String address, QueueManagerData data) {
        QueueManagerRuntime rt = register(group.queueManager, QueueManagerKind.NATIVE_HA, List.of(host), data);
        rt.nativeHa = group;
        NativeHaGroup.Instance instance = new NativeHaGroup.Instance(host, host, address + "(4444)");
        instance.runtime = rt;
        instance.started = true;
        instance.syncedAt = now();
        group.instances.put(host, instance);
        return instance;
    }

    /** The Native HA group with an instance of {@code queueManager} on {@code host}, or null. */
    NativeHaGroup nativeHaGroup(String queueManager, String host) {
        return nativeHaGroups.values().stream()
                .filter(g -> g.queueManager.equals(queueManager) && g.instances.containsKey(host))
                .findFirst().orElse(null);
    }

    /**
     * Without an active instance, a quorum (two of three connected instances) elects an in-sync one. An in-sync
     * replica has the group's log; {@code latest}, when not null, is the data of an active that just ended.
     */
    void electNativeHa(NativeHaGroup group, QueueManagerData latest) {
        if (group.role != NativeHaGroup.GroupRole.LIVE || group.active().isPresent() || group.connectedCount() < 2) {
            return;
        }
        List<NativeHaGroup.Instance> candidates = group.electable();
        if (candidates.isEmpty()) {
            return;
        }
        NativeHaGroup.Instance elected = candidates.get(0);
        if (latest != null) {
            elected.runtime.data = latest.copy();
        }
        elected.alteredAt = now();
        start(elected.runtime, elected.host);
        group.haInitAt = now();
        group.haInitLsnKb = group.writtenKb;
    }

    private void buildBackup(QueueManager qm, Backup backup) {
        if (backup.level() == BackupLevel.HOT) {
            boolean isRdqmSecondary = qm.kind() == QueueManagerKind.RDQM_DR && qm.hosts().size() == 2
                    && qm.hosts().get(1).equals(backup.host()) && backup.queueManager().equals(qm.name());
            if (!isRdqmSecondary) {
                throw new IllegalArgumentException("Queue manager '" + qm.name() + "': a hot backup must be the RDQM DR"
                        + " secondary (same name, second host); the lab cannot simulate '" + backup.queueManager()
                        + "' on '" + backup.host() + "' as hot");
            }
            return;
        }
        if (byHost.get(backup.host()).containsKey(backup.queueManager())) {
            throw new IllegalArgumentException("Backup '" + backup.queueManager() + "' of '" + qm.name()
                    + "' clashes with a queue manager of the same name already on host '" + backup.host() + "'");
        }
        QueueManagerRuntime primary = byHost.get(qm.primaryHost()).get(qm.name());
        QueueManagerData data = primary.data.copyFor(backup.queueManager());
        seed.warmBackupLag().forEach(data.queues::remove);
        data.messages.clear();
        data.channelRequests.clear();
        data.runningListeners.clear();
        QueueManagerRuntime rt = register(backup.queueManager(), QueueManagerKind.SINGLE, List.of(backup.host()), data);
        if (backup.level() == BackupLevel.COLD) {
            rt.awaitingMediaRestore = true;
            rt.endedStatus = QmStatus.ENDED_IMMEDIATELY;
        } else {
            rt.endedStatus = QmStatus.ENDED_NORMALLY;
        }
    }

    QueueManagerRuntime register(String name, QueueManagerKind kind, List<String> hosts, QueueManagerData data) {
        QueueManagerRuntime rt = new QueueManagerRuntime(name, kind, hosts, data);
        for (String host : hosts) {
            Map<String, QueueManagerRuntime> onHost = byHost.get(host);
            if (onHost == null) {
                throw new IllegalArgumentException("Queue manager '" + name + "' names unknown host '" + host + "'");
            }
            onHost.put(name, rt);
        }
        return rt;
    }

    /** A queue manager's objects as created by crtmqm plus what the inventory and seed add. */
    QueueManagerData initialData(String name, QueueManager qm) {
        QueueManagerData d = baseData(name, DEFAULT_VERSION);
        if (qm == null) {
            return d;
        }
        String created = stamp();
        MqObject listener = d.define(ObjectType.LISTENER, qm.listenerName(), null, created);
        listener.set("CONTROL", "QMGR");
        listener.set("PORT", Integer.toString(qm.listenerPort()));
        for (String q : seed.localQueues().getOrDefault(qm.name(), List.of())) {
            d.define(ObjectType.QLOCAL, q, null, created);
        }
        List<Cluster> clusters = estate.clustersOf(qm.name());
        if (!clusters.isEmpty()) {
            Cluster cluster = clusters.get(0);
            if (cluster.isFullRepository(qm.name())) {
                d.qmgrAttributes.put("REPOS", cluster.name());
            }
            MqObject rcvr = d.define(ObjectType.CHANNEL, "TO." + qm.name(), "CLUSRCVR", created);
            rcvr.set("CLUSTER", cluster.name());
            rcvr.set("CONNAME", qm.primaryHost() + "(" + qm.listenerPort() + ")");
            List<String> targets = cluster.isFullRepository(qm.name())
                    ? cluster.fullRepositories().stream().filter(f -> !f.equals(qm.name())).toList()
                    : List.of(cluster.fullRepositories().get(0));
            for (String fr : targets) {
                QueueManager frQm = estate.queueManager(fr);
                MqObject sdr = d.define(ObjectType.CHANNEL, "TO." + fr, "CLUSSDR", created);
                sdr.set("CLUSTER", cluster.name());
                sdr.set("CONNAME", frQm.primaryHost() + "(" + frQm.listenerPort() + ")");
            }
            seed.clusterQueues().forEach((queue, hosts) -> {
                if (hosts.contains(qm.name())) {
                    MqObject q = d.define(ObjectType.QLOCAL, queue, null, created);
                    q.set("CLUSTER", cluster.name());
                    q.set("DEFBIND", "NOTFIXED");
                }
            });
        }
        for (ChannelPartner partner : estate.partnersOf(qm.name())) {
            String xmitq = partner.channel() + ".XMIT";
            d.define(ObjectType.QLOCAL, xmitq, null, created).set("USAGE", "XMITQ");
            MqObject sdr = d.define(ObjectType.CHANNEL, partner.channel(), "SDR", created);
            sdr.set("CONNAME", productionConname(partner.drConname()));
            sdr.set("XMITQ", xmitq);
            String gateway = gatewayQueueManager(partner.drConname());
            MqObject remote = d.define(ObjectType.QREMOTE, partner.channel() + ".OUT", null, created);
            remote.set("RNAME", seed.partnerQueue());
            remote.set("RQMNAME", gateway == null ? "" : gateway);
            remote.set("XMITQ", xmitq);
        }
        for (ChannelPartner partner : estate.channelPartners()) {
            if (qm.name().equals(gatewayQueueManager(partner.drConname()))) {
                d.define(ObjectType.CHANNEL, partner.channel(), "RCVR", created);
                if (!d.queues.containsKey(seed.partnerQueue())) {
                    d.define(ObjectType.QLOCAL, seed.partnerQueue(), null, created);
                }
            }
        }
        return d;
    }

    /** What {@code crtmqm} creates: the SYSTEM objects the runbooks touch, and default queue manager attributes. */
    QueueManagerData baseData(String name, String version) {
        QueueManagerData d = new QueueManagerData();
        String created = stamp();
        for (String q : List.of("SYSTEM.ADMIN.COMMAND.QUEUE", "SYSTEM.CHANNEL.INITQ", "SYSTEM.CLUSTER.COMMAND.QUEUE",
                "SYSTEM.CLUSTER.REPOSITORY.QUEUE", DEAD_LETTER_QUEUE, "SYSTEM.DEFAULT.LOCAL.QUEUE")) {
            d.define(ObjectType.QLOCAL, q, null, created);
        }
        d.define(ObjectType.QLOCAL, CLUSTER_XMITQ, null, created).set("USAGE", "XMITQ");
        d.define(ObjectType.QREMOTE, "SYSTEM.DEFAULT.REMOTE.QUEUE", null, created);
        d.define(ObjectType.QALIAS, "SYSTEM.DEFAULT.ALIAS.QUEUE", null, created);
        d.define(ObjectType.QMODEL, "SYSTEM.DEFAULT.MODEL.QUEUE", null, created);
        Map.of("SYSTEM.ADMIN.SVRCONN", "SVRCONN", "SYSTEM.DEF.SVRCONN", "SVRCONN", "SYSTEM.DEF.SENDER", "SDR",
                "SYSTEM.DEF.RECEIVER", "RCVR", "SYSTEM.DEF.CLUSSDR", "CLUSSDR", "SYSTEM.DEF.CLUSRCVR", "CLUSRCVR")
                .forEach((channel, chltype) -> d.define(ObjectType.CHANNEL, channel, chltype, created));
        d.define(ObjectType.LISTENER, "SYSTEM.DEFAULT.LISTENER.TCP", null, created);
        Map<String, String> a = d.qmgrAttributes;
        a.put("QMNAME", name);
        a.put("CCSID", "1208");
        a.put("CHLAUTH", "ENABLED");
        a.put("CLWLUSEQ", "LOCAL");
        a.put("CMDLEVEL", Integer.toString(commandLevel(version)));
        a.put("CRDATE", created.substring(0, 10));
        a.put("CRTIME", created.substring(11));
        a.put("DEADQ", DEAD_LETTER_QUEUE);
        a.put("DEFCLXQ", "SCTQ");
        a.put("DEFXMITQ", "");
        a.put("DESCR", "");
        a.put("MAXMSGL", "4194304");
        a.put("PLATFORM", "UNIX");
        a.put("QMID", name + "_" + created.replace(' ', '_'));
        a.put("REPOS", "");
        a.put("REPOSNL", "");
        a.put("VERSION", versionAttribute(version));
        return d;
    }

    /** The partner gateway as our production sender names it: the gateway's lab host, same port. */
    private String productionConname(String drConname) {
        return listeningOn(drConname).map(qm -> qm.primaryHost() + "(" + qm.listenerPort() + ")").orElse(drConname);
    }

    private String gatewayQueueManager(String drConname) {
        return listeningOn(drConname).map(QueueManager::name).orElse(null);
    }

    /** The inventory's queue manager whose listener has the port of a CONNAME's first address. */
    private Optional<QueueManager> listeningOn(String conname) {
        Matcher m = CONNAME_PART.matcher(conname.split(",")[0]);
        if (!m.matches()) {
            return Optional.empty();
        }
        int port = Integer.parseInt(m.group(2));
        return estate.queueManagers().stream().filter(q -> q.listenerPort() == port).findFirst();
    }

    // ---------------------------------------------------------------- time, versions

    Instant now() {
        return clock.instant();
    }

    /** {@code yyyy-MM-dd HH.mm.ss} in UTC, MQ's ALTDATE/ALTTIME pair. */
    String stamp() {
        return STAMP.format(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** An instant as {@code yyyy-MM-dd HH.mm.ss} in UTC. */
    String stampOf(Instant instant) {
        return STAMP.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static int commandLevel(String version) {
        String[] p = version.split("\\.");
        return Integer.parseInt(p[0]) * 100 + Integer.parseInt(p[1]) * 10 + Integer.parseInt(p[2]);
    }

    /** VERSION(09040000) as DISPLAY QMGR and DISPLAY CLUSQMGR print it. */
    static String versionAttribute(String version) {
        StringBuilder sb = new StringBuilder();
        for (String part : version.split("\\.")) {
            sb.append(String.format("%02d", Integer.parseInt(part)));
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- lookups

    Optional<QueueManagerRuntime> runtime(String host, String qm) {
        Map<String, QueueManagerRuntime> onHost = byHost.get(host);
        return onHost == null ? Optional.empty() : Optional.ofNullable(onHost.get(qm));
    }

    /** The queue manager a cluster member name refers to: the running instance, else its inventory host's. */
    Optional<QueueManagerRuntime> member(String qmName) {
        for (Map<String, QueueManagerRuntime> onHost : byHost.values()) {
            QueueManagerRuntime rt = onHost.get(qmName);
            if (rt != null && rt.running()) {
                return Optional.of(rt);
            }
        }
        return estate.findQueueManager(qmName).flatMap(q -> runtime(q.primaryHost(), qmName));
    }

    List<QueueManagerRuntime> allRuntimes() {
        Set<QueueManagerRuntime> all = new LinkedHashSet<>();
        byHost.values().forEach(m -> all.addAll(m.values()));
        return new ArrayList<>(all);
    }

    boolean listenerRunningOn(QueueManagerRuntime rt, int port) {
        for (MqObject l : rt.data.listeners.values()) {
            if (rt.data.runningListeners.contains(l.name()) && Integer.toString(port).equals(l.attribute("PORT"))) {
                return true;
            }
        }
        return false;
    }

    /** The running lab queue manager whose running listener a CONNAME reaches, trying each address in turn. */
    Optional<QueueManagerRuntime> resolveConname(String conname) {
        if (conname == null || conname.isBlank()) {
            return Optional.empty();
        }
        for (String part : conname.split(",")) {
            Matcher m = CONNAME_PART.matcher(part);
            if (!m.matches()) {
                continue;
            }
            String host = m.group(1);
            int port = Integer.parseInt(m.group(2));
            String labHostName = byHost.keySet().stream().filter(h -> h.equalsIgnoreCase(host)).findFirst().orElse(null);
            boolean labHost = labHostName != null;
            boolean anyHost = host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost")
                    || estate.hosts().stream().anyMatch(h -> h.address().equalsIgnoreCase(host));
            for (QueueManagerRuntime rt : allRuntimes()) {
                if (!rt.running() || !listenerRunningOn(rt, port)) {
                    continue;
                }
                if ((labHost && labHostName.equals(rt.activeHost)) || (!labHost && anyHost)) {
                    return Optional.of(rt);
                }
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- starting and ending

    void start(QueueManagerRuntime rt, String host) {
        start(rt, host, true);
    }

    /**
     * Starts {@code rt} on {@code host}. Without services ({@code strmqm -ns}) neither the listeners with
     * CONTROL(QMGR) nor the cluster-senders start: IBM's strmqm reference says -ns "Prevents any of the following
     * processes from starting automatically when the queue manager starts: The channel initiator, The command
     * server, Listeners, Services" (https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.ref.adm.doc/q083650_.html).
     */
    void start(QueueManagerRuntime rt, String host, boolean services) {
        rt.activeHost = host;
        if (rt.ha != null) {
            rt.ha.managed.add(rt.name);
        }
        rt.standbyHosts.remove(host);
        rt.startedAt = now();
        String version = hostVersions.get(host);
        rt.data.qmgrAttributes.put("VERSION", versionAttribute(version));
        rt.data.qmgrAttributes.put("CMDLEVEL", Integer.toString(commandLevel(version)));
        rt.data.runningListeners.clear();
        rt.data.channelRequests.values().removeIf("START"::equals);
        if (!services) {
            return;
        }
        for (MqObject l : rt.data.listeners.values()) {
            if ("QMGR".equals(l.attribute("CONTROL"))) {
                rt.data.runningListeners.add(l.name());
            }
        }
        // MQ starts the cluster-senders of its clusters; SYSTEM.DEF.CLUSSDR (no CLUSTER) is a template, never started.
        for (MqObject ch : rt.data.channels.values()) {
            String cluster = ch.attribute("CLUSTER");
            if ("CLUSSDR".equals(ch.channelType()) && cluster != null && !cluster.isBlank()
                    && !"STOP".equals(rt.data.channelRequests.get(ch.name()))) {
                startChannel(rt, ch.name());
            }
        }
    }

    /** A sender asked to start (START CHANNEL, strmqm, a triggered restart): it binds, then runs. */
    void startChannel(QueueManagerRuntime rt, String channel) {
        rt.data.channelRequests.put(channel, "START");
        rt.data.channelMessages.remove(channel);
        startedChannels.put(rt.name + "/" + channel, now());
        stoppingChannels.remove(rt.name + "/" + channel);
    }

    /**
     * STOP CHANNEL of an active sender: with MODE(QUIESCE), IBM's default, it ends its batch first (STOPPING for
     * {@code channelStopTime}); FORCE and TERMINATE stop it at once.
     */
    void stopChannel(QueueManagerRuntime rt, String channel, boolean quiesce) {
        rt.data.channelRequests.put(channel, "STOP");
        if (quiesce) {
            stoppingChannels.put(rt.name + "/" + channel, now());
        } else {
            stoppingChannels.remove(rt.name + "/" + channel);
        }
    }

    void end(QueueManagerRuntime rt, QmStatus how) {
        if (rt.ha != null && how != QmStatus.ENDED_UNEXPECTEDLY) {
            rt.ha.managed.remove(rt.name);
        }
        rt.activeHost = null;
        rt.endedStatus = how;
        rt.startedAt = null;
        rt.data.runningListeners.clear();
        rt.data.channelRequests.values().removeIf("START"::equals);
        rt.data.channelMessages.clear();
    }

    // ---------------------------------------------------------------- channels

    /** STATUS of a sender-type channel (SDR, CLUSSDR), or null when it has no status (never started). */
    String senderStatus(QueueManagerRuntime rt, MqObject channel) {
        String request = rt.data.channelRequests.get(channel.name());
        if (request == null || !rt.running()) {
            return null;
        }
        String key = rt.name + "/" + channel.name();
        if ("STOP".equals(request)) {
            Instant stopping = stoppingChannels.get(key);
            return stopping != null && now().isBefore(stopping.plus(options.channelStopTime())) ? "STOPPING" : "STOPPED";
        }
        Instant started = startedChannels.get(key);
        Instant active = started == null ? null : started.plus(options.channelStartTime());
        if (active != null && now().isBefore(active)) {
            return "STARTING";
        }
        if (senderTarget(rt, channel).isEmpty()) {
            return "RETRYING";
        }
        boolean binding = active != null && now().isBefore(active.plus(options.channelBindTime()));
        return binding ? "BINDING" : "RUNNING";
    }

    /** What DISPLAY CHSTATUS shows: a condition set on the channel while its instance runs, else the status. */
    String shownStatus(QueueManagerRuntime rt, String channel, String status) {
        String condition = channelConditions.get(rt.name + "/" + channel);
        return condition != null && "RUNNING".equals(status) ? condition : status;
    }

    Optional<QueueManagerRuntime> senderTarget(QueueManagerRuntime rt, MqObject channel) {
        String wantedType = "CLUSSDR".equals(channel.channelType()) ? "CLUSRCVR" : "RCVR";
        return resolveConname(channel.attribute("CONNAME")).filter(target -> {
            MqObject partner = target.data.channels.get(channel.name());
            return partner != null && wantedType.equals(partner.channelType())
                    && !"STOP".equals(target.data.channelRequests.get(partner.name()));
        });
    }

    /**
     * The queue manager connected to a receiver-type channel (RCVR, CLUSRCVR), or null when nothing is: a
     * running sender of the same name that reaches it, or for a cluster-receiver, a running repository of its
     * cluster that knows it (auto-defined cluster-senders are not objects in the lab).
     */
    String receiverPeer(QueueManagerRuntime rt, MqObject channel) {
        if (!rt.running() || "STOP".equals(rt.data.channelRequests.get(channel.name()))) {
            return null;
        }
        for (QueueManagerRuntime other : allRuntimes()) {
            if (other == rt || !other.running()) {
                continue;
            }
            MqObject sender = other.data.channels.get(channel.name());
            if (sender != null && "RUNNING".equals(senderStatus(other, sender))
                    && senderTarget(other, sender).orElse(null) == rt) {
                return other.name;
            }
        }
        if ("CLUSRCVR".equals(channel.channelType())) {
            Cluster cluster = estate.findCluster(channel.attribute("CLUSTER")).orElse(null);
            if (cluster != null && listenerRunningOn(rt, portOf(channel.attribute("CONNAME")))) {
                List<String> knowers = cluster.isFullRepository(rt.name) ? cluster.members() : cluster.fullRepositories();
                for (String name : knowers) {
                    if (!name.equals(rt.name) && member(name).map(QueueManagerRuntime::running).orElse(false)) {
                        return name;
                    }
                }
            }
        }
        return null;
    }

    static int portOf(String conname) {
        if (conname == null) {
            return -1;
        }
        Matcher m = CONNAME_PART.matcher(conname.split(",")[0]);
        return m.matches() ? Integer.parseInt(m.group(2)) : -1;
    }

    // ---------------------------------------------------------------- clusters

    List<Cluster> clustersOf(QueueManagerRuntime rt) {
        List<Cluster> result = new ArrayList<>();
        for (MqObject ch : rt.data.channels.values()) {
            if ("CLUSRCVR".equals(ch.channelType())) {
                estate.findCluster(ch.attribute("CLUSTER")).filter(c -> !result.contains(c)).ifPresent(result::add);
            }
        }
        return result;
    }

    /** Cluster queue managers {@code viewer} knows about in {@code cluster}: all, for a full repository. */
    List<String> knownMembers(QueueManagerRuntime viewer, Cluster cluster) {
        if (cluster.isFullRepository(viewer.name)) {
            return cluster.members();
        }
        Set<String> known = new LinkedHashSet<>();
        known.add(viewer.name);
        known.addAll(cluster.fullRepositories());
        for (String queue : viewer.data.usedClusterQueues) {
            known.addAll(hostsOfClusterQueue(cluster, queue));
        }
        List<String> ordered = new ArrayList<>();
        cluster.members().stream().filter(known::contains).forEach(ordered::add);
        return ordered;
    }

    List<String> hostsOfClusterQueue(Cluster cluster, String queue) {
        List<String> hosts = new ArrayList<>();
        for (String name : cluster.members()) {
            member(name).ifPresent(m -> {
                MqObject q = m.data.queues.get(queue);
                if (q != null && q.type() == ObjectType.QLOCAL && cluster.name().equals(q.attribute("CLUSTER"))) {
                    hosts.add(name);
                }
            });
        }
        return hosts;
    }

    /** The cluster-receiver a member advertises in a cluster, or null. */
    static MqObject clusterReceiver(QueueManagerRuntime member, String cluster) {
        return member.data.channels.values().stream()
                .filter(c -> "CLUSRCVR".equals(c.channelType()) && cluster.equals(c.attribute("CLUSTER")))
                .findFirst().orElse(null);
    }

    /** STATUS of the cluster channel from {@code viewer} to {@code member}, as DISPLAY CLUSQMGR shows it. */
    String clusterChannelStatus(QueueManagerRuntime viewer, QueueManagerRuntime member, MqObject receiver) {
        if (member == viewer) {
            return "RUNNING";
        }
        MqObject explicit = viewer.data.channels.get(receiver.name());
        if (explicit != null && "CLUSSDR".equals(explicit.channelType())) {
            String status = senderStatus(viewer, explicit);
            return status == null ? "INACTIVE" : status;
        }
        if ("STOP".equals(viewer.data.channelRequests.get(receiver.name()))) {
            return "STOPPED";
        }
        boolean reachable = member.running() && listenerRunningOn(member, portOf(receiver.attribute("CONNAME")))
                && !"STOP".equals(member.data.channelRequests.get(receiver.name()));
        return reachable ? "RUNNING" : "RETRYING";
    }

    /** Whether {@code name} is an auto-defined cluster-sender of {@code rt}: another known member's CLUSRCVR. */
    boolean autoDefinedClusterSender(QueueManagerRuntime rt, String name) {
        for (Cluster cluster : clustersOf(rt)) {
            for (String memberName : knownMembers(rt, cluster)) {
                Optional<QueueManagerRuntime> m = memberName.equals(rt.name) ? Optional.empty() : member(memberName);
                MqObject rcvr = m.map(x -> clusterReceiver(x, cluster.name())).orElse(null);
                if (rcvr != null && rcvr.name().equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- messages

    /** How a put ended: MQ reason code (0 = OK) and where the message went. */
    record PutOutcome(int reason, String queueManager, String queue) {
    }

    PutOutcome put(QueueManagerRuntime rt, String queueName, String text) {
        MqObject q = rt.data.queues.get(queueName);
        if (q == null) {
            return putToCluster(rt, queueName, text);
        }
        if ("DISABLED".equals(q.attribute("PUT"))) {
            return new PutOutcome(2051, rt.name, queueName);
        }
        boolean persistent = "YES".equals(q.attribute("DEFPSIST"));
        switch (q.type()) {
            case QLOCAL -> {
                return putLocal(rt, q, Message.local(text, persistent));
            }
            case QALIAS -> {
                String target = q.attribute("TARGET");
                MqObject base = rt.data.queues.get(target);
                if (base == null || base.type() != ObjectType.QLOCAL) {
                    return new PutOutcome(2082, rt.name, queueName);
                }
                return putLocal(rt, base, Message.local(text, persistent));
            }
            case QREMOTE -> {
                String xmitqName = q.attribute("XMITQ").isEmpty() ? q.attribute("RQMNAME") : q.attribute("XMITQ");
                MqObject xmitq = rt.data.queues.get(xmitqName);
                if (xmitq == null || xmitq.type() != ObjectType.QLOCAL) {
                    return new PutOutcome(2087, rt.name, queueName);
                }
                return putLocal(rt, xmitq, new Message(text, persistent, q.attribute("RQMNAME"), q.attribute("RNAME")));
            }
            default -> {
                return new PutOutcome(2043, rt.name, queueName);
            }
        }
    }

    private PutOutcome putLocal(QueueManagerRuntime rt, MqObject q, Message message) {
        int max = Integer.parseInt(q.attribute("MAXDEPTH"));
        if (rt.data.depth(q.name()) >= max) {
            return new PutOutcome(2053, rt.name, q.name());
        }
        rt.data.messagesOf(q.name()).addLast(message);
        if (message.persistent()) {
            noteWrite(rt, options.persistentMessageKb());
        }
        return new PutOutcome(0, rt.name, q.name());
    }

    /** Workload balancing over the running hosts of a cluster queue, preferring ones not suspended. */
    private PutOutcome putToCluster(QueueManagerRuntime rt, String queueName, String text) {
        for (Cluster cluster : clustersOf(rt)) {
            List<String> hosts = hostsOfClusterQueue(cluster, queueName);
            if (hosts.isEmpty()) {
                continue;
            }
            if (!cluster.isFullRepository(rt.name)) {
                rt.data.usedClusterQueues.add(queueName);
            }
            // Queue managers whose cluster-sender is stopped or retrying are passed over while another is available
            // (a simplification of IBM's workload algorithm, which ranks the channel states).
            List<QueueManagerRuntime> running = new ArrayList<>();
            List<QueueManagerRuntime> all = new ArrayList<>();
            for (String h : hosts) {
                member(h).ifPresent(m -> {
                    all.add(m);
                    String sender = clusterRoute(rt, h).map(ClusterRoute::status).orElse("RETRYING");
                    if (m.running() && !"STOPPED".equals(sender) && !"RETRYING".equals(sender)) {
                        running.add(m);
                    }
                });
            }
            List<QueueManagerRuntime> candidates = running.isEmpty() ? all : running;
            List<QueueManagerRuntime> active = candidates.stream()
                    .filter(m -> !m.data.suspendedClusters.contains(cluster.name())).toList();
            List<QueueManagerRuntime> choice = active.isEmpty() ? candidates : active;
            String key = rt.name + "/" + queueName;
            int next = roundRobin.merge(key, 1, Integer::sum) - 1;
            QueueManagerRuntime target = choice.get(next % choice.size());
            MqObject targetQueue = target.data.queues.get(queueName);
            boolean persistent = "YES".equals(targetQueue.attribute("DEFPSIST"));
            // Every message for another queue manager goes by the cluster transmission queue ("When a queue is
            // advertised, any queue manager in the cluster can put messages to it. [...] it adds some routing
            // information to the message and puts the message on a cluster transmission queue", "Cluster queues",
            // https://www.ibm.com/support/knowledgecenter/SSFKSJ_7.5.0/com.ibm.mq.con.doc/q017220_.html).
            MqObject clusterXmitq = rt.data.queues.get(CLUSTER_XMITQ);
            // Deleted by an operator: refused as a remote queue's missing transmission queue is (a lab choice; no
            // public text shows what MQ answers).
            if (clusterXmitq == null || clusterXmitq.type() != ObjectType.QLOCAL) {
                return new PutOutcome(2087, rt.name, queueName);
            }
            return putLocal(rt, clusterXmitq, new Message(text, persistent, target.name, queueName));
        }
        return new PutOutcome(2085, rt.name, queueName);
    }

    /** Data written on an RDQM primary: replicated at once, or counted as out of sync while disconnected. */
    void noteWrite(QueueManagerRuntime rt, long kb) {
        if (rt.ha != null) {
            rt.ha.noteWrite(rt.name, kb);
            return;
        }
        if (rt.nativeHa != null && rt.running()) {
            rt.nativeHa.noteWrite(kb, now());
            if (rt.nativeHa.crossRegion != null) {
                rt.nativeHa.crossRegion.noteWrite(kb, now());
            }
            return;
        }
        if (!rt.isRdqm() || rt.drRole != DrRole.PRIMARY) {
            return;
        }
        RdqmPair pair = rt.pair;
        if (pair.syncing()) {
            pair.syncTotalKb += kb;
        } else if (!pair.connected() || pair.outOfSyncKb > 0 || pair.secondaryInconsistent) {
            pair.outOfSyncKb += kb;
        }
    }

    // ---------------------------------------------------------------- the passage of time

    /** Brings everything up to the clock: RDQM synchronization and reverts, replication, channel delivery. */
    void settle() {
        Instant now = now();
        for (RdqmPair pair : pairs.values()) {
            settle(pair, now);
        }
        for (HaGroup group : haGroups.values()) {
            group.synchronize(now, options.syncRateKbPerSecond());
            place(group);
        }
        for (NativeHaGroup group : nativeHaGroups.values()) {
            group.settle(now, options.syncRateKbPerSecond());
            group.active().ifPresent(active -> group.instances.values().stream()
                    .filter(i -> i != active && group.inSync(i)).forEach(i -> i.runtime.data = active.runtime.data.copy()));
        }
        nativeHaGroups.values().stream().map(g -> g.crossRegion).filter(java.util.Objects::nonNull).distinct()
                .forEach(link -> crossRegion.settle(link, now));
        for (QueueManagerRuntime rt : allRuntimes()) {
            if (rt.running()) {
                disconnectIdleSenders(rt, now);
                deliverOverChannels(rt, now);
            }
        }
    }

    private void settle(RdqmPair pair, Instant now) {
        for (QueueManagerRuntime node : pair.nodes.values()) {
            if (node.revertingUntil != null && !now.isBefore(node.revertingUntil)) {
                node.revertingUntil = null;
                node.endedStatus = QmStatus.ENDED_UNEXPECTEDLY;
            }
        }
        QueueManagerRuntime primary = pair.primary();
        QueueManagerRuntime secondary = pair.secondary();
        boolean onePrimaryOneSecondary = primary != null && secondary != null;
        if (pair.syncing()) {
            if (!pair.connected() || !onePrimaryOneSecondary) {
                cutDuringSync(pair, now);
            } else if (syncedKb(pair, now) >= pair.syncTotalKb) {
                secondary.data = primary.data.copy();
                pair.syncStartedAt = null;
                pair.syncTotalKb = 0;
                pair.outOfSyncKb = 0;
                pair.secondaryInconsistent = false;
            }
            return;
        }
        if (!pair.connected() || !onePrimaryOneSecondary || primary.revertingUntil != null) {
            return;
        }
        if (pair.outOfSyncKb > 0 || pair.secondaryInconsistent) {
            pair.syncStartedAt = now;
            pair.syncTotalKb = Math.max(1, pair.outOfSyncKb);
            pair.outOfSyncKb = 0;
            pair.secondaryInconsistent = true;
            return;
        }
        secondary.data = primary.data.copy();
    }

    void cutDuringSync(RdqmPair pair, Instant now) {
        long remaining = Math.max(1, pair.syncTotalKb - syncedKb(pair, now));
        pair.outOfSyncKb = remaining;
        pair.syncStartedAt = null;
        pair.syncTotalKb = 0;
        pair.secondaryInconsistent = true;
    }

    long syncedKb(RdqmPair pair, Instant now) {
        double seconds = Duration.between(pair.syncStartedAt, now).toMillis() / 1000.0;
        return Math.min(pair.syncTotalKb, (long) Math.floor(seconds * options.syncRateKbPerSecond()));
    }

    /**
     * A running sender whose transmission queue stays empty for its DISCINT seconds (0: never) ends and has no
     * current status any more; the next message on its transmission queue starts it again (the triggered
     * transmission queue of a real installation).
     */
    private void disconnectIdleSenders(QueueManagerRuntime rt, Instant now) {
        for (MqObject ch : rt.data.channels.values()) {
            if (!"SDR".equals(ch.channelType())) {
                continue;
            }
            String key = rt.name + "/" + ch.name();
            int depth = rt.data.depth(ch.attribute("XMITQ"));
            if (rt.data.channelRequests.containsKey(ch.name())) {
                disconnected.remove(key);
            } else if (depth > 0 && disconnected.remove(key)) {
                startChannel(rt, ch.name());
            }
            if (depth > 0 || !"RUNNING".equals(senderStatus(rt, ch))) {
                idleSince.remove(key);
                continue;
            }
            Instant idle = idleSince.computeIfAbsent(key, k -> now);
            long discint = Long.parseLong(ch.attribute("DISCINT"));
            if (discint > 0 && !now.isBefore(idle.plusSeconds(discint))) {
                rt.data.channelRequests.remove(ch.name());
                idleSince.remove(key);
                disconnected.add(key);
            }
        }
    }

    /**
     * Moves each running sender's transmission queue to its partner at {@code channelMessagesPerSecond}, then the
     * cluster transmission queue over its cluster-senders.
     */
    private void deliverOverChannels(QueueManagerRuntime rt, Instant now) {
        for (MqObject ch : rt.data.channels.values()) {
            if (!"SDR".equals(ch.channelType())) {
                continue;
            }
            String key = rt.name + "/" + ch.name();
            Deque<Message> xmitq = rt.data.messages.get(ch.attribute("XMITQ"));
            if (!"RUNNING".equals(senderStatus(rt, ch)) || xmitq == null || xmitq.isEmpty()) {
                drainingSince.remove(key);
                continue;
            }
            QueueManagerRuntime target = senderTarget(rt, ch).orElseThrow();
            long due = messagesDue(key, now);
            long sent = 0;
            while (sent < due && !xmitq.isEmpty()) {
                deliver(target, xmitq.pollFirst());
                countOnChannel(rt, target, ch.name());
                sent++;
            }
            drained(key, sent, !xmitq.isEmpty());
        }
        deliverOverClusterSenders(rt, now);
    }

    /**
     * SYSTEM.CLUSTER.TRANSMIT.QUEUE holds the messages for every other cluster queue manager; the cluster-sender to
     * each (named as that queue manager's cluster-receiver) takes its own messages off it, in parallel with the
     * others, at {@code channelMessagesPerSecond}, and only while it runs: a stopped or retrying one leaves them
     * there. IBM: "All cluster-sender channels send messages from SYSTEM.CLUSTER.TRANSMIT.QUEUE. The correlID of
     * messages placed on the transmission queue identifies which cluster-sender channel the message is destined
     * for" (DefClusterXmitQueueType, https://ibm.com/support/knowledgecenter/SSFKSJ_9.3.0/refdev/q102300_.html);
     * "Each channel is draining messages targeted for that channel in parallel with all other cluster sender
     * channels" ("Monitoring clusters", https://www.ibm.com/support/knowledgecenter/SSFKSJ_8.0.0/com.ibm.mq.mon.doc/q004840_.html);
     * "messages that are bound to the unavailable queue manager, wait until the queue manager becomes available
     * again" ("What happens when a cluster queue manager fails",
     * https://www.ibm.com/support/knowledgecenter/en/SSFKSJ_9.0.0/com.ibm.mq.tro.doc/q039330_.htm).
     */
    private void deliverOverClusterSenders(QueueManagerRuntime rt, Instant now) {
        Deque<Message> xmitq = rt.data.messages.get(CLUSTER_XMITQ);
        Map<String, Optional<ClusterRoute>> routes = new HashMap<>();
        Map<String, Long> due = new HashMap<>();
        Map<String, Long> sent = new HashMap<>();
        Set<String> waiting = new HashSet<>();
        if (xmitq != null) {
            for (Iterator<Message> it = xmitq.iterator(); it.hasNext(); ) {
                Message m = it.next();
                ClusterRoute route = routes.computeIfAbsent(m.targetQmgr(), q -> clusterRoute(rt, q)).orElse(null);
                // An explicit cluster-sender that was never started (INACTIVE) is triggered by the message, as MQ
                // triggers cluster channels; the lab moves the message without showing it RUNNING.
                if (route == null || (!"RUNNING".equals(route.status()) && !"INACTIVE".equals(route.status()))) {
                    continue;
                }
                String key = clusterDrainKey(rt, route.channel());
                if (sent.getOrDefault(key, 0L) < due.computeIfAbsent(key, k -> messagesDue(k, now))) {
                    it.remove();
                    deliver(route.target(), m);
                    countOnChannel(rt, route.target(), route.channel());
                    sent.merge(key, 1L, Long::sum);
                } else {
                    waiting.add(key);
                }
            }
        }
        due.keySet().forEach(key -> drained(key, sent.getOrDefault(key, 0L), waiting.contains(key)));
        // A cluster-sender that stopped, or has nothing left, starts a new clock with its next backlog.
        String prefix = clusterDrainKey(rt, "");
        drainingSince.keySet().removeIf(key -> key.startsWith(prefix) && !due.containsKey(key));
    }

    private static String clusterDrainKey(QueueManagerRuntime rt, String channel) {
        return rt.name + "/" + CLUSTER_XMITQ + "/" + channel;
    }

    /**
     * How many messages a running channel's backlog may have sent by now: the backlog starts its own clock when the
     * channel first finds it, and each message takes 1/rate seconds of that clock.
     */
    private long messagesDue(String key, Instant now) {
        Instant since = drainingSince.computeIfAbsent(key, k -> now);
        double seconds = Duration.between(since, now).toNanos() / 1e9;
        return (long) Math.floor(seconds * options.channelMessagesPerSecond() + 1e-9);
    }

    /** Moves a backlog's clock past the messages sent; an emptied backlog has no clock. */
    private void drained(String key, long sent, boolean backlogLeft) {
        if (!backlogLeft) {
            drainingSince.remove(key);
            return;
        }
        drainingSince.computeIfPresent(key,
                (k, since) -> since.plusNanos((long) (sent * 1e9 / options.channelMessagesPerSecond())));
    }

    /** The cluster-sender that carries messages for a cluster queue manager: its name, the target and its status. */
    record ClusterRoute(String channel, QueueManagerRuntime target, String status) {
    }

    /**
     * The cluster-sender from {@code rt} to the cluster queue manager {@code targetQmgr} (named as its cluster-receiver,
     * with the status DISPLAY CHSTATUS shows), or empty when {@code rt} shares no cluster with it.
     */
    Optional<ClusterRoute> clusterRoute(QueueManagerRuntime rt, String targetQmgr) {
        Optional<QueueManagerRuntime> target = member(targetQmgr).filter(t -> t != rt);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        for (Cluster cluster : clustersOf(rt)) {
            MqObject receiver = clusterReceiver(target.get(), cluster.name());
            if (receiver != null) {
                return Optional.of(new ClusterRoute(receiver.name(), target.get(),
                        clusterChannelStatus(rt, target.get(), receiver)));
            }
        }
        return Optional.empty();
    }

    /**
     * One message over a channel: MSGS on both ends, and the saved status both ends keep from their first batch on
     * (IBM MQ 9.4, "Displaying channel status", https://www.ibm.com/docs/en/ibm-mq/9.4.x?topic=objects-displaying-channel-status:
     * saved status applies once at least one batch has been transmitted; the lab commits one message a batch).
     */
    private static void countOnChannel(QueueManagerRuntime sender, QueueManagerRuntime receiver, String channel) {
        sender.data.channelMessages.merge(channel, 1L, Long::sum);
        receiver.data.channelMessages.merge(channel, 1L, Long::sum);
        MqObject defined = sender.data.channels.get(channel);
        MqObject rcvr = receiver.data.channels.get(channel);
        boolean clusterSender = defined == null || "CLUSSDR".equals(defined.channelType());
        String conname = defined != null ? defined.attribute("CONNAME") : rcvr.attribute("CONNAME");
        String xmitq = clusterSender ? CLUSTER_XMITQ : defined.attribute("XMITQ");
        sender.data.savedStatus.merge(channel,
                new SavedChannelStatus(clusterSender ? "CLUSSDR" : "SDR", conname, receiver.name, xmitq, 1, "RUNNING"),
                SavedChannelStatus::nextBatch);
        receiver.data.savedStatus.merge(channel,
                new SavedChannelStatus(rcvr.channelType(), "127.0.0.1", sender.name, "", 1, "RUNNING"),
                SavedChannelStatus::nextBatch);
    }

    /** XQMSGSA of a sender: messages on its transmission queue that it would send (0 for a receiver). */
    int messagesWaitingFor(QueueManagerRuntime rt, String channel, String type, String xmitq) {
        if ("SDR".equals(type)) {
            return rt.data.depth(xmitq);
        }
        if (!"CLUSSDR".equals(type)) {
            return 0;
        }
        Deque<Message> cluster = rt.data.messages.get(CLUSTER_XMITQ);
        if (cluster == null) {
            return 0;
        }
        Map<String, Boolean> forThisChannel = new HashMap<>();
        return (int) cluster.stream().filter(m -> forThisChannel.computeIfAbsent(m.targetQmgr(),
                q -> clusterRoute(rt, q).map(route -> route.channel().equals(channel)).orElse(false))).count();
    }

    private void deliver(QueueManagerRuntime target, Message m) {
        MqObject q = m.targetQueue() == null ? null : target.data.queues.get(m.targetQueue());
        String queue = q != null && q.type() == ObjectType.QLOCAL ? q.name() : DEAD_LETTER_QUEUE;
        target.data.messagesOf(queue).addLast(m.delivered());
        if (m.persistent()) {
            noteWrite(target, options.persistentMessageKb());
        }
    }
}
