package io.mqrunbooks.adapter.outbound.mq.pcf;

import static com.ibm.mq.constants.MQConstants.*;

import com.ibm.mq.constants.MQConstants;
import com.ibm.mq.headers.pcf.PCFParameter;
import com.ibm.mq.headers.pcf.PCFMessage;
import io.mqrunbooks.mq.ChannelStatus;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * PCF response parameters as the attribute names and value words runmqsc prints (QMTYPE(REPOS),
 * STATUS(RUNNING), CURDEPTH(3)), so maps from both transports compare key by key. The tables follow IBM's
 * PCF reference pages that give each parameter's MQSC equivalent (e.g. Inquire Cluster Queue Manager,
 * https://www.ibm.com/docs/SSFKSJ_9.4.0/refadmin/q087580_.html, with DISPLAY CLUSQMGR,
 * https://ibm.com/support/knowledgecenter/en/SSFKSJ_9.3.0/refadmin/q086110_.html; Inquire Channel Status
 * (Response), https://ibm.com/support/knowledgecenter/en/SSFKSJ_9.3.0/refadmin/q087560_.html). A parameter missing from
 * the table keeps its PCF constant name (e.g. MQIACH_XMITQ_TIME_INDICATOR) and integers without a word table keep their number: shown, never guessed.
 */
