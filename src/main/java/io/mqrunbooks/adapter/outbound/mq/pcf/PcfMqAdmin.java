package io.mqrunbooks.adapter.outbound.mq.pcf;

import static com.ibm.mq.constants.MQConstants.*;

import com.ibm.mq.MQException;
import com.ibm.mq.MQGetMessageOptions;
import com.ibm.mq.MQMessage;
import com.ibm.mq.MQPutMessageOptions;
import com.ibm.mq.MQQueue;
import com.ibm.mq.constants.MQConstants;
import com.ibm.mq.headers.MQDataException;
import com.ibm.mq.headers.pcf.PCFException;
import com.ibm.mq.headers.pcf.PCFMessage;
import io.mqrunbooks.mq.DefinitionScript;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.mq.ClusterQueue;
import io.mqrunbooks.mq.ClusterQueueManager;
import io.mqrunbooks.application.port.out.mq.MqAdminException;
import io.mqrunbooks.application.port.out.mq.MqAdminException.Reason;
import io.mqrunbooks.application.port.out.mq.MqscScriptResult;
import io.mqrunbooks.application.port.out.mq.ObjectCommand;
import io.mqrunbooks.mq.QueueManagerStatus;
import io.mqrunbooks.mq.NameRules;
import io.mqrunbooks.mq.ChannelStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * {@link MqAdminPort} over PCF: each call opens a client connection, sends its PCF command through a
 * {@code PCFMessageAgent} and disconnects, on success and on failure alike. Attribute maps use runmqsc's
 * names and words ({@link MqscAttributes}) so they compare with the MQSC transport's. Reason codes become
 * typed reasons ({@link PcfErrors}); every message names the queue manager, the operation and MQ's reason.
 */
@Component("pcfMqAdmin")
public class PcfMqAdmin implements MqAdminPort {

    /** AMQ messages that report a failed MQSC command end in E (error) or S (severe). */
    private static final Pattern MQSC_ERROR = Pattern.compile("\\bAMQ\\d{4}[ES]\\b");
    private static final Pattern CORRELATION_ID = Pattern.compile("[0-9A-Fa-f]{48}");
    private static final int CONNAME_MAX = MQ_CONN_NAME_LENGTH;

    private final PcfConnectionFactory connections;

    public PcfMqAdmin(PcfConnectionFactory connections) {
        this.connections = connections;
    }

    @FunctionalInterface
    private interface PcfCall<T> {
        T run(PcfSession session) throws MQDataException, MQException, IOException;
    }

    @Override
    public QueueManagerStatus queueManagerStatus(String queueManager) {
        PCFMessage request = new PCFMessage(MQCMD_INQUIRE_Q_MGR_STATUS);
        request.addParameter(MQIACF_Q_MGR_STATUS_ATTRS, new int[] {MQIACF_ALL});
        String operation = operation("DISPLAY QMSTATUS ALL", request);
        PCFMessage[] responses = call(queueManager, operation, session -> session.send(request));
        PCFMessage response = single(queueManager, operation, responses);
        Map<String, String> attributes = MqscAttributes.of(response);
        return new QueueManagerStatus(queueManager, required(queueManager, operation, attributes, "STATUS"), attributes);
    }

    @Override
    public List<ClusterQueueManager> clusterQueueManagers(String queueManager, String clusterQueueManagerName) {
        checkGenericName(queueManager, "cluster queue manager", clusterQueueManagerName);
        PCFMessage request = named(MQCMD_INQUIRE_CLUSTER_Q_MGR, MQCA_CLUSTER_Q_MGR_NAME, clusterQueueManagerName);
        request.addParameter(MQIACF_CLUSTER_Q_MGR_ATTRS, new int[] {MQIACF_ALL});
        String operation = operation("DISPLAY CLUSQMGR(" + clusterQueueManagerName + ") ALL", request);
        boolean generic = clusterQueueManagerName.endsWith("*");
        PCFMessage[] responses = call(queueManager, operation, session -> generic
                ? sendAllowingNone(session, request, MQRC_UNKNOWN_OBJECT_NAME, MQRCCF_NONE_FOUND)
                : session.send(request));
        List<ClusterQueueManager> result = new ArrayList<>();
        for (PCFMessage response : responses) {
            Map<String, String> a = MqscAttributes.of(response);
            String qmType = required(queueManager, operation, a, "QMTYPE");
            String suspend = required(queueManager, operation, a, "SUSPEND");
            String status = required(queueManager, operation, a, "STATUS");
            expectWord(queueManager, operation, a, "QMTYPE", qmType, "REPOS", "NORMAL");
            expectWord(queueManager, operation, a, "SUSPEND", suspend, "YES", "NO");
            expectKnownWord(queueManager, operation, a, "STATUS", status);
            result.add(new ClusterQueueManager(required(queueManager, operation, a, "CLUSQMGR"),
                    required(queueManager, operation, a, "CLUSTER"), required(queueManager, operation, a, "CHANNEL"),
                    qmType, "YES".equals(suspend), status, required(queueManager, operation, a, "CONNAME"), a));
        }
        return result;
    }

