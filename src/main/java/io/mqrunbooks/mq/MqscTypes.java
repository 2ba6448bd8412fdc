package io.mqrunbooks.mq;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The object types of MQSC definition scripts and their synonyms (IBM MQ 9.4 "MQSC commands" reference:
 * DEFINE QLOCAL synonym DEF QL, DEFINE CHANNEL synonym DEF CHL, ...).
 */
public final class MqscTypes {

    public static final String QMGR = "QMGR";
    static final String CHANNEL = "CHANNEL";
    static final String AUTHREC = "AUTHREC";
    static final String CHLAUTH = "CHLAUTH";

    /** Canonical types in the order definitions are written: what others refer to comes first. */
    private static final List<String> ORDER = List.of(QMGR, "AUTHINFO", "STGCLASS", "PROCESS", "NAMELIST",
            "QLOCAL", "QMODEL", "QALIAS", "QREMOTE", CHANNEL, "LISTENER", "SERVICE", "COMMINFO", "TOPIC", "SUB",
            CHLAUTH, AUTHREC);

    private static final Map<String, String> DEFINE_TYPES = Map.ofEntries(
            Map.entry("QLOCAL", "QLOCAL"), Map.entry("QL", "QLOCAL"),
            Map.entry("QREMOTE", "QREMOTE"), Map.entry("QR", "QREMOTE"),
            Map.entry("QALIAS", "QALIAS"), Map.entry("QA", "QALIAS"),
            Map.entry("QMODEL", "QMODEL"), Map.entry("QM", "QMODEL"),
            Map.entry("CHANNEL", CHANNEL), Map.entry("CHL", CHANNEL),
            Map.entry("LISTENER", "LISTENER"), Map.entry("LSTR", "LISTENER"),
            Map.entry("AUTHINFO", "AUTHINFO"),
            Map.entry("NAMELIST", "NAMELIST"), Map.entry("NL", "NAMELIST"),
            Map.entry("PROCESS", "PROCESS"), Map.entry("PRO", "PROCESS"),
            Map.entry("SERVICE", "SERVICE"),
            Map.entry("TOPIC", "TOPIC"),
            Map.entry("SUB", "SUB"), Map.entry("SUBSCRIPTION", "SUB"),
            Map.entry("COMMINFO", "COMMINFO"),
            Map.entry("STGCLASS", "STGCLASS"), Map.entry("STC", "STGCLASS"));

    private MqscTypes() {
    }

    static Optional<String> defineType(String word) {
        return Optional.ofNullable(DEFINE_TYPES.get(word));
    }

    /** A type DEFINE creates: every type but the queue manager itself and the SET records. */
    public static boolean isDefinable(String type) {
        return DEFINE_TYPES.containsValue(type);
    }

    static boolean isKnown(String type) {
        return ORDER.contains(type);
    }

    /** IBM MQ's naming rules for an object of {@code type}: channels 20 characters, other objects 48. */
    static Optional<String> checkName(String type, String name) {
        return CHANNEL.equals(type) ? NameRules.checkChannelName(name) : NameRules.checkMqName(name);
    }

    static int order(String type) {
        int i = ORDER.indexOf(type);
        return i < 0 ? ORDER.size() : i;
    }
}
