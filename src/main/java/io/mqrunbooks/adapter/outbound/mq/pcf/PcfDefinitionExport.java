package io.mqrunbooks.adapter.outbound.mq.pcf;

import static com.ibm.mq.constants.MQConstants.*;

import com.ibm.mq.headers.pcf.PCFMessage;
import com.ibm.mq.headers.pcf.PCFParameter;
import io.mqrunbooks.application.port.out.mq.MqAdminException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Renders inquire responses as {@code DEFINE ... REPLACE} commands, dmpmqcfg style, one attribute per
 * continuation line. Only attributes whose MQSC spelling and value words are mapped are written (the lists
 * below); everything else is left to the queue manager's defaults, so this is a definition of the objects'
 * identity and routing, not a byte-for-byte dmpmqcfg replacement. SYSTEM.* objects are not exported, nor
 * channel types other than SDR, SVR, RCVR, RQSTR, SVRCONN, CLUSSDR and CLUSRCVR, nor non-TCP listeners.
 */
final class PcfDefinitionExport {

    private static final List<Integer> QLOCAL = List.of(MQCA_Q_DESC, MQIA_INHIBIT_PUT, MQIA_INHIBIT_GET,
            MQIA_DEF_PERSISTENCE, MQIA_DEF_PRIORITY, MQIA_MAX_Q_DEPTH, MQIA_MAX_MSG_LENGTH, MQIA_USAGE,
            MQCA_CLUSTER_NAME, MQCA_CLUSTER_NAMELIST, MQIA_DEF_BIND, MQCA_BACKOUT_REQ_Q_NAME, MQIA_BACKOUT_THRESHOLD);
    private static final List<Integer> QMODEL = List.of(MQCA_Q_DESC, MQIA_INHIBIT_PUT, MQIA_INHIBIT_GET,
            MQIA_DEF_PERSISTENCE, MQIA_DEF_PRIORITY, MQIA_MAX_Q_DEPTH, MQIA_MAX_MSG_LENGTH, MQIA_DEFINITION_TYPE,
            MQCA_BACKOUT_REQ_Q_NAME, MQIA_BACKOUT_THRESHOLD);
    private static final List<Integer> QALIAS = List.of(MQCA_Q_DESC, MQIA_INHIBIT_PUT, MQIA_INHIBIT_GET,
            MQIA_DEF_PERSISTENCE, MQIA_DEF_PRIORITY, MQCA_BASE_OBJECT_NAME, MQIA_BASE_TYPE, MQCA_CLUSTER_NAME,
            MQCA_CLUSTER_NAMELIST, MQIA_DEF_BIND);
    private static final List<Integer> QREMOTE = List.of(MQCA_Q_DESC, MQIA_INHIBIT_PUT, MQIA_DEF_PERSISTENCE,
            MQIA_DEF_PRIORITY, MQCA_REMOTE_Q_NAME, MQCA_REMOTE_Q_MGR_NAME, MQCA_XMIT_Q_NAME, MQCA_CLUSTER_NAME,
            MQCA_CLUSTER_NAMELIST, MQIA_DEF_BIND);

    private static final List<Integer> CHANNEL_COMMON = List.of(MQIACH_XMIT_PROTOCOL_TYPE, MQCACH_DESC,
            MQIACH_MAX_MSG_LENGTH, MQIACH_HB_INTERVAL, MQCACH_SSL_CIPHER_SPEC);
    private static final Map<String, List<Integer>> CHANNEL_EXTRA = Map.of(
            "SDR", List.of(MQCACH_CONNECTION_NAME, MQCACH_XMIT_Q_NAME, MQIACH_DISC_INTERVAL),
            "SVR", List.of(MQCACH_CONNECTION_NAME, MQCACH_XMIT_Q_NAME, MQIACH_DISC_INTERVAL),
            "RQSTR", List.of(MQCACH_CONNECTION_NAME, MQCACH_MCA_USER_ID, MQIACH_SSL_CLIENT_AUTH),
            "RCVR", List.of(MQCACH_MCA_USER_ID, MQIACH_SSL_CLIENT_AUTH),
            "SVRCONN", List.of(MQCACH_MCA_USER_ID, MQIACH_SSL_CLIENT_AUTH),
            "CLUSSDR", List.of(MQCACH_CONNECTION_NAME, MQCA_CLUSTER_NAME, MQCA_CLUSTER_NAMELIST, MQIACH_DISC_INTERVAL),
            "CLUSRCVR", List.of(MQCACH_CONNECTION_NAME, MQCA_CLUSTER_NAME, MQCA_CLUSTER_NAMELIST,
                    MQCACH_MCA_USER_ID, MQIACH_SSL_CLIENT_AUTH, MQIACH_DISC_INTERVAL));
    private static final List<String> CHANNEL_ORDER = List.of("SDR", "SVR", "RQSTR", "RCVR", "SVRCONN", "CLUSRCVR", "CLUSSDR");

    private static final List<Integer> LISTENER = List.of(MQIACH_XMIT_PROTOCOL_TYPE, MQIACH_PORT, MQCACH_IP_ADDRESS,
            MQIACH_BACKLOG, MQIACH_LISTENER_CONTROL, MQCACH_LISTENER_DESC);

