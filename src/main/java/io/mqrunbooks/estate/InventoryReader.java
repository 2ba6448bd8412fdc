package io.mqrunbooks.estate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns the composed YAML of one inventory into an {@link Estate}, collecting every problem with the
 * position of the node it concerns, so that the first one reported is the first in the file whichever
 * check found it.
 */
final class InventoryReader {

    private static final List<String> TOP_KEYS =
            List.of("sites", "hosts", "queueManagers", "clusters", "channelPartners");
    private static final List<String> SITE_KEYS = List.of("name");
    private static final List<String> HOST_KEYS =
            List.of("name", "address", "port", "user", "sudo", "site", "replicationAddress");
    private static final List<String> QUEUE_MANAGER_KEYS =
            List.of("name", "kind", "hosts", "listener", "transport", "pcf", "drReplication", "backup");
    private static final List<String> LISTENER_KEYS = List.of("name", "port");
    private static final List<String> PCF_KEYS = List.of("channel", "cipherSpec");
    private static final List<String> DR_REPLICATION_KEYS = List.of("port", "mode");
    private static final List<String> BACKUP_KEYS = List.of("queueManager", "host", "level");
    private static final List<String> CLUSTER_KEYS = List.of("name", "fullRepositories", "partialRepositories");
    private static final List<String> PARTNER_KEYS = List.of(
            "partner", "contact", "queueManager", "channel", "drConname", "firewallTicketTemplate");

