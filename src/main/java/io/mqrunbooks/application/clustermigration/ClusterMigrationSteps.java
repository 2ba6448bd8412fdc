package io.mqrunbooks.application.clustermigration;

import io.mqrunbooks.application.port.out.mq.ObjectCommand;
import io.mqrunbooks.mq.DefinitionScript;
import io.mqrunbooks.mq.MqscObject;
import io.mqrunbooks.mq.MqscValues;
import io.mqrunbooks.mq.ObjectKey;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.mq.ControlResult;
import io.mqrunbooks.application.port.out.control.EndMode;
import io.mqrunbooks.mq.MqVersion;
import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.mq.QueueManagerState;
import io.mqrunbooks.mq.ClusterQueue;
import io.mqrunbooks.mq.ClusterQueueManager;
import io.mqrunbooks.application.port.out.mq.MqAdminException;
import io.mqrunbooks.application.port.out.mq.MqscScriptResult;
import io.mqrunbooks.mq.ChannelStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The steps of seed 002's migration plan over the MQ ports. Every step that changes something reads the state
 * first, so that a retried or resumed step does not do its work twice; each returns the lines an operator reads
 * (what ran, what was skipped and why).
 */
@Service
public class ClusterMigrationSteps {

    private static final Set<MqAdminException.Reason> UNREACHABLE_REASONS =
            Set.of(MqAdminException.Reason.QUEUE_MANAGER_NOT_AVAILABLE, MqAdminException.Reason.CONNECTION_BROKEN);
    private static final Set<SshException.Kind> UNREACHABLE_KINDS = Set.of(SshException.Kind.HOST_UNREACHABLE,
            SshException.Kind.DEADLINE_EXCEEDED, SshException.Kind.SESSION_DROPPED);

    private final MqAdminPort admin;
    private final MqControlPort control;
    private final ClusterMigrationSettings settings;
    private final Clock clock;

    @Autowired
    public ClusterMigrationSteps(MqAdminPort admin, MqControlPort control, ClusterMigrationSettings settings) {
        this(admin, control, settings, Clock.systemUTC());
    }

    public ClusterMigrationSteps(MqAdminPort admin, MqControlPort control, ClusterMigrationSettings settings,
                                 Clock clock) {
        this.admin = admin;
        this.control = control;
        this.settings = settings;
        this.clock = clock;
    }

    public ClusterMigrationSettings settings() {
        return settings;
    }

    // ------------------------------------------------------------------ pre-checks

    /** DISPLAY QMSTATUS on each full repository: the reasons the unreachable ones cannot be used, empty when all run. */
    public List<String> unreachableFullRepositories(MigrationPlan plan) {
        List<String> problems = new ArrayList<>();
        for (String repository : plan.fullRepositories()) {
            try {
                String status = admin.queueManagerStatus(repository).status();
                if (!"RUNNING".equals(status)) {
                    problems.add(repository + ": DISPLAY QMSTATUS shows STATUS(" + status + ")");
                }
            } catch (MqAdminException e) {
                if (!UNREACHABLE_REASONS.contains(e.reason())) {
                    throw e;
                }
                problems.add(repository + ": " + e.getMessage());
            } catch (SshException e) {
                if (!UNREACHABLE_KINDS.contains(e.kind())) {
                    throw e;
                }
                problems.add(repository + ": " + e.getMessage());
            }
        }
        return problems;
    }

    /** Cluster queues this queue manager hosts that no other queue manager hosts, as a full repository knows them. */
    public SoleHostedQueues soleHostedQueues(MigrationPlan plan) {
        String repository = plan.otherFullRepositories().isEmpty() ? plan.queueManager()
                : plan.otherFullRepositories().get(0);
        List<ClusterQueue> own = admin.clusterQueues(plan.queueManager(), Optional.of(plan.queueManager()));
        List<ClusterQueue> everywhere = admin.clusterQueues(repository, Optional.empty());
        Set<String> sole = new TreeSet<>();
        for (ClusterQueue queue : own) {
            if (plan.isTestQueue(queue.name())) {
                continue;
            }
            boolean hostedElsewhere = everywhere.stream().anyMatch(q -> q.name().equals(queue.name())
                    && q.cluster().equals(queue.cluster()) && !q.hostedBy().equals(plan.queueManager()));
            if (!hostedElsewhere) {
                sole.add(queue.name() + " (cluster " + queue.cluster() + ")");
            }
        }
        return new SoleHostedQueues(repository, List.copyOf(sole));
    }

