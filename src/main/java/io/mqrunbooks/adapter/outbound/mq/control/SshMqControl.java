package io.mqrunbooks.adapter.outbound.mq.control;

import io.mqrunbooks.adapter.outbound.mq.parse.ControlMessageParser;
import io.mqrunbooks.adapter.outbound.mq.parse.ControlTranscript;
import io.mqrunbooks.adapter.outbound.mq.parse.CrtmqmParser;
import io.mqrunbooks.adapter.outbound.mq.parse.CrtmqmResult;
import io.mqrunbooks.adapter.outbound.mq.parse.DspmqParser;
import io.mqrunbooks.adapter.outbound.mq.parse.DspmqResult;
import io.mqrunbooks.adapter.outbound.mq.parse.DspmqverParser;
import io.mqrunbooks.adapter.outbound.mq.parse.DspmqverResult;
import io.mqrunbooks.adapter.outbound.mq.parse.MqMessage;
import io.mqrunbooks.adapter.outbound.mq.parse.MqOutputParseException;
import io.mqrunbooks.adapter.outbound.mq.parse.RdqmEnums;
import io.mqrunbooks.adapter.outbound.mq.parse.RdqmStatusParser;
import io.mqrunbooks.adapter.outbound.mq.parse.RdqmStatusResult;
import io.mqrunbooks.adapter.outbound.mq.parse.RdqmadmParser;
import io.mqrunbooks.adapter.outbound.mq.parse.RdqmdrParser;
import io.mqrunbooks.adapter.outbound.mq.parse.RdqmdrResult;
import io.mqrunbooks.adapter.outbound.mq.parse.SecondaryCrtmqmCommand;
import io.mqrunbooks.application.port.out.CommandResult;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.application.port.out.RemoteCommand;
import io.mqrunbooks.application.port.out.SshPort;
import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.mq.ControlResult;
import io.mqrunbooks.application.port.out.control.DrPrimarySpec;
import io.mqrunbooks.application.port.out.control.DrSecondaryCommand;
import io.mqrunbooks.mq.DrStatus;
import io.mqrunbooks.application.port.out.control.EndMode;
import io.mqrunbooks.application.port.out.control.MqOutputException;
import io.mqrunbooks.mq.MqVersion;
import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.mq.NativeHaGroupStatus;
import io.mqrunbooks.mq.NativeHaStatus;
import io.mqrunbooks.mq.QueueManagerState;
import io.mqrunbooks.mq.RdqmDrStatus;
import io.mqrunbooks.mq.RdqmHaStatus;
import io.mqrunbooks.mq.UnsafeArgumentException;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.QueueManagerKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * {@link MqControlPort} over SSH: each command is built from validated tokens, run through {@link SshPort}
 * on the inventory host, and its output (standard output, then standard error, where MQ puts its AMQ
 * errors) parsed by the parsers of {@code adapter.outbound.mq.parse}. Output a parser refuses, or an answer the
 * port's records cannot express, is an {@link MqOutputException}; nothing is defaulted.
 */
@Component
public class SshMqControl implements MqControlPort {

    /** strmqm/endmqm -w of a large queue manager and crtmqm of an RDQM take minutes, not seconds. */
    static final Duration LONG_COMMAND = Duration.ofMinutes(10);

    private final Estate estate;
    private final SshPort ssh;

    public SshMqControl(Estate estate, SshPort ssh) {
        this.estate = estate;
        this.ssh = ssh;
    }

    @Override
    public QueueManagerState status(String host, String queueManager) {
        boolean multiInstance = estate.findQueueManager(queueManager).map(QueueManager::kind)
                .filter(k -> k == QueueManagerKind.MULTI_INSTANCE).isPresent();
        return dspmq(host, queueManager, "status", multiInstance ? "-x" : null,
                () -> new QueueManagerState(host, queueManager, QmStatus.NOT_KNOWN, List.of()), (entry, command) ->
                        new QueueManagerState(host, queueManager, entry.status(), entry.instances().stream()
                                .map(i -> new QueueManagerState.Instance(i.host(), i.mode())).toList()));
    }

