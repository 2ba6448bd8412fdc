package io.mqrunbooks.lab.mq;

import java.util.List;
import java.util.Set;

/**
 * The MQSC object types the lab defines, with the attributes a definition carries by default and the
 * keywords DEFINE/ALTER accept. Attribute names and defaults follow IBM MQ 9.4's DISPLAY output, e.g. the
 * DISPLAY CHANNEL(*) ALL / DISPLAY LISTENER(*) ALL transcript in instana/serviceability
 * agent/ibm-mq/README.md (MQ 9.4.2), kept in src/test/resources/mq-transcripts/display-channel-listener-9.4.txt.
 */
public enum ObjectType {
    QLOCAL("QUEUE", List.of("ACCTQ=QMGR", "BOQNAME=", "BOTHRESH=0", "CLUSNL=", "CLUSTER=", "CLWLPRTY=0",
            "CLWLRANK=0", "CLWLUSEQ=QMGR", "DEFBIND=OPEN", "DEFPRTY=0", "DEFPSIST=NO", "DESCR=", "GET=ENABLED",
            "INITQ=", "MAXDEPTH=5000", "MAXMSGL=4194304", "MONQ=QMGR", "PUT=ENABLED", "USAGE=NORMAL"),
            Set.of("TRIGGER", "NOTRIGGER", "TRIGTYPE", "TRIGDATA", "PROCESS", "SHARE", "NOSHARE", "DEFSOPT",
                    "MSGDLVSQ", "RETINTVL", "HARDENBO", "NOHARDENBO", "STATQ", "QDEPTHHI", "QDEPTHLO",
                    "QDPMAXEV", "QDPHIEV", "QDPLOEV", "QSVCIEV", "QSVCINT", "DISTL", "NPMCLASS", "PROPCTL",
                    "DEFPRESP", "DEFREADA", "CUSTOM", "IMGRCOVQ", "STREAMQ", "STRMQOS", "CAPEXPRY", "ACCTQ",
                    "TRIGDPTH", "TRIGMPRI", "SCOPE")),
    QREMOTE("QUEUE", List.of("CLUSNL=", "CLUSTER=", "CLWLPRTY=0", "CLWLRANK=0", "DEFBIND=OPEN", "DEFPRTY=0",
            "DEFPSIST=NO", "DESCR=", "PUT=ENABLED", "RNAME=", "RQMNAME=", "XMITQ="),
            Set.of("SCOPE", "CUSTOM", "DEFPRESP", "PROPCTL", "CAPEXPRY")),
    QALIAS("QUEUE", List.of("CLUSNL=", "CLUSTER=", "CLWLPRTY=0", "CLWLRANK=0", "DEFBIND=OPEN", "DEFPRTY=0",
            "DEFPSIST=NO", "DESCR=", "GET=ENABLED", "PUT=ENABLED", "TARGET=", "TARGTYPE=QUEUE"),
            Set.of("SCOPE", "CUSTOM", "DEFPRESP", "DEFREADA", "PROPCTL", "CAPEXPRY", "TARGQ")),
    QMODEL("QUEUE", List.of("DEFPSIST=NO", "DEFTYPE=PREDEFINED", "DESCR=", "GET=ENABLED", "MAXDEPTH=5000",
            "MAXMSGL=4194304", "PUT=ENABLED"), Set.of("DEFPRTY", "SHARE", "NOSHARE", "CUSTOM")),
    CHANNEL("CHANNEL", List.of(), Set.of("BATCHHB", "BATCHINT", "BATCHLIM", "BATCHSZ", "CERTLABL", "CLUSNL",
            "CLUSTER", "CLWLPRTY", "CLWLRANK", "CLWLWGHT", "COMPHDR", "COMPMSG", "CONNAME", "CONVERT", "DESCR",
            "DISCINT", "HBINT", "KAINT", "LOCLADDR", "LONGRTY", "LONGTMR", "MAXINST", "MAXINSTC", "MAXMSGL",
            "MCAUSER", "MONCHL", "NPMSPEED", "SHARECNV", "SHORTRTY", "SHORTTMR", "SSLCAUTH", "SSLCIPH",
            "SSLPEER", "STATCHL", "TRPTYPE", "XMITQ", "PUTAUT", "USEDLQ", "SEQWRAP", "NETPRTY", "PROPCTL")),
    LISTENER("LISTENER", List.of("CONTROL=MANUAL", "TRPTYPE=TCP", "PORT=0", "IPADDR=", "BACKLOG=0", "DESCR="),
            Set.of());

