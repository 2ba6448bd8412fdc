package io.mqrunbooks.lab.mq;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One object definition (queue, channel, listener) of a queue manager. Attribute values are stored
 * unquoted; an empty value is a blank attribute that DISPLAY shows as {@code ( )}.
 */
public final class MqObject {

    private final ObjectType type;
    private final String name;
    private final LinkedHashMap<String, String> attributes;

    MqObject(ObjectType type, String name, Map<String, String> attributes) {
        this.type = type;
        this.name = name;
        this.attributes = new LinkedHashMap<>(attributes);
    }

    static MqObject withDefaults(ObjectType type, String name, String chltype, String created) {
        LinkedHashMap<String, String> attrs = new LinkedHashMap<>();
        if (type == ObjectType.CHANNEL) {
            attrs.put("CHLTYPE", chltype);
            ObjectType.channelDefaults(chltype).forEach(d -> put(attrs, d));
        } else {
            type.defaults().forEach(d -> put(attrs, d));
        }
        attrs.put("ALTDATE", created.substring(0, 10));
        attrs.put("ALTTIME", created.substring(11));
        if (type == ObjectType.QLOCAL || type == ObjectType.QMODEL) {
            attrs.put("CRDATE", created.substring(0, 10));
            attrs.put("CRTIME", created.substring(11));
        }
        return new MqObject(type, name, attrs);
    }

    private static void put(Map<String, String> attrs, String keyEqualsValue) {
        int eq = keyEqualsValue.indexOf('=');
        attrs.put(keyEqualsValue.substring(0, eq), keyEqualsValue.substring(eq + 1));
    }

    public ObjectType type() {
        return type;
    }

    public String name() {
        return name;
    }

    /** CHLTYPE of a channel, else null. */
    public String channelType() {
        return attributes.get("CHLTYPE");
    }

    public String attribute(String keyword) {
        return attributes.get(keyword);
    }

    /** Every stored attribute, in definition order (a copy). */
    public Map<String, String> attributes() {
        return new LinkedHashMap<>(attributes);
    }

    void set(String keyword, String value) {
        attributes.put(keyword, value);
    }

    MqObject copy() {
        return new MqObject(type, name, attributes);
    }

    MqObject renamed(String newName) {
        return new MqObject(type, newName, attributes);
    }
}