    /**
     * {@code dspmq -m QM -o <shown> [detail] -n} (status, or nativeha with {@code -x} or {@code -g}): the queue
     * manager's entry mapped by {@code mapping}, or {@code notKnown} when dspmq does not know it (AMQ7048E).
     */
    private <T> T dspmq(String host, String queueManager, String shown, String detail, Supplier<T> notKnown,
                        BiFunction<DspmqResult.QueueManagerEntry, RemoteCommand, T> mapping) {
        RemoteCommand.Builder builder = RemoteCommand.builder("dspmq").flag("-m").mqName("queue manager", queueManager)
                .flag("-o").word(shown);
        if (detail != null) {
            builder.flag(detail);
        }
        // -n: IBM's words untranslated (STATUS(RUNNING)) whatever the host's locale; without it a host with another
        // language prints its own words, which the parser refuses rather than guess.
        RemoteCommand command = builder.flag("-n").build();
        return run(host, command, (output, exitCode) -> {
            DspmqResult result = new DspmqParser().parse(output);
            if (result.queueManagerNotKnown()) {
                return notKnown.get();
            }
            return mapping.apply(result.find(queueManager).orElseThrow(() -> new MqOutputException(host,
                    command.commandLine(), "dspmq did not list queue manager " + queueManager)), command);
        });
    }

    @Override
    public NativeHaStatus nativeHaStatus(String host, String queueManager) {
        return dspmq(host, queueManager, "nativeha", "-x",
                () -> new NativeHaStatus(host, queueManager, false, "", "", false, "", List.of()), (entry, command) -> {
            String role = entry.attribute("ROLE").map(DspmqParser::ibmSpelling).orElseThrow(() -> new MqOutputException(
                    host, command.commandLine(), "dspmq -o nativeha printed no ROLE for " + queueManager));
            List<NativeHaStatus.Instance> instances = entry.instances().stream().map(i -> new NativeHaStatus.Instance(
                    i.host(), Objects.requireNonNullElse(i.mode(), ""), i.nativeHa().getOrDefault("REPLADDR", ""),
                    yes(i.nativeHa().get("CONNACTV")), yes(i.nativeHa().get("INSYNC")),
                    backlog(host, command, i.nativeHa().get("BACKLOG")))).toList();
            return new NativeHaStatus(host, queueManager, true, role, entry.attribute("INSTANCE").orElse(""),
                    yes(entry.attribute("INSYNC").orElse(null)), entry.attribute("QUORUM").orElse(""), instances);
        });
    }

    @Override
    public NativeHaGroupStatus nativeHaGroupStatus(String host, String queueManager) {
        return dspmq(host, queueManager, "nativeha", "-g",
                () -> new NativeHaGroupStatus(host, queueManager, false, "", "", "", List.of()), (entry, command) -> {
            // Only the group's own line goes without CONNGRP/INSYNC/BACKLOG (IBM's 9.4.2 output); another group's line
            // without them is read as not connected and not in sync, never as safe to switch.
            String ownGroup = entry.attribute("GRPNAME").orElse("");
            List<NativeHaGroupStatus.Group> groups = entry.groups().stream().map(g -> {
                boolean own = g.name().equals(ownGroup);
                return new NativeHaGroupStatus.Group(g.name(), g.role(),
                        g.field("CONNGRP").map(SshMqControl::yes).orElse(own),
                        g.field("INSYNC").map(SshMqControl::yes).orElse(own),
                        backlog(host, command, g.field("BACKLOG").orElse("0")), g.field("SYNCTIME").orElse(""),
                        g.field("GRPVER").orElse(""));
            }).toList();
            return new NativeHaGroupStatus(host, queueManager, !groups.isEmpty(),
                    entry.attribute("ROLE").map(DspmqParser::ibmSpelling).orElse(""), entry.attribute("GRPNAME").orElse(""),
                    entry.attribute("GRPROLE").map(DspmqParser::ibmSpelling).orElse(""), groups);
        });
    }