    @Override
    public List<ClusterQueue> clusterQueues(String queueManager, Optional<String> hostedBy) {
        hostedBy.ifPresent(name -> checkName(queueManager, "hosting queue manager", name));
        PCFMessage request = named(MQCMD_INQUIRE_Q, MQCA_Q_NAME, "*");
        request.addParameter(MQIA_Q_TYPE, MQQT_CLUSTER);
        request.addParameter(MQIACF_Q_ATTRS, new int[] {MQIACF_ALL});
        hostedBy.ifPresent(name -> request.addFilterParameter(MQCA_CLUSTER_Q_MGR_NAME, MQCFOP_EQUAL, name));
        String operation = operation("DISPLAY QCLUSTER(*) ALL"
                + hostedBy.map(name -> " WHERE(CLUSQMGR EQ " + name + ")").orElse(""), request);
        PCFMessage[] responses = call(queueManager, operation,
                session -> sendAllowingNone(session, request, MQRC_UNKNOWN_OBJECT_NAME, MQRCCF_NONE_FOUND));
        List<ClusterQueue> result = new ArrayList<>();
        for (PCFMessage response : responses) {
            Map<String, String> a = MqscAttributes.of(response);
            result.add(new ClusterQueue(required(queueManager, operation, a, "QUEUE"),
                    required(queueManager, operation, a, "CLUSTER"), required(queueManager, operation, a, "CLUSQMGR"), a));
        }
        return result;
    }

    @Override
    public void run(String queueManager, ObjectCommand command, String name) {
        checkName(queueManager, command.objectType(), name);
        PCFMessage request = switch (command) {
            case START_CHANNEL -> named(MQCMD_START_CHANNEL, MQCACH_CHANNEL_NAME, name);
            case STOP_CHANNEL -> named(MQCMD_STOP_CHANNEL, MQCACH_CHANNEL_NAME, name);
            case START_LISTENER -> named(MQCMD_START_CHANNEL_LISTENER, MQCACH_LISTENER_NAME, name);
            case STOP_LISTENER -> named(MQCMD_STOP_CHANNEL_LISTENER, MQCACH_LISTENER_NAME, name);
            case SUSPEND_CLUSTER -> named(MQCMD_SUSPEND_Q_MGR_CLUSTER, MQCA_CLUSTER_NAME, name);
            case RESUME_CLUSTER -> named(MQCMD_RESUME_Q_MGR_CLUSTER, MQCA_CLUSTER_NAME, name);
        };
        call(queueManager, operation(command.mqsc(name), request), session -> session.send(request));
    }

    @Override
    public List<ChannelStatus> channelStatus(String queueManager, String channel) {
        checkName(queueManager, "channel", channel);
        PCFMessage request = named(MQCMD_INQUIRE_CHANNEL_STATUS, MQCACH_CHANNEL_NAME, channel);
        request.addParameter(MQIACH_CHANNEL_INSTANCE_ATTRS, new int[] {MQIACF_ALL});
        String operation = operation("DISPLAY CHSTATUS(" + channel + ") ALL", request);
        // 3065 MQRCCF_CHL_STATUS_NOT_FOUND: the channel exists but has no status (AMQ8420I).
        PCFMessage[] responses = call(queueManager, operation,
                session -> sendAllowingNone(session, request, MQRCCF_CHL_STATUS_NOT_FOUND));
        List<ChannelStatus> result = new ArrayList<>();
        for (PCFMessage response : responses) {
            Map<String, String> a = MqscAttributes.of(response);
            String status = required(queueManager, operation, a, "STATUS");
            expectKnownWord(queueManager, operation, a, "STATUS", status);
            if (ChannelStatus.State.parse(status).isEmpty()) {
                throw new MqAdminException(Reason.UNRECOGNISED_OUTPUT, queueManager, queueManager + ": " + operation
                        + " returned " + ChannelStatus.State.unknown(status) + ": " + a);
            }
            result.add(new ChannelStatus(required(queueManager, operation, a, "CHANNEL"),
                    required(queueManager, operation, a, "CHLTYPE"), a.get("CONNAME"), status, a.get("XMITQ"), a));
        }
        return result;
    }

