package io.mqrunbooks.estate;

import static io.mqrunbooks.estate.InventoryDocument.orEmpty;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.mqrunbooks.estate.InventoryDocument.BackupEntry;
import io.mqrunbooks.estate.InventoryDocument.ClusterEntry;
import io.mqrunbooks.estate.InventoryDocument.HostEntry;
import io.mqrunbooks.estate.InventoryDocument.QueueManagerEntry;
import io.mqrunbooks.estate.InventoryDocument.SiteEntry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns the composed YAML of one inventory into an {@link Estate}: Jackson binds it to an
 * {@link InventoryDocument}, Bean Validation checks each value, and the rules across entries follow. Every
 * problem is collected with the position of the node it concerns, so that the first one reported is the
 * first in the file whichever step found it.
 *
 * <p>Jackson reads the nodes SnakeYAML composed rather than the text: its own YAML parser does not resolve
 * aliases, and the composed nodes carry the positions the messages are sorted by.
 */
final class InventoryReader {

    /** Plain YAML only: anything else (e.g. {@code !!java.net.URL}) would ask for an object. */
    private static final Set<Tag> PLAIN_TAGS = Set.of(
            Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.MAP, Tag.SEQ);
    private static final ObjectReader DOCUMENT = JsonMapper.builder().build().readerFor(InventoryDocument.class);
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    /** A problem and the offset of the node it concerns, for ordering. */
    private record Found(int offset, InventoryProblem problem) {
    }

    /** Where a node of the file starts and ends. */
    private record Span(int start, int end) {
    }

    private final Map<String, Span> spans = new HashMap<>();
    private final List<Found> found = new ArrayList<>();

    private InventoryReader() {
    }

    /** Reads the composed document; throws {@link InventoryException} listing every problem. */
    static Estate read(String source, Node root) {
        InventoryReader reader = new InventoryReader();
        InventoryDocument document = reader.document(root);
        if (!reader.found.isEmpty()) {
            List<InventoryProblem> problems = reader.found.stream()
                    .sorted(Comparator.comparingInt(Found::offset)) // stable: at one offset, in the order found
                    .map(Found::problem)
                    .toList();
            throw new InventoryException(source, problems);
        }
        return document.toEstate();
    }

