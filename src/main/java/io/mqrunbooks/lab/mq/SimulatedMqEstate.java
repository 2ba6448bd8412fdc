package io.mqrunbooks.lab.mq;

import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.mq.NameRules;
import io.mqrunbooks.lab.LabCommandHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The simulated IBM MQ 9.4 installation of every lab host (docs/lab.md). Commands arrive through
 * {@link #execute}; tests, drills and the SSH side change the world through the control methods
 * ({@link #cutReplicationLink}, {@link #installVersion}, ...). One lock guards the whole estate, so any number
 * of SSH sessions may call in at once.
 */
public final class SimulatedMqEstate implements LabCommandHandler {

    private static final Set<String> MQ_BIN = Set.of("dspmq", "dspmqver", "strmqm", "endmqm", "crtmqm", "dltmqm",
            "runmqsc", "rdqmstatus", "rdqmdr", "rdqmadm", "dmpmqcfg");
    private static final Set<String> SAMPLES = Set.of("amqsput", "amqsget");

    private final ReentrantLock lock = new ReentrantLock();
    private final Estate estate;
    private final Clock clock;
    private final LabMqOptions options;
    private final LabSeed seed;
    // Rebuilt by reset(); read and replaced only under the lock.
    private LabWorld world;
    private ControlCommands control;
    private RdqmCommands rdqm;
    private SampleCommands samples;
    private Mqsc mqsc;
    private Dmpmqcfg dmpmqcfg;
    private PcfCommandServer commandServer;
    // Where every change goes, in order, for LabStateStore (docs/lab.md "Across a restart"); none by default.
    private volatile Consumer<LabEvent> recorder = event -> { };

    public SimulatedMqEstate(Estate estate, Clock clock) {
        this(estate, clock, LabMqOptions.defaults(), LabSeed.standard());
    }

    public SimulatedMqEstate(Estate estate, Clock clock, LabMqOptions options, LabSeed seed) {
        this.estate = estate;
        this.clock = clock;
        this.options = options;
        this.seed = seed;
        build();
    }

    /** Puts every host back to the lab's initial state: for drills and for tests that share one lab. */
    public void reset() {
        recordedChange(List.of("reset"), this::build);
    }

    private void build() {
        this.world = new LabWorld(estate, clock, options, seed);
        this.control = new ControlCommands(world);
        this.rdqm = new RdqmCommands(world);
        this.samples = new SampleCommands(world);
        this.mqsc = new Mqsc(world);
        this.dmpmqcfg = new Dmpmqcfg(world);
        this.commandServer = new PcfCommandServer(mqsc);
    }

    @Override
    public LabExecution execute(String host, String user, List<String> argv, String stdin) {
        return execute(host, user, argv, stdin, null);
    }

    /**
     * {@code messageLocale} (LC_ALL, LC_MESSAGES or LANG on the command line) overrides the host's language, as the
     * process locale picks IBM MQ's message catalogue: a zh_CN locale prints zh_CN's words, any other one
     * (C, en_US.UTF-8) IBM's English; null leaves the host's {@link #hostLanguage}.
     */
    @Override
    public LabExecution execute(String host, String user, List<String> argv, String stdin, String messageLocale) {
        if (!world.byHost.containsKey(host)) {
            throw new IllegalArgumentException("Unknown lab host '" + host + "'");
        }
        if (argv == null || argv.isEmpty()) {
            throw new IllegalArgumentException("No command given for host '" + host + "'");
        }
        String program = argv.get(0);
        String name;
        if (program.contains("/")) {
            String base = program.substring(program.lastIndexOf('/') + 1);
            boolean inBin = program.equals("/opt/mqm/bin/" + base) && MQ_BIN.contains(base);
            boolean inSamples = program.equals("/opt/mqm/samp/bin/" + base) && SAMPLES.contains(base);
            if (!inBin && !inSamples) {
                return Output.error(127, "bash: " + program + ": No such file or directory");
            }
            name = base;
        } else if (MQ_BIN.contains(program)) {
            name = program;
        } else if (program.equals("sed")) {
            // The one file edit a runbook makes: a Native HA instance's requested group role in its qm.ini.
            return locked(() -> {
                world.settle();
                LabExecution result = control.editGroupRole(host, argv.subList(1, argv.size()));
                world.settle();
                return result;
            });
        } else {
            return Output.error(127, "bash: " + program + ": command not found");
        }
        List<String> args = argv.subList(1, argv.size());
        String input = stdin == null ? "" : stdin;
        return recorded(event("execute", host, user, input, argv), () -> {
            world.settle();
            LabExecution result = switch (name) {
                case "dspmq" -> control.dspmq(host, args, language(host, messageLocale));
                case "dspmqver" -> control.dspmqver(host, args);
                case "strmqm" -> control.strmqm(host, args);
                case "endmqm" -> control.endmqm(host, args);
                case "crtmqm" -> control.crtmqm(host, args);
                case "dltmqm" -> control.dltmqm(host, args);
                case "rdqmstatus" -> throughSudoForMqm(name, user, () -> rdqm.rdqmstatus(host, args));
                case "rdqmdr" -> throughSudoForMqm(name, user,
                        () -> rdqm.rdqmdr(host, "mqm".equals(user) ? "root" : user, args));
                case "rdqmadm" -> throughSudoForMqm(name, user,
                        () -> rdqm.rdqmadm(host, "mqm".equals(user) ? "root" : user, args));
                case "runmqsc" -> mqsc.runmqsc(host, args, input);
                case "dmpmqcfg" -> dmpmqcfg.dmpmqcfg(host, user, args);
                case "amqsput" -> samples.amqsput(host, args, input);
                case "amqsget" -> samples.amqsget(host, args);
                default -> throw new IllegalStateException("No simulation for " + name);
            };
            world.settle();
            return result;
        });
    }

    /**
     * IBM's RDQM commands, run by mqm, re-run themselves through sudo and say so after their output, as in IBM's
     * mq-rdqm samples ("Command '/opt/mqm/bin/rdqmdr' run with sudo.", github.com/ibm-messaging/mq-rdqm
     * cloud/azure/Test.md lines 237-238; Troubleshooting.md line 50 for rdqmstatus).
     */
    private static LabExecution throughSudoForMqm(String program, String user, Supplier<LabExecution> command) {
        LabExecution result = command.get();
        if (!"mqm".equals(user)) {
            return result;
        }
        return new LabExecution(result.exitCode(),
                result.stdout() + "Command '/opt/mqm/bin/" + program + "' run with sudo.\n", result.stderr());
    }

    /**
     * Whether the queue manager runs on this host, so that a client connection to it there (its listener) would
     * be accepted.
     */
    public boolean runsOn(String host, String queueManager) {
        return settled(() -> world.runtime(host, queueManager).map(rt -> host.equals(rt.activeHost)).orElse(false));
    }

    /**
     * One PCF request put to the command queue of the queue manager running on {@code host}, as the bytes of
     * the message (MQCFH and parameters) in the given encoding and CCSID; the responses come back as the bytes
     * of the reply messages, in the same encoding and CCSID. Empty when the queue manager does not run there
     * (no command server answers).
     */
    public List<byte[]> pcfCommand(String host, String queueManager, byte[] request, int encoding, int ccsid) {
        return recorded(List.of("pcf", host, queueManager, java.util.Base64.getEncoder().encodeToString(request),
                Integer.toString(encoding), Integer.toString(ccsid)), () -> {
            world.settle();
            Optional<QueueManagerRuntime> rt = world.runtime(host, queueManager).filter(r -> host.equals(r.activeHost));
            if (rt.isEmpty()) {
                return List.<byte[]>of();
            }
            List<byte[]> responses = commandServer.answer(rt.get(), host, request, encoding, ccsid);
            world.settle();
            return responses;
        });
    }

    // ---------------------------------------------------------------- lab control

    /** The DR replication network between the two nodes of an RDQM DR queue manager goes down. */
    public void cutReplicationLink(String queueManager) {
        recordedChange(List.of("cutReplicationLink", queueManager), () -> {
            world.settle();
            RdqmPair pair = pair(queueManager);
            if (pair.syncing()) {
                world.cutDuringSync(pair, world.now());
            }
            pair.linkUp = false;
        });
    }

    /** The DR replication network comes back; a synchronization starts if the secondary is behind. */
    public void restoreReplicationLink(String queueManager) {
        recordedChange(List.of("restoreReplicationLink", queueManager), () -> {
            world.settle();
            pair(queueManager).linkUp = true;
            world.settle();
        });
    }

    /**
     * Holds a channel of {@code queueManager} on {@code host} in a state a running channel can be in, shown by
     * DISPLAY CHSTATUS (runmqsc and PCF) instead of RUNNING while its instance runs: PAUSED on a receiving channel
     * (RCVR, CLUSRCVR: its MQPUT waits for the message-retry interval), SWITCHING on a cluster-sender (it is
     * moving to another transmission queue). A blank status lets it show RUNNING again. Other states come from
     * the lab's own events (RETRYING: the partner is unreachable; STOPPED: STOP CHANNEL); the lab has no
     * requester channels, so it cannot show REQUESTING.
     */
    public void channelCondition(String host, String queueManager, String channel, String status) {
        String word = status == null ? "" : status.strip();
        recordedChange(List.of("channelCondition", host, queueManager, channel, word), () -> {
            QueueManagerRuntime rt = runtimeOrThrow(host, queueManager);
            MqObject object = rt.data.channels.get(channel);
            String type = object != null ? object.channelType()
                    : world.autoDefinedClusterSender(rt, channel) ? "CLUSSDR" : null;
            if (type == null) {
                throw new IllegalArgumentException("Lab: no channel '" + channel + "' on " + queueManager);
            }
            String key = rt.name + "/" + channel;
            if (word.isEmpty()) {
                world.channelConditions.remove(key);
                return;
            }
            boolean fits = switch (word) {
                case "PAUSED" -> type.equals("RCVR") || type.equals("CLUSRCVR");
                case "SWITCHING" -> type.equals("CLUSSDR");
                default -> throw new IllegalArgumentException("Lab: STATUS(" + word + ") is not a condition the lab"
                        + " holds; it holds PAUSED on a receiving channel and SWITCHING on a cluster-sender");
            };
            if (!fits) {
                throw new IllegalArgumentException("Lab: channel " + channel + " is CHLTYPE(" + type + "); STATUS("
                        + word + ") is for " + (word.equals("PAUSED") ? "RCVR or CLUSRCVR" : "CLUSSDR") + " channels");
            }
            world.channelConditions.put(key, word);
        });
    }

    /**
     * The host fails (power, kernel panic): its queue managers end unexpectedly, a multi-instance standby on
     * another host takes over (failover), standbys on it vanish, and RDQM DR replication to it stops. The SSH
     * side makes the host unreachable; this is the MQ half.
     */
    public void failHost(String host) {
        recordedChange(List.of("failHost", host), () -> {
            requireHost(host);
            world.settle();
            HaGroup group = world.haGroupOf(host);
            if (group != null) {
                group.lost.add(host);
                world.place(group);
            }
            for (QueueManagerRuntime rt : world.allRuntimes()) {
                rt.standbyHosts.remove(host);
                if (host.equals(rt.activeHost)) {
                    String standby = rt.standbyHosts.isEmpty() ? null : rt.standbyHosts.iterator().next();
                    world.end(rt, QmStatus.ENDED_UNEXPECTEDLY);
                    if (standby != null) {
                        world.start(rt, standby);
                    }
                }
            }
            for (NativeHaGroup nativeHa : world.nativeHaGroups.values()) {
                NativeHaGroup.Instance instance = nativeHa.instances.get(host);
                if (instance != null && instance.started) {
                    instance.started = false;
                    instance.alteredAt = world.now();
                    world.electNativeHa(nativeHa, instance.runtime.data);
                }
            }
            for (RdqmPair pair : world.pairs.values()) {
                if (pair.nodes.containsKey(host)) {
                    if (pair.syncing()) {
                        world.cutDuringSync(pair, world.now());
                    }
                    pair.linkUp = false;
                }
            }
        });
    }

    /** The failed host is back: RDQM DR links to it come up again; its queue managers stay ended until strmqm. */
    public void recoverHost(String host) {
        recordedChange(List.of("recoverHost", host), () -> {
            requireHost(host);
            world.settle();
            HaGroup group = world.haGroupOf(host);
            if (group != null) {
                group.lost.remove(host);
                world.place(group);
            }
            for (RdqmPair pair : world.pairs.values()) {
                if (pair.nodes.containsKey(host)) {
                    pair.linkUp = true;
                }
            }
            world.settle();
        });
    }

    /**
     * An RDQM HA replica falls behind: {@code kb} of the queue manager's data still to copy to {@code node}, as after
     * a replication link outage; it catches up at the lab's synchronization rate while the node is available
     * (rdqmstatus shows "HA status: Synchronization in progress" meanwhile).
     */
    public void haReplicaOutOfSync(String queueManager, String node, long kb) {
        recordedChange(List.of("haReplicaOutOfSync", queueManager, node, Long.toString(kb)), () -> {
            world.settle();
            QueueManagerRuntime rt = runtimeOrThrow(node, queueManager);
            if (rt.ha == null) {
                throw new IllegalArgumentException("'" + queueManager + "' is not an RDQM HA queue manager of the lab");
            }
            rt.ha.outOfSyncKb.computeIfAbsent(queueManager, q -> new java.util.HashMap<>()).merge(node, kb, Long::sum);
        });
    }

    /** Where an RDQM HA queue manager runs now (its HA current location), or empty when it runs nowhere. */
    public Optional<String> haCurrentLocation(String queueManager) {
        return settled(() -> world.allRuntimes().stream().filter(rt -> rt.ha != null && rt.name.equals(queueManager))
                .findFirst().map(rt -> rt.activeHost));
    }

    /** Whether an RDQM HA node is suspended (rdqmadm -s). */
    public boolean haNodeSuspended(String node) {
        return locked(() -> {
            HaGroup group = world.haGroupOf(node);
            return group != null && group.suspended.contains(node);
        });
    }

    /** Suspends an RDQM HA node as {@code rdqmadm -s} would, outside any run (a fault: another node already suspended). */
    public void suspendHaNode(String node) {
        recordedChange(List.of("suspendHaNode", node), () -> {
            world.settle();
            HaGroup group = world.haGroupOf(node);
            if (group == null) {
                throw new IllegalArgumentException("'" + node + "' is not an RDQM HA node of the lab");
            }
            group.suspended.add(node);
            world.place(group);
        });
    }

    /**
     * The log replication link to one Native HA instance goes down (or, with {@code up}, comes back): a cut
     * replica receives nothing, so it falls out of sync as the active writes, and it does not count for the quorum.
     */
    public void nativeHaReplicationLink(String host, String queueManager, boolean up) {
        recordedChange(List.of("nativeHaReplicationLink", host, queueManager, Boolean.toString(up)), () -> {
            world.settle();
            NativeHaGroup group = world.nativeHaGroup(queueManager, host);
            if (group == null) {
                throw new IllegalArgumentException("'" + queueManager + "' has no Native HA instance on '" + host + "'");
            }
            NativeHaGroup.Instance instance = group.instances.get(host);
            instance.linkUp = up;
            instance.backlogAt = world.now();
            instance.alteredAt = world.now();
            if (up) {
                world.electNativeHa(group, null);
            }
        });
    }

    /**
     * The network between the two regions of a Native HA cross-region configuration goes down (or, with
     * {@code up}, comes back): the Recovery group receives nothing, so its backlog grows as the Live group writes.
     */
    public void nativeHaCrossRegionLink(String queueManager, boolean up) {
        recordedChange(List.of("nativeHaCrossRegionLink", queueManager, Boolean.toString(up)), () -> {
            world.settle();
            CrossRegionLink link = world.nativeHaGroups.values().stream()
                    .filter(g -> g.queueManager.equals(queueManager) && g.crossRegion != null)
                    .map(g -> g.crossRegion).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + queueManager
                            + "' has no Native HA cross-region replication"));
            link.up = up;
            link.backlogAt = world.now();
            world.settle();
        });
    }

    /** KB of log a Recovery group made Live never received (the data lost by an unplanned switch). */
    public long nativeHaCrossRegionLostKb(String queueManager) {
        return locked(() -> world.nativeHaGroups.values().stream()
                .filter(g -> g.queueManager.equals(queueManager) && g.crossRegion != null)
                .mapToLong(g -> g.crossRegion.lostKb).findFirst().orElse(0));
    }

    /** The IBM MQ levels {@link #installVersion} accepts, in version order. */
    public java.util.SortedSet<String> knownVersions() {
        return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(ControlCommands.LEVELS.keySet()));
    }

    /** Installs another IBM MQ level on a host (the migration runbook's upgrade); strmqm then runs it. */
    public void installVersion(String host, String version) {
        if (!ControlCommands.LEVELS.containsKey(version)) {
            throw new IllegalArgumentException("The lab knows IBM MQ levels " + new java.util.TreeSet<>(
                    ControlCommands.LEVELS.keySet()) + ", not '" + version + "'");
        }
        recordedChange(List.of("installVersion", host, version), () -> {
            requireHost(host);
            world.hostVersions.put(host, version);
        });
    }

    /**
     * The language of a host's MQ messages ({@code LANG}): "en" (the lab's default) or "zh_CN", whose dspmq prints its
     * statuses translated unless called with {@code -n} ({@link ControlCommands#TRANSLATED}).
     */
    private String language(String host, String messageLocale) {
        if (messageLocale == null) {
            return world.hostLanguages.getOrDefault(host, "en");
        }
        return messageLocale.equals("zh_CN") || messageLocale.startsWith("zh_CN.") ? "zh_CN" : "en";
    }

    public void hostLanguage(String host, String language) {
        if (!ControlCommands.TRANSLATED.containsKey(language) && !language.equals("en")) {
            throw new IllegalArgumentException("The lab's hosts speak en or " + ControlCommands.TRANSLATED.keySet()
                    + ", not '" + language + "'");
        }
        recordedChange(List.of("hostLanguage", host, language), () -> {
            requireHost(host);
            world.hostLanguages.put(host, language);
        });
    }

    /** Restores a cold backup's media and logs, after which strmqm works. */
    public void restoreMedia(String host, String queueManager) {
        recordedChange(List.of("restoreMedia", host, queueManager), () -> {
            runtimeOrThrow(host, queueManager).awaitingMediaRestore = false;
        });
    }

    /** Puts {@code count} messages ("lab message 1", ...) as amqsput would, returning how many were put. */
    public int putMessages(String host, String queueManager, String queue, int count, boolean persistent) {
        return recorded(List.of("putMessages", host, queueManager, queue, Integer.toString(count), Boolean.toString(persistent)), () -> {
            world.settle();
            QueueManagerRuntime rt = runtimeOrThrow(host, queueManager);
            if (!host.equals(rt.activeHost)) {
                throw new IllegalStateException("Queue manager '" + queueManager + "' is not running on '" + host + "'");
            }
            MqObject q = rt.data.queues.get(queue);
            if (q == null || q.type() != ObjectType.QLOCAL) {
                throw new IllegalArgumentException("No local queue '" + queue + "' on " + queueManager + "@" + host);
            }
            int put = 0;
            for (int i = 1; i <= count; i++) {
                int max = Integer.parseInt(q.attribute("MAXDEPTH"));
                if (rt.data.depth(queue) >= max) {
                    break;
                }
                rt.data.messagesOf(queue).addLast(Message.local("lab message " + i, persistent));
                if (persistent) {
                    world.noteWrite(rt, world.options.persistentMessageKb());
                }
                put++;
            }
            world.settle();
            return put;
        });
    }

    /** CURDEPTH of a queue on the queue manager as stored on that host (running or not). */
    public int queueDepth(String host, String queueManager, String queue) {
        return settled(() -> runtimeOrThrow(host, queueManager).data.depth(queue));
    }

    /** The message bodies on a queue, oldest first. */
    public List<String> messages(String host, String queueManager, String queue) {
        return settled(() -> runtimeOrThrow(host, queueManager).data.messages
                .getOrDefault(queue, new java.util.ArrayDeque<>()).stream().map(Message::text).toList());
    }

    /** What dspmq shows for the queue manager on that host, or empty when it is not defined there. */
    public Optional<QmStatus> queueManagerState(String host, String queueManager) {
        return settled(() -> {
            requireHost(host);
            return world.runtime(host, queueManager).map(rt -> rt.statusOn(host));
        });
    }

    /** DR role of an RDQM node, or empty when the queue manager is not an RDQM there. */
    public Optional<DrRole> drRole(String host, String queueManager) {
        return locked(() -> world.runtime(host, queueManager).map(rt -> rt.drRole));
    }

    /**
     * The object definitions of a queue manager on a host, keyed {@code QUEUE/<name>}, {@code CHANNEL/<name>}
     * or {@code LISTENER/<name>} (MQ keeps one name space per kind, so a queue and a channel may share a name).
     */
    public Map<String, MqObject> objects(String host, String queueManager) {
        return locked(() -> {
            QueueManagerData data = runtimeOrThrow(host, queueManager).data;
            Map<String, MqObject> all = new LinkedHashMap<>();
            data.queues.forEach((k, v) -> all.put("QUEUE/" + k, v.copy()));
            data.channels.forEach((k, v) -> all.put("CHANNEL/" + k, v.copy()));
            data.listeners.forEach((k, v) -> all.put("LISTENER/" + k, v.copy()));
            return Collections.unmodifiableMap(all);
        });
    }

    /** Queue managers defined on a host, in creation order. */
    public List<String> queueManagersOn(String host) {
        return locked(() -> {
            requireHost(host);
            return new ArrayList<>(world.byHost.get(host).keySet());
        });
    }

    /** The IBM MQ level installed on a host. */
    public String installedVersion(String host) {
        return locked(() -> {
            requireHost(host);
            return world.hostVersions.get(host);
        });
    }

    private RdqmPair pair(String queueManager) {
        RdqmPair pair = world.pairs.get(queueManager);
        if (pair == null) {
            throw new IllegalArgumentException("'" + queueManager + "' is not an RDQM DR queue manager of the lab");
        }
        return pair;
    }

    private QueueManagerRuntime runtimeOrThrow(String host, String queueManager) {
        requireHost(host);
        NameRules.checkMqName(queueManager).ifPresent(problem -> {
            throw new IllegalArgumentException("Queue manager name " + problem);
        });
        return world.runtime(host, queueManager).orElseThrow(() -> new IllegalArgumentException(
                "No queue manager '" + queueManager + "' on lab host '" + host + "'"));
    }

    private void requireHost(String host) {
        if (!world.byHost.containsKey(host)) {
            throw new IllegalArgumentException("Unknown lab host '" + host + "'");
        }
    }

    /**
     * Sends every later change of the lab, in the order it happened and with its instant, to {@code recorder}
     * ({@link LabStateStore}): replayed against a fresh lab on the same clock instants, the events rebuild this state.
     */
    public void recordTo(Consumer<LabEvent> recorder) {
        this.recorder = recorder;
    }

    Clock clock() {
        return clock;
    }

    /** Runs a change under the lock and records it, also when it fails: a replay then fails at the same point. */
    private <T> T recorded(List<String> event, Supplier<T> action) {
        return locked(() -> {
            java.time.Instant at = clock.instant();
            try {
                return action.get();
            } finally {
                recorder.accept(new LabEvent(at, event));
            }
        });
    }

    private void recordedChange(List<String> event, Runnable change) {
        recorded(event, () -> {
            change.run();
            return null;
        });
    }

    /** A read after the lab is brought up to its clock; recorded as "settle", since moving time on changes the lab. */
    private <T> T settled(Supplier<T> read) {
        return recorded(List.of("settle"), () -> {
            world.settle();
            return read.get();
        });
    }

    private static List<String> event(String op, String host, String user, String stdin, List<String> argv) {
        List<String> event = new ArrayList<>(List.of(op, host, user, stdin));
        event.addAll(argv);
        return event;
    }

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