    /** The cluster queues hosted only here, and the full repository whose view said so. */
    public record SoleHostedQueues(String askedRepository, List<String> queues) {

        public String summary(String queueManager) {
            if (queues.isEmpty()) {
                return "Every cluster queue " + queueManager + " hosts is also hosted elsewhere (asked "
                        + askedRepository + "): applications keep an alternate destination.";
            }
            return queueManager + " is the only host of " + queues.size() + " cluster queue"
                    + (queues.size() == 1 ? "" : "s") + " (asked " + askedRepository + "):\n"
                    + queues.stream().map(q -> "  " + q + "\n").collect(Collectors.joining())
                    + "While " + queueManager + " is stopped, messages for these queues wait on the senders'"
                    + " SYSTEM.CLUSTER.TRANSMIT.QUEUE and their applications get no service (seed 002,"
                    + " \"Alternate destinations\"). Applications bound on open, or naming " + queueManager
                    + " on MQOPEN, have the same outage for every queue.";
        }
    }

    /** Defines the dedicated test queue on this queue manager and on the peer unless it is already there. */
    public List<String> ensureTestQueues(MigrationPlan plan) {
        List<String> log = new ArrayList<>();
        ensureTestQueue(plan.queueManager(), plan.localTestQueue(), plan.testCluster(), log);
        ensureTestQueue(plan.peer(), plan.peerTestQueue(), plan.testCluster(), log);
        return log;
    }

    private void ensureTestQueue(String queueManager, String queue, String cluster, List<String> log) {
        boolean present = admin.clusterQueues(queueManager, Optional.of(queueManager)).stream()
                .anyMatch(q -> q.name().equals(queue) && q.cluster().equals(cluster));
        if (present) {
            log.add("test queue " + queue + " already defined on " + queueManager + " in cluster " + cluster);
            return;
        }
        MqscObject testQueue = new MqscObject(new ObjectKey("QLOCAL", queue), Map.of("CLUSTER", MqscValues.quote(cluster),
                "DEFPSIST", "NO", "DESCR", MqscValues.quote("mq-runbooks cluster migration test queue")), 0);
        MqscScriptResult result = admin.applyDefinitions(queueManager, DefinitionScript.defining(testQueue, false).mqsc());
        if (!result.succeeded()) {
            throw new IllegalStateException("defining test queue " + queue + " on " + queueManager
                    + " failed: " + result.output().strip());
        }
        log.add("DEFINE " + testQueue.key().display() + " CLUSTER(" + testQueue.attributes().get("CLUSTER")
                + ") NOREPLACE on " + queueManager);
    }

    // ------------------------------------------------------------------ suspend / resume

    public List<String> suspend(MigrationPlan plan) {
        return setSuspended(plan, ObjectCommand.SUSPEND_CLUSTER, true);
    }

    public List<String> resume(MigrationPlan plan) {
        return setSuspended(plan, ObjectCommand.RESUME_CLUSTER, false);
    }

    /** SUSPEND or RESUME QMGR CLUSTER in each cluster, skipped where DISPLAY CLUSQMGR already shows it done. */
    private List<String> setSuspended(MigrationPlan plan, ObjectCommand command, boolean suspended) {
        List<String> log = new ArrayList<>();
        for (String cluster : plan.clusters()) {
            if (ownRecord(plan, cluster).suspended() == suspended) {
                log.add(command.mqsc(cluster) + " skipped: DISPLAY CLUSQMGR(" + plan.queueManager()
                        + ") already shows SUSPEND(" + (suspended ? "YES" : "NO") + ")");
            } else {
                admin.run(plan.queueManager(), command, cluster);
                log.add(command.mqsc(cluster) + " on " + plan.queueManager());
            }
        }
        return log;
    }