    private InventoryDocument document(Node root) {
        if (root == null) {
            problem(0, "", "the file is empty; expected "
                    + String.join(", ", keysOf(InventoryDocument.class).keySet()));
            return null;
        }
        TokenBuffer tokens = new TokenBuffer(null, false);
        InventoryDocument document;
        try {
            write(root, "", InventoryDocument.class, tokens);
            document = DOCUMENT.withHandler(new WrongTypes()).readValue(tokens.asParser(DOCUMENT));
        } catch (IOException e) {
            problem("", "cannot be read: " + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
        if (document != null) {
            validate(document);
            new CrossChecks(document).run();
        }
        return document;
    }

    // ---- the YAML as Jackson tokens, and what only the YAML itself shows ----

    /**
     * Writes the node for Jackson to bind to {@code type}; keys the type does not know stay out. A mapping or
     * list where the type expects none is written empty: Jackson reports its type, and what is inside does
     * not matter (nor can an alias to an enclosing node loop).
     */
    private void write(Node node, String path, Type type, TokenBuffer out) throws IOException {
        spans.put(path, new Span(node.getStartMark().getIndex(), node.getEndMark().getIndex()));
        Tag tag = node.getTag();
        if (!PLAIN_TAGS.contains(tag)) {
            String name = tag.getValue().startsWith(Tag.PREFIX)
                    ? "!!" + tag.getValue().substring(Tag.PREFIX.length()) : tag.getValue();
            problem(path, "YAML tag '" + name + "' is not allowed; the inventory holds plain values only");
            out.writeNull();
        } else if (Tag.NULL.equals(tag)) {
            problem(path, "has no value");
            out.writeNull();
        } else if (node instanceof MappingNode mapping) {
            writeMapping(mapping, path, keysOf(type), out);
        } else if (node instanceof SequenceNode sequence) {
            out.writeStartArray();
            List<Node> items = itemType(type) == null ? List.of() : sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                write(items.get(i), path + "[" + i + "]", itemType(type), out);
            }
            out.writeEndArray();
        } else {
            out.writeString(((ScalarNode) node).getValue());
        }
    }

    private void writeMapping(MappingNode mapping, String path, Map<String, Type> known, TokenBuffer out)
            throws IOException {
        out.writeStartObject();
        Set<String> keys = new LinkedHashSet<>();
        for (NodeTuple tuple : known == null ? List.<NodeTuple>of() : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            int keyOffset = keyNode.getStartMark().getIndex();
            if (!(keyNode instanceof ScalarNode scalar)) {
                problem(keyOffset, path, "a key must be plain text, found "
                        + (keyNode instanceof MappingNode ? "a mapping" : "a list"));
                continue;
            }
            String key = scalar.getValue();
            if (!known.containsKey(key)) {
                Set<String> expected = new TreeSet<>(known.keySet());
                problem(keyOffset, child(path, key), "unknown key; expected "
                        + (expected.size() == 1 ? "" : "one of ") + String.join(", ", expected));
            } else if (!keys.add(key)) {
                problem(keyOffset, child(path, key), "duplicate key");
            } else {
                out.writeFieldName(key);
                write(tuple.getValueNode(), child(path, key), known.get(key), out);
            }
        }
        out.writeEndObject();
    }

    /** The keys of a record and the types of their values; null for any other type. */
    private static Map<String, Type> keysOf(Type type) {
        if (!(type instanceof Class<?> record) || !record.isRecord()) {
            return null;
        }
        Map<String, Type> keys = new LinkedHashMap<>();
        for (RecordComponent component : record.getRecordComponents()) {
            keys.put(component.getName(), component.getGenericType());
        }
        return keys;
    }

    private static Type itemType(Type type) {
        return type instanceof ParameterizedType list && list.getRawType() == List.class
                ? list.getActualTypeArguments()[0] : null;
    }

    // ---- what Jackson finds while binding: values of the wrong type ----

    private final class WrongTypes extends DeserializationProblemHandler {

        @Override
        public Object handleUnexpectedToken(DeserializationContext context, JavaType targetType, JsonToken token,
                                            JsonParser parser, String failureMessage) throws IOException {
            wrongType(parser, targetType.getRawClass());
            return null;
        }

        @Override
        public Object handleMissingInstantiator(DeserializationContext context, Class<?> type,
                                                ValueInstantiator instantiator, JsonParser parser,
                                                String message) throws IOException {
            wrongType(parser, type);
            return null;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext context, Class<?> type, String value,
                                             String failureMessage) throws IOException {
            wrongType(context.getParser(), type);
            return null;
        }

        private void wrongType(JsonParser parser, Class<?> expected) throws IOException {
            problem(pathOf(parser), expected(expected) + ", found " + found(parser));
            parser.skipChildren();
        }

        private static String expected(Class<?> type) {
            if (type.isRecord()) {
                Set<String> keys = new TreeSet<>(keysOf(type).keySet());
                return "expected a mapping with the key" + (keys.size() == 1 ? " " : "s ") + String.join(", ", keys);
            }
            return Collection.class.isAssignableFrom(type) ? "expected a list"
                    : type == BigInteger.class ? "expected a port number (1-65535)"
                    : type == Boolean.class ? "expected true or false" : "expected text";
        }

        private static String found(JsonParser parser) throws IOException {
            return switch (parser.currentToken()) {
                case START_OBJECT -> "a mapping";
                case START_ARRAY -> "a list";
                default -> "'" + parser.getText() + "'";
            };
        }

        /** The file's path of the current value, e.g. {@code hosts[2].port}, from Jackson's {@code /hosts/2/port}. */
        private static String pathOf(JsonParser parser) {
            return parser.getParsingContext().pathAsPointer().toString()
                    .replaceAll("/([0-9]+)", "[$1]").replace('/', '.').replaceFirst("^\\.", "");
        }
    }

    // ---- Bean Validation of each value ----

    private void validate(InventoryDocument document) {
        VALIDATOR.validate(document).stream()
                // A key given without a usable value has had its problem reported; "missing" would be wrong.
                .filter(v -> !(v.getConstraintDescriptor().getAnnotation() instanceof NotNull
                        && spans.containsKey(v.getPropertyPath().toString())))
                .sorted(Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString()))
                .forEach(v -> problem(v.getPropertyPath().toString(), v.getMessage()));
    }