    /** Default attributes of each channel type, after CHLTYPE (instana transcript above, trimmed). */
    static final List<String> SENDER_DEFAULTS = List.of("BATCHHB=0", "BATCHINT=0", "BATCHLIM=5000", "BATCHSZ=50",
            "CONNAME=", "DESCR=", "DISCINT=6000", "HBINT=300", "LONGRTY=999999999", "LONGTMR=1200",
            "MAXMSGL=4194304", "NPMSPEED=FAST", "SHORTRTY=10", "SHORTTMR=60", "SSLCIPH=", "TRPTYPE=TCP", "XMITQ=");
    static final List<String> RECEIVER_DEFAULTS = List.of("BATCHSZ=50", "DESCR=", "HBINT=300", "MAXMSGL=4194304",
            "MCAUSER=", "NPMSPEED=FAST", "PUTAUT=DEF", "SSLCAUTH=REQUIRED", "SSLCIPH=", "TRPTYPE=TCP", "USEDLQ=YES");
    static final List<String> CLUSTER_CHANNEL_DEFAULTS = List.of("BATCHHB=0", "BATCHINT=0", "BATCHLIM=5000",
            "BATCHSZ=50", "CLUSNL=", "CLUSTER=", "CLWLPRTY=0", "CLWLRANK=0", "CLWLWGHT=50", "CONNAME=", "DESCR=",
            "DISCINT=6000", "HBINT=300", "LONGRTY=999999999", "LONGTMR=1200", "MAXMSGL=4194304", "NPMSPEED=FAST",
            "SHORTRTY=10", "SHORTTMR=60", "SSLCIPH=", "TRPTYPE=TCP");
    static final List<String> SVRCONN_DEFAULTS = List.of("DESCR=", "DISCINT=0", "HBINT=300", "MAXINST=999999999",
            "MAXINSTC=999999999", "MAXMSGL=4194304", "MCAUSER=", "SHARECNV=10", "SSLCAUTH=REQUIRED", "SSLCIPH=",
            "TRPTYPE=TCP");
    static final Set<String> CHANNEL_TYPES = Set.of("SDR", "RCVR", "CLUSSDR", "CLUSRCVR", "SVRCONN", "SVR",
            "RQSTR", "CLNTCONN");

    private final String namespace;
    private final List<String> defaults;
    private final Set<String> extraKeywords;

    ObjectType(String namespace, List<String> defaults, Set<String> extraKeywords) {
        this.namespace = namespace;
        this.defaults = defaults;
        this.extraKeywords = extraKeywords;
    }

    /** Queues of every type share one name space, as in MQ. */
    String namespace() {
        return namespace;
    }

    List<String> defaults() {
        return defaults;
    }

    static List<String> channelDefaults(String chltype) {
        return switch (chltype) {
            case "SDR", "SVR" -> SENDER_DEFAULTS;
            case "CLUSSDR", "CLUSRCVR" -> CLUSTER_CHANNEL_DEFAULTS;
            case "SVRCONN" -> SVRCONN_DEFAULTS;
            default -> RECEIVER_DEFAULTS;
        };
    }

    /** Whether DEFINE/ALTER of this type accepts the keyword. */
    boolean accepts(String keyword) {
        if (extraKeywords.contains(keyword)) {
            return true;
        }
        return defaults.stream().anyMatch(d -> d.substring(0, d.indexOf('=')).equals(keyword));
    }
}