    private ClusterQueueManager ownRecord(MigrationPlan plan, String cluster) {
        return admin.clusterQueueManagers(plan.queueManager(), plan.queueManager()).stream()
                .filter(q -> q.cluster().equals(cluster)).findFirst()
                .orElseThrow(() -> new IllegalStateException("DISPLAY CLUSQMGR(" + plan.queueManager() + ") on "
                        + plan.queueManager() + " shows no record in cluster " + cluster
                        + "; the inventory says it is a member"));
    }

    // ------------------------------------------------------------------ traffic

    /** One look at the traffic to the queue manager: depths of its cluster queues, its cluster-receiver's status. */
    public String sampleTraffic(MigrationPlan plan) {
        return now() + " " + trafficLine(plan);
    }

    private String trafficLine(MigrationPlan plan) {
        List<String> parts = new ArrayList<>();
        Map<String, Integer> depths = new TreeMap<>();
        for (ClusterQueue queue : admin.clusterQueues(plan.queueManager(), Optional.of(plan.queueManager()))) {
            if (!plan.isTestQueue(queue.name())) {
                depths.put(queue.name(), admin.queueDepth(plan.queueManager(), queue.name()));
            }
        }
        depths.forEach((queue, depth) -> parts.add(queue + " CURDEPTH(" + depth + ")"));
        for (String channel : receiverChannels(plan)) {
            List<ChannelStatus> statuses = admin.channelStatus(plan.queueManager(), channel);
            if (statuses.isEmpty()) {
                parts.add(channel + " no status (no inbound channel)");
            }
            for (ChannelStatus status : statuses) {
                parts.add(channel + " from " + status.conname() + " STATUS(" + status.status() + ")"
                        + Optional.ofNullable(status.attributes().get("MSGS")).map(m -> " MSGS(" + m + ")").orElse(""));
            }
        }
        return (parts.isEmpty() ? "no cluster queues, no cluster-receiver" : String.join(", ", parts));
    }

    private List<String> receiverChannels(MigrationPlan plan) {
        return admin.clusterQueueManagers(plan.queueManager(), plan.queueManager()).stream()
                .map(ClusterQueueManager::channel).distinct().toList();
    }

    // ------------------------------------------------------------------ records

    public ClusterRecord recordLocalView(MigrationPlan plan) {
        MqVersion version = control.version(plan.host());
        List<ClusterQueueManager> queueManagers = admin.clusterQueueManagers(plan.queueManager(), "*");
        List<ClusterQueue> queues = admin.clusterQueues(plan.queueManager(), Optional.empty());
        ClusterView local = new ClusterView(plan.queueManager(), List.of("DISPLAY CLUSQMGR(*)", "DISPLAY QC(*)"),
                queueManagers, queues);
        return new ClusterRecord(now(), version.toString(), List.of(local));
    }

    /** Adds each other full repository's view of the queue manager to a record holding its own view. */
    public ClusterRecord addRepositoryViews(MigrationPlan plan, ClusterRecord localRecord) {
        List<ClusterView> views = new ArrayList<>();
        views.add(localRecord.views().get(0));
        for (String repository : plan.otherFullRepositories()) {
            views.add(new ClusterView(repository,
                    List.of("DISPLAY CLUSQMGR(" + plan.queueManager() + ")",
                            "DISPLAY QC(*) WHERE(CLUSQMGR EQ " + plan.queueManager() + ")"),
                    admin.clusterQueueManagers(repository, plan.queueManager()),
                    admin.clusterQueues(repository, Optional.of(plan.queueManager()))));
        }
        return new ClusterRecord(localRecord.takenAt(), localRecord.installedVersion(), views);
    }

    // ------------------------------------------------------------------ stop, version, start

    public String end(MigrationPlan plan, EndMode mode) {
        QueueManagerState state = control.status(plan.host(), plan.queueManager());
        if (state.status().isEnded()) {
            return "endmqm skipped: dspmq shows " + plan.queueManager() + " " + state.status().mqWording();
        }
        ControlResult result = control.end(plan.host(), plan.queueManager(), mode, false);
        result.expect(plan.host(), "endmqm " + mode.flag() + " " + plan.queueManager(), ControlOutcome.NOW_DOWN);
        return "endmqm " + mode.flag() + " " + plan.queueManager() + " on " + plan.host() + ": " + result.saidText();
    }

    public QmStatus status(MigrationPlan plan) {
        return control.status(plan.host(), plan.queueManager()).status();
    }