    @Override
    public void alterSenderConname(String queueManager, String channel, String conname) {
        checkName(queueManager, "channel", channel);
        if (conname == null || conname.isBlank() || conname.length() > CONNAME_MAX) {
            throw invalid(queueManager, "connection name '" + conname + "' must have 1 to " + CONNAME_MAX + " characters");
        }
        PCFMessage request = named(MQCMD_CHANGE_CHANNEL, MQCACH_CHANNEL_NAME, channel);
        request.addParameter(MQIACH_CHANNEL_TYPE, MQCHT_SENDER);
        request.addParameter(MQCACH_CONNECTION_NAME, conname);
        call(queueManager, operation("ALTER CHANNEL(" + channel + ") CHLTYPE(SDR) CONNAME('" + conname + "')", request),
                session -> session.send(request));
    }

    @Override
    public int queueDepth(String queueManager, String queue) {
        checkName(queueManager, "queue", queue);
        PCFMessage request = named(MQCMD_INQUIRE_Q, MQCA_Q_NAME, queue);
        request.addParameter(MQIACF_Q_ATTRS, new int[] {MQCA_Q_NAME, MQIA_CURRENT_Q_DEPTH});
        String operation = operation("DISPLAY QLOCAL(" + queue + ") CURDEPTH", request);
        PCFMessage[] responses = call(queueManager, operation, session -> session.send(request));
        Map<String, String> a = MqscAttributes.of(single(queueManager, operation, responses));
        String type = a.get("TYPE");
        if (type != null && !"QLOCAL".equals(type)) {
            throw new MqAdminException(Reason.OTHER, queueManager, queueManager + ": " + operation + ": " + queue
                    + " is a " + type + "; only local queues (including transmission queues) have a CURDEPTH");
        }
        return Integer.parseInt(required(queueManager, operation, a, "CURDEPTH"));
    }

    @Override
    public void putTestMessage(String queueManager, String queue, String correlationIdHex, String body) {
        checkName(queueManager, "queue", queue);
        byte[] correlationId = correlationId(queueManager, correlationIdHex);
        String operation = "MQPUT of a test message to " + queue + " (correlation id " + correlationIdHex + ")";
        call(queueManager, operation, session -> {
            MQQueue target = session.accessQueue(queue, MQOO_OUTPUT | MQOO_FAIL_IF_QUIESCING);
            try {
                MQMessage message = new MQMessage();
                message.correlationId = correlationId;
                message.persistence = MQPER_NOT_PERSISTENT;
                message.format = MQFMT_STRING;
                message.characterSet = 1208;
                message.write(body.getBytes(StandardCharsets.UTF_8));
                MQPutMessageOptions options = new MQPutMessageOptions();
                options.options = MQPMO_NO_SYNCPOINT | MQPMO_NEW_MSG_ID | MQPMO_FAIL_IF_QUIESCING;
                target.put(message, options);
            } finally {
                target.close();
            }
            return null;
        });
    }

    @Override
    public Optional<String> getTestMessage(String queueManager, String queue, String correlationIdHex, Duration wait) {
        checkName(queueManager, "queue", queue);
        byte[] correlationId = correlationId(queueManager, correlationIdHex);
        if (wait.isNegative() || wait.toMillis() > Integer.MAX_VALUE) {
            throw invalid(queueManager, "wait " + wait + " must be between zero and " + Integer.MAX_VALUE + " ms");
        }
        String operation = "MQGET of the test message from " + queue + " (correlation id " + correlationIdHex + ")";
        return call(queueManager, operation, session -> {
            MQQueue source = session.accessQueue(queue, MQOO_INPUT_SHARED | MQOO_FAIL_IF_QUIESCING);
            try {
                MQMessage message = new MQMessage();
                message.correlationId = correlationId;
                // MQGMO_CONVERT converts to the CCSID asked for here: UTF-8, as the body was put.
                message.characterSet = 1208;
                MQGetMessageOptions options = new MQGetMessageOptions();
                options.options = MQGMO_WAIT | MQGMO_NO_SYNCPOINT | MQGMO_FAIL_IF_QUIESCING | MQGMO_CONVERT;
                options.matchOptions = MQMO_MATCH_CORREL_ID;
                options.waitInterval = (int) wait.toMillis();
                try {
                    source.get(message, options);
                } catch (MQException e) {
                    if (e.getReason() == MQRC_NO_MSG_AVAILABLE) {
                        return Optional.<String>empty();
                    }
                    throw e;
                }
                byte[] data = new byte[message.getDataLength()];
                message.readFully(data);
                return Optional.of(new String(data, StandardCharsets.UTF_8));
            } finally {
                source.close();
            }
        });
    }

