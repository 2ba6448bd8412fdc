package io.mqrunbooks.mq;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The definitions of one script, keyed by type and name, in a stable order. */
public final class MqscDefinitions {

    public static final MqscDefinitions NONE = new MqscDefinitions(Map.of());

    private final Map<ObjectKey, MqscObject> objects;

    MqscDefinitions(Map<ObjectKey, MqscObject> objects) {
        this.objects = Collections.unmodifiableMap(new TreeMap<>(objects));
    }

    public Collection<MqscObject> objects() {
        return objects.values();
    }

    public Optional<MqscObject> find(ObjectKey key) {
        return Optional.ofNullable(objects.get(key));
    }

    /** The channel of that name, whatever its type. */
    public Optional<MqscObject> channel(String name) {
        return find(new ObjectKey(MqscTypes.CHANNEL, name));
    }

    public int objectCount() {
        return objects.size();
    }

    /**
     * One line per object and attribute, sorted, volatile attributes left out: two exports of unchanged
     * definitions give the same text whatever their layout, header or dates.
     */
    public String canonicalText() {
        StringBuilder out = new StringBuilder();
        objects.values().forEach(o -> {
            out.append(o.key().display()).append('\n');
            o.attributes().forEach((name, value) -> out.append("  ").append(name).append('=').append(value).append('\n'));
        });
        return out.toString();
    }

    /** SHA-256 of {@link #canonicalText()}, lower-case hex. */
    public String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonicalText().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
