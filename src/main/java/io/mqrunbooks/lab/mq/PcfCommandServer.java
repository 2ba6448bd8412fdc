package io.mqrunbooks.lab.mq;

import static com.ibm.mq.constants.MQConstants.*;

import com.ibm.mq.MQMessage;
import com.ibm.mq.headers.MQDataException;
import com.ibm.mq.headers.pcf.MQCFSF;
import com.ibm.mq.headers.pcf.PCFMessage;
import io.mqrunbooks.mq.ChannelStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The lab's command server: reads PCF request bytes (MQCFH and parameter structures, parsed by the IBM MQ
 * classes' own {@code new PCFMessage(DataInput)}), answers from the same simulated queue managers that runmqsc
 * reads ({@link Mqsc#displayAll}, {@link Mqsc#command}), and writes each response with
 * {@code PCFMessage.write} in the request's encoding and CCSID. Strings are blank-padded to MQ's field
 * lengths as a queue manager sends them. Failures are responses with MQCC_FAILED and a reason code, from which
 * the client's PCFMessageAgent raises its PCFException.
 *
 * <p>Reason codes for failures (IBM MQ 9.4, "PCF reason codes"): the runmqsc message the same command gives
 * in the lab decides which one (table {@link #REASONS}); which one a real command server returns for a cluster
 * or listener name it does not know is not confirmed (docs/pcf.md).
 */
final class PcfCommandServer {

    /** Whether an attribute is a string (padded to a length) or an integer (with MQSC words, or a number). */
    private record Attribute(String mqsc, int id, int length, Map<String, Integer> words) {
        static Attribute text(String mqsc, int id, int length) {
            return new Attribute(mqsc, id, length, null);
        }

        static Attribute number(String mqsc, int id) {
            return new Attribute(mqsc, id, 0, null);
        }

        static Attribute word(String mqsc, int id, Map<String, Integer> words) {
            return new Attribute(mqsc, id, 0, words);
        }

        boolean isText() {
            return length > 0;
        }
    }

    /** The model's channel states (their MQCHS_* values with them), as for every other reader of CHSTATUS. */
    private static final Map<String, Integer> CHANNEL_STATUS = Arrays.stream(ChannelStatus.State.values())
            .collect(Collectors.toMap(Enum::name, ChannelStatus.State::pcfValue));
    private static final Map<String, Integer> CHANNEL_TYPE = Map.of("SDR", MQCHT_SENDER, "SVR", MQCHT_SERVER,
            "RCVR", MQCHT_RECEIVER, "RQSTR", MQCHT_REQUESTER, "CLNTCONN", MQCHT_CLNTCONN, "SVRCONN", MQCHT_SVRCONN,
            "CLUSRCVR", MQCHT_CLUSRCVR, "CLUSSDR", MQCHT_CLUSSDR, "AMQP", MQCHT_AMQP, "MQTT", MQCHT_MQTT);
    private static final Map<String, Integer> QUEUE_TYPE = Map.of("QLOCAL", MQQT_LOCAL, "QMODEL", MQQT_MODEL,
            "QALIAS", MQQT_ALIAS, "QREMOTE", MQQT_REMOTE, "QCLUSTER", MQQT_CLUSTER);
    private static final Map<String, Integer> TRANSPORT = Map.of("TCP", MQXPT_TCP, "LU62", MQXPT_LU62,
            "NETBIOS", MQXPT_NETBIOS, "SPX", MQXPT_SPX);
    private static final Map<String, Integer> PERSISTENCE = Map.of("YES", MQPER_PERSISTENT, "NO", MQPER_NOT_PERSISTENT);
    private static final Map<String, Integer> BIND = Map.of("OPEN", MQBND_BIND_ON_OPEN, "NOTFIXED",
            MQBND_BIND_NOT_FIXED, "GROUP", MQBND_BIND_ON_GROUP);

    // The PCF parameters of each response (IBM MQ 9.4 "Inquire ... (Response)" pages), by their MQSC names.
    private static final List<Attribute> QMSTATUS = List.of(
            Attribute.text("QMNAME", MQCA_Q_MGR_NAME, MQ_Q_MGR_NAME_LENGTH),
            Attribute.word("STATUS", MQIACF_Q_MGR_STATUS, Map.of("STARTING", MQQMSTA_STARTING,
                    "RUNNING", MQQMSTA_RUNNING, "QUIESCING", MQQMSTA_QUIESCING, "STANDBY", MQQMSTA_STANDBY)),
            Attribute.word("CMDSERV", MQIACF_CMD_SERVER_STATUS, Map.of("RUNNING", MQSVC_STATUS_RUNNING)),
            Attribute.number("CONNS", MQIACF_CONNECTION_COUNT),
            Attribute.text("STARTDA", MQCACF_Q_MGR_START_DATE, MQ_DATE_LENGTH),
            Attribute.text("STARTTI", MQCACF_Q_MGR_START_TIME, MQ_TIME_LENGTH),
            Attribute.text("INSTNAME", MQCA_INSTALLATION_NAME, MQ_INSTALLATION_NAME_LENGTH),
            Attribute.text("INSTPATH", MQCA_INSTALLATION_PATH, MQ_INSTALLATION_PATH_LENGTH),
            Attribute.word("STANDBY", MQIACF_PERMIT_STANDBY, Map.of("PERMIT", MQSTDBY_PERMITTED,
                    "NOPERMIT", MQSTDBY_NOT_PERMITTED)));
    private static final List<Attribute> CLUSQMGR = List.of(
            Attribute.text("CLUSQMGR", MQCA_CLUSTER_Q_MGR_NAME, MQ_Q_MGR_NAME_LENGTH),
            Attribute.text("CHANNEL", MQCACH_CHANNEL_NAME, MQ_CHANNEL_NAME_LENGTH),
            Attribute.text("CLUSTER", MQCA_CLUSTER_NAME, MQ_CLUSTER_NAME_LENGTH),
            Attribute.text("CONNAME", MQCACH_CONNECTION_NAME, MQ_CONN_NAME_LENGTH),
            Attribute.word("DEFTYPE", MQIACF_Q_MGR_DEFINITION_TYPE, Map.of("CLUSSDR", MQQMDT_EXPLICIT_CLUSTER_SENDER,
                    "CLUSSDRA", MQQMDT_AUTO_CLUSTER_SENDER, "CLUSSDRB", MQQMDT_AUTO_EXP_CLUSTER_SENDER,
                    "CLUSRCVR", MQQMDT_CLUSTER_RECEIVER)),
            Attribute.text("QMID", MQCA_Q_MGR_IDENTIFIER, MQ_Q_MGR_IDENTIFIER_LENGTH),
            Attribute.word("QMTYPE", MQIACF_Q_MGR_TYPE, Map.of("REPOS", MQQMT_REPOSITORY, "NORMAL", MQQMT_NORMAL)),
            Attribute.word("STATUS", MQIACH_CHANNEL_STATUS, CHANNEL_STATUS),
            Attribute.word("SUSPEND", MQIACF_SUSPEND, Map.of("YES", MQSUS_YES, "NO", MQSUS_NO)),
            Attribute.word("TRPTYPE", MQIACH_XMIT_PROTOCOL_TYPE, TRANSPORT),
            Attribute.text("VERSION", MQCA_VERSION, MQ_VERSION_LENGTH),
            Attribute.text("DESCR", MQCACH_DESC, MQ_CHANNEL_DESC_LENGTH),
            Attribute.number("BATCHSZ", MQIACH_BATCH_SIZE),
            Attribute.text("ALTDATE", MQCA_ALTERATION_DATE, MQ_DATE_LENGTH),
            Attribute.text("ALTTIME", MQCA_ALTERATION_TIME, MQ_TIME_LENGTH),
            Attribute.text("CLUSDATE", MQCA_CLUSTER_DATE, MQ_DATE_LENGTH),
            Attribute.text("CLUSTIME", MQCA_CLUSTER_TIME, MQ_TIME_LENGTH));
    private static final List<Attribute> QUEUE = List.of(
            Attribute.text("QUEUE", MQCA_Q_NAME, MQ_Q_NAME_LENGTH),
            Attribute.word("TYPE", MQIA_Q_TYPE, QUEUE_TYPE),
            Attribute.text("CLUSQMGR", MQCA_CLUSTER_Q_MGR_NAME, MQ_Q_MGR_NAME_LENGTH),
            Attribute.text("CLUSTER", MQCA_CLUSTER_NAME, MQ_CLUSTER_NAME_LENGTH),
            Attribute.text("CLUSNL", MQCA_CLUSTER_NAMELIST, MQ_NAMELIST_NAME_LENGTH),
            Attribute.word("CLUSQT", MQIA_CLUSTER_Q_TYPE, Map.of("QLOCAL", MQCQT_LOCAL_Q, "QALIAS", MQCQT_ALIAS_Q,
                    "QREMOTE", MQCQT_REMOTE_Q, "QMGR", MQCQT_Q_MGR_ALIAS)),
            Attribute.text("QMID", MQCA_Q_MGR_IDENTIFIER, MQ_Q_MGR_IDENTIFIER_LENGTH),
            Attribute.number("CURDEPTH", MQIA_CURRENT_Q_DEPTH),
            Attribute.text("DESCR", MQCA_Q_DESC, MQ_Q_DESC_LENGTH),
            Attribute.word("PUT", MQIA_INHIBIT_PUT, Map.of("ENABLED", MQQA_PUT_ALLOWED, "DISABLED", MQQA_PUT_INHIBITED)),
            Attribute.word("GET", MQIA_INHIBIT_GET, Map.of("ENABLED", MQQA_GET_ALLOWED, "DISABLED", MQQA_GET_INHIBITED)),
            Attribute.word("DEFPSIST", MQIA_DEF_PERSISTENCE, PERSISTENCE),
            Attribute.number("DEFPRTY", MQIA_DEF_PRIORITY),
            Attribute.number("MAXDEPTH", MQIA_MAX_Q_DEPTH),
            Attribute.number("MAXMSGL", MQIA_MAX_MSG_LENGTH),
            Attribute.word("USAGE", MQIA_USAGE, Map.of("NORMAL", MQUS_NORMAL, "XMITQ", MQUS_TRANSMISSION)),
            Attribute.word("DEFBIND", MQIA_DEF_BIND, BIND),
            Attribute.text("BOQNAME", MQCA_BACKOUT_REQ_Q_NAME, MQ_Q_NAME_LENGTH),
            Attribute.number("BOTHRESH", MQIA_BACKOUT_THRESHOLD),
            Attribute.word("DEFTYPE", MQIA_DEFINITION_TYPE, Map.of("PREDEFINED", MQQDT_PREDEFINED,
                    "PERMDYN", MQQDT_PERMANENT_DYNAMIC, "TEMPDYN", MQQDT_TEMPORARY_DYNAMIC,
                    "SHAREDYN", MQQDT_SHARED_DYNAMIC)),
            Attribute.text("TARGET", MQCA_BASE_OBJECT_NAME, MQ_OBJECT_NAME_LENGTH),
            Attribute.word("TARGTYPE", MQIA_BASE_TYPE, Map.of("QUEUE", MQOT_Q, "TOPIC", MQOT_TOPIC)),
            Attribute.text("RNAME", MQCA_REMOTE_Q_NAME, MQ_Q_NAME_LENGTH),
            Attribute.text("RQMNAME", MQCA_REMOTE_Q_MGR_NAME, MQ_Q_MGR_NAME_LENGTH),
            Attribute.text("XMITQ", MQCA_XMIT_Q_NAME, MQ_Q_NAME_LENGTH));
    private static final List<Attribute> CHANNEL = List.of(
            Attribute.text("CHANNEL", MQCACH_CHANNEL_NAME, MQ_CHANNEL_NAME_LENGTH),
            Attribute.word("CHLTYPE", MQIACH_CHANNEL_TYPE, CHANNEL_TYPE),
            Attribute.word("TRPTYPE", MQIACH_XMIT_PROTOCOL_TYPE, TRANSPORT),
            Attribute.text("DESCR", MQCACH_DESC, MQ_CHANNEL_DESC_LENGTH),
            Attribute.text("CONNAME", MQCACH_CONNECTION_NAME, MQ_CONN_NAME_LENGTH),
            Attribute.text("XMITQ", MQCACH_XMIT_Q_NAME, MQ_Q_NAME_LENGTH),
            Attribute.text("CLUSTER", MQCA_CLUSTER_NAME, MQ_CLUSTER_NAME_LENGTH),
            Attribute.text("CLUSNL", MQCA_CLUSTER_NAMELIST, MQ_NAMELIST_NAME_LENGTH),
            Attribute.number("MAXMSGL", MQIACH_MAX_MSG_LENGTH),
            Attribute.number("HBINT", MQIACH_HB_INTERVAL),
            Attribute.number("DISCINT", MQIACH_DISC_INTERVAL),
            Attribute.text("SSLCIPH", MQCACH_SSL_CIPHER_SPEC, MQ_SSL_CIPHER_SPEC_LENGTH),
            Attribute.word("SSLCAUTH", MQIACH_SSL_CLIENT_AUTH, Map.of("REQUIRED", MQSCA_REQUIRED,
                    "OPTIONAL", MQSCA_OPTIONAL)),
            Attribute.text("MCAUSER", MQCACH_MCA_USER_ID, MQ_USER_ID_LENGTH));
    private static final List<Attribute> CHSTATUS = List.of(
            Attribute.text("CHANNEL", MQCACH_CHANNEL_NAME, MQ_CHANNEL_NAME_LENGTH),
            Attribute.word("CHLTYPE", MQIACH_CHANNEL_TYPE, CHANNEL_TYPE),
            Attribute.text("CONNAME", MQCACH_CONNECTION_NAME, MQ_CONN_NAME_LENGTH),
            Attribute.word("CURRENT", MQIACH_CHANNEL_INSTANCE_TYPE, Map.of("CURRENT", MQOT_CURRENT_CHANNEL)),
            Attribute.word("STATUS", MQIACH_CHANNEL_STATUS, CHANNEL_STATUS),
            Attribute.text("XMITQ", MQCACH_XMIT_Q_NAME, MQ_Q_NAME_LENGTH),
            Attribute.text("RQMNAME", MQCA_REMOTE_Q_MGR_NAME, MQ_Q_MGR_NAME_LENGTH),
            Attribute.number("MSGS", MQIACH_MSGS));
    private static final List<Attribute> LISTENER = List.of(
            Attribute.text("LISTENER", MQCACH_LISTENER_NAME, MQ_LISTENER_NAME_LENGTH),
            Attribute.word("TRPTYPE", MQIACH_XMIT_PROTOCOL_TYPE, TRANSPORT),
            Attribute.number("PORT", MQIACH_PORT),
            Attribute.text("IPADDR", MQCACH_IP_ADDRESS, MQ_IP_ADDRESS_LENGTH),
            Attribute.number("BACKLOG", MQIACH_BACKLOG),
            Attribute.word("CONTROL", MQIACH_LISTENER_CONTROL, Map.of("QMGR", MQSVC_CONTROL_Q_MGR,
                    "STARTONLY", MQSVC_CONTROL_Q_MGR_START, "MANUAL", MQSVC_CONTROL_MANUAL)),
            Attribute.text("DESCR", MQCACH_LISTENER_DESC, MQ_LISTENER_DESC_LENGTH));

    /**
     * The runmqsc message the lab gives for a failed command → the PCF reason a command server returns for it
     * (IBM MQ 9.4 "PCF reason codes": 2085 MQRC_UNKNOWN_OBJECT_NAME, 4032 MQRCCF_CHANNEL_NOT_FOUND,
     * 4031 MQRCCF_CHANNEL_IN_USE, 4064 MQRCCF_CHANNEL_NOT_ACTIVE, 3008 MQRCCF_COMMAND_FAILED otherwise).
     */
    private static final Map<String, Integer> REASONS = Map.of("AMQ8147E", MQRC_UNKNOWN_OBJECT_NAME,
            "AMQ8227E", MQRCCF_CHANNEL_NOT_FOUND, "AMQ9514E", MQRCCF_CHANNEL_IN_USE,
            "AMQ9533E", MQRCCF_CHANNEL_NOT_ACTIVE);
    private static final Pattern AMQ_ID = Pattern.compile("\\b(AMQ\\d{4}[A-Z])\\b");

    private final Mqsc mqsc;

    PcfCommandServer(Mqsc mqsc) {
        this.mqsc = mqsc;
    }

    /** Answers one request put to SYSTEM.ADMIN.COMMAND.QUEUE of the queue manager running as {@code rt}. */
    List<byte[]> answer(QueueManagerRuntime rt, String host, byte[] request, int encoding, int ccsid) {
        PCFMessage command;
        try {
            MQMessage message = new MQMessage();
            message.encoding = encoding;
            message.characterSet = ccsid;
            message.write(request);
            message.seek(0);
            command = new PCFMessage(message);
        } catch (MQDataException | IOException e) {
            return write(List.of(failure(MQCMD_NONE, MQRCCF_STRUCTURE_TYPE_ERROR)), encoding, ccsid);
        }
        return write(responses(rt, host, command), encoding, ccsid);
    }

    private List<PCFMessage> responses(QueueManagerRuntime rt, String host, PCFMessage request) {
        int command = request.getCommand();
        return switch (command) {
            case MQCMD_INQUIRE_Q_MGR_STATUS -> inquiry(request, mqsc.displayAll(rt, host, "QMSTATUS", null), QMSTATUS,
                    MQRC_UNKNOWN_OBJECT_NAME);
            case MQCMD_INQUIRE_CLUSTER_Q_MGR -> {
                String name = text(request, MQCA_CLUSTER_Q_MGR_NAME);
                yield inquiry(request, mqsc.displayAll(rt, host, "CLUSQMGR", name), CLUSQMGR,
                        name.endsWith("*") ? MQRCCF_NONE_FOUND : MQRC_UNKNOWN_OBJECT_NAME);
            }
            case MQCMD_INQUIRE_Q -> inquireQueues(rt, host, request);
            case MQCMD_INQUIRE_CHANNEL -> inquiry(request,
                    mqsc.displayAll(rt, host, "CHANNEL", text(request, MQCACH_CHANNEL_NAME)), CHANNEL,
                    MQRCCF_CHANNEL_NOT_FOUND);
            case MQCMD_INQUIRE_CHANNEL_STATUS -> inquiry(request,
                    mqsc.displayAll(rt, host, "CHSTATUS", text(request, MQCACH_CHANNEL_NAME)), CHSTATUS,
                    MQRCCF_CHL_STATUS_NOT_FOUND);
            case MQCMD_INQUIRE_LISTENER -> inquiry(request,
                    mqsc.displayAll(rt, host, "LISTENER", text(request, MQCACH_LISTENER_NAME)), LISTENER,
                    MQRC_UNKNOWN_OBJECT_NAME);
            case MQCMD_SUSPEND_Q_MGR_CLUSTER -> action(rt, host, request,
                    "SUSPEND QMGR CLUSTER(" + text(request, MQCA_CLUSTER_NAME) + ")");
            case MQCMD_RESUME_Q_MGR_CLUSTER -> action(rt, host, request,
                    "RESUME QMGR CLUSTER(" + text(request, MQCA_CLUSTER_NAME) + ")");
            case MQCMD_START_CHANNEL -> action(rt, host, request,
                    "START CHANNEL(" + text(request, MQCACH_CHANNEL_NAME) + ")");
            case MQCMD_STOP_CHANNEL -> action(rt, host, request,
                    "STOP CHANNEL(" + text(request, MQCACH_CHANNEL_NAME) + ")");
            case MQCMD_START_CHANNEL_LISTENER -> action(rt, host, request,
                    "START LISTENER(" + text(request, MQCACH_LISTENER_NAME) + ")");
            case MQCMD_STOP_CHANNEL_LISTENER -> action(rt, host, request,
                    "STOP LISTENER(" + text(request, MQCACH_LISTENER_NAME) + ")");
            case MQCMD_CHANGE_CHANNEL -> action(rt, host, request, "ALTER CHANNEL(" + text(request, MQCACH_CHANNEL_NAME)
                    + ") CHLTYPE(" + channelType(request) + ") CONNAME('" + text(request, MQCACH_CONNECTION_NAME) + "')");
            case MQCMD_ESCAPE -> escape(rt, host, request);
            default -> List.of(failure(command, MQRCCF_CFH_COMMAND_ERROR));
        };
    }

    /** Inquire Queue: local objects, or with MQIA_Q_TYPE=MQQT_CLUSTER the cluster queues, with an optional string filter. */
    private List<PCFMessage> inquireQueues(QueueManagerRuntime rt, String host, PCFMessage request) {
        String name = text(request, MQCA_Q_NAME);
        Integer type = (Integer) request.getParameterValue(MQIA_Q_TYPE);
        boolean cluster = type != null && type == MQQT_CLUSTER;
        List<Map<String, String>> rows = new ArrayList<>(mqsc.displayAll(rt, host, cluster ? "QCLUSTER" : "QUEUE", name));
        if (type != null && !cluster && type != MQQT_ALL) {
            rows.removeIf(row -> !Integer.valueOf(type).equals(QUEUE_TYPE.get(row.get("TYPE"))));
        }
        if (rows.isEmpty()) {
            return List.of(failure(request.getCommand(), MQRC_UNKNOWN_OBJECT_NAME));
        }
        Optional<Predicate<Map<String, String>>> filter = stringFilter(request);
        if (filter.isPresent()) {
            rows.removeIf(filter.get().negate());
            if (rows.isEmpty()) {
                return List.of(failure(request.getCommand(), MQRCCF_NONE_FOUND));
            }
        }
        return inquiry(request, rows, QUEUE, MQRC_UNKNOWN_OBJECT_NAME);
    }

    /** An MQCFSF with operator MQCFOP_EQUAL on one of the queue attributes (the only kind the adapter sends). */
    private static Optional<Predicate<Map<String, String>>> stringFilter(PCFMessage request) {
        Enumeration<?> parameters = request.getParameters();
        while (parameters.hasMoreElements()) {
            if (parameters.nextElement() instanceof MQCFSF filter) {
                Attribute attribute = QUEUE.stream().filter(a -> a.id() == filter.getParameter()).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("The lab command server cannot filter on "
                                + "parameter " + filter.getParameter()));
                if (filter.getOperator() != MQCFOP_EQUAL) {
                    throw new IllegalArgumentException("The lab command server filters with MQCFOP_EQUAL only, not "
                            + filter.getOperator());
                }
                String wanted = filter.getFilterValue().trim();
                return Optional.of(row -> wanted.equals(row.get(attribute.mqsc())));
            }
        }
        return Optional.empty();
    }

    private static List<PCFMessage> inquiry(PCFMessage request, List<Map<String, String>> rows, List<Attribute> table,
                                            int noneReason) {
        if (rows.isEmpty()) {
            return List.of(failure(request.getCommand(), noneReason));
        }
        int[] asked = requestedAttributes(request);
        List<PCFMessage> responses = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            PCFMessage response = new PCFMessage(MQCFT_RESPONSE, request.getCommand(), i + 1, i == rows.size() - 1);
            Map<String, String> row = rows.get(i);
            for (int a = 0; a < table.size(); a++) {
                Attribute attribute = table.get(a);
                String value = row.get(attribute.mqsc());
                // The name and type always come back (the first two attributes); the rest when asked for.
                boolean wanted = a < 2 || asked == null || contains(asked, MQIACF_ALL) || contains(asked, attribute.id());
                if (value != null && wanted) {
                    add(response, attribute, value);
                }
            }
            responses.add(response);
        }
        return responses;
    }

    /** The attribute list of the request (MQIACF_*_ATTRS), or null when it has none. */
    private static int[] requestedAttributes(PCFMessage request) {
        for (int id : new int[] {MQIACF_Q_MGR_STATUS_ATTRS, MQIACF_CLUSTER_Q_MGR_ATTRS, MQIACF_Q_ATTRS,
                MQIACF_CHANNEL_ATTRS, MQIACH_CHANNEL_INSTANCE_ATTRS, MQIACF_LISTENER_ATTRS}) {
            if (request.getParameterValue(id) instanceof int[] list) {
                return list;
            }
        }
        return null;
    }

    private static boolean contains(int[] list, int value) {
        return Arrays.stream(list).anyMatch(v -> v == value);
    }

    private static void add(PCFMessage response, Attribute attribute, String value) {
        if (attribute.isText()) {
            response.addParameter(attribute.id(), padded(value, attribute.length()));
            return;
        }
        if (attribute.words() == null) {
            response.addParameter(attribute.id(), Integer.parseInt(value));
            return;
        }
        Integer code = attribute.words().get(value);
        if (code == null) {
            throw new IllegalStateException("The lab command server has no PCF value for " + attribute.mqsc() + "("
                    + value + ")");
        }
        response.addParameter(attribute.id(), code);
    }

    private List<PCFMessage> action(QueueManagerRuntime rt, String host, PCFMessage request, String mqscCommand) {
        Mqsc.Outcome outcome = mqsc.command(rt, host, mqscCommand);
        if (!outcome.failed()) {
            return List.of(new PCFMessage(MQCFT_RESPONSE, request.getCommand(), 1, true));
        }
        String first = outcome.lines().isEmpty() ? "" : outcome.lines().get(0);
        Matcher id = AMQ_ID.matcher(first);
        int reason = id.find() ? REASONS.getOrDefault(id.group(1), MQRCCF_COMMAND_FAILED) : MQRCCF_COMMAND_FAILED;
        return List.of(failure(request.getCommand(), reason));
    }

    /** MQSC in an Escape PCF: runmqsc's response text comes back as MQCACF_ESCAPE_TEXT. */
    private List<PCFMessage> escape(QueueManagerRuntime rt, String host, PCFMessage request) {
        Mqsc.Outcome outcome = mqsc.command(rt, host, text(request, MQCACF_ESCAPE_TEXT));
        PCFMessage response = new PCFMessage(MQCFT_RESPONSE, MQCMD_ESCAPE, 1, true);
        response.addParameter(MQIACF_ESCAPE_TYPE, MQET_MQSC);
        response.addParameter(MQCACF_ESCAPE_TEXT, String.join("\n", outcome.lines()).strip());
        return List.of(response);
    }

    private static String channelType(PCFMessage request) {
        Integer type = (Integer) request.getParameterValue(MQIACH_CHANNEL_TYPE);
        return CHANNEL_TYPE.entrySet().stream().filter(e -> e.getValue().equals(type)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("Unknown channel type " + type));
    }

    private static String text(PCFMessage request, int id) {
        Object value = request.getParameterValue(id);
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException("The request has no string parameter " + id);
        }
        return s.trim();
    }

    private static PCFMessage failure(int command, int reason) {
        PCFMessage response = new PCFMessage(MQCFT_RESPONSE, command, 1, true);
        response.getHeader().setCompCode(MQCC_FAILED);
        response.getHeader().setReason(reason);
        return response;
    }

    private static String padded(String value, int length) {
        return value.length() >= length ? value : value + " ".repeat(length - value.length());
    }

    private static List<byte[]> write(List<PCFMessage> responses, int encoding, int ccsid) {
        List<byte[]> bytes = new ArrayList<>();
        for (PCFMessage response : responses) {
            try {
                MQMessage message = new MQMessage();
                message.encoding = encoding;
                message.characterSet = ccsid;
                response.write(message);
                message.seek(0);
                byte[] data = new byte[message.getDataLength()];
                message.readFully(data);
                bytes.add(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes;
    }
}
