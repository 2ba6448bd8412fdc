package io.mqrunbooks.runbooks.dractivation;

import io.mqrunbooks.application.port.out.mq.ObjectCommand;
import io.mqrunbooks.mq.MqscObject;
import io.mqrunbooks.mq.MqscParser;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.mq.ControlResult;
import io.mqrunbooks.application.port.out.control.DrPrimarySpec;
import io.mqrunbooks.application.port.out.control.DrSecondaryCommand;
import io.mqrunbooks.mq.DrStatus;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small stateful stand-in for both ports, for the engine tests: queue managers per host with a status,
 * RDQM roles, object definitions, channels and depths, and a journal of every command in order. The admin
 * port resolves a queue manager name to the host where it runs, as the real locator does.
 */
class FakeMq {

    final List<String> journal = new ArrayList<>();
    final Map<String, QmStatus> status = new HashMap<>();
    final Map<String, Boolean> drPrimary = new HashMap<>();
    final Map<String, DrStatus> drStatus = new HashMap<>();
    /** Each queue manager's definitions by "TYPE NAME" (QLOCAL PAYMENT.IN). */
    final Map<String, Map<String, MqscObject>> definitions = new HashMap<>();
    /** Text added as it is to a queue manager's export (what no definition can hold, such as a control character). */
    final Map<String, String> rawExportLines = new HashMap<>();
    final Set<String> unreachable = new HashSet<>();
    /** dspmqver's version by host; 9.4.0.0, the lab's, when not set. */
    final java.util.Map<String, String> versions = new java.util.HashMap<>();
    final Set<String> channelsThatWillNotStart = new HashSet<>();
    final Map<String, String> channelStatus = new HashMap<>();
    final Map<String, Deque<Integer>> depths = new HashMap<>();
    final Map<String, String> messages = new LinkedHashMap<>();
    /** strmqm answers this instead of starting, when set (a technical failure). */
    ControlResult startFailure;
    /** Re-runs before a command of the primary: lets a test change the world between two steps. */
    Runnable beforeNextStatus;
    /** host/qm whose endmqm returns before the end: the first dspmq after it still shows Ending immediately. */
    final Set<String> slowToEnd = new HashSet<>();
    /** Queue managers whose first DISPLAY QMSTATUS after strmqm still answers STATUS(STARTING) (restart recovery). */
    final Set<String> slowToStart = new HashSet<>();
    private final Set<String> startingUntilNextQmStatus = new HashSet<>();
    /** host/qm whose rdqmdr -p leaves it reverting to its snapshot until the next rdqmstatus. */
    final Set<String> slowToPromote = new HashSet<>();
    /** What a queue manager becomes once the next dspmq / rdqmstatus has shown its transitional state. */
    private final Map<String, QmStatus> statusAfterNextRead = new HashMap<>();
    private final Map<String, DrStatus> drStatusAfterNextRead = new HashMap<>();

    static String key(String host, String qm) {
        return host + "/" + qm;
    }

    FakeMq queueManager(String host, String qm, QmStatus initial, String definitionsScript) {
        status.put(key(host, qm), initial);
        Map<String, MqscObject> objects = new LinkedHashMap<>();
        MqscParser.parse(definitionsScript).objects().stream().filter(o -> o.key().definable())
                .forEach(o -> objects.put(label(o), o));
        definitions.put(key(host, qm), objects);
        return this;
    }

    FakeMq rdqm(String host, String qm, boolean primary, DrStatus dr) {
        drPrimary.put(key(host, qm), primary);
        drStatus.put(key(host, qm), dr);
        return this;
    }

    private void reach(String host) {
        if (unreachable.contains(host)) {
            throw new SshException(SshException.Kind.HOST_UNREACHABLE, host,
                    "ssh " + host + ": connect to 127.0.0.1 port 22103 failed: Connection refused");
        }
    }

    private String runningHost(String qm) {
        return status.entrySet().stream()
                .filter(e -> e.getKey().endsWith("/" + qm) && e.getValue() == QmStatus.RUNNING)
                .filter(e -> !unreachable.contains(e.getKey().substring(0, e.getKey().indexOf('/'))))
                .map(e -> e.getKey().substring(0, e.getKey().indexOf('/'))).findFirst()
                .orElseThrow(() -> new MqAdminException(MqAdminException.Reason.QUEUE_MANAGER_NOT_AVAILABLE, qm,
                        "AMQ8146E: IBM MQ queue manager not available."));
    }