    private static final List<String> QUEUE_ORDER = List.of("QLOCAL", "QMODEL", "QALIAS", "QREMOTE");
    private static final List<String> LISTENER_TRANSPORTS = List.of("TCP");

    private PcfDefinitionExport() {
    }

    /** The script for these inquire responses, queues then channels then listeners, each sorted by name. */
    static String render(String queueManager, List<PCFMessage> queues, List<PCFMessage> channels,
                         List<PCFMessage> listeners) {
        List<String> commands = new ArrayList<>();
        exported(queues, MQCA_Q_NAME, MQIA_Q_TYPE, QUEUE_ORDER).forEach(q -> commands.add(queue(queueManager, q)));
        exported(channels, MQCACH_CHANNEL_NAME, MQIACH_CHANNEL_TYPE, CHANNEL_ORDER)
                .forEach(c -> commands.add(channel(queueManager, c)));
        exported(listeners, MQCACH_LISTENER_NAME, MQIACH_XMIT_PROTOCOL_TYPE, LISTENER_TRANSPORTS)
                .forEach(l -> commands.add(listener(queueManager, l)));
        StringBuilder script = new StringBuilder();
        script.append("* Definitions of ").append(queueManager)
                .append(" exported by mq-runbooks over PCF (SYSTEM.* objects excluded)\n");
        for (String command : commands) {
            script.append(command).append('\n');
        }
        return script.toString();
    }

    /** The objects that are exported: not SYSTEM.*, of a type in {@code order}; sorted by that order, then by name. */
    private static Stream<PCFMessage> exported(List<PCFMessage> objects, int nameId, int typeId, List<String> order) {
        return objects.stream()
                .filter(o -> !isSystem(string(o, nameId)))
                .filter(o -> order.contains(word(o, typeId)))
                .sorted(Comparator.<PCFMessage>comparingInt(o -> order.indexOf(word(o, typeId)))
                        .thenComparing(o -> string(o, nameId)));
    }

    private static String queue(String queueManager, PCFMessage q) {
        String type = word(q, MQIA_Q_TYPE);
        List<Integer> attributes = switch (type) {
            case "QLOCAL" -> QLOCAL;
            case "QMODEL" -> QMODEL;
            case "QALIAS" -> QALIAS;
            default -> QREMOTE;
        };
        return define(queueManager, "DEFINE " + type + "(" + quote(string(q, MQCA_Q_NAME)) + ")", q, attributes);
    }

    private static String channel(String queueManager, PCFMessage c) {
        String type = word(c, MQIACH_CHANNEL_TYPE);
        List<Integer> attributes = new ArrayList<>(CHANNEL_COMMON);
        attributes.addAll(CHANNEL_EXTRA.get(type));
        return define(queueManager, "DEFINE CHANNEL(" + quote(string(c, MQCACH_CHANNEL_NAME)) + ") CHLTYPE(" + type + ")",
                c, attributes);
    }

    private static String listener(String queueManager, PCFMessage l) {
        return define(queueManager, "DEFINE LISTENER(" + quote(string(l, MQCACH_LISTENER_NAME)) + ")", l, LISTENER);
    }

    private static String define(String queueManager, String head, PCFMessage response, List<Integer> attributes) {
        StringBuilder command = new StringBuilder(head).append(" +\n");
        for (int id : attributes) {
            PCFParameter parameter = response.getParameter(id);
            if (parameter == null) {
                continue;
            }
            command.append("       ").append(MqscAttributes.name(id)).append('(')
                    .append(mqscValue(queueManager, head, id, parameter.getValue())).append(") +\n");
        }
        return command.append("       REPLACE").toString();
    }

    private static String mqscValue(String queueManager, String head, int id, Object value) {
        if (value instanceof String s) {
            return quote(s.trim());
        }
        if (value instanceof String[] list) {
            // A namelist-valued attribute is never among the mapped ones; refuse rather than misrender.
            throw unrecognised(queueManager, head, id, "a string list");
        }
        String rendered = MqscAttributes.value(id, value);
        if (value instanceof Integer number && MqscAttributes.hasWords(id) && rendered.equals(number.toString())) {
            throw unrecognised(queueManager, head, id, "value " + number + " that has no MQSC word here");
        }
        return rendered;
    }

    private static MqAdminException unrecognised(String queueManager, String head, int id, String what) {
        return new MqAdminException(MqAdminException.Reason.UNRECOGNISED_OUTPUT, queueManager, queueManager + ": cannot export " + head + ": attribute "
                + MqscAttributes.name(id) + " (" + MqscAttributes.parameterName(id) + ") has " + what);
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static boolean isSystem(String name) {
        return name.startsWith("SYSTEM.");
    }

    private static String string(PCFMessage response, int id) {
        Object value = response.getParameterValue(id);
        return value == null ? "" : value.toString().trim();
    }

    private static String word(PCFMessage response, int id) {
        Object value = response.getParameterValue(id);
        return value == null ? "" : MqscAttributes.value(id, value);
    }
}