    @Override
    public MqscScriptResult applyDefinitions(String queueManager, String mqscScript) {
        List<String> commands = DefinitionScript.checkedCommands(queueManager, mqscScript);
        return call(queueManager, "applying " + commands.size() + " MQSC commands (PCF MQCMD_ESCAPE)", session -> {
            StringBuilder output = new StringBuilder();
            int errors = 0;
            for (int i = 0; i < commands.size(); i++) {
                String command = commands.get(i);
                output.append(String.format("%6d : %s", i + 1, command)).append('\n');
                PCFMessage request = escape(command);
                String text;
                boolean failed;
                try {
                    PCFMessage[] responses = session.send(request);
                    text = escapeText(responses);
                    failed = MQSC_ERROR.matcher(text).find();
                } catch (PCFException e) {
                    if (isConnectionLevel(e.getReason())) {
                        throw e;
                    }
                    String responseText = e.exceptionSource instanceof PCFMessage[] r ? escapeText(r) : "";
                    text = (responseText.isEmpty() ? "" : responseText + "\n")
                            + "PCF reason " + PcfErrors.describe(e.getReason());
                    failed = true;
                }
                if (failed) {
                    errors++;
                }
                output.append(text).append('\n');
            }
            output.append(commands.size()).append(" MQSC commands read.\n")
                    .append(errors).append(" commands had errors.\n");
            return new MqscScriptResult(commands.size(), errors, output.toString());
        });
    }

    @Override
    public String exportDefinitions(String queueManager) {
        PCFMessage queues = named(MQCMD_INQUIRE_Q, MQCA_Q_NAME, "*");
        queues.addParameter(MQIACF_Q_ATTRS, new int[] {MQIACF_ALL});
        PCFMessage channels = named(MQCMD_INQUIRE_CHANNEL, MQCACH_CHANNEL_NAME, "*");
        channels.addParameter(MQIACF_CHANNEL_ATTRS, new int[] {MQIACF_ALL});
        PCFMessage listeners = named(MQCMD_INQUIRE_LISTENER, MQCACH_LISTENER_NAME, "*");
        listeners.addParameter(MQIACF_LISTENER_ATTRS, new int[] {MQIACF_ALL});
        String operation = "exporting definitions (PCF MQCMD_INQUIRE_Q, MQCMD_INQUIRE_CHANNEL, MQCMD_INQUIRE_LISTENER)";
        return call(queueManager, operation, session -> PcfDefinitionExport.render(queueManager,
                Arrays.asList(sendAllowingNone(session, queues, MQRC_UNKNOWN_OBJECT_NAME, MQRCCF_NONE_FOUND)),
                Arrays.asList(sendAllowingNone(session, channels, MQRCCF_CHANNEL_NOT_FOUND, MQRCCF_NONE_FOUND)),
                Arrays.asList(sendAllowingNone(session, listeners, MQRC_UNKNOWN_OBJECT_NAME, MQRCCF_NONE_FOUND))));
    }

    private <T> T call(String queueManager, String operation, PcfCall<T> work) {
        try (PcfSession session = connections.open(queueManager)) {
            return work.run(session);
        } catch (PCFException e) {
            throw PcfErrors.failure(queueManager, operation, e.getReason(), e);
        } catch (MQDataException e) {
            if (e.getReason() == MQRC_NO_MSG_AVAILABLE) {
                // The agent waited for the command server's reply and none came.
                throw new MqAdminException(Reason.OTHER, queueManager, queueManager + ": " + operation
                        + " got no reply from the command server within the PCF agent's wait (reason "
                        + PcfErrors.describe(e.getReason()) + "); DISPLAY QMSTATUS CMDSERV shows whether it runs", e);
            }
            throw PcfErrors.failure(queueManager, operation, e.getReason(), e);
        } catch (MQException e) {
            throw PcfErrors.failure(queueManager, operation, e.getReason(), e);
        } catch (IOException e) {
            // Raised while writing or parsing a PCF or MQ message buffer, not by the network.
            throw new MqAdminException(Reason.OTHER, queueManager,
                    queueManager + ": " + operation + " failed with an I/O error: " + e.getMessage(), e);
        }
    }

    /** A request on the object {@code name} names (a generic name such as {@code *} for an inquiry). */
    private static PCFMessage named(int command, int nameParameter, String name) {
        PCFMessage request = new PCFMessage(command);
        request.addParameter(nameParameter, name);
        return request;
    }

