package io.mqrunbooks.application.dractivation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares the backup's definitions with the primary's baseline, by object type and name, then attribute by
 * attribute. Objects only the backup has are reported and left alone: the baseline adds and replaces, it
 * never deletes.
 */
public final class DefinitionComparer {

    private DefinitionComparer() {
    }

    public static Differences compare(List<MqscDefinition> baseline, List<MqscDefinition> backup) {
        Map<String, MqscDefinition> onBackup = index(backup);
        Map<String, MqscDefinition> inBaseline = index(baseline);
        List<Difference> differences = new ArrayList<>();
        for (MqscDefinition wanted : inBaseline.values()) {
            MqscDefinition found = onBackup.get(wanted.key());
            if (found == null) {
                differences.add(new Difference(wanted, "missing on the backup"));
                continue;
            }
            List<String> changed = new ArrayList<>();
            for (String attribute : new TreeSet<>(union(wanted, found))) {
                String want = wanted.attributes().get(attribute);
                String have = found.attributes().get(attribute);
                boolean present = wanted.attributes().containsKey(attribute);
                boolean there = found.attributes().containsKey(attribute);
                if (present != there || !Objects.equals(want, have)) {
                    changed.add(attribute + " " + shown(have, there) + " on the backup, " + shown(want, present)
                            + " in the baseline");
                }
            }
            if (!changed.isEmpty()) {
                differences.add(new Difference(wanted, String.join("; ", changed)));
            }
        }
        List<String> onlyOnBackup = onBackup.keySet().stream().filter(k -> !inBaseline.containsKey(k)).toList();
        return new Differences(differences, onlyOnBackup);
    }

    private static TreeSet<String> union(MqscDefinition a, MqscDefinition b) {
        TreeSet<String> all = new TreeSet<>(a.attributes().keySet());
        all.addAll(b.attributes().keySet());
        return all;
    }

    private static String shown(String value, boolean present) {
        if (!present) {
            return "not set";
        }
        return value == null ? "set" : value;
    }

    private static Map<String, MqscDefinition> index(List<MqscDefinition> definitions) {
        Map<String, MqscDefinition> byKey = new LinkedHashMap<>();
        definitions.forEach(d -> byKey.put(d.key(), d));
        return byKey;
    }

    /** A baseline object the backup lacks or holds differently, and how. */
    public record Difference(MqscDefinition baseline, String how) {

        public String describe() {
            return baseline.key() + ": " + how;
        }
    }

    public record Differences(List<Difference> toApply, List<String> onlyOnBackup) {

        public Differences {
            toApply = List.copyOf(toApply);
            onlyOnBackup = List.copyOf(onlyOnBackup);
        }

        public boolean matches() {
            return toApply.isEmpty();
        }
    }
}
