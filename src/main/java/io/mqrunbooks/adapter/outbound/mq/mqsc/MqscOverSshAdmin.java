package io.mqrunbooks.adapter.outbound.mq.mqsc;

import io.mqrunbooks.adapter.outbound.mq.parse.MqMessage;
import io.mqrunbooks.adapter.outbound.mq.parse.MqOutputParseException;
import io.mqrunbooks.adapter.outbound.mq.parse.RunmqscResponseParser;
import io.mqrunbooks.adapter.outbound.mq.parse.RunmqscResult;
import io.mqrunbooks.mq.DefinitionScript;
import io.mqrunbooks.application.port.out.CommandResult;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.application.port.out.RemoteCommand;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.application.port.out.SshPort;
import io.mqrunbooks.mq.UnsafeArgumentException;
import io.mqrunbooks.mq.ClusterQueue;
import io.mqrunbooks.mq.ClusterQueueManager;
import io.mqrunbooks.application.port.out.mq.MqAdminException;
import io.mqrunbooks.application.port.out.mq.MqAdminException.Reason;
import io.mqrunbooks.application.port.out.mq.MqscScriptResult;
import io.mqrunbooks.application.port.out.mq.ObjectCommand;
import io.mqrunbooks.mq.QueueManagerStatus;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.mq.NameRules;
import io.mqrunbooks.mq.ChannelStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@link MqAdminPort} over SSH: {@code runmqsc QM} on the queue manager's current host
 * ({@link QueueManagerLocator}) with the MQSC on standard input, its session parsed by
 * {@link RunmqscResponseParser}. Every name written into MQSC is checked ({@link MqscNames}) and quoted;
 * nothing from a caller reaches the shell except through {@link RemoteCommand}'s checked tokens.
 *
 * <p>Test messages use IBM's samples, which cannot set a CorrelId: the body is
 * {@code MQRB-TEST <correlationIdHex> <body>} and the get matches that token. {@code amqsget} removes every
 * message it finds, so the test queue must hold test messages only.
 *
 * <p>{@link #onHost(String)} gives the same operations pinned to one host, for callers who know it.
 */
@Component("mqscMqAdmin")
public class MqscOverSshAdmin implements MqAdminPort {

    static final String TEST_MESSAGE_PREFIX = "MQRB-TEST";
    static final String AMQSPUT = "/opt/mqm/samp/bin/amqsput";
    static final String AMQSGET = "/opt/mqm/samp/bin/amqsget";
    private static final Pattern CORRELATION_ID = Pattern.compile("[0-9A-Fa-f]{48}");
    private static final Duration POLL_PAUSE = Duration.ofSeconds(1);
    private static final int MAX_BODY = 4000;
    /** A whole definitions script or dump of a large queue manager takes longer than one command. */
    private static final Duration LONG_COMMAND = Duration.ofMinutes(10);

    private final Estate estate;
    private final SshPort ssh;
    private final UnaryOperator<String> hostOf;

    @Autowired
    public MqscOverSshAdmin(Estate estate, SshPort ssh, QueueManagerLocator locator) {
        this(estate, ssh, locator::currentHost);
    }

    private MqscOverSshAdmin(Estate estate, SshPort ssh, UnaryOperator<String> hostOf) {
        this.estate = estate;
        this.ssh = ssh;
        this.hostOf = hostOf;
    }

    /** The same operations, run on {@code host} (an inventory host name) whatever the locator would say. */
    public MqAdminPort onHost(String host) {
        estate.host(host);
        return new MqscOverSshAdmin(estate, ssh, queueManager -> host);
    }

    @Override
    public QueueManagerStatus queueManagerStatus(String queueManager) {
        Session session = runOne(queueManager, "DISPLAY QMSTATUS ALL");
        RunmqscResult.MqscObject object = session.single();
        String status = session.required(object, "STATUS");
        return new QueueManagerStatus(session.required(object, "QMNAME"), status, attributes(object));
    }

    @Override
    public List<ClusterQueueManager> clusterQueueManagers(String queueManager, String clusterQueueManagerName) {
        String name = "*".equals(clusterQueueManagerName) ? "*" : MqscNames.queueManager(clusterQueueManagerName);
        Session session = runOne(queueManager, "DISPLAY CLUSQMGR(" + name + ") ALL", "*".equals(name));
        return session.command().objects().stream().map(o -> new ClusterQueueManager(
                session.required(o, "CLUSQMGR"), session.required(o, "CLUSTER"), session.required(o, "CHANNEL"),
                session.word(o, "QMTYPE", "REPOS", "NORMAL"), "YES".equals(session.word(o, "SUSPEND", "YES", "NO")),
                o.attribute("STATUS").orElse(null), o.attribute("CONNAME").orElse(null), attributes(o))).toList();
    }

    @Override
    public List<ClusterQueue> clusterQueues(String queueManager, Optional<String> hostedBy) {
        hostedBy.ifPresent(MqscNames::queueManager);
        Session session = runOne(queueManager, "DISPLAY QCLUSTER(*) ALL", true);
        return session.command().objects().stream()
                .map(o -> new ClusterQueue(session.required(o, "QUEUE"), session.required(o, "CLUSTER"),
                        session.required(o, "CLUSQMGR"), attributes(o)))
                .filter(q -> hostedBy.isEmpty() || hostedBy.get().equals(q.hostedBy()))
                .toList();
    }

    @Override
    public void run(String queueManager, ObjectCommand command, String name) {
        runOne(queueManager, command.mqsc(MqscNames.of(command, name)));
    }

    @Override
    public List<ChannelStatus> channelStatus(String queueManager, String channel) {
        Session session = runOne(queueManager, "DISPLAY CHSTATUS(" + MqscNames.channel(channel) + ") ALL",
                false, "AMQ8420");
        if (session.command().hasMessage("AMQ8420")) {
            return List.of();
        }
        return session.command().objects().stream().map(o -> {
            String status = session.required(o, "STATUS");
            if (ChannelStatus.State.parse(status).isEmpty()) {
                // Refused, not guessed: a runbook must not read a status it does not know as running or stopped.
                throw session.unrecognised(ChannelStatus.State.unknown(status) + " for channel "
                        + o.attribute("CHANNEL").orElse("?"));
            }
            return new ChannelStatus(session.required(o, "CHANNEL"), o.attribute("CHLTYPE").orElse(null),
                    o.attribute("CONNAME").orElse(null), status, o.attribute("XMITQ").orElse(null), attributes(o));
        }).toList();
    }

    @Override
    public void alterSenderConname(String queueManager, String channel, String conname) {
        runOne(queueManager, "ALTER CHANNEL(" + MqscNames.channel(channel) + ") CHLTYPE(SDR) CONNAME("
                + MqscNames.conname(conname) + ")");
    }

    @Override
    public int queueDepth(String queueManager, String queue) {
        Session session = runOne(queueManager, "DISPLAY QLOCAL(" + MqscNames.queue(queue) + ") CURDEPTH");
        String depth = session.required(session.single(), "CURDEPTH");
        if (!depth.matches("\\d{1,9}")) {
            throw session.unrecognised("CURDEPTH(" + depth + ") is not a number");
        }
        return Integer.parseInt(depth);
    }

    @Override
    public void putTestMessage(String queueManager, String queue, String correlationIdHex, String body) {
        String token = correlationToken(correlationIdHex);
        if (body == null || body.isEmpty() || body.length() > MAX_BODY || body.chars().anyMatch(c -> c < 0x20)) {
            throw new UnsafeArgumentException("test message body must be one line of 1-" + MAX_BODY
                    + " printable characters (amqsput sends one message per line and stops at an empty one)");
        }
        String host = host(queueManager);
        RemoteCommand command = RemoteCommand.builder(AMQSPUT).mqName("queue", queue)
                .mqName("queue manager", queueManager)
                .stdin(TEST_MESSAGE_PREFIX + " " + token + " " + body + "\n").build();
        SampleOutput.Parsed parsed = runSample(queueManager, host, command);
        if (parsed.failedCall() == null && (!parsed.started() || !parsed.ended() || parsed.targetQueue() == null)) {
            throw new MqAdminException(Reason.UNRECOGNISED_OUTPUT, queueManager, where(queueManager, host, command)
                    + ": amqsput did not confirm the put (no 'target queue is', or no start/end line)");
        }
    }

    @Override
    public Optional<String> getTestMessage(String queueManager, String queue, String correlationIdHex, Duration wait) {
        String token = correlationToken(correlationIdHex);
        String prefix = TEST_MESSAGE_PREFIX + " " + token + " ";
        String host = host(queueManager);
        RemoteCommand command = RemoteCommand.builder(AMQSGET).mqName("queue", queue)
                .mqName("queue manager", queueManager).build();
        Instant until = Instant.now().plus(wait == null ? Duration.ZERO : wait);
        while (true) {
            SampleOutput.Parsed parsed = runSample(queueManager, host, command);
            if (!parsed.started() || !parsed.ended()) {
                throw new MqAdminException(Reason.UNRECOGNISED_OUTPUT, queueManager, where(queueManager, host, command)
                        + ": amqsget output has no start/end line");
            }
            Optional<String> found = parsed.messages().stream()
                    .filter(m -> m.length() > prefix.length() && m.toUpperCase(Locale.ROOT).startsWith(prefix))
                    .map(m -> m.substring(prefix.length()))
                    .findFirst();
            if (found.isPresent() || !Instant.now().isBefore(until)) {
                return found;
            }
            pause(Duration.between(Instant.now(), until).compareTo(POLL_PAUSE) < 0
                    ? Duration.between(Instant.now(), until) : POLL_PAUSE);
        }
    }

    @Override
    public MqscScriptResult applyDefinitions(String queueManager, String mqscScript) {
        String mqsc = DefinitionScript.checkedMqsc(queueManager, mqscScript);
        String host = host(queueManager);
        RemoteCommand command = RemoteCommand.builder("runmqsc").mqName("queue manager", queueManager)
                .stdin(mqsc).deadline(LONG_COMMAND).build();
        Session session = session(queueManager, host, command, "the MQSC script");
        RunmqscResult.Trailer trailer = session.parsed.trailer();
        return new MqscScriptResult(trailer.commandsRead(), trailer.syntaxErrors() + trailer.notProcessed(),
                session.result.stdout());
    }

    @Override
    public String exportDefinitions(String queueManager) {
        String host = host(queueManager);
        RemoteCommand command = RemoteCommand.builder("dmpmqcfg").flag("-m").mqName("queue manager", queueManager)
                .flag("-a").deadline(LONG_COMMAND).build();
        CommandResult result = run(queueManager, host, command);
        String both = result.stdout() + "\n" + result.stderr();
        if (result.exitCode() == 127) {
            throw new MqAdminException(Reason.OTHER, queueManager, where(queueManager, host, command)
                    + ": dmpmqcfg is not available on this host: " + result.stderr().strip());
        }
        if (result.exitCode() != 0) {
            Reason reason = Stream.of("AMQ8146", "2059", "2161", "2162").anyMatch(both::contains)
                    ? Reason.QUEUE_MANAGER_NOT_AVAILABLE
                    : both.contains("AMQ8135") || both.contains("2035") ? Reason.NOT_AUTHORIZED : Reason.OTHER;
            throw new MqAdminException(reason, queueManager, where(queueManager, host, command) + ": exit code "
                    + result.exitCode() + ": " + SampleOutput.shorten(both.strip()));
        }
        if (result.truncated()) {
            throw new MqAdminException(Reason.OTHER, queueManager, where(queueManager, host, command)
                    + ": the definitions were cut at the SSH output cap; raise mqrunbooks.ssh.output-cap-bytes");
        }
        if (result.stdout().lines().noneMatch(l -> l.startsWith("DEFINE ") || l.startsWith("ALTER QMGR"))) {
            throw new MqAdminException(Reason.UNRECOGNISED_OUTPUT, queueManager, where(queueManager, host, command)
                    + ": no DEFINE or ALTER QMGR command in the output: "
                    + SampleOutput.shorten(result.stdout().strip()));
        }
        return result.stdout();
    }

    // ---- runmqsc sessions

    private Session runOne(String queueManager, String mqsc) {
        return runOne(queueManager, mqsc, false);
    }

    /**
     * Runs one MQSC command. {@code genericDisplay}: AMQ8147E (nothing matched a generic name) means an empty
     * list. {@code tolerated}: further message ids that are answers, not failures (AMQ8420 for CHSTATUS).
     */
    private Session runOne(String queueManager, String mqsc, boolean genericDisplay, String... tolerated) {
        String host = host(queueManager);
        RemoteCommand command = RemoteCommand.builder("runmqsc").mqName("queue manager", queueManager)
                .stdin(mqsc + "\n").build();
        Session session = session(queueManager, host, command, mqsc);
        RunmqscResult parsed = session.parsed;
        if (parsed.commands().size() != 1) {
            throw session.unrecognised("expected the reply to one command, got " + parsed.commands().size());
        }
        RunmqscResult.Command reply = parsed.commands().get(0);
        if (reply.hasSyntaxError()) {
            throw session.failure(Reason.SYNTAX_ERROR, "syntax error at '" + reply.syntaxErrorSegment() + "' "
                    + messages(reply.messages()));
        }
        List<String> allowed = new ArrayList<>(List.of(tolerated));
        if (genericDisplay) {
            allowed.add("AMQ8147");
        }
        for (MqMessage message : reply.messages()) {
            Reason reason = reasonOf(message);
            if (reason != null && !allowed.contains(message.id())) {
                throw session.failure(reason, messages(reply.messages()));
            }
        }
        if (parsed.trailer().notProcessed() > 0 && reply.messages().stream().noneMatch(m -> allowed.contains(m.id()))) {
            throw session.failure(Reason.OTHER, "runmqsc could not process the command: " + messages(reply.messages()));
        }
        return session;
    }

    /** Runs a runmqsc session and parses its reply; a message that fails the whole session is refused here. */
    private Session session(String queueManager, String host, RemoteCommand command, String mqsc) {
        CommandResult result = run(queueManager, host, command);
        Session session = new Session(queueManager, host, mqsc, result, parse(queueManager, host, command, result));
        session.failOnSessionMessages();
        return session;
    }

    private RunmqscResult parse(String queueManager, String host, RemoteCommand command, CommandResult result) {
        if (result.truncated()) {
            throw new MqAdminException(Reason.OTHER, queueManager, where(queueManager, host, command)
                    + ": the reply was cut at the SSH output cap; raise mqrunbooks.ssh.output-cap-bytes");
        }
        String output = result.stdout() + (result.stderr().isBlank() ? "" : "\n" + result.stderr());
        try {
            return new RunmqscResponseParser().parse(result.stdout());
        } catch (MqOutputParseException e) {
            Optional<MqMessage> known = output.lines().map(String::strip).map(MqscOverSshAdmin::amqMessage)
                    .flatMap(Optional::stream).filter(m -> reasonOf(m) != null).findFirst();
            if (known.isPresent()) {
                throw new MqAdminException(reasonOf(known.get()), queueManager, where(queueManager, host, command)
                        + ": " + known.get(), e);
            }
            throw new MqAdminException(Reason.UNRECOGNISED_OUTPUT, queueManager, where(queueManager, host, command)
                    + ": output not recognised (exit code " + result.exitCode() + "): " + e.getMessage()
                    + (result.stderr().isBlank() ? "" : "; stderr: " + SampleOutput.shorten(result.stderr().strip())),
                    e);
        }
    }

    /** The port's reason for an MQ message that reports a failure, or null for one that does not. */
    static Reason reasonOf(MqMessage message) {
        switch (message.id()) {
            case "AMQ8147":
            case "AMQ8227": // "Channel not found." from START/STOP/PING CHANNEL, as PCF's 4032 MQRCCF_CHANNEL_NOT_FOUND
                return Reason.OBJECT_NOT_FOUND;
            case "AMQ8146":
            case "AMQ8118":
                return Reason.QUEUE_MANAGER_NOT_AVAILABLE;
            case "AMQ8135":
                return Reason.NOT_AUTHORIZED;
            case "AMQ8145":
                return Reason.CONNECTION_BROKEN;
            case "AMQ8420":
                return Reason.NO_CHANNEL_STATUS;
            case "AMQ8405":
            case "AMQ8426":
            case "AMQ8427":
                return Reason.SYNTAX_ERROR;
            default:
                return message.isError() ? Reason.OTHER : null;
        }
    }

    private static Optional<MqMessage> amqMessage(String line) {
        var m = Pattern.compile("^(AMQ\\d{4})([IWES])?:\\s?(.*)$").matcher(line);
        return m.matches() ? Optional.of(new MqMessage(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    /**
     * The object's attributes with MQSC keywords as keys; a bare keyword such as {@code CURRENT} or
     * {@code SAVED} has the empty string as its value, an empty {@code ( )} a blank, as MQ prints it.
     */
    static Map<String, String> attributes(RunmqscResult.MqscObject object) {
        Map<String, String> attributes = new LinkedHashMap<>();
        object.attributes().forEach((keyword, value) -> attributes.put(keyword, value == null ? "" : value));
        return attributes;
    }

    private static String messages(List<MqMessage> messages) {
        return String.join(" ", messages.stream().map(MqMessage::toString).toList());
    }

    /** One runmqsc session's reply, with what is needed to name it in an error. */
    private static final class Session {
        private final String queueManager;
        private final String host;
        private final String mqsc;
        private final CommandResult result;
        private final RunmqscResult parsed;

        Session(String queueManager, String host, String mqsc, CommandResult result, RunmqscResult parsed) {
            this.queueManager = queueManager;
            this.host = host;
            this.mqsc = mqsc;
            this.result = result;
            this.parsed = parsed;
        }

        RunmqscResult.Command command() {
            return parsed.commands().get(0);
        }

        void failOnSessionMessages() {
            for (MqMessage message : parsed.sessionMessages()) {
                Reason reason = reasonOf(message);
                if (reason != null) {
                    throw failure(reason, message.toString());
                }
            }
        }

        RunmqscResult.MqscObject single() {
            List<RunmqscResult.MqscObject> objects = command().objects();
            if (objects.size() != 1) {
                throw unrecognised("expected one object, got " + objects.size());
            }
            return objects.get(0);
        }

        String required(RunmqscResult.MqscObject object, String keyword) {
            return object.attribute(keyword).orElseThrow(() -> unrecognised("the object "
                    + object.heading() + " has no " + keyword + " attribute; it has " + object.attributes().keySet()));
        }

        /** A required attribute whose value must be one of runmqsc's words: another is refused, not read as the default. */
        String word(RunmqscResult.MqscObject object, String keyword, String... words) {
            String value = required(object, keyword);
            if (!List.of(words).contains(value)) {
                throw unrecognised("the object " + object.heading() + " has " + keyword + "(" + value + "); expected one of "
                        + List.of(words));
            }
            return value;
        }

        MqAdminException failure(Reason reason, String text) {
            return new MqAdminException(reason, queueManager, "queue manager " + queueManager + " on host " + host
                    + ": " + mqsc + ": " + text);
        }

        MqAdminException unrecognised(String problem) {
            return new MqAdminException(Reason.UNRECOGNISED_OUTPUT, queueManager, "queue manager " + queueManager
                    + " on host " + host + ": " + mqsc + ": output not recognised (exit code " + result.exitCode()
                    + "): " + problem);
        }
    }

    // ---- plumbing

    private String host(String queueManager) {
        NameRules.checkMqName(queueManager).ifPresent(p -> {
            throw new UnsafeArgumentException("queue manager " + p);
        });
        return hostOf.apply(queueManager);
    }

    private CommandResult run(String queueManager, String host, RemoteCommand command) {
        try {
            return ssh.run(estate.host(host), command);
        } catch (SshException e) {
            Reason reason = switch (e.kind()) {
                case HOST_UNREACHABLE -> Reason.QUEUE_MANAGER_NOT_AVAILABLE;
                case SESSION_DROPPED -> Reason.CONNECTION_BROKEN;
                default -> Reason.OTHER;
            };
            throw new MqAdminException(reason, queueManager, where(queueManager, host, command) + ": "
                    + e.getMessage(), e);
        }
    }

    private SampleOutput.Parsed runSample(String queueManager, String host, RemoteCommand command) {
        CommandResult result = run(queueManager, host, command);
        SampleOutput.Parsed parsed;
        try {
            parsed = SampleOutput.parse(result.stdout() + "\n" + result.stderr());
        } catch (IllegalArgumentException e) {
            throw new MqAdminException(Reason.UNRECOGNISED_OUTPUT, queueManager, where(queueManager, host, command)
                    + ": output not recognised (exit code " + result.exitCode() + "): " + e.getMessage(), e);
        }
        if (parsed.failedCall() != null) {
            throw new MqAdminException(SampleOutput.reasonFor(parsed.reasonCode()), queueManager,
                    where(queueManager, host, command) + ": " + parsed.failedCall() + " ended with reason code "
                            + parsed.reasonCode());
        }
        if (result.exitCode() != 0) {
            throw new MqAdminException(Reason.OTHER, queueManager, where(queueManager, host, command)
                    + ": exit code " + result.exitCode() + ": " + SampleOutput.shorten(
                    (result.stdout() + " " + result.stderr()).strip()));
        }
        return parsed;
    }

    private static String where(String queueManager, String host, RemoteCommand command) {
        return "queue manager " + queueManager + " on host " + host + ": '" + command.commandLine() + "'";
    }

    private static String correlationToken(String correlationIdHex) {
        if (correlationIdHex == null || !CORRELATION_ID.matcher(correlationIdHex).matches()) {
            throw new UnsafeArgumentException("correlation id '" + correlationIdHex
                    + "' is not 24 bytes in hex (48 characters 0-9 A-F)");
        }
        return correlationIdHex.toUpperCase(Locale.ROOT);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(Math.max(1, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MqAdminException(Reason.OTHER, null, "interrupted while waiting for a test message");
        }
    }
}