    // ---- rules across entries ----

    /** The rules across entries, on a document whose entries of the wrong type are null. */
    private final class CrossChecks {

        private final List<SiteEntry> sites;
        private final List<HostEntry> hosts;
        private final List<QueueManagerEntry> queueManagers;
        private final Map<String, Integer> hostIndex;
        private final Map<String, Integer> queueManagerIndex;
        private final InventoryDocument document;

        CrossChecks(InventoryDocument document) {
            this.document = document;
            sites = orEmpty(document.sites());
            hosts = orEmpty(document.hosts());
            queueManagers = orEmpty(document.queueManagers());
            hostIndex = indexByName(hosts, HostEntry::name);
            queueManagerIndex = indexByName(queueManagers, QueueManagerEntry::name);
        }

        void run() {
            unique("sites", sites, SiteEntry::name, "site");
            unique("hosts", hosts, HostEntry::name, "host");
            unique("queueManagers", queueManagers, QueueManagerEntry::name, "queue manager");
            unique("clusters", orEmpty(document.clusters()), ClusterEntry::name, "cluster");
            checkHostSites();
            eachIndex(queueManagers, this::checkQueueManagerHosts);
            eachIndex(queueManagers, this::checkKindSettings);
            checkReplicationAddresses();
            checkHaGroups();
            checkListenerPorts();
            checkBackups();
            eachIndex(orEmpty(document.clusters()), this::checkCluster);
            checkPartners();
        }

        private <T> void unique(String list, List<T> entries, Function<T, String> name, String what) {
            Map<String, String> first = new HashMap<>();
            eachIndex(entries, (entry, i) -> {
                String value = name.apply(entry);
                String path = list + "[" + i + "].name";
                String earlier = value == null ? null : first.putIfAbsent(value, path);
                if (earlier != null) {
                    problem(path, "duplicate " + what + " name '" + value + "' (first at " + earlier + ")");
                }
            });
        }

        private void checkHostSites() {
            Set<String> siteNames = sites.stream().filter(Objects::nonNull).map(SiteEntry::name)
                    .filter(Objects::nonNull).collect(Collectors.toSet());
            eachIndex(hosts, (host, i) -> {
                if (host.site() != null && !siteNames.contains(host.site())) {
                    problem("hosts[" + i + "].site", "unknown site '" + host.site() + "'");
                }
            });
        }