    public MqVersion installedVersion(MigrationPlan plan) {
        return control.version(plan.host());
    }

    /** strmqm unless it already runs; the result tells whether it runs now. */
    public StartResult start(MigrationPlan plan) {
        QmStatus status = status(plan);
        if (status.isRunningHere()) {
            return new StartResult(true, "strmqm skipped: dspmq shows " + plan.queueManager() + " Running");
        }
        ControlResult result = control.start(plan.host(), plan.queueManager());
        boolean running = ControlOutcome.NOW_RUNNING.contains(result.outcome());
        return new StartResult(running, "strmqm " + plan.queueManager() + " on " + plan.host() + ": "
                + result.outcome() + (result.messages().isEmpty() ? "" : " " + result.saidText()));
    }

    public record StartResult(boolean running, String logLine) {
    }

    // ------------------------------------------------------------------ verification

    /** The cluster-sender channels from this queue manager to the other full repositories and their status. */
    public List<ChannelCheck> channelsToFullRepositories(MigrationPlan plan) {
        List<ChannelCheck> checks = new ArrayList<>();
        for (String repository : plan.otherFullRepositories()) {
            List<ClusterQueueManager> records = admin.clusterQueueManagers(plan.queueManager(), repository);
            if (records.isEmpty()) {
                checks.add(new ChannelCheck(repository, "(none)", "not known: DISPLAY CLUSQMGR(" + repository
                        + ") on " + plan.queueManager() + " shows nothing"));
                continue;
            }
            for (String channel : records.stream().map(ClusterQueueManager::channel).distinct().toList()) {
                List<ChannelStatus> statuses = admin.channelStatus(plan.queueManager(), channel);
                String status = statuses.isEmpty() ? "no status"
                        : statuses.stream().map(ChannelStatus::status).distinct().collect(Collectors.joining("/"));
                checks.add(new ChannelCheck(repository, channel, status));
            }
        }
        return checks;
    }

    public record ChannelCheck(String fullRepository, String channel, String status) {

        public boolean running() {
            return "RUNNING".equals(status);
        }

        public String line() {
            return "CHSTATUS(" + channel + ") to " + fullRepository + ": " + status;
        }
    }

    /** A test message each way between this queue manager and the peer, over the cluster (seed 002 steps 11, 12). */
    public TestFlow testMessages(MigrationPlan plan, String runId) {
        List<String> log = new ArrayList<>();
        boolean inbound = oneWay(plan.peer(), plan.queueManager(), plan.localTestQueue(), runId, log);
        boolean outbound = oneWay(plan.queueManager(), plan.peer(), plan.peerTestQueue(), runId, log);
        return new TestFlow(inbound && outbound, log);
    }

    private boolean oneWay(String from, String to, String queue, String runId, List<String> log) {
        String correlationId = HexFormat.of().formatHex(randomBytes());
        String body = "mq-runbooks cluster migration test " + runId + " " + from + " to " + to;
        admin.putTestMessage(from, queue, correlationId, body);
        Optional<String> received = admin.getTestMessage(to, queue, correlationId, settings.testMessageWait());
        boolean arrived = received.isPresent();
        log.add("put on " + from + " to " + queue + ", " + (arrived ? "got on " + to
                : "nothing arrived on " + to + " within " + settings.testMessageWait().toSeconds() + " s"));
        return arrived;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    public record TestFlow(boolean delivered, List<String> log) {
    }

    /** After the monitoring period: how the full repositories see it and the depths of its cluster queues. */
    public String monitor(MigrationPlan plan) {
        StringBuilder text = new StringBuilder("At ").append(now()).append(":\n");
        for (String repository : plan.otherFullRepositories()) {
            for (ClusterQueueManager record : admin.clusterQueueManagers(repository, plan.queueManager())) {
                text.append("  on ").append(repository).append(": CLUSQMGR(").append(record.name()).append(") CLUSTER(")
                        .append(record.cluster()).append(") SUSPEND(").append(record.suspended() ? "YES" : "NO")
                        .append(") STATUS(").append(record.status()).append(")\n");
            }
        }
        text.append("  on ").append(plan.queueManager()).append(": ").append(trafficLine(plan)).append('\n');
        return text.toString();
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