final class MqscAttributes {

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            // queue manager status
            Map.entry(MQCA_Q_MGR_NAME, "QMNAME"),
            Map.entry(MQIACF_Q_MGR_STATUS, "STATUS"),
            Map.entry(MQIACF_CHINIT_STATUS, "CHINIT"),
            Map.entry(MQIACF_CMD_SERVER_STATUS, "CMDSERV"),
            Map.entry(MQIACF_CONNECTION_COUNT, "CONNS"),
            Map.entry(MQCACF_Q_MGR_START_DATE, "STARTDA"),
            Map.entry(MQCACF_Q_MGR_START_TIME, "STARTTI"),
            Map.entry(MQCACF_CURRENT_LOG_EXTENT_NAME, "CURRLOG"),
            Map.entry(MQCACF_RESTART_LOG_EXTENT_NAME, "RECLOG"),
            Map.entry(MQCACF_MEDIA_LOG_EXTENT_NAME, "MEDIALOG"),
            Map.entry(MQCACF_LOG_PATH, "LOGPATH"),
            Map.entry(MQCA_INSTALLATION_NAME, "INSTNAME"),
            Map.entry(MQCA_INSTALLATION_PATH, "INSTPATH"),
            Map.entry(MQCA_INSTALLATION_DESC, "INSTDESC"),
            Map.entry(MQIACF_PERMIT_STANDBY, "STANDBY"),
            // cluster queue managers
            Map.entry(MQCA_CLUSTER_Q_MGR_NAME, "CLUSQMGR"),
            Map.entry(MQCA_CLUSTER_NAME, "CLUSTER"),
            Map.entry(MQCA_CLUSTER_NAMELIST, "CLUSNL"),
            Map.entry(MQIACF_Q_MGR_TYPE, "QMTYPE"),
            Map.entry(MQIACF_SUSPEND, "SUSPEND"),
            Map.entry(MQIACF_Q_MGR_DEFINITION_TYPE, "DEFTYPE"),
            Map.entry(MQCA_Q_MGR_IDENTIFIER, "QMID"),
            Map.entry(MQCA_CLUSTER_DATE, "CLUSDATE"),
            Map.entry(MQCA_CLUSTER_TIME, "CLUSTIME"),
            Map.entry(MQCA_VERSION, "VERSION"),
            Map.entry(MQCA_ALTERATION_DATE, "ALTDATE"),
            Map.entry(MQCA_ALTERATION_TIME, "ALTTIME"),
            // channels and channel status
            Map.entry(MQCACH_CHANNEL_NAME, "CHANNEL"),
            Map.entry(MQIACH_CHANNEL_TYPE, "CHLTYPE"),
            Map.entry(MQIACH_CHANNEL_STATUS, "STATUS"),
            Map.entry(MQIACH_CHANNEL_SUBSTATE, "SUBSTATE"),
            Map.entry(MQIACH_CHANNEL_INSTANCE_TYPE, "CURRENT"),
            Map.entry(MQCACH_CONNECTION_NAME, "CONNAME"),
            Map.entry(MQCACH_XMIT_Q_NAME, "XMITQ"),
            Map.entry(MQCACH_DESC, "DESCR"),
            Map.entry(MQIACH_XMIT_PROTOCOL_TYPE, "TRPTYPE"),
            Map.entry(MQIACH_MSGS, "MSGS"),
            Map.entry(MQIACH_CURRENT_MSGS, "CURMSGS"),
            Map.entry(MQIACH_BATCHES, "BATCHES"),
            Map.entry(MQIACH_BYTES_SENT, "BYTSSENT"),
            Map.entry(MQIACH_BYTES_RECEIVED, "BYTSRCVD"),
            Map.entry(MQCACH_LAST_MSG_DATE, "LSTMSGDA"),
            Map.entry(MQCACH_LAST_MSG_TIME, "LSTMSGTI"),
            Map.entry(MQCACH_CHANNEL_START_DATE, "CHSTADA"),
            Map.entry(MQCACH_CHANNEL_START_TIME, "CHSTATI"),
            Map.entry(MQIACH_INDOUBT_STATUS, "INDOUBT"),
            Map.entry(MQIACH_STOP_REQUESTED, "STOPREQ"),
            Map.entry(MQIACH_MCA_STATUS, "MCASTAT"),
            Map.entry(MQCACH_MCA_JOB_NAME, "JOBNAME"),
            Map.entry(MQCA_REMOTE_Q_MGR_NAME, "RQMNAME"),
            Map.entry(MQIACH_LONG_RETRIES_LEFT, "LONGRTS"),
            Map.entry(MQIACH_SHORT_RETRIES_LEFT, "SHORTRTS"),
            Map.entry(MQIACH_CURRENT_SEQ_NUMBER, "CURSEQNO"),
            Map.entry(MQIACH_LAST_SEQ_NUMBER, "LSTSEQNO"),
            Map.entry(MQIACH_BATCH_SIZE, "BATCHSZ"),
            Map.entry(MQIACH_DISC_INTERVAL, "DISCINT"),
            Map.entry(MQIACH_HB_INTERVAL, "HBINT"),
            Map.entry(MQIACH_KEEP_ALIVE_INTERVAL, "KAINT"),
            Map.entry(MQIACH_MAX_MSG_LENGTH, "MAXMSGL"),
            Map.entry(MQIACH_NPM_SPEED, "NPMSPEED"),
            Map.entry(MQIACH_SHORT_RETRY, "SHORTRTY"),
            Map.entry(MQIACH_SHORT_TIMER, "SHORTTMR"),
            Map.entry(MQIACH_LONG_RETRY, "LONGRTY"),
            Map.entry(MQIACH_LONG_TIMER, "LONGTMR"),
            Map.entry(MQCACH_LOCAL_ADDRESS, "LOCLADDR"),
            Map.entry(MQCACH_MCA_USER_ID, "MCAUSER"),
            Map.entry(MQCACH_SSL_CIPHER_SPEC, "SSLCIPH"),
            Map.entry(MQIACH_SSL_CLIENT_AUTH, "SSLCAUTH"),
            Map.entry(MQCACH_SSL_PEER_NAME, "SSLPEER"),
            Map.entry(MQIACH_CLWL_CHANNEL_PRIORITY, "CLWLPRTY"),
            Map.entry(MQIACH_CLWL_CHANNEL_RANK, "CLWLRANK"),
            Map.entry(MQIACH_CLWL_CHANNEL_WEIGHT, "CLWLWGHT"),
            Map.entry(MQIACH_NETWORK_PRIORITY, "NETPRTY"),
            // queues
            Map.entry(MQCA_Q_NAME, "QUEUE"),
            Map.entry(MQIA_Q_TYPE, "TYPE"),
            Map.entry(MQIA_CURRENT_Q_DEPTH, "CURDEPTH"),
            Map.entry(MQIA_MAX_Q_DEPTH, "MAXDEPTH"),
            Map.entry(MQIA_MAX_MSG_LENGTH, "MAXMSGL"),
            Map.entry(MQCA_Q_DESC, "DESCR"),
            Map.entry(MQIA_DEF_PERSISTENCE, "DEFPSIST"),
            Map.entry(MQIA_DEF_PRIORITY, "DEFPRTY"),
            Map.entry(MQIA_USAGE, "USAGE"),
            Map.entry(MQIA_DEF_BIND, "DEFBIND"),
            Map.entry(MQIA_CLUSTER_Q_TYPE, "CLUSQT"),
            Map.entry(MQIA_INHIBIT_PUT, "PUT"),
            Map.entry(MQIA_INHIBIT_GET, "GET"),
            Map.entry(MQCA_REMOTE_Q_NAME, "RNAME"),
            Map.entry(MQCA_XMIT_Q_NAME, "XMITQ"),
            Map.entry(MQCA_BASE_OBJECT_NAME, "TARGET"),
            Map.entry(MQIA_BASE_TYPE, "TARGTYPE"),
            Map.entry(MQCA_BACKOUT_REQ_Q_NAME, "BOQNAME"),
            Map.entry(MQIA_BACKOUT_THRESHOLD, "BOTHRESH"),
            Map.entry(MQIA_DEFINITION_TYPE, "DEFTYPE"),
            Map.entry(MQCA_CREATION_DATE, "CRDATE"),
            Map.entry(MQCA_CREATION_TIME, "CRTIME"),
            Map.entry(MQIA_OPEN_INPUT_COUNT, "IPPROCS"),
            Map.entry(MQIA_OPEN_OUTPUT_COUNT, "OPPROCS"),
            Map.entry(MQIA_CLWL_Q_PRIORITY, "CLWLPRTY"),
            Map.entry(MQIA_CLWL_Q_RANK, "CLWLRANK"),
            Map.entry(MQIA_CLWL_USEQ, "CLWLUSEQ"),
            Map.entry(MQCA_INITIATION_Q_NAME, "INITQ"),
            Map.entry(MQCA_PROCESS_NAME, "PROCESS"),
            // listeners
            Map.entry(MQCACH_LISTENER_NAME, "LISTENER"),
            Map.entry(MQCACH_LISTENER_DESC, "DESCR"),
            Map.entry(MQIACH_PORT, "PORT"),
            Map.entry(MQCACH_IP_ADDRESS, "IPADDR"),
            Map.entry(MQIACH_BACKLOG, "BACKLOG"),
            Map.entry(MQIACH_LISTENER_CONTROL, "CONTROL"));

    private static final Map<Integer, Map<Integer, String>> WORDS = Map.ofEntries(
            Map.entry(MQIACF_Q_MGR_STATUS, Map.of(MQQMSTA_STARTING, "STARTING", MQQMSTA_RUNNING, "RUNNING",
                    MQQMSTA_QUIESCING, "QUIESCING", MQQMSTA_STANDBY, "STANDBY")),
            Map.entry(MQIACF_CHINIT_STATUS, serviceStatus()),
            Map.entry(MQIACF_CMD_SERVER_STATUS, serviceStatus()),
            Map.entry(MQIACF_PERMIT_STANDBY, Map.of(MQSTDBY_PERMITTED, "PERMIT", MQSTDBY_NOT_PERMITTED, "NOPERMIT")),
            Map.entry(MQIACF_Q_MGR_TYPE, Map.of(MQQMT_REPOSITORY, "REPOS", MQQMT_NORMAL, "NORMAL")),
            Map.entry(MQIACF_SUSPEND, Map.of(MQSUS_YES, "YES", MQSUS_NO, "NO")),
            Map.entry(MQIACF_Q_MGR_DEFINITION_TYPE, Map.of(MQQMDT_EXPLICIT_CLUSTER_SENDER, "CLUSSDR",
                    MQQMDT_AUTO_CLUSTER_SENDER, "CLUSSDRA", MQQMDT_AUTO_EXP_CLUSTER_SENDER, "CLUSSDRB",
                    MQQMDT_CLUSTER_RECEIVER, "CLUSRCVR")),
            Map.entry(MQIACH_CHANNEL_TYPE, Map.of(MQCHT_SENDER, "SDR", MQCHT_SERVER, "SVR", MQCHT_RECEIVER, "RCVR",
                    MQCHT_REQUESTER, "RQSTR", MQCHT_CLNTCONN, "CLNTCONN", MQCHT_SVRCONN, "SVRCONN",
                    MQCHT_CLUSRCVR, "CLUSRCVR", MQCHT_CLUSSDR, "CLUSSDR", MQCHT_MQTT, "MQTT", MQCHT_AMQP, "AMQP")),
            Map.entry(MQIACH_CHANNEL_STATUS, Arrays.stream(ChannelStatus.State.values())
                    .collect(Collectors.toMap(ChannelStatus.State::pcfValue, Enum::name))),
            Map.entry(MQIACH_CHANNEL_INSTANCE_TYPE, Map.of(MQOT_CURRENT_CHANNEL, "CURRENT",
                    MQOT_SAVED_CHANNEL, "SAVED", MQOT_SHORT_CHANNEL, "SHORT")),
            Map.entry(MQIACH_MCA_STATUS, Map.of(MQMCAS_RUNNING, "RUNNING", MQMCAS_STOPPED, "STOPPED")),
            Map.entry(MQIACH_INDOUBT_STATUS, yesNo()),
            Map.entry(MQIACH_STOP_REQUESTED, yesNo()),
            Map.entry(MQIACH_XMIT_PROTOCOL_TYPE, Map.of(MQXPT_TCP, "TCP", MQXPT_LU62, "LU62", MQXPT_NETBIOS, "NETBIOS",
                    MQXPT_SPX, "SPX")),
            Map.entry(MQIACH_NPM_SPEED, Map.of(MQNPMS_FAST, "FAST", MQNPMS_NORMAL, "NORMAL")),
            Map.entry(MQIACH_SSL_CLIENT_AUTH, Map.of(MQSCA_REQUIRED, "REQUIRED", MQSCA_OPTIONAL, "OPTIONAL")),
            Map.entry(MQIA_Q_TYPE, Map.of(MQQT_LOCAL, "QLOCAL", MQQT_MODEL, "QMODEL", MQQT_ALIAS, "QALIAS",
                    MQQT_REMOTE, "QREMOTE", MQQT_CLUSTER, "QCLUSTER")),
            Map.entry(MQIA_DEF_PERSISTENCE, Map.of(MQPER_PERSISTENT, "YES", MQPER_NOT_PERSISTENT, "NO")),
            Map.entry(MQIA_USAGE, Map.of(MQUS_NORMAL, "NORMAL", MQUS_TRANSMISSION, "XMITQ")),
            Map.entry(MQIA_DEF_BIND, Map.of(MQBND_BIND_ON_OPEN, "OPEN", MQBND_BIND_NOT_FIXED, "NOTFIXED",
                    MQBND_BIND_ON_GROUP, "GROUP")),
            Map.entry(MQIA_CLUSTER_Q_TYPE, Map.of(MQCQT_LOCAL_Q, "QLOCAL", MQCQT_ALIAS_Q, "QALIAS",
                    MQCQT_REMOTE_Q, "QREMOTE", MQCQT_Q_MGR_ALIAS, "QMGR")),
            Map.entry(MQIA_INHIBIT_PUT, Map.of(MQQA_PUT_ALLOWED, "ENABLED", MQQA_PUT_INHIBITED, "DISABLED")),
            Map.entry(MQIA_INHIBIT_GET, Map.of(MQQA_GET_ALLOWED, "ENABLED", MQQA_GET_INHIBITED, "DISABLED")),
            Map.entry(MQIA_BASE_TYPE, Map.of(MQOT_Q, "QUEUE", MQOT_TOPIC, "TOPIC")),
            Map.entry(MQIA_DEFINITION_TYPE, Map.of(MQQDT_PREDEFINED, "PREDEFINED",
                    MQQDT_PERMANENT_DYNAMIC, "PERMDYN", MQQDT_TEMPORARY_DYNAMIC, "TEMPDYN",
                    MQQDT_SHARED_DYNAMIC, "SHAREDYN")),
            Map.entry(MQIA_CLWL_USEQ, Map.of(MQCLWL_USEQ_ANY, "ANY", MQCLWL_USEQ_LOCAL, "LOCAL",
                    MQCLWL_USEQ_AS_Q_MGR, "QMGR")),
            Map.entry(MQIACH_LISTENER_CONTROL, Map.of(MQSVC_CONTROL_Q_MGR, "QMGR",
                    MQSVC_CONTROL_Q_MGR_START, "STARTONLY", MQSVC_CONTROL_MANUAL, "MANUAL")));

    private MqscAttributes() {
    }

    /** Every parameter of one response, in the order MQ sent them, as MQSC name → value. */
    static Map<String, String> of(PCFMessage response) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Enumeration<?> parameters = response.getParameters();
        while (parameters.hasMoreElements()) {
            PCFParameter parameter = (PCFParameter) parameters.nextElement();
            attributes.put(name(parameter.getParameter()), value(parameter.getParameter(), parameter.getValue()));
        }
        return attributes;
    }

    /** The MQSC attribute name, or the PCF constant name when it has none here. */
    static String name(int parameterId) {
        String mqsc = NAMES.get(parameterId);
        return mqsc != null ? mqsc : parameterName(parameterId);
    }

    /** The PCF constant name of a parameter id (MQCACH_CONNECTION_NAME), or the bare number. */
    static String parameterName(int parameterId) {
        String name = MQConstants.lookup(parameterId, "MQ(IA|IACF|IACH|CA|CACF|CACH|CAMO|IAMO|BACF|BACH|GACF)_.*");
        if (name == null || name.isBlank()) {
            return Integer.toString(parameterId);
        }
        // lookup joins synonyms with '/', e.g. MQCACH_FIRST/MQCACH_CHANNEL_NAME: keep the specific one.
        return Arrays.stream(name.split("/"))
                .filter(synonym -> !synonym.matches(".*_(FIRST|LAST|LAST_USED)"))
                .findFirst().orElse(name);
    }

    /** The value as runmqsc prints it: trimmed strings, integer words where MQSC uses words. */
    static String value(int parameterId, Object value) {
        if (value instanceof String s) {
            return s.trim();
        }
        if (value instanceof Integer i) {
            return word(parameterId, i);
        }
        if (value instanceof int[] list) {
            return Arrays.stream(list).mapToObj(i -> word(parameterId, i)).collect(Collectors.joining(","));
        }
        if (value instanceof String[] list) {
            return Arrays.stream(list).map(String::trim).collect(Collectors.joining(","));
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().withUpperCase().formatHex(bytes);
        }
        if (value instanceof long[] list) {
            return Arrays.stream(list).mapToObj(Long::toString).collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }

    private static String word(int parameterId, int value) {
        Map<Integer, String> words = WORDS.get(parameterId);
        if (words == null) {
            return Integer.toString(value);
        }
        String word = words.get(value);
        return word != null ? word : Integer.toString(value);
    }

    /** Whether MQSC prints this integer attribute as a word (so a number would mean an unknown value). */
    static boolean hasWords(int parameterId) {
        return WORDS.containsKey(parameterId);
    }

    private static Map<Integer, String> serviceStatus() {
        return Map.of(MQSVC_STATUS_STOPPED, "STOPPED", MQSVC_STATUS_STARTING, "STARTING",
                MQSVC_STATUS_RUNNING, "RUNNING", MQSVC_STATUS_STOPPING, "STOPPING",
                MQSVC_STATUS_RETRYING, "RETRYING");
    }

    private static Map<Integer, String> yesNo() {
        // MQCHIDS_INDOUBT and MQCHSR_STOP_REQUESTED are both 1, their negatives 0.
        return Map.of(1, "YES", 0, "NO");
    }
}