    /** Plain YAML only: anything else (e.g. {@code !!java.net.URL}) would ask for an object. */
    private static final Set<Tag> PLAIN_TAGS = Set.of(
            Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.MAP, Tag.SEQ);
    private static final int DEFAULT_SSH_PORT = 22;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]+");
    private static final Pattern CIPHER_SPEC = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern CONNAME = Pattern.compile("(.*)\\(([^()]*)\\)");
    private static final List<String> DR_MODES = List.of("async", "sync");

    /** A problem and the offset of the node it concerns, for ordering. */
    private record Found(int offset, int sequence, InventoryProblem problem) {
    }

    /** A node of the file and its path, e.g. {@code hosts[2].port}. */
    private record Value(Node node, String path) {
    }

    /** A text value and where it stands. */
    private record Text(String value, Value at) {
    }

    private record HostEntry(Text name, Text site, boolean hasReplicationAddress, Text replicationAddress,
                             Host host) {
    }

    private record BackupEntry(Text queueManager, Text host, BackupLevel level) {
    }

    private record QueueManagerEntry(Value at, Text name, QueueManagerKind kind, Value hostsAt, List<Text> hosts,
                                     Text listenerName, Value listenerPortAt, int listenerPort, Transport transport,
                                     PcfConnection pcf, DrReplication drReplication, BackupEntry backup) {
    }

    private record ClusterEntry(Value at, Text name, Value fullAt, List<Text> full, List<Text> partial) {
    }

    private record PartnerEntry(Text partner, Text contact, Text queueManager, Text channel, Text drConname,
                                Text firewallTicketTemplate) {
    }

    private final List<Found> found = new ArrayList<>();

    private InventoryReader() {
    }

    /** Reads the composed document; throws {@link InventoryException} listing every problem. */
    static Estate read(String source, Node root) {
        InventoryReader reader = new InventoryReader();
        Estate estate = reader.estate(root);
        if (!reader.found.isEmpty()) {
            List<InventoryProblem> problems = reader.found.stream()
                    .sorted(Comparator.comparingInt(Found::offset).thenComparingInt(Found::sequence))
                    .map(Found::problem)
                    .toList();
            throw new InventoryException(source, problems);
        }
        return estate;
    }

    private Estate estate(Node root) {
        if (root == null) {
            problem(null, "", "the file is empty; expected " + String.join(", ", TOP_KEYS));
            return null;
        }
        Fields top = mapping(new Value(root, ""), TOP_KEYS);
        if (top == null) {
            return null;
        }
        List<Text> sites = top.required("sites").map(v -> entries(v, "site")).orElse(List.of()).stream()
                .map(this::site).filter(Objects::nonNull).toList();
        List<HostEntry> hosts = top.required("hosts").map(v -> entries(v, "host")).orElse(List.of()).stream()
                .map(this::host).filter(Objects::nonNull).toList();
        List<QueueManagerEntry> queueManagers = top.required("queueManagers")
                .map(v -> entries(v, "queue manager")).orElse(List.of()).stream()
                .map(this::queueManager).filter(Objects::nonNull).toList();
        List<ClusterEntry> clusters = top.optional("clusters").map(this::list).orElse(List.of()).stream()
                .map(this::cluster).filter(Objects::nonNull).toList();
        List<PartnerEntry> partners = top.optional("channelPartners").map(this::list).orElse(List.of()).stream()
                .map(this::partner).filter(Objects::nonNull).toList();

        unique(sites, "site");
        unique(hosts.stream().map(HostEntry::name).toList(), "host");
        unique(queueManagers.stream().map(QueueManagerEntry::name).toList(), "queue manager");
        unique(clusters.stream().map(ClusterEntry::name).toList(), "cluster");
        checkHostSites(hosts, sites);
        Map<String, HostEntry> hostsByName = byName(hosts, HostEntry::name);
        Map<String, QueueManagerEntry> queueManagersByName = byName(queueManagers, QueueManagerEntry::name);
        queueManagers.forEach(q -> checkQueueManagerHosts(q, hostsByName));
        checkReplicationAddresses(hosts, queueManagers);
        checkListenerPorts(queueManagers);
        checkBackups(queueManagers, hostsByName, queueManagersByName);
        clusters.forEach(c -> checkCluster(c, queueManagersByName));
        checkPartners(partners, queueManagersByName);

        if (!found.isEmpty()) {
            return null;
        }
        return new Estate(
                sites.stream().map(s -> new Site(s.value())).toList(),
                hosts.stream().map(HostEntry::host).toList(),
                queueManagers.stream().map(InventoryReader::toQueueManager).toList(),
                clusters.stream().map(c -> new Cluster(c.name().value(), values(c.full()), values(c.partial())))
                        .toList(),
                partners.stream().map(p -> new ChannelPartner(p.partner().value(), p.contact().value(),
                        p.queueManager().value(), p.channel().value(), p.drConname().value(),
                        p.firewallTicketTemplate().value())).toList());
    }

    // ---- the entries ----

    private Text site(Value at) {
        Fields fields = mapping(at, SITE_KEYS);
        return fields == null ? null : fields.text("name", InventoryReader::siteNameRule);
    }

    private HostEntry host(Value at) {
        Fields fields = mapping(at, HOST_KEYS);
        if (fields == null) {
            return null;
        }
        Text name = fields.text("name", InventoryReader::mqNameRule);
        Text address = fields.text("address", InventoryReader::hostRule);
        int port = fields.optional("port").map(this::port).orElse(DEFAULT_SSH_PORT);
        Text user = fields.text("user", InventoryReader::userRule);
        boolean sudo = fields.optional("sudo").map(this::bool).orElse(false);
        Text site = fields.text("site", InventoryReader::referenceRule);
        Text replicationAddress = fields.optional("replicationAddress").map(this::text)
                .filter(t -> check(t, InventoryReader::hostRule)).orElse(null);
        Host host = new Host(value(name), value(address), port, value(user), sudo, value(site),
                value(replicationAddress));
        return new HostEntry(name, site, fields.has("replicationAddress"), replicationAddress, host);
    }

    private QueueManagerEntry queueManager(Value at) {
        Fields fields = mapping(at, QUEUE_MANAGER_KEYS);
        if (fields == null) {
            return null;
        }
        Text name = fields.text("name", InventoryReader::mqNameRule);
        QueueManagerKind kind = fields.required("kind").map(v -> choice(v, QueueManagerKind.values(),
                QueueManagerKind::yamlName, QueueManagerKind::fromYaml)).orElse(null);
        Optional<Value> hostsAt = fields.required("hosts");
        List<Text> hosts = hostsAt.map(this::textList).orElse(null);

        Text listenerName = null;
        Value listenerPortAt = null;
        int listenerPort = 0;
        Fields listener = fields.required("listener").map(v -> mapping(v, LISTENER_KEYS)).orElse(null);
        if (listener != null) {
            listenerName = listener.text("name", InventoryReader::mqNameRule);
            listenerPortAt = listener.required("port").orElse(null);
            Integer port = listenerPortAt == null ? null : port(listenerPortAt);
            listenerPort = port == null ? 0 : port;
        }

        Transport transport = fields.optional("transport").map(v -> choice(v, Transport.values(),
                Transport::yamlName, Transport::fromYaml)).orElse(Transport.MQSC_SSH);
        PcfConnection pcf = fields.optional("pcf").map(v -> pcf(v, transport)).orElse(null);
        if (transport == Transport.PCF && !fields.has("pcf")) {
            missing(at, "pcf", "required with transport: pcf (at least pcf.channel)");
        }
        DrReplication drReplication = fields.optional("drReplication").map(v -> drReplication(v, kind))
                .orElse(null);
        if (kind == QueueManagerKind.RDQM_DR && !fields.has("drReplication")) {
            missing(at, "drReplication", "required for an rdqm-dr queue manager");
        }
        BackupEntry backup = fields.optional("backup").map(this::backup).orElse(null);
        return new QueueManagerEntry(at, name, kind, hostsAt.orElse(null), hosts, listenerName, listenerPortAt,
                listenerPort, transport, pcf, drReplication, backup);
    }

    private PcfConnection pcf(Value at, Transport transport) {
        Fields fields = mapping(at, PCF_KEYS);
        if (fields == null) {
            return null;
        }
        if (transport != Transport.PCF) {
            problem(at, "only used with transport: pcf");
        }
        Text channel = fields.text("channel", InventoryReader::channelRule);
        Text cipherSpec = fields.optional("cipherSpec").map(this::text)
                .filter(t -> check(t, InventoryReader::cipherSpecRule)).orElse(null);
        return new PcfConnection(value(channel), value(cipherSpec));
    }

    private DrReplication drReplication(Value at, QueueManagerKind kind) {
        Fields fields = mapping(at, DR_REPLICATION_KEYS);
        if (fields == null) {
            return null;
        }
        if (kind != null && kind != QueueManagerKind.RDQM_DR) {
            problem(at, "only used by an rdqm-dr queue manager");
        }
        int port = fields.required("port").map(this::port).orElse(0);
        String mode = fields.required("mode").map(v -> choice(v, DR_MODES.toArray(String[]::new),
                m -> m, m -> DR_MODES.contains(m) ? Optional.of(m) : Optional.empty())).orElse(null);
        return new DrReplication(port, "sync".equals(mode));
    }

    private BackupEntry backup(Value at) {
        Fields fields = mapping(at, BACKUP_KEYS);
        if (fields == null) {
            return null;
        }
        Text queueManager = fields.text("queueManager", InventoryReader::mqNameRule);
        Text host = fields.text("host", InventoryReader::referenceRule);
        BackupLevel level = fields.required("level").map(v -> choice(v, BackupLevel.values(),
                BackupLevel::yamlName, BackupLevel::fromYaml)).orElse(null);
        return new BackupEntry(queueManager, host, level);
    }

    private ClusterEntry cluster(Value at) {
        Fields fields = mapping(at, CLUSTER_KEYS);
        if (fields == null) {
            return null;
        }
        Text name = fields.text("name", InventoryReader::mqNameRule);
        Value fullAt = fields.optional("fullRepositories").orElse(null);
        List<Text> full = fullAt == null ? List.of() : textList(fullAt);
        if (fullAt == null) {
            missing(at, "fullRepositories", "a cluster needs at least one full repository");
        } else if (full != null && full.isEmpty()) {
            problem(fullAt, "a cluster needs at least one full repository");
        }
        List<Text> partial = fields.optional("partialRepositories").map(this::textList).orElse(List.of());
        return new ClusterEntry(at, name, fullAt, full, partial);
    }

    private PartnerEntry partner(Value at) {
        Fields fields = mapping(at, PARTNER_KEYS);
        if (fields == null) {
            return null;
        }
        return new PartnerEntry(
                fields.text("partner", InventoryReader::freeTextRule),
                fields.text("contact", InventoryReader::freeTextRule),
                fields.text("queueManager", InventoryReader::referenceRule),
                fields.text("channel", InventoryReader::channelRule),
                fields.text("drConname", InventoryReader::connameRule),
                fields.text("firewallTicketTemplate", InventoryReader::freeTextRule));
    }

    private static QueueManager toQueueManager(QueueManagerEntry q) {
        Backup backup = q.backup() == null ? null
                : new Backup(q.backup().queueManager().value(), q.backup().host().value(), q.backup().level());
        return new QueueManager(q.name().value(), q.kind(), values(q.hosts()), q.listenerName().value(),
                q.listenerPort(), q.transport(), q.pcf(), q.drReplication(), backup);
    }

    // ---- rules across entries ----

    private void unique(List<Text> names, String what) {
        Map<String, Text> first = new HashMap<>();
        for (Text name : names) {
            if (name == null) {
                continue;
            }
            Text earlier = first.putIfAbsent(name.value(), name);
            if (earlier != null) {
                problem(name.at(), "duplicate " + what + " name '" + name.value() + "' (first at "
                        + earlier.at().path() + ")");
            }
        }
    }

    private void checkHostSites(List<HostEntry> hosts, List<Text> sites) {
        Set<String> siteNames = sites.stream().map(Text::value).collect(Collectors.toSet());
        for (HostEntry host : hosts) {
            if (host.site() != null && !siteNames.contains(host.site().value())) {
                problem(host.site().at(), "unknown site '" + host.site().value() + "'");
            }
        }
    }

    private void checkQueueManagerHosts(QueueManagerEntry q, Map<String, HostEntry> hosts) {
        if (q.hosts() == null) {
            return;
        }
        for (Text host : q.hosts()) {
            if (host != null && !hosts.containsKey(host.value())) {
                problem(host.at(), "unknown host '" + host.value() + "'");
            }
        }
        if (q.kind() == null || q.hosts().contains(null)) {
            return;
        }
        List<String> names = values(q.hosts());
        boolean distinct = new LinkedHashSet<>(names).size() == names.size();
        String found = names.isEmpty() ? "none" : String.join(", ", names);
        String rule = switch (q.kind()) {
            case SINGLE -> names.size() == 1 ? null : "a single queue manager runs on exactly one host";
            case MULTI_INSTANCE -> names.size() == 2 && distinct ? null
                    : "a multi-instance queue manager needs two distinct hosts (active and standby)";
            case RDQM_DR -> names.size() == 2 && distinct ? null
                    : "an RDQM DR queue manager needs two distinct nodes (primary, then secondary)";
            case RDQM_HA -> names.size() == 3 && distinct ? null
                    : "an RDQM HA queue manager needs three distinct nodes";
        };
        if (rule != null) {
            problem(q.hostsAt(), rule + "; found: " + found);
            return;
        }
        if (q.kind() == QueueManagerKind.RDQM_DR) {
            for (Text node : q.hosts()) {
                HostEntry host = hosts.get(node.value());
                if (host != null && !host.hasReplicationAddress()) {
                    problem(node.at(), "node '" + node.value()
                            + "' has no replicationAddress; an RDQM DR node needs one");
                }
            }
        }
    }

    private void checkReplicationAddresses(List<HostEntry> hosts, List<QueueManagerEntry> queueManagers) {
        boolean drNodesKnown = queueManagers.stream()
                .filter(q -> q.kind() == QueueManagerKind.RDQM_DR)
                .allMatch(q -> q.hosts() != null && q.hosts().size() == 2 && !q.hosts().contains(null)
                        && values(q.hosts()).stream().distinct().count() == 2);
        if (!drNodesKnown) {
            // A broken rdqm-dr host list is reported there; guessing which hosts it meant would mislead.
            return;
        }
        Set<String> drNodes = queueManagers.stream()
                .filter(q -> q.kind() == QueueManagerKind.RDQM_DR && q.hosts() != null)
                .flatMap(q -> q.hosts().stream()).filter(Objects::nonNull).map(Text::value)
                .collect(Collectors.toSet());
        for (HostEntry host : hosts) {
            if (host.replicationAddress() != null && host.name() != null && !drNodes.contains(host.name().value())) {
                problem(host.replicationAddress().at(), "only used by RDQM DR nodes; no rdqm-dr queue manager runs on '"
                        + host.name().value() + "'");
            }
        }
    }

    private void checkListenerPorts(List<QueueManagerEntry> queueManagers) {
        Map<String, QueueManagerEntry> listeners = new HashMap<>();
        for (QueueManagerEntry q : queueManagers) {
            if (q.listenerPort() == 0 || q.hosts() == null || q.name() == null) {
                continue;
            }
            for (Text host : new LinkedHashSet<>(q.hosts())) {
                if (host == null) {
                    continue;
                }
                QueueManagerEntry earlier = listeners.putIfAbsent(host.value() + ":" + q.listenerPort(), q);
                if (earlier != null && earlier != q) {
                    problem(q.listenerPortAt(), "port " + q.listenerPort() + " on host " + host.value()
                            + " is already the listener of " + earlier.name().value());
                    break;
                }
            }
        }
    }

    private void checkBackups(List<QueueManagerEntry> queueManagers, Map<String, HostEntry> hosts,
                              Map<String, QueueManagerEntry> byName) {
        Map<String, QueueManagerEntry> backupsOnHosts = new HashMap<>();
        for (QueueManagerEntry q : queueManagers) {
            BackupEntry backup = q.backup();
            if (backup == null || q.name() == null) {
                continue;
            }
            String name = q.name().value();
            if (backup.queueManager() != null && !backup.queueManager().value().equals(name)) {
                QueueManagerEntry other = byName.get(backup.queueManager().value());
                if (other != null) {
                    problem(backup.queueManager().at(), "'" + backup.queueManager().value()
                            + "' is another queue manager of the inventory (" + other.at().path()
                            + "); a distinct DR name must be unique");
                } else if (q.kind() == QueueManagerKind.RDQM_DR) {
                    problem(backup.queueManager().at(), "the backup of an RDQM DR queue manager is its secondary"
                            + " instance, named '" + name + "' like the primary, not '"
                            + backup.queueManager().value() + "'");
                }
            }
            if (backup.host() == null) {
                continue;
            }
            String backupHost = backup.host().value();
            if (!hosts.containsKey(backupHost)) {
                problem(backup.host().at(), "unknown host '" + backupHost + "'");
                continue;
            }
            if (q.hosts() == null || q.hosts().contains(null) || q.hosts().isEmpty()) {
                continue;
            }
            List<String> primaryHosts = q.kind() == QueueManagerKind.RDQM_DR
                    ? List.of(q.hosts().get(0).value()) : values(q.hosts());
            if (primaryHosts.contains(backupHost)) {
                problem(backup.host().at(), "'" + backupHost + "' is a host " + name
                        + " itself runs on; the backup needs another host");
                continue;
            }
            if (q.kind() == QueueManagerKind.RDQM_DR && q.hosts().size() == 2
                    && !q.hosts().get(1).value().equals(backupHost)) {
                problem(backup.host().at(), "the backup of an RDQM DR queue manager runs on its secondary node '"
                        + q.hosts().get(1).value() + "', not '" + backupHost + "'");
                continue;
            }
            if (backup.queueManager() != null) {
                QueueManagerEntry earlier = backupsOnHosts.putIfAbsent(
                        backupHost + "/" + backup.queueManager().value(), q);
                if (earlier != null) {
                    problem(backup.queueManager().at(), "'" + backup.queueManager().value() + "' on host "
                            + backupHost + " is already the backup of " + earlier.name().value());
                }
            }
        }
    }

    private void checkCluster(ClusterEntry cluster, Map<String, QueueManagerEntry> queueManagers) {
        Set<String> full = new LinkedHashSet<>();
        for (Text member : nonNull(cluster.full())) {
            if (!queueManagers.containsKey(member.value())) {
                problem(member.at(), "unknown queue manager '" + member.value() + "'");
            } else if (!full.add(member.value())) {
                problem(member.at(), "'" + member.value() + "' is listed twice");
            }
        }
        Set<String> partial = new LinkedHashSet<>();
        for (Text member : nonNull(cluster.partial())) {
            if (!queueManagers.containsKey(member.value())) {
                problem(member.at(), "unknown queue manager '" + member.value() + "'");
            } else if (full.contains(member.value())) {
                problem(member.at(), "'" + member.value() + "' is also a full repository of this cluster;"
                        + " a queue manager is either a full or a partial repository");
            } else if (!partial.add(member.value())) {
                problem(member.at(), "'" + member.value() + "' is listed twice");
            }
        }
    }

    private void checkPartners(List<PartnerEntry> partners, Map<String, QueueManagerEntry> queueManagers) {
        Map<String, PartnerEntry> channels = new HashMap<>();
        for (PartnerEntry partner : partners) {
            Text queueManager = partner.queueManager();
            if (queueManager == null) {
                continue;
            }
            if (!queueManagers.containsKey(queueManager.value())) {
                problem(queueManager.at(), "unknown queue manager '" + queueManager.value() + "'");
                continue;
            }
            if (partner.channel() == null) {
                continue;
            }
            PartnerEntry earlier = channels.putIfAbsent(queueManager.value() + "/" + partner.channel().value(),
                    partner);
            if (earlier != null) {
                problem(partner.channel().at(), "duplicate channel '" + partner.channel().value() + "' of "
                        + queueManager.value() + " (first at " + earlier.channel().at().path() + ")");
            }
        }
    }

    // ---- the rules for single values: each returns the problem, or empty ----

    /** A reference needs no rule of its own: it must equal a name that passed its rule. */
    private static Optional<String> referenceRule(String value) {
        return Optional.empty();
    }

    private static Optional<String> siteNameRule(String value) {
        return value.isEmpty() ? Optional.of("is empty") : shellRule(value);
    }

    private static Optional<String> mqNameRule(String value) {
        return shellRule(value).or(() -> NameRules.checkMqName(value));
    }

    private static Optional<String> channelRule(String value) {
        return shellRule(value).or(() -> NameRules.checkChannelName(value));
    }

    private static Optional<String> hostRule(String value) {
        return shellRule(value).or(() -> NameRules.checkHostName(value));
    }

    private static Optional<String> userRule(String value) {
        return shellRule(value).or(() -> NameRules.checkUser(value));
    }

    private static Optional<String> cipherSpecRule(String value) {
        return shellRule(value).or(() -> CIPHER_SPEC.matcher(value).matches() ? Optional.empty()
                : Optional.of("'" + value + "' is not a cipher spec name (letters, digits and _)"));
    }

    /** {@code host(port)}: the form MQ's CONNAME takes for one address. */
    private static Optional<String> connameRule(String value) {
        Matcher matcher = CONNAME.matcher(value);
        if (!matcher.matches()) {
            return Optional.of("'" + value + "' is not host(port), e.g. dr-gw.bank.example(1414)");
        }
        String host = matcher.group(1);
        String port = matcher.group(2);
        Optional<String> hostProblem = shellRule(host).or(() -> NameRules.checkHostName(host));
        if (hostProblem.isPresent()) {
            return Optional.of("host " + hostProblem.get());
        }
        if (!port.matches("[0-9]{1,5}")) {
            return Optional.of("port '" + port + "' is not a number");
        }
        return NameRules.checkPort(Integer.parseInt(port)).map(p -> "port " + p);
    }

    /** Text people read (names, phone numbers, ticket text): spaces are fine, command substitution is not. */
    private static Optional<String> freeTextRule(String value) {
        if (value.isBlank()) {
            return Optional.of("is blank");
        }
        for (char c : value.toCharArray()) {
            if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                return Optional.of("contains a control character (U+" + String.format("%04X", (int) c) + ")");
            }
        }
        if (value.contains("`")) {
            return Optional.of("'" + value + "' contains a backtick (`), which a shell would run as a command");
        }
        if (value.contains("$(")) {
            return Optional.of("'" + value + "' contains '$(', which a shell would run as a command");
        }
        return Optional.empty();
    }

    private static Optional<String> shellRule(String value) {
        for (char c : value.toCharArray()) {
            if (NameRules.hasShellMetacharacter(String.valueOf(c))) {
                return Optional.of("'" + value + "' contains a shell metacharacter " + describe(c));
            }
        }
        return Optional.empty();
    }

    private static String describe(char c) {
        return switch (c) {
            case ' ' -> "' ' (space)";
            case '\t' -> "'\\t' (tab)";
            case '\n' -> "'\\n' (newline)";
            case '\r' -> "'\\r' (carriage return)";
            default -> "'" + c + "'";
        };
    }

    // ---- reading typed values; each records its own problem and returns null on failure ----

    /** A mapping with exactly the known keys; reports unknown and repeated keys. */
    private final class Fields {

        private final Value at;
        private final Map<String, NodeTuple> byKey = new LinkedHashMap<>();

        Fields(Value at, List<String> known) {
            this.at = at;
            for (NodeTuple tuple : ((MappingNode) at.node()).getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (!(keyNode instanceof ScalarNode scalar)) {
                    problem(keyNode, at.path(), "a key must be plain text, found " + describeNode(keyNode));
                    continue;
                }
                String key = scalar.getValue();
                String path = child(at.path(), key);
                if (!known.contains(key)) {
                    problem(keyNode, path, "unknown key; expected " + expected(known));
                } else if (byKey.putIfAbsent(key, tuple) != null) {
                    problem(keyNode, path, "duplicate key");
                }
            }
        }

        boolean has(String key) {
            return byKey.containsKey(key);
        }

        Optional<Value> optional(String key) {
            NodeTuple tuple = byKey.get(key);
            return tuple == null ? Optional.empty()
                    : Optional.of(new Value(tuple.getValueNode(), child(at.path(), key)));
        }

        Optional<Value> required(String key) {
            if (!has(key)) {
                missing(at, key, "required field is missing");
            }
            return optional(key);
        }

        /**
         * A required text, checked against the rule; null only when missing or not text, so that a name
         * breaking a rule still counts for references and causes no second problem there.
         */
        Text text(String key, Function<String, Optional<String>> rule) {
            Text text = required(key).map(InventoryReader.this::text).orElse(null);
            if (text != null) {
                check(text, rule);
            }
            return text;
        }
    }

    private boolean check(Text text, Function<String, Optional<String>> rule) {
        Optional<String> problem = rule.apply(text.value());
        problem.ifPresent(p -> problem(text.at(), p));
        return problem.isEmpty();
    }

    /** True when the node holds a value in plain YAML; otherwise records why not. */
    private boolean plain(Value at) {
        Tag tag = at.node().getTag();
        if (!PLAIN_TAGS.contains(tag)) {
            String name = tag.getValue().startsWith(Tag.PREFIX)
                    ? "!!" + tag.getValue().substring(Tag.PREFIX.length()) : tag.getValue();
            problem(at, "YAML tag '" + name + "' is not allowed; the inventory holds plain values only");
            return false;
        }
        if (Tag.NULL.equals(tag)) {
            problem(at, "has no value");
            return false;
        }
        return true;
    }

    private Fields mapping(Value at, List<String> keys) {
        if (!plain(at)) {
            return null;
        }
        if (!(at.node() instanceof MappingNode)) {
            problem(at, "expected a mapping with the key" + (keys.size() == 1 ? " " : "s ")
                    + String.join(", ", new TreeSet<>(keys)) + ", found " + describeNode(at.node()));
            return null;
        }
        return new Fields(at, keys);
    }

    private List<Value> list(Value at) {
        if (!plain(at)) {
            return null;
        }
        if (!(at.node() instanceof SequenceNode sequence)) {
            problem(at, "expected a list, found " + describeNode(at.node()));
            return null;
        }
        List<Value> items = new ArrayList<>();
        List<Node> nodes = sequence.getValue();
        for (int i = 0; i < nodes.size(); i++) {
            items.add(new Value(nodes.get(i), at.path() + "[" + i + "]"));
        }
        return items;
    }

    /** A required top-level list that needs at least one entry. */
    private List<Value> entries(Value at, String what) {
        List<Value> items = list(at);
        if (items != null && items.isEmpty()) {
            problem(at, "is empty; the inventory needs at least one " + what);
        }
        return items;
    }

    /** A list of texts; null when it is not a list, with null elements where an item is not text. */
    private List<Text> textList(Value at) {
        List<Value> items = list(at);
        if (items == null) {
            return null;
        }
        List<Text> texts = new ArrayList<>();
        for (Value item : items) {
            texts.add(text(item));
        }
        return texts;
    }

    private Text text(Value at) {
        if (!plain(at)) {
            return null;
        }
        if (!(at.node() instanceof ScalarNode scalar)) {
            problem(at, "expected text, found " + describeNode(at.node()));
            return null;
        }
        return new Text(scalar.getValue(), at);
    }

    private Integer port(Value at) {
        if (!plain(at)) {
            return null;
        }
        if (!(at.node() instanceof ScalarNode scalar) || !WHOLE_NUMBER.matcher(scalar.getValue()).matches()) {
            problem(at, "expected a port number (1-65535), found " + describeNode(at.node()));
            return null;
        }
        String digits = scalar.getValue();
        if (digits.replaceFirst("^-?0*", "").length() > 9) {
            problem(at, digits + " is out of range (1-65535)");
            return null;
        }
        int port = Integer.parseInt(digits);
        Optional<String> problem = NameRules.checkPort(port);
        if (problem.isPresent()) {
            problem(at, problem.get());
            return null;
        }
        return port;
    }

    private Boolean bool(Value at) {
        if (!plain(at)) {
            return null;
        }
        if (at.node() instanceof ScalarNode scalar
                && (scalar.getValue().equals("true") || scalar.getValue().equals("false"))) {
            return Boolean.valueOf(scalar.getValue());
        }
        problem(at, "expected true or false, found " + describeNode(at.node()));
        return null;
    }

    private <T> T choice(Value at, T[] allowed, Function<T, String> yamlName, Function<String, Optional<T>> parse) {
        Text text = text(at);
        if (text == null) {
            return null;
        }
        Optional<T> parsed = parse.apply(text.value());
        if (parsed.isEmpty()) {
            problem(at, "'" + text.value() + "' is not one of "
                    + Arrays.stream(allowed).map(yamlName).collect(Collectors.joining(", ")));
        }
        return parsed.orElse(null);
    }

    // ---- helpers ----

    private void problem(Value at, String problem) {
        problem(at.node(), at.path(), problem);
    }

    private void problem(Node node, String path, String problem) {
        add(node == null || node.getStartMark() == null ? 0 : node.getStartMark().getIndex(), path, problem);
    }

    /**
     * A key the mapping lacks. It counts as found where the mapping ends, so that a misspelt key inside
     * the mapping is reported before the missing one it was meant to be.
     */
    private void missing(Value mapping, String key, String problem) {
        Node node = mapping.node();
        add(node.getEndMark() == null ? 0 : node.getEndMark().getIndex(), child(mapping.path(), key), problem);
    }

    private void add(int offset, String path, String problem) {
        found.add(new Found(offset, found.size(), new InventoryProblem(oneLine(path), oneLine(problem))));
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

    private static String describeNode(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    private static String expected(List<String> keys) {
        return keys.size() == 1 ? keys.get(0) : "one of " + String.join(", ", new TreeSet<>(keys));
    }

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String value(Text text) {
        return text == null ? null : text.value();
    }

    private static List<String> values(List<Text> texts) {
        return nonNull(texts).stream().map(Text::value).toList();
    }

    private static List<Text> nonNull(List<Text> texts) {
        return texts == null ? List.of() : texts.stream().filter(Objects::nonNull).toList();
    }

    private static <T> Map<String, T> byName(List<T> entries, Function<T, Text> name) {
        Map<String, T> byName = new LinkedHashMap<>();
        for (T entry : entries) {
            Text text = name.apply(entry);
            if (text != null) {
                byName.putIfAbsent(text.value(), entry);
            }
        }
        return byName;
    }
}
