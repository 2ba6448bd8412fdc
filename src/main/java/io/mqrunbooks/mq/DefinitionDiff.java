package io.mqrunbooks.mq;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What differs between two sets of definitions, from {@code from} to {@code to}: objects added, removed and
 * changed, attribute by attribute. Volatile attributes never appear ({@link VolatileAttributes}).
 */
public record DefinitionDiff(List<MqscObject> added, List<MqscObject> removed, List<ObjectChange> changed) {

    /** A value that is absent on one side. */
    public static final String NOT_SET = "(not set)";

    public DefinitionDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    public record AttributeChange(String attribute, String from, String to) {
    }

    public record ObjectChange(ObjectKey key, List<AttributeChange> attributes, MqscObject after) {

        public ObjectChange {
            attributes = List.copyOf(attributes);
        }
    }

    public static DefinitionDiff between(MqscDefinitions from, MqscDefinitions to) {
        List<MqscObject> added = new ArrayList<>();
        List<MqscObject> removed = new ArrayList<>();
        List<ObjectChange> changed = new ArrayList<>();
        for (MqscObject after : to.objects()) {
            from.find(after.key()).ifPresentOrElse(before -> {
                List<AttributeChange> changes = attributeChanges(before.attributes(), after.attributes());
                if (!changes.isEmpty()) {
                    changed.add(new ObjectChange(after.key(), changes, after));
                }
            }, () -> added.add(after));
        }
        for (MqscObject before : from.objects()) {
            if (to.find(before.key()).isEmpty()) {
                removed.add(before);
            }
        }
        return new DefinitionDiff(added, removed, changed);
    }

    private static List<AttributeChange> attributeChanges(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        List<AttributeChange> changes = new ArrayList<>();
        for (String name : names) {
            String a = before.get(name);
            String b = after.get(name);
            if (!Objects.equals(a, b)) {
                // a password's change is shown, never its values (the diff reaches reports, variables and the API)
                changes.add(MqscObject.isSecret(name) ? new AttributeChange(name, a == null ? NOT_SET : MqscObject.HIDDEN,
                        b == null ? NOT_SET : MqscObject.HIDDEN)
                        : new AttributeChange(name, a == null ? NOT_SET : a, b == null ? NOT_SET : b));
            }
        }
        return changes;
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** "1 added, 0 removed, 2 changed". */
    public String counts() {
        return added.size() + " added, " + removed.size() + " removed, " + changed.size() + " changed";
    }

    /** The differences as text a person reads: one object a line, changed attributes indented below it. */
    public String render() {
        if (isEmpty()) {
            return "No differences.\n";
        }
        StringBuilder out = new StringBuilder();
        added.forEach(o -> out.append("+ ").append(o.key().display()).append('\n'));
        removed.forEach(o -> out.append("- ").append(o.key().display()).append('\n'));
        changed.forEach(c -> {
            out.append("~ ").append(c.key().display()).append('\n');
            c.attributes().forEach(a -> out.append("    ").append(a.attribute()).append(": ").append(a.from())
                    .append(" -> ").append(a.to()).append('\n'));
        });
        return out.toString();
    }
}