    final MqControlPort control = new MqControlPort() {
        @Override
        public QueueManagerState status(String host, String queueManager) {
            if (beforeNextStatus != null) {
                Runnable hook = beforeNextStatus;
                beforeNextStatus = null;
                hook.run();
            }
            reach(host);
            journal.add(host + ": dspmq -m " + queueManager);
            QmStatus shown = status.getOrDefault(key(host, queueManager), QmStatus.NOT_KNOWN);
            QmStatus next = statusAfterNextRead.remove(key(host, queueManager));
            if (next != null) {
                status.put(key(host, queueManager), next);
            }
            return new QueueManagerState(host, queueManager, shown, List.of());
        }

        @Override
        public ControlResult start(String host, String queueManager) {
            reach(host);
            journal.add(host + ": strmqm " + queueManager);
            if (startFailure != null) {
                return startFailure;
            }
            status.put(key(host, queueManager), QmStatus.RUNNING);
            if (slowToStart.contains(queueManager)) {
                startingUntilNextQmStatus.add(queueManager);
            }
            return new ControlResult(ControlOutcome.STARTED, List.of("IBM MQ queue manager '" + queueManager + "' started using V9.4.0.0."), 0);
        }

        @Override
        public ControlResult startStandby(String host, String queueManager) {
            throw new UnsupportedOperationException("not used by DR activation");
        }

        @Override
        public ControlResult end(String host, String queueManager, EndMode mode, boolean switchover) {
            reach(host);
            journal.add(host + ": endmqm " + mode.flag() + " " + queueManager);
            status.put(key(host, queueManager), QmStatus.ENDED_IMMEDIATELY);
            if (slowToEnd.contains(key(host, queueManager))) {
                status.put(key(host, queueManager), QmStatus.ENDING_IMMEDIATELY);
                statusAfterNextRead.put(key(host, queueManager), QmStatus.ENDED_IMMEDIATELY);
            }
            return new ControlResult(ControlOutcome.ENDED, List.of("IBM MQ queue manager '" + queueManager + "' ended."), 0);
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
            reach(host);
            journal.add(host + ": rdqmstatus -m " + queueManager);
            RdqmDrStatus shown = new RdqmDrStatus(host, status.get(key(host, queueManager)),
                    drPrimary.get(key(host, queueManager)), drStatus.get(key(host, queueManager)), null, null, null, Map.of());
            DrStatus next = drStatusAfterNextRead.remove(key(host, queueManager));
            if (next != null) {
                drStatus.put(key(host, queueManager), next);
            }
            return shown;
        }

        @Override
        public ControlResult makeDrPrimary(String host, String queueManager) {
            reach(host);
            journal.add(host + ": rdqmdr -m " + queueManager + " -p");
            drPrimary.put(key(host, queueManager), true);
            drStatus.put(key(host, queueManager), DrStatus.REMOTE_UNAVAILABLE);
            if (slowToPromote.contains(key(host, queueManager))) {
                drStatus.put(key(host, queueManager), DrStatus.REVERTING_TO_SNAPSHOT);
                drStatusAfterNextRead.put(key(host, queueManager), DrStatus.REMOTE_UNAVAILABLE);
            }
            return new ControlResult(ControlOutcome.MADE_PRIMARY,
                    List.of("Queue manager '" + queueManager + "' has been made the DR primary on node '" + host + "'."), 0);
        }

        @Override
        public ControlResult makeDrSecondary(String host, String queueManager) {
            reach(host);
            journal.add(host + ": rdqmdr -m " + queueManager + " -s");
            drPrimary.put(key(host, queueManager), false);
            return new ControlResult(ControlOutcome.MADE_SECONDARY,
                    List.of("Queue manager '" + queueManager + "' has been made the DR secondary on node '" + host + "'."), 0);
        }

        @Override
        public DrSecondaryCommand drSecondaryCommand(String host, String queueManager) {
            throw new UnsupportedOperationException("not used by DR activation");
        }

        @Override
        public DrSecondaryCommand createDrPrimary(String host, DrPrimarySpec spec) {
            throw new UnsupportedOperationException("not used by DR activation");
        }

        @Override
        public ControlResult createDrSecondary(String host, DrSecondaryCommand command) {
            throw new UnsupportedOperationException("not used by DR activation");
        }

        @Override
        public io.mqrunbooks.mq.RdqmHaStatus rdqmHaStatus(String host, String queueManager) {
            throw new UnsupportedOperationException("not used by DR activation");
        }

        @Override
        public java.util.Map<String, Boolean> rdqmHaNodes(String host) {
            throw new UnsupportedOperationException("not used by DR activation");
        }

        @Override
        public ControlResult suspendHaNode(String host) {
            throw new UnsupportedOperationException("not used by DR activation");
        }

        @Override
        public ControlResult resumeHaNode(String host) {
            throw new UnsupportedOperationException("not used by DR activation");
        }

        @Override
        public ControlResult setHaPreferredLocation(String host, String queueManager, List<String> nodes) {
            throw new UnsupportedOperationException("not used by DR activation");
        }

        @Override
        public ControlResult delete(String host, String queueManager) {
            throw new UnsupportedOperationException("not used by DR activation");
        }

        @Override
        public MqVersion version(String host) {
            reach(host);
            journal.add(host + ": dspmqver");
            return MqVersion.of(versions.getOrDefault(host, "9.4.0.0"));
        }
    };