    /** Sends, treating the given reason codes as "nothing matched" rather than as failures. */
    private static PCFMessage[] sendAllowingNone(PcfSession session, PCFMessage request, int... noneReasons)
            throws MQDataException, IOException {
        try {
            return session.send(request);
        } catch (PCFException e) {
            for (int reason : noneReasons) {
                if (e.getReason() == reason) {
                    return new PCFMessage[0];
                }
            }
            throw e;
        }
    }

    private static PCFMessage escape(String command) {
        PCFMessage request = new PCFMessage(MQCMD_ESCAPE);
        request.addParameter(MQIACF_ESCAPE_TYPE, MQET_MQSC);
        request.addParameter(MQCACF_ESCAPE_TEXT, command);
        return request;
    }

    private static String escapeText(PCFMessage[] responses) {
        List<String> texts = new ArrayList<>();
        for (PCFMessage response : responses) {
            Object text = response.getParameterValue(MQCACF_ESCAPE_TEXT);
            if (text != null && !text.toString().isBlank()) {
                texts.add(text.toString().strip());
            }
        }
        return String.join("\n", texts);
    }

    private static boolean isConnectionLevel(int reason) {
        Reason typed = PcfErrors.reasonFor(reason);
        return typed == Reason.CONNECTION_BROKEN || typed == Reason.QUEUE_MANAGER_NOT_AVAILABLE;
    }

    /** "START CHANNEL(X) (PCF MQCMD_START_CHANNEL)": what a reader knows from runmqsc, and what was sent. */
    private static String operation(String mqscEquivalent, PCFMessage request) {
        return mqscEquivalent + " (PCF " + MQConstants.lookup(request.getCommand(), "MQCMD_.*") + ")";
    }

    private static PCFMessage single(String queueManager, String operation, PCFMessage[] responses) {
        if (responses.length != 1) {
            throw new MqAdminException(Reason.UNRECOGNISED_OUTPUT, queueManager, queueManager + ": " + operation
                    + " returned " + responses.length + " responses where one was expected");
        }
        return responses[0];
    }

    private static String required(String queueManager, String operation, Map<String, String> attributes, String name) {
        String value = attributes.get(name);
        if (value == null) {
            throw new MqAdminException(Reason.UNRECOGNISED_OUTPUT, queueManager, queueManager + ": " + operation
                    + " returned a response without " + name + ": " + attributes);
        }
        return value;
    }

    private static void expectWord(String queueManager, String operation, Map<String, String> attributes,
                                   String name, String value, String... words) {
        if (!Arrays.asList(words).contains(value)) {
            throw new MqAdminException(Reason.UNRECOGNISED_OUTPUT, queueManager, queueManager + ": " + operation
                    + " returned " + name + " value " + value + ", expected one of " + Arrays.toString(words)
                    + ": " + attributes);
        }
    }

    /** A status integer that MqscAttributes had no word for stays a number: refuse it instead of passing it on. */
    private static void expectKnownWord(String queueManager, String operation, Map<String, String> attributes,
                                        String name, String value) {
        if (value.chars().allMatch(Character::isDigit)) {
            throw new MqAdminException(Reason.UNRECOGNISED_OUTPUT, queueManager, queueManager + ": " + operation
                    + " returned " + name + " value " + value + " that has no MQSC word: " + attributes);
        }
    }

    private static byte[] correlationId(String queueManager, String hex) {
        if (hex == null || !CORRELATION_ID.matcher(hex).matches()) {
            throw invalid(queueManager, "correlation id '" + hex + "' must be 48 hexadecimal digits (24 bytes)");
        }
        return HexFormat.of().parseHex(hex);
    }

    /** A channel name by the channel rule (20 characters), any other by the 48-character one. */
    private static void checkName(String queueManager, String what, String value) {
        ("channel".equals(what) ? NameRules.checkChannelName(value) : NameRules.checkMqName(value))
                .ifPresent(problem -> {
                    throw invalid(queueManager, what + " name " + problem);
                });
    }

    /** A name or a generic name: "*" or a valid name followed by one "*". */
    private static void checkGenericName(String queueManager, String what, String value) {
        if ("*".equals(value)) {
            return;
        }
        String stem = value != null && value.endsWith("*") ? value.substring(0, value.length() - 1) : value;
        checkName(queueManager, what, stem);
    }

    private static MqAdminException invalid(String queueManager, String problem) {
        return new MqAdminException(Reason.OTHER, queueManager, queueManager + ": invalid argument: " + problem);
    }
}
