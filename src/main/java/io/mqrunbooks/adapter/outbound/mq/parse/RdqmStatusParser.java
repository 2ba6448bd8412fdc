package io.mqrunbooks.adapter.outbound.mq.parse;

import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.adapter.outbound.mq.parse.OutputLines.Line;
import io.mqrunbooks.adapter.outbound.mq.parse.RdqmEnums.DrStatus;
import io.mqrunbooks.adapter.outbound.mq.parse.RdqmEnums.DrType;
import io.mqrunbooks.adapter.outbound.mq.parse.RdqmEnums.HaStatus;
import io.mqrunbooks.adapter.outbound.mq.parse.RdqmEnums.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code rdqmstatus -m QM} (DR, HA and DR/HA) and plain {@code rdqmstatus}. Lines are
 * {@code Label:   value} in blank-line separated sections; a value too long for the column is printed
 * on the next line (seen for long node names). {@link #parse} refuses unknown labels and values,
 * {@link #read} keeps them with a warning; both ignore HTML tags pasted around the text.
 */
public final class RdqmStatusParser {

    private static final Pattern FIELD = Pattern.compile("^([A-Za-z][A-Za-z/ ]*?):(?:\\s+(.*))?$");
    private static final Pattern SUDO_NOTE = Pattern.compile("^Command '[^']+' run with sudo\\.$");
    private static final Pattern SIZE = Pattern.compile("^(\\d+(?:\\.\\d+)?)(B|KB|MB|GB|TB)$");
    private static final Pattern PERCENT = Pattern.compile("^(\\d+(?:\\.\\d+)?)%$");
    private static final Pattern NODE_ONLINE = Pattern.compile("^Node (\\S+) is (online|offline)$");
    private static final Pattern HTML_TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9]*(?:\\s[^<>]*)?/?>");
    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3}\\.){3}\\d{1,3}$");
    /** A node name, or several separated by commas, as "HA preferred location:" and "HA blocked location:" list them. */
    private static final Pattern NODE_NAMES = Pattern.compile(
            "^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?(?:, ?[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)*$");
    /**
     * The words the HA location lines print instead of node names (real rdqmstatus output: "This node", "None";
     * "All nodes" for a queue manager blocked everywhere after failed starts).
     */
    private static final Map<String, Set<String>> LOCATION_WORDS = Map.of(
            "HA current location", Set.of("This node", "None"),
            "HA preferred location", Set.of("This node", "None"),
            "HA blocked location", Set.of("None", "All nodes"));
    /** "HA control:" is Enabled, or Disabled while HA is switched off for the queue manager (real DR/HA secondary). */
    private static final Set<String> HA_CONTROL = Set.of("Enabled", "Disabled");

    private static final Set<String> NODE_LABELS = Set.of("Node", "OS kernel version", "DRBD OS kernel version",
            "DRBD version", "DRBD kernel module status");
    private static final Set<String> QM_LABELS = Set.of("Queue manager name", "Queue manager status", "CPU", "Memory",
            "Queue manager file system", "HA role", "HA status", "HA control", "HA current location",
            "HA preferred location", "HA blocked location", "HA floating IP interface", "HA floating IP address",
            "HA out of sync data", "HA synchronization progress", "HA estimated time to completion", "DR role",
            "DR status", "DR type", "DR port", "DR local IP address", "DR remote IP address",
            "DR remote IP address list", "DR current remote IP address", "DR out of sync data",
            "DR synchronization progress", "DR estimated time to completion");

    /**
     * Lines copied from a web page keep their tags ({@code <b>Normal</b>}, {@code <br>}); the tags are
     * dropped, and a line that held only tags is dropped with them so that it does not end a section.
     */
    private static List<Line> withoutMarkup(List<Line> lines) {
        List<Line> kept = new ArrayList<>();
        for (Line line : lines) {
            String text = HTML_TAG.matcher(line.text()).replaceAll("").replace("&nbsp;", " ").replace("&amp;", "&");
            if (text.equals(line.text())) {
                kept.add(line);
            } else if (!text.isBlank()) {
                kept.add(new Line(line.number(), text.stripTrailing()));
            }
        }
        return kept;
    }

    private static final Pattern TYPED = OutputLines.typedCommand("rdqmstatus");

    /** For the engine: every label and value must be known, or the output is refused. */
    public RdqmStatusResult parse(String output) {
        return new Reading(false).parse(output);
    }

    /**
     * For what operators paste: unknown labels and values are kept as text (in the fields, the typed value
     * null) with a warning naming the line, instead of refusing the whole block.
     */
    public RdqmStatusResult read(String output) {
        // The typed command line a paste starts with ("rdqmstatus -m QM", "[mqm@host ~]$ sudo rdqmstatus -m QM").
        return new Reading(true).parse(OutputLines.withoutTypedCommand(output, TYPED));
    }

    static java.util.Optional<Long> parseBytes(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        int power = List.of("B", "KB", "MB", "GB", "TB").indexOf(m.group(2));
        double value = Double.parseDouble(m.group(1)) * Math.pow(1024, power);
        return java.util.Optional.of(Math.round(value));
    }

    private record Field(String label, String value, Line line) {
    }

    /** One pass; a lenient one keeps unknown labels and values as text with a warning instead of refusing. */
    private static final class Reading {
        private final boolean lenient;
        private final List<String> warnings = new ArrayList<>();

        Reading(boolean lenient) {
            this.lenient = lenient;
        }

        /** Refuses (strict) or records a warning naming the line (lenient); the text stays in the fields. */
        private void unknown(Field f, String problem) {
            MqOutputParseException refusal = MqOutputParseException.at(f.line().number(), f.line().text(), problem);
            if (!lenient) {
                throw refusal;
            }
            warnings.add(refusal.getMessage() + "; kept as text");
        }

            RdqmStatusResult parse(String output) {
            List<Line> lines = withoutMarkup(OutputLines.of(output));
            List<Line> nonBlank = lines.stream().filter(l -> !l.isBlank())
                    .filter(l -> !SUDO_NOTE.matcher(l.text().strip()).matches()).toList();
            if (!nonBlank.isEmpty() && NODE_ONLINE.matcher(nonBlank.get(0).text().strip()).matches()) {
                return nodes(nonBlank);
            }
            List<List<Field>> sections = sections(lines);
            if (sections.isEmpty()) {
                throw OutputLines.empty("rdqmstatus 'Node:' and 'Queue manager status:' lines");
            }
            boolean summary = sections.stream().flatMap(List::stream).anyMatch(f -> f.label().equals("Queue manager name"));
            return summary ? summary(sections) : detail(sections);
        }

        private RdqmStatusResult nodes(List<Line> lines) {
            Map<String, Boolean> online = new LinkedHashMap<>();
            for (Line line : lines) {
                Matcher m = NODE_ONLINE.matcher(line.text().strip());
                if (!m.matches()) {
                    // MQ 9.4.5 adds the HA group heartbeat links' encryption status ("Configured or Not configured",
                    // https://www.ibm.com/docs/SSFKSJ_9.4.0/refadmin/q130370_.html); no transcript shows its layout.
                    throw MqOutputParseException.at(line.number(), line.text(),
                            "not an rdqmstatus -n 'Node <name> is online|offline' line; other lines (such as the"
                                    + " heartbeat link encryption status of MQ 9.4.5) are not read, rather than guessed");
                }
                online.put(m.group(1), m.group(2).equals("online"));
            }
            return new RdqmStatusResult(RdqmStatusResult.Form.NODES, null, Map.of(), null, List.of(), List.of(), online,
                    warnings);
        }

        private List<List<Field>> sections(List<Line> lines) {
            List<List<Field>> sections = new ArrayList<>();
            List<Field> current = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                String text = line.text().strip();
                if (text.isEmpty()) {
                    if (!current.isEmpty()) {
                        sections.add(current);
                        current = new ArrayList<>();
                    }
                    continue;
                }
                if (SUDO_NOTE.matcher(text).matches()) {
                    continue;
                }
                Matcher m = FIELD.matcher(text);
                if (!m.matches()) {
                    throw MqOutputParseException.at(line.number(), line.text(), "expected an rdqmstatus 'Label:  value' line");
                }
                String label = m.group(1);
                if (!NODE_LABELS.contains(label) && !QM_LABELS.contains(label)) {
                    unknown(new Field(label, "", line), "unknown rdqmstatus label '" + label + "'");
                }
                String value = m.group(2) == null ? "" : m.group(2).strip();
                if (value.isEmpty() && i + 1 < lines.size()) {
                    Line next = lines.get(i + 1);
                    String nextText = next.text().strip();
                    if (!nextText.isEmpty() && !FIELD.matcher(nextText).matches() && !SUDO_NOTE.matcher(nextText).matches()) {
                        value = nextText;
                        i++;
                    }
                }
                if (value.isEmpty()) {
                    throw MqOutputParseException.at(line.number(), line.text(), "'" + label + ":' has no value");
                }
                current.add(new Field(label, value, line));
            }
            if (!current.isEmpty()) {
                sections.add(current);
            }
            return sections;
        }

        private RdqmStatusResult detail(List<List<Field>> sections) {
            List<Field> first = sections.get(0);
            Map<String, String> fields = fieldMap(first);
            String node = requireFirstNode(first);
            if (!fields.containsKey("Queue manager status")) {
                Field f = first.get(0);
                throw MqOutputParseException.at(f.line().number(), f.line().text(),
                        "the first section of rdqmstatus -m has no 'Queue manager status:'; output is incomplete");
            }
            QmStatus status = state(first, "Queue manager status");
            checkHaWords(first);
            Field deferred = drStatusDeferred(first);
            RdqmStatusResult.QueueManagerDetail detail = new RdqmStatusResult.QueueManagerDetail(status,
                    enumOf(first, "DR role", Role.class, Role::wording),
                    deferred != null ? null : enumOf(first, "DR status", DrStatus.class, DrStatus::wording),
                    enumOf(first, "DR type", DrType.class, DrType::wording),
                    port(first, "DR port"),
                    ip(first, "DR local IP address"),
                    remoteIps(first),
                    ip(first, "DR current remote IP address"),
                    bytes(first, "DR out of sync data"),
                    percent(first, "DR synchronization progress"),
                    fields.get("DR estimated time to completion"),
                    enumOf(first, "HA role", Role.class, Role::wording),
                    enumOf(first, "HA status", HaStatus.class, HaStatus::wording),
                    bytes(first, "HA out of sync data"),
                    fields);
            if (detail.drRole() != null && find(first, "DR status") == null) {
                Field f = find(first, "DR role");
                throw MqOutputParseException.at(f.line().number(), f.line().text(),
                        "a DR role is printed but no 'DR status:'; output is incomplete");
            }
            List<RdqmStatusResult.OtherNode> others = new ArrayList<>();
            for (List<Field> section : sections.subList(1, sections.size())) {
                String otherNode = requireFirstNode(section);
                for (Field f : section.subList(1, section.size())) {
                    if (!f.label().startsWith("HA ")) {
                        throw MqOutputParseException.at(f.line().number(), f.line().text(),
                                "another node's section lists only HA fields");
                    }
                }
                others.add(new RdqmStatusResult.OtherNode(otherNode, enumOf(section, "HA status", HaStatus.class,
                        HaStatus::wording), bytes(section, "HA out of sync data"), fieldMap(section)));
            }
            return new RdqmStatusResult(RdqmStatusResult.Form.DETAIL, node, Map.of(), detail, others, List.of(), Map.of(),
                    warnings);
        }

        private RdqmStatusResult summary(List<List<Field>> sections) {
            List<Field> header = sections.get(0);
            String node = requireFirstNode(header);
            for (Field f : header) {
                if (QM_LABELS.contains(f.label())) {
                    throw MqOutputParseException.at(f.line().number(), f.line().text(),
                            "the node section of rdqmstatus holds only node and DRBD lines");
                }
            }
            List<RdqmStatusResult.SummaryEntry> entries = new ArrayList<>();
            for (List<Field> section : sections.subList(1, sections.size())) {
                Field first = section.get(0);
                if (!first.label().equals("Queue manager name")) {
                    throw MqOutputParseException.at(first.line().number(), first.line().text(),
                            "each queue manager section of rdqmstatus starts with 'Queue manager name:'");
                }
                if (find(section, "Queue manager status") == null) {
                    throw MqOutputParseException.at(first.line().number(), first.line().text(),
                            "queue manager section without 'Queue manager status:'");
                }
                checkHaWords(section);
                entries.add(new RdqmStatusResult.SummaryEntry(first.value(), state(section, "Queue manager status"),
                        enumOf(section, "DR role", Role.class, Role::wording), fieldMap(section)));
            }
            return new RdqmStatusResult(RdqmStatusResult.Form.SUMMARY, node, fieldMap(header), null, List.of(), entries,
                    Map.of(), warnings);
        }

        /**
         * {@code DR status: See rdqm-a1} on a DR/HA node where the HA group runs the queue manager elsewhere: this node
         * does not replicate to the DR site and names the node that does (a public capture of {@code rdqmstatus -m}
         * on such a node, MQ 9.4, 2026). Read only when the node named is this node's {@code HA current location};
         * the DR status is then not known here ({@code drStatus} null, {@code drStatusShownOn} the node).
         */
        private Field drStatusDeferred(List<Field> section) {
            Field f = find(section, "DR status");
            Field current = find(section, "HA current location");
            if (f == null || !f.value().startsWith("See ")) {
                return null;
            }
            String node = f.value().substring(4);
            if (current == null || !current.value().equals(node) || !NODE_NAMES.matcher(node).matches()
                    || node.contains(",")) {
                unknown(f, "'DR status: See <node>' must name the node of 'HA current location:' ("
                        + (current == null ? "not printed" : current.value()) + ")");
            }
            return f;
        }

        private static String requireFirstNode(List<Field> section) {
            Field first = section.get(0);
            if (!first.label().equals("Node")) {
                throw MqOutputParseException.at(first.line().number(), first.line().text(),
                        "each rdqmstatus section starts with 'Node:'");
            }
            return first.value();
        }

        private static Map<String, String> fieldMap(List<Field> section) {
            Map<String, String> map = new LinkedHashMap<>();
            for (Field f : section) {
                if (map.put(f.label(), f.value()) != null) {
                    throw MqOutputParseException.at(f.line().number(), f.line().text(), "'" + f.label() + "' appears twice");
                }
            }
            return map;
        }

        private static Field find(List<Field> section, String label) {
            return section.stream().filter(f -> f.label().equals(label)).findFirst().orElse(null);
        }

        private QmStatus state(List<Field> section, String label) {
            Field f = find(section, label);
            QmStatus known = QmStatus.fromMqWording(f.value()).orElse(null);
            if (known == null) {
                unknown(f, "unknown queue manager status '" + f.value() + "'; expected one of "
                        + QmStatus.allWordings());
            }
            return known;
        }

        private <E extends Enum<E>> E enumOf(List<Field> section, String label, Class<E> type,
                                                    Function<E, String> wording) {
            Field f = find(section, label);
            if (f == null) {
                return null;
            }
            E known = Wording.find(type, wording, f.value()).orElse(null);
            if (known == null) {
                unknown(f, "unknown " + label + " '" + f.value() + "'; expected one of " + Wording.list(type, wording));
            }
            return known;
        }

        /**
         * HA control and the HA locations: a word rdqmstatus prints or node names. Anything else (a new word, a
         * sentence) is not read as a node the queue manager runs on.
         */
        private void checkHaWords(List<Field> section) {
            Field control = find(section, "HA control");
            if (control != null && !HA_CONTROL.contains(control.value())) {
                unknown(control, "unknown HA control '" + control.value() + "'; expected Enabled or Disabled");
            }
            LOCATION_WORDS.forEach((label, words) -> {
                Field f = find(section, label);
                if (f != null && !words.contains(f.value()) && !NODE_NAMES.matcher(f.value()).matches()) {
                    unknown(f, "unknown " + label + " '" + f.value() + "'; expected " + String.join(", ", words.stream()
                            .sorted().toList()) + " or node names separated by commas");
                }
            });
        }

        private static Integer port(List<Field> section, String label) {
            Field f = find(section, label);
            if (f == null) {
                return null;
            }
            if (!f.value().matches("\\d{1,5}") || Integer.parseInt(f.value()) < 1 || Integer.parseInt(f.value()) > 65535) {
                throw MqOutputParseException.at(f.line().number(), f.line().text(), "'" + f.value() + "' is not a port");
            }
            return Integer.parseInt(f.value());
        }

        private static String ip(List<Field> section, String label) {
            Field f = find(section, label);
            if (f == null) {
                return null;
            }
            checkIp(f, f.value());
            return f.value();
        }

        private static List<String> remoteIps(List<Field> section) {
            Field single = find(section, "DR remote IP address");
            Field list = find(section, "DR remote IP address list");
            if (single == null && list == null) {
                return null;
            }
            Field f = list != null ? list : single;
            List<String> ips = Arrays.asList(f.value().split(","));
            ips.forEach(ip -> checkIp(f, ip));
            return ips;
        }

        private static void checkIp(Field f, String ip) {
            if (!IPV4.matcher(ip).matches()) {
                throw MqOutputParseException.at(f.line().number(), f.line().text(), "'" + ip + "' is not an IPv4 address");
            }
        }

        private static Long bytes(List<Field> section, String label) {
            Field f = find(section, label);
            if (f == null) {
                return null;
            }
            return parseBytes(f.value()).orElseThrow(() -> MqOutputParseException.at(f.line().number(), f.line().text(),
                    "'" + f.value() + "' is not an amount of data such as 0KB or 1305896KB"));
        }

        private static Double percent(List<Field> section, String label) {
            Field f = find(section, label);
            if (f == null) {
                return null;
            }
            Matcher m = PERCENT.matcher(f.value());
            if (!m.matches() || Double.parseDouble(m.group(1)) > 100.0) {
                throw MqOutputParseException.at(f.line().number(), f.line().text(), "'" + f.value() + "' is not a percentage");
            }
            return Double.parseDouble(m.group(1));
        }
    }
}