    @Override
    public ControlResult requestNativeHaGroupRole(String host, String queueManager, String toRole) {
        String from = switch (toRole) {
            case "Live" -> "Recovery";
            case "Recovery" -> "Live";
            default -> throw new IllegalArgumentException("A Native HA group role is Live or Recovery, not '" + toRole
                    + "'");
        };
        RemoteCommand command = RemoteCommand.builder("sed").flag("-i")
                .sedSubstitution("GroupRole=" + from, "GroupRole=" + toRole).qmIniPath(queueManager).build();
        CommandResult result = ssh.run(estate.host(host), command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(host + ": " + command.commandLine() + " failed (exit code "
                    + result.exitCode() + "): " + io.mqrunbooks.mq.HostText.oneLine((result.stderr() + result.stdout()).strip()));
        }
        return new ControlResult(io.mqrunbooks.mq.ControlOutcome.GROUP_ROLE_REQUESTED, List.of(), result.exitCode());
    }

    private static boolean yes(String value) {
        return "Yes".equalsIgnoreCase(value);
    }

    private static long backlog(String host, RemoteCommand command, String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new MqOutputException(host, command.commandLine(), "BACKLOG(" + value + ") is not a number of KB");
        }
    }

    @Override
    public ControlResult start(String host, String queueManager) {
        return control(host, "strmqm", queueManager);
    }

    @Override
    public ControlResult startStandby(String host, String queueManager) {
        return control(host, "strmqm", queueManager, "-x");
    }

    @Override
    public ControlResult end(String host, String queueManager, EndMode mode, boolean switchover) {
        Objects.requireNonNull(mode, "end mode");
        return switchover ? control(host, "endmqm", queueManager, mode.flag(), "-s")
                : control(host, "endmqm", queueManager, mode.flag());
    }

    @Override
    public RdqmDrStatus rdqmStatus(String host, String queueManager) {
        return rdqmDetail(host, queueManager, (result, command) -> {
            RdqmStatusResult.QueueManagerDetail detail = result.queueManager();
            if (!detail.isDrConfigured()) {
                throw new MqOutputException(host, command.commandLine(),
                        "rdqmstatus shows no 'DR role:' for " + queueManager + ": it is not a DR RDQM on this node");
            }
            if (detail.drStatusShownOn() != null) {
                throw new MqOutputException(host, command.commandLine(), "rdqmstatus on this node shows 'DR status: See "
                        + detail.drStatusShownOn() + "': the HA group runs " + queueManager + " on "
                        + detail.drStatusShownOn() + ", which alone knows its DR status");
            }
            return new RdqmDrStatus(result.node(), detail.status(),
                    detail.drRole() == RdqmEnums.Role.PRIMARY, drStatus(host, command, detail.drStatus()),
                    detail.drOutOfSyncBytes(), detail.drSynchronizationProgressPercent(),
                    detail.drEstimatedTimeToCompletion(), detail.fields());
        });
    }

    @Override
    public ControlResult makeDrPrimary(String host, String queueManager) {
        return rdqmdr(host, queueManager, "-p", RdqmdrResult.Outcome.MADE_PRIMARY, ControlOutcome.MADE_PRIMARY);
    }

    @Override
    public ControlResult makeDrSecondary(String host, String queueManager) {
        return rdqmdr(host, queueManager, "-s", RdqmdrResult.Outcome.MADE_SECONDARY, ControlOutcome.MADE_SECONDARY);
    }

    @Override
    public DrSecondaryCommand drSecondaryCommand(String host, String queueManager) {
        RemoteCommand command = RemoteCommand.builder("rdqmdr").flag("-m").mqName("queue manager", queueManager)
                .flag("-d").build();
        return run(host, command, (output, exitCode) -> {
            RdqmdrResult result = new RdqmdrParser().parse(output);
            if (result.outcome() != RdqmdrResult.Outcome.SECONDARY_COMMAND) {
                throw new MqOutputException(host, command.commandLine(), "expected the crtmqm command for the DR"
                        + " secondary, got " + result.outcome() + messageSuffix(result.messages()));
            }
            return toPort(host, command, result.secondaryCommand(), queueManager);
        });
    }

    @Override
    public DrSecondaryCommand createDrPrimary(String host, DrPrimarySpec spec) {
        RemoteCommand command = RemoteCommand.builder("crtmqm").flag("-rr").word("p")
                .flag("-rt").word(spec.synchronous() ? "s" : "a")
                .flag("-rl").hostName("local replication address", spec.localAddress())
                .flag("-ri").hostName("remote replication address", spec.remoteAddress())
                .flag("-rn").hostName("remote node", spec.remoteNode())
                .flag("-rp").number("replication port", port("replication port", spec.replicationPort()))
                .flag("-p").number("listener port", port("listener port", spec.listenerPort()))
                .mqName("queue manager", spec.queueManager())
                .deadline(LONG_COMMAND).build();
        return run(host, command, (output, exitCode) -> {
            CrtmqmResult result = new CrtmqmParser().parse(output);
            if (result.outcome() != CrtmqmResult.Outcome.CREATED) {
                throw new MqOutputException(host, command.commandLine(), "crtmqm did not create the DR primary ("
                        + result.outcome() + "): " + String.join(" ", result.lines()));
            }
            if (result.drSecondaryCommand() == null) {
                throw new MqOutputException(host, command.commandLine(),
                        "crtmqm -rr p created the queue manager but printed no command for the DR secondary");
            }
            return toPort(host, command, result.drSecondaryCommand(), spec.queueManager());
        });
    }

    @Override
    public ControlResult createDrSecondary(String host, DrSecondaryCommand secondary) {
        RemoteCommand.Builder builder = RemoteCommand.builder("crtmqm").flag("-rr").word("s");
        if (secondary.replicationType() != null) {
            if (!secondary.replicationType().equals("a") && !secondary.replicationType().equals("s")) {
                throw new UnsafeArgumentException("replication type '" + secondary.replicationType()
                        + "' is not a or s");
            }
            builder.flag("-rt").word(secondary.replicationType());
        }
        if (secondary.localAddress() != null) {
            builder.flag("-rl").hostName("local replication address", secondary.localAddress());
        }
        builder.flag("-ri").hostName("remote replication address", secondary.remoteAddress());
        if (secondary.remoteNode() != null) {
            builder.flag("-rn").hostName("remote node", secondary.remoteNode());
        }
        RemoteCommand command = builder.flag("-rp").number("replication port", port("replication port", secondary.port()))
                .mqName("queue manager", secondary.queueManager()).deadline(LONG_COMMAND).build();
        return run(host, command, (output, exitCode) -> {
            CrtmqmResult result = new CrtmqmParser().parse(output);
            ControlOutcome outcome = switch (result.outcome()) {
                case CREATED, SECONDARY_CREATED -> ControlOutcome.CREATED;
                case ALREADY_EXISTS -> ControlOutcome.ALREADY_EXISTS;
                case FAILED -> ControlOutcome.REFUSED;
            };
            return new ControlResult(outcome, result.lines(), exitCode);
        });
    }

    @Override
    public ControlResult delete(String host, String queueManager) {
        return control(host, "dltmqm", queueManager);
    }

    @Override
    public RdqmHaStatus rdqmHaStatus(String host, String queueManager) {
        return rdqmDetail(host, queueManager, (result, command) -> {
            RdqmStatusResult.QueueManagerDetail detail = result.queueManager();
            if (detail.haStatus() == null || detail.haRole() == null) {
                throw new MqOutputException(host, command.commandLine(), "rdqmstatus shows no 'HA role:' and"
                        + " 'HA status:' for " + queueManager + ": it is not an HA RDQM on this node");
            }
            String node = result.node();
            Map<String, String> others = new LinkedHashMap<>();
            Map<String, Long> behind = new LinkedHashMap<>();
            for (RdqmStatusResult.OtherNode other : result.otherNodes()) {
                if (other.haStatus() == null) {
                    throw new MqOutputException(host, command.commandLine(), "node " + other.node()
                            + "'s section shows no 'HA status:'");
                }
                others.put(other.node(), other.haStatus().wording());
                if (other.haOutOfSyncBytes() != null) {
                    behind.put(other.node(), other.haOutOfSyncBytes());
                }
            }
            String current = location(node, detail.haCurrentLocation());
            List<String> preferred = new ArrayList<>();
            String preferredText = detail.haPreferredLocation();
            if (preferredText != null && !preferredText.equals("None")) {
                for (String part : preferredText.split(",")) {
                    preferred.add(location(node, part.strip()));
                }
            }
            return new RdqmHaStatus(node, detail.status(),
                    detail.haRole() == RdqmEnums.Role.PRIMARY, detail.haStatus().wording(), current, preferred, others,
                    behind, detail.fields());
        });
    }

    /** {@code rdqmstatus -m QM}, which must print the detail of one queue manager, mapped by {@code mapping}. */
    private <T> T rdqmDetail(String host, String queueManager,
                             BiFunction<RdqmStatusResult, RemoteCommand, T> mapping) {
        RemoteCommand command = RemoteCommand.builder("rdqmstatus").flag("-m").mqName("queue manager", queueManager)
                .build();
        return run(host, command, (output, exitCode) -> {
            RdqmStatusResult result = new RdqmStatusParser().parse(output);
            if (result.form() != RdqmStatusResult.Form.DETAIL || result.queueManager() == null) {
                throw new MqOutputException(host, command.commandLine(),
                        "expected the detail of one queue manager, got the " + result.form() + " form");
            }
            return mapping.apply(result, command);
        });
    }

    /** "This node" is the node that printed it; "None" (or nothing) is no node. */
    private static String location(String node, String printed) {
        if (printed == null || printed.equals("None")) {
            return null;
        }
        return printed.equals("This node") ? node : printed;
    }

    @Override
    public Map<String, Boolean> rdqmHaNodes(String host) {
        RemoteCommand command = RemoteCommand.builder("rdqmstatus").flag("-n").build();
        return run(host, command, (output, exitCode) -> {
            RdqmStatusResult result = new RdqmStatusParser().parse(output);
            if (result.form() != RdqmStatusResult.Form.NODES || result.nodesOnline().isEmpty()) {
                throw new MqOutputException(host, command.commandLine(), "expected 'Node <name> is online|offline'"
                        + " lines, got the " + result.form() + " form");
            }
            return result.nodesOnline();
        });
    }

    @Override
    public ControlResult suspendHaNode(String host) {
        return rdqmadm(host, RemoteCommand.builder("rdqmadm").flag("-s").build());
    }

    @Override
    public ControlResult resumeHaNode(String host) {
        return rdqmadm(host, RemoteCommand.builder("rdqmadm").flag("-r").build());
    }

    @Override
    public ControlResult setHaPreferredLocation(String host, String queueManager, List<String> nodes) {
        if (nodes == null || nodes.isEmpty() || nodes.size() > 2) {
            throw new UnsafeArgumentException("a preferred location is one or two nodes, not " + nodes);
        }
        for (String node : nodes) {
            estate.host(node);
        }
        RemoteCommand command = RemoteCommand.builder("rdqmadm").flag("-p").flag("-m")
                .mqName("queue manager", queueManager).flag("-n")
                .hostNames("preferred location", nodes).build();
        return rdqmadm(host, command);
    }

    private ControlResult rdqmadm(String host, RemoteCommand command) {
        return run(host, command, (output, exitCode) -> {
            RdqmadmParser.Result result = new RdqmadmParser().parse(output, exitCode);
            return new ControlResult(ControlOutcome.valueOf(result.outcome().name()), result.lines(), exitCode);
        });
    }

    @Override
    public MqVersion version(String host) {
        RemoteCommand command = RemoteCommand.builder("dspmqver").build();
        return run(host, command, (output, exitCode) -> {
            DspmqverResult result = new DspmqverParser().parse(output);
            if (result.installations().isEmpty()) {
                throw new MqOutputException(host, command.commandLine(), "dspmqver printed no installation");
            }
            return MqVersion.of(result.installations().get(0).version().toString());
        });
    }

    private ControlResult rdqmdr(String host, String queueManager, String flag, RdqmdrResult.Outcome expected,
                                 ControlOutcome success) {
        RemoteCommand command = RemoteCommand.builder("rdqmdr").flag("-m").mqName("queue manager", queueManager)
                .flag(flag).build();
        return run(host, command, (output, exitCode) -> {
            RdqmdrResult result = new RdqmdrParser().parse(output);
            if (result.queueManager() != null && !result.queueManager().equals(queueManager)) {
                throw new MqOutputException(host, command.commandLine(), "the answer names queue manager "
                        + result.queueManager() + ", not " + queueManager);
            }
            if (result.outcome() == expected) {
                return new ControlResult(success, nonBlankLines(output), exitCode);
            }
            if (result.outcome() == RdqmdrResult.Outcome.REFUSED) {
                return new ControlResult(ControlOutcome.REFUSED,
                        result.messages().stream().map(MqMessage::toString).toList(), exitCode);
            }
            throw new MqOutputException(host, command.commandLine(), "expected " + expected + " or a refusal, got "
                    + result.outcome());
        });
    }

    /** {@code program [flags] QM} with the deadline a control command may take, its messages classified. */
    private ControlResult control(String host, String program, String queueManager, String... flags) {
        RemoteCommand.Builder builder = RemoteCommand.builder(program);
        for (String flag : flags) {
            builder.flag(flag);
        }
        RemoteCommand command = builder.mqName("queue manager", queueManager).deadline(LONG_COMMAND).build();
        return run(host, command, (output, exitCode) -> {
            ControlTranscript result = new ControlMessageParser().parse(output);
            sameQueueManager(host, command, result.queueManager());
            List<String> messages = result.messages().stream()
                    .map(m -> m.id() == null ? m.text() : m.id() + (m.severity() == null ? "" : m.severity()) + ": "
                            + m.text())
                    .toList();
            return new ControlResult(result.outcome(), messages, exitCode);
        });
    }

    /** Maps a command's output (stdout, then stderr) and exit code to the port's result. */
    @FunctionalInterface
    private interface OutputMapping<T> {
        T map(String output, int exitCode);
    }

    private <T> T run(String hostName, RemoteCommand command, OutputMapping<T> mapping) {
        CommandResult result = ssh.run(estate.host(hostName), command);
        String output = result.stdout() + (result.stderr().isEmpty() ? "" : "\n" + result.stderr());
        try {
            return mapping.map(output, result.exitCode());
        } catch (MqOutputParseException e) {
            throw new MqOutputException(hostName, command.commandLine(), "output not recognised (exit code "
                    + result.exitCode() + "): " + e.getMessage(), e);
        }
    }

    /** The queue manager the messages name must be the one the command named (the last token). */
    private static void sameQueueManager(String host, RemoteCommand command, String named) {
        String asked = command.argv().get(command.argv().size() - 1);
        if (named != null && !named.equals(asked)) {
            throw new MqOutputException(host, command.commandLine(), "the messages name queue manager " + named
                    + ", not " + asked);
        }
    }

    private static DrSecondaryCommand toPort(String host, RemoteCommand command, SecondaryCrtmqmCommand printed,
                                             String queueManager) {
        String problem = null;
        if (!printed.queueManager().equals(queueManager)) {
            problem = "it is for queue manager " + printed.queueManager() + ", not " + queueManager;
        } else if (printed.haOption() != null) {
            problem = "it creates a DR/HA secondary (" + printed.haOption() + "), which this port does not run";
        } else if (printed.localIpAddresses().size() > 1 || printed.remoteIpAddresses().size() > 1) {
            problem = "it lists several replication addresses (DR/HA), which this port does not run";
        } else if (printed.fileSystemSize() != null) {
            problem = "it sets a file system size (-fs " + printed.fileSystemSize() + "), which this port does not carry";
        }
        if (problem != null) {
            throw new MqOutputException(host, command.commandLine(), "refusing the printed secondary command '"
                    + String.join(" ", printed.arguments()) + "': " + problem);
        }
        return new DrSecondaryCommand(printed.queueManager(),
                printed.localIpAddresses().isEmpty() ? null : printed.localIpAddresses().get(0),
                printed.remoteIpAddresses().get(0), printed.remoteName(), printed.port(), printed.replicationType());
    }

    private static DrStatus drStatus(String host, RemoteCommand command, RdqmEnums.DrStatus status) {
        if (status == null) {
            throw new MqOutputException(host, command.commandLine(), "rdqmstatus shows a DR role but no 'DR status:'");
        }
        return DrStatus.fromMqWording(status.wording()).orElseThrow(() -> new MqOutputException(host,
                command.commandLine(), "DR status '" + status.wording() + "' has no counterpart in "
                + DrStatus.class.getSimpleName()));
    }

    private static long port(String what, int port) {
        if (port < 1 || port > 65535) {
            throw new UnsafeArgumentException(what + " " + port + " is out of range (1-65535)");
        }
        return port;
    }

    private static String messageSuffix(List<MqMessage> messages) {
        return messages.isEmpty() ? "" : ": " + String.join(" ", messages.stream().map(MqMessage::toString).toList());
    }

    private static List<String> nonBlankLines(String output) {
        return output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