    final MqAdminPort admin = new MqAdminPort() {
        @Override
        public QueueManagerStatus queueManagerStatus(String queueManager) {
            String host = runningHost(queueManager);
            journal.add(host + ": DISPLAY QMSTATUS " + queueManager);
            return new QueueManagerStatus(queueManager,
                    startingUntilNextQmStatus.remove(queueManager) ? "STARTING" : "RUNNING", Map.of());
        }

        @Override
        public List<ClusterQueueManager> clusterQueueManagers(String queueManager, String name) {
            return List.of();
        }

        @Override
        public List<ClusterQueue> clusterQueues(String queueManager, Optional<String> hostedBy) {
            return List.of();
        }

        @Override
        public void run(String queueManager, ObjectCommand command, String name) {
            if (command != ObjectCommand.START_CHANNEL && command != ObjectCommand.START_LISTENER) {
                throw new UnsupportedOperationException();
            }
            String host = runningHost(queueManager);
            journal.add(host + ": " + command.mqsc(name) + " " + queueManager);
            if (command == ObjectCommand.START_CHANNEL) {
                channelStatus.put(key(host, name), channelsThatWillNotStart.contains(name) ? "RETRYING" : "RUNNING");
            }
        }

        @Override
        public List<ChannelStatus> channelStatus(String queueManager, String channel) {
            String host = runningHost(queueManager);
            String st = channelStatus.get(key(host, channel));
            return st == null ? List.of() : List.of(new ChannelStatus(channel, "SDR", "", st, channel + ".XMIT", Map.of()));
        }

        @Override
        public void alterSenderConname(String queueManager, String channel, String conname) {
            String host = runningHost(queueManager);
            journal.add(host + ": ALTER CHANNEL(" + channel + ") CONNAME('" + conname + "') " + queueManager);
            Map<String, MqscObject> objects = definitions.get(key(host, queueManager));
            MqscObject before = objects.get("CHANNEL " + channel);
            Map<String, String> attributes = new LinkedHashMap<>(before.attributes());
            attributes.put("CONNAME", "'" + conname + "'");
            objects.put(label(before), new MqscObject(before.key(), attributes, before.line()));
        }

        @Override
        public int queueDepth(String queueManager, String queue) {
            String host = runningHost(queueManager);
            if (!definitions.get(key(host, queueManager)).containsKey("QLOCAL " + queue)) {
                throw new MqAdminException(MqAdminException.Reason.OBJECT_NOT_FOUND, queueManager,
                        "AMQ8147E: IBM MQ object " + queue + " not found.");
            }
            Deque<Integer> values = depths.get(queue);
            if (values == null || values.isEmpty()) {
                return 0;
            }
            return values.size() > 1 ? values.poll() : values.peek();
        }

        @Override
        public void putTestMessage(String queueManager, String queue, String correlationIdHex, String body) {
            String host = runningHost(queueManager);
            journal.add(host + ": put " + queue + " " + queueManager);
            messages.put(correlationIdHex, body);
        }

        @Override
        public Optional<String> getTestMessage(String queueManager, String queue, String correlationIdHex, Duration wait) {
            String host = runningHost(queueManager);
            journal.add(host + ": get " + queue + " " + queueManager);
            return Optional.ofNullable(messages.remove(correlationIdHex));
        }

        @Override
        public MqscScriptResult applyDefinitions(String queueManager, String mqscScript) {
            String host = runningHost(queueManager);
            // in the script's order, as runmqsc runs them
            List<MqscObject> applied = MqscParser.parse(mqscScript).objects().stream()
                    .sorted(java.util.Comparator.comparingInt(MqscObject::line)).toList();
            applied.forEach(d -> {
                journal.add(host + ": DEFINE " + label(d) + " REPLACE " + queueManager);
                definitions.get(key(host, queueManager)).put(label(d), d);
            });
            return new MqscScriptResult(applied.size(), 0, applied.size() + " MQSC commands read.");
        }

        @Override
        public String exportDefinitions(String queueManager) {
            String host = runningHost(queueManager);
            journal.add(host + ": dmpmqcfg -m " + queueManager);
            StringBuilder script = new StringBuilder("* Script generated by the engine tests' fake\nALTER QMGR +\n   DESCR('" + host + "') +\n   FORCE\n");
            for (MqscObject d : definitions.get(key(host, queueManager)).values()) {
                // dmpmqcfg's layout: a date comment inside the continued command
                script.append(d.toMqsc().replace("   REPLACE", "*  ALTDATE(2026-11-20) +\n   REPLACE")).append('\n');
            }
            return script.append(rawExportLines.getOrDefault(key(host, queueManager), "")).toString();
        }
    };

    private static String label(MqscObject definition) {
        return definition.key().type() + " " + definition.key().name();
    }

    static Deque<Integer> sequence(Integer... values) {
        return new ArrayDeque<>(List.of(values));
    }
}