        private void checkQueueManagerHosts(QueueManagerEntry q, int index) {
            List<String> names = q.hosts();
            if (names == null) {
                return;
            }
            String at = "queueManagers[" + index + "].hosts";
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i) != null && !hostIndex.containsKey(names.get(i))) {
                    problem(at + "[" + i + "]", "unknown host '" + names.get(i) + "'");
                }
            }
            if (q.knownKind() == null || names.contains(null)) {
                return;
            }
            if (names.size() != q.knownKind().hostCount() || new LinkedHashSet<>(names).size() != names.size()) {
                String rule = switch (q.knownKind()) {
                    case SINGLE -> "a single queue manager runs on exactly one host";
                    case MULTI_INSTANCE ->
                            "a multi-instance queue manager needs two distinct hosts (active and standby)";
                    case RDQM_DR -> "an RDQM DR queue manager needs two distinct nodes (primary, then secondary)";
                    case RDQM_HA -> "an RDQM HA queue manager needs three distinct nodes";
                    case NATIVE_HA -> "a Native HA queue manager needs three distinct hosts (one per instance)";
                };
                problem(at, rule + "; found: " + (names.isEmpty() ? "none" : String.join(", ", names)));
                return;
            }
            if (q.knownKind() == QueueManagerKind.RDQM_DR) {
                for (int i = 0; i < names.size(); i++) {
                    Integer host = hostIndex.get(names.get(i));
                    if (host != null && !spans.containsKey("hosts[" + host + "].replicationAddress")) {
                        problem(at + "[" + i + "]", "node '" + names.get(i)
                                + "' has no replicationAddress; an RDQM DR node needs one");
                    }
                }
            }
        }

        /** Settings that belong to one kind or transport: required there, refused elsewhere. */
        private void checkKindSettings(QueueManagerEntry q, int index) {
            String at = "queueManagers[" + index + "]";
            if (q.pcf() != null && q.knownTransport() != Transport.PCF) {
                problem(at + ".pcf", "only used with transport: pcf");
            }
            if (q.knownTransport() == Transport.PCF && !spans.containsKey(at + ".pcf")) {
                problem(at + ".pcf", "required with transport: pcf (at least pcf.channel)");
            }
            if (q.drReplication() != null && q.knownKind() != null && q.knownKind() != QueueManagerKind.RDQM_DR) {
                problem(at + ".drReplication", "only used by an rdqm-dr queue manager");
            }
            if (q.knownKind() == QueueManagerKind.RDQM_DR && !spans.containsKey(at + ".drReplication")) {
                problem(at + ".drReplication", "required for an rdqm-dr queue manager");
            }
            checkCrossRegion(q, at);
        }

        /** Cross-region replication: a native-ha queue manager's second group, on three other distinct hosts. */
        private void checkCrossRegion(QueueManagerEntry q, String at) {
            InventoryDocument.CrossRegionEntry crossRegion = q.crossRegion();
            if (crossRegion == null) {
                return;
            }
            if (q.knownKind() != null && q.knownKind() != QueueManagerKind.NATIVE_HA) {
                problem(at + ".crossRegion", "only used by a native-ha queue manager");
                return;
            }
            if (crossRegion.group() != null && crossRegion.group().equals(crossRegion.recoveryGroup())) {
                problem(at + ".crossRegion.recoveryGroup", "must differ from group '" + crossRegion.group() + "'");
            }
            List<String> names = crossRegion.recoveryHosts();
            if (names == null) {
                return;
            }
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (name != null && !hostIndex.containsKey(name)) {
                    problem(at + ".crossRegion.recoveryHosts[" + i + "]", "unknown host '" + name + "'");
                } else if (name != null && q.hosts() != null && q.hosts().contains(name)) {
                    problem(at + ".crossRegion.recoveryHosts[" + i + "]", "host '" + name
                            + "' already runs an instance of the group '" + crossRegion.group() + "'");
                }
            }
            if (names.size() != 3 || names.contains(null) || new LinkedHashSet<>(names).size() != 3) {
                problem(at + ".crossRegion.recoveryHosts", "a Native HA recovery group needs three distinct hosts"
                        + " (one per instance); found: " + (names.isEmpty() ? "none" : String.join(", ",
                        names.stream().map(String::valueOf).toList())));
            }
        }

        /**
         * RDQM HA queue managers run in a Pacemaker cluster of three nodes, and "A node cannot be a member of two
         * Pacemaker clusters" (IBM's rdqmadm reference): HA queue managers that share a node share all three.
         */
        private void checkHaGroups() {
            Map<String, QueueManagerEntry> groupOfNode = new HashMap<>();
            eachIndex(queueManagers, (q, index) -> {
                if (q.knownKind() != QueueManagerKind.RDQM_HA || q.hosts() == null || q.hosts().size() != 3
                        || q.hosts().contains(null) || new LinkedHashSet<>(q.hosts()).size() != 3) {
                    return;
                }
                for (String node : q.hosts()) {
                    QueueManagerEntry earlier = groupOfNode.putIfAbsent(node, q);
                    if (earlier != null && !new LinkedHashSet<>(earlier.hosts()).equals(new LinkedHashSet<>(q.hosts()))) {
                        problem("queueManagers[" + index + "].hosts", "node '" + node + "' is in the RDQM HA group of "
                                + earlier.name() + " (" + String.join(", ", earlier.hosts()) + "); an HA node belongs to"
                                + " one group of three nodes, so " + q.name() + " must list the same three nodes");
                        return;
                    }
                }
            });
        }

        private void checkReplicationAddresses() {
            List<QueueManagerEntry> drQueueManagers = queueManagers.stream().filter(Objects::nonNull)
                    .filter(q -> q.knownKind() == QueueManagerKind.RDQM_DR).toList();
            boolean drNodesKnown = drQueueManagers.stream().allMatch(q -> q.hosts() != null && q.hosts().size() == 2
                    && !q.hosts().contains(null) && q.hosts().stream().distinct().count() == 2);
            if (!drNodesKnown) {
                // A broken rdqm-dr host list is reported there; guessing which hosts it meant would mislead.
                return;
            }
            Set<String> drNodes = drQueueManagers.stream().flatMap(q -> q.hosts().stream())
                    .collect(Collectors.toSet());
            eachIndex(hosts, (host, i) -> {
                String address = host.replicationAddress();
                if (address != null && ValueRule.HOST.check(address).isEmpty() && host.name() != null
                        && !drNodes.contains(host.name())) {
                    problem("hosts[" + i + "].replicationAddress",
                            "only used by RDQM DR nodes; no rdqm-dr queue manager runs on '" + host.name() + "'");
                }
            });
        }

        private void checkListenerPorts() {
            Map<String, QueueManagerEntry> listeners = new HashMap<>();
            eachIndex(queueManagers, (q, index) -> {
                BigInteger port = q.listener() == null ? null : q.listener().port();
                if (port == null || ValueRule.PORT.check(port.toString()).isPresent() || q.hosts() == null
                        || q.name() == null) {
                    return;
                }
                for (String host : new LinkedHashSet<>(q.hosts())) {
                    QueueManagerEntry earlier = host == null ? null : listeners.putIfAbsent(host + ":" + port, q);
                    if (earlier != null && earlier != q) {
                        problem("queueManagers[" + index + "].listener.port", "port " + port + " on host " + host
                                + " is already the listener of " + earlier.name());
                        break;
                    }
                }
            });
        }

        private void checkBackups() {
            Map<String, QueueManagerEntry> backupsOnHosts = new HashMap<>();
            eachIndex(queueManagers, (q, index) -> {
                BackupEntry backup = q.backup();
                if (backup == null || q.name() == null) {
                    return;
                }
                String at = "queueManagers[" + index + "].backup";
                String name = q.name();
                String backupName = backup.queueManager();
                if (backupName != null && !backupName.equals(name)) {
                    Integer other = queueManagerIndex.get(backupName);
                    if (other != null) {
                        problem(at + ".queueManager", "'" + backupName + "' is another queue manager of the inventory"
                                + " (queueManagers[" + other + "]); a distinct DR name must be unique");
                    } else if (q.knownKind() == QueueManagerKind.RDQM_DR) {
                        problem(at + ".queueManager", "the backup of an RDQM DR queue manager is its secondary"
                                + " instance, named '" + name + "' like the primary, not '" + backupName + "'");
                    }
                }
                String backupHost = backup.host();
                List<String> primaryHosts = q.hosts();
                if (backupHost == null) {
                    return;
                }
                if (!hostIndex.containsKey(backupHost)) {
                    problem(at + ".host", "unknown host '" + backupHost + "'");
                    return;
                }
                if (primaryHosts == null || primaryHosts.contains(null) || primaryHosts.isEmpty()) {
                    return;
                }
                boolean drQueueManager = q.knownKind() == QueueManagerKind.RDQM_DR;
                if ((drQueueManager ? primaryHosts.subList(0, 1) : primaryHosts).contains(backupHost)) {
                    problem(at + ".host", "'" + backupHost + "' is a host " + name
                            + " itself runs on; the backup needs another host");
                } else if (drQueueManager && primaryHosts.size() == 2 && !primaryHosts.get(1).equals(backupHost)) {
                    problem(at + ".host", "the backup of an RDQM DR queue manager runs on its secondary node '"
                            + primaryHosts.get(1) + "', not '" + backupHost + "'");
                } else if (backupName != null) {
                    QueueManagerEntry earlier = backupsOnHosts.putIfAbsent(backupHost + "/" + backupName, q);
                    if (earlier != null) {
                        problem(at + ".queueManager", "'" + backupName + "' on host " + backupHost
                                + " is already the backup of " + earlier.name());
                    }
                }
            });
        }

        /** A queue manager is listed once per cluster, as a full or as a partial repository. */
        private void checkCluster(ClusterEntry cluster, int index) {
            Map<String, String> listedIn = new HashMap<>();
            BiConsumer<String, List<String>> checkList = (list, members) -> eachIndex(orEmpty(members), (member, i) -> {
                String path = "clusters[" + index + "]." + list + "[" + i + "]";
                String earlier = checkMember(member, path) ? listedIn.putIfAbsent(member, list) : null;
                if (earlier != null) {
                    problem(path, "'" + member + "' " + (earlier.equals(list) ? "is listed twice"
                            : "is also a full repository of this cluster; a queue manager is either a full or a"
                            + " partial repository"));
                }
            });
            checkList.accept("fullRepositories", cluster.fullRepositories());
            checkList.accept("partialRepositories", cluster.partialRepositories());
        }

        /** True when the member is a queue manager of the inventory; reports it otherwise. */
        private boolean checkMember(String member, String path) {
            boolean known = queueManagerIndex.containsKey(member);
            if (!known) {
                problem(path, "unknown queue manager '" + member + "'");
            }
            return known;
        }

        private void checkPartners() {
            Map<String, String> channels = new HashMap<>();
            eachIndex(orEmpty(document.channelPartners()), (partner, i) -> {
                String at = "channelPartners[" + i + "]";
                String queueManager = partner.queueManager();
                if (queueManager == null || !checkMember(queueManager, at + ".queueManager")
                        || partner.channel() == null) {
                    return;
                }
                String earlier = channels.putIfAbsent(queueManager + "/" + partner.channel(), at + ".channel");
                if (earlier != null) {
                    problem(at + ".channel", "duplicate channel '" + partner.channel() + "' of " + queueManager
                            + " (first at " + earlier + ")");
                }
            });
        }
    }

    // ---- helpers ----

    /** Entries that are not what the file should hold there are null: their problem is reported. */
    private static <T> void eachIndex(List<T> entries, BiConsumer<T, Integer> action) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) != null) {
                action.accept(entries.get(i), i);
            }
        }
    }

    /** Where each name is first listed. */
    private static <T> Map<String, Integer> indexByName(List<T> entries, Function<T, String> name) {
        Map<String, Integer> index = new LinkedHashMap<>();
        eachIndex(entries, (entry, i) -> {
            if (name.apply(entry) != null) {
                index.putIfAbsent(name.apply(entry), i);
            }
        });
        return index;
    }

    /**
     * A problem at a path of the file. A key the file lacks counts as found where its mapping ends, so that
     * a misspelt key inside the mapping is reported before the missing one it was meant to be.
     */
    private void problem(String path, String problem) {
        Span span = spans.get(path);
        if (span != null) {
            problem(span.start(), path, problem);
            return;
        }
        String parent = path.substring(0, Math.max(0, Math.max(path.lastIndexOf('.'), path.lastIndexOf('['))));
        Span enclosing = spans.get(parent);
        problem(enclosing == null ? 0 : enclosing.end(), path, problem);
    }

    private void problem(int offset, String path, String problem) {
        found.add(new Found(offset, new InventoryProblem(oneLine(path), oneLine(problem))));
    }

    /** Values from the file may hold line breaks; the message must stay on one line. */
    private static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                            || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
