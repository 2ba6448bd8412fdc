package io.mqrunbooks.application.versions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.mqrunbooks.mq.MqVersion;
import io.mqrunbooks.application.versions.SecurityBulletin.AffectedRange;
import io.mqrunbooks.application.versions.SecurityBulletin.Stream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks the bulletin table. Every record must be complete and consistent, or the table is refused
 * with a message naming the file, the record (its position and CVE) and the field: a wrong range would hide a
 * warning from the person at the gate.
 */
public final class BulletinTableReader {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    private static final Set<String> BULLETIN_FIELDS = Set.of("id", "title", "affected", "fixedIn", "source");
    private static final Set<String> RANGE_FIELDS = Set.of("stream", "from", "to");

    private BulletinTableReader() {
    }

    public static SecurityBulletins read(String file, String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new BulletinTableException(file + ": not YAML: " + e.getOriginalMessage(), e);
        }
        JsonNode list = root == null ? null : root.get("bulletins");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new BulletinTableException(file + ": expected a list 'bulletins:' with at least one bulletin");
        }
        List<SecurityBulletin> bulletins = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            SecurityBulletin bulletin = bulletin(file, i + 1, list.get(i));
            if (!ids.add(bulletin.id())) {
                throw new BulletinTableException(file + ": bulletin " + (i + 1) + " (" + bulletin.id()
                        + "): field id: " + bulletin.id() + " is listed twice");
            }
            bulletins.add(bulletin);
        }
        return new SecurityBulletins(bulletins);
    }

    private static SecurityBulletin bulletin(String file, int position, JsonNode node) {
        String id = node.path("id").asText("");
        Where where = new Where(file + ": bulletin " + position + (id.isBlank() ? "" : " (" + id + ")"));
        if (!node.isObject()) {
            throw where.problem(null, "expected a mapping with " + BULLETIN_FIELDS);
        }
        unknownFields(where, "", node, BULLETIN_FIELDS);
        if (!CVE.matcher(id).matches()) {
            throw where.problem("id", "'" + id + "' is not a CVE id such as CVE-2026-1713");
        }
        String title = node.path("title").asText("").strip();
        if (title.isEmpty()) {
            throw where.problem("title", "missing");
        }
        JsonNode affectedNode = node.path("affected");
        if (!affectedNode.isArray() || affectedNode.isEmpty()) {
            throw where.problem("affected", "expected a list of ranges (stream, from, to)");
        }
        List<AffectedRange> affected = new ArrayList<>();
        for (int r = 0; r < affectedNode.size(); r++) {
            affected.add(range(where, "affected[" + (r + 1) + "]", affectedNode.get(r)));
        }
        List<MqVersion> fixedIn = new ArrayList<>();
        JsonNode fixedNode = node.path("fixedIn");
        if (!fixedNode.isArray()) {
            throw where.problem("fixedIn", "expected a list of versions ([] when IBM lists no fix yet)");
        }
        for (int f = 0; f < fixedNode.size(); f++) {
            String field = "fixedIn[" + (f + 1) + "]";
            MqVersion fixed = version(where, field, fixedNode.get(f));
            affected.stream().filter(range -> range.contains(fixed)).findFirst().ifPresent(range -> {
                throw where.problem(field, fixed + " lies inside the affected range " + range);
            });
            fixedIn.add(fixed);
        }
        return new SecurityBulletin(id, title, affected, fixedIn, source(where, node.path("source").asText("")));
    }

    private static AffectedRange range(Where where, String field, JsonNode node) {
        if (!node.isObject()) {
            throw where.problem(field, "expected a mapping with stream, from and to");
        }
        unknownFields(where, field + ".", node, RANGE_FIELDS);
        Stream stream;
        try {
            stream = Stream.valueOf(node.path("stream").asText(""));
        } catch (IllegalArgumentException e) {
            throw where.problem(field + ".stream", "'" + node.path("stream").asText("") + "' is not LTS or CD");
        }
        MqVersion from = version(where, field + ".from", node.get("from"));
        MqVersion to = version(where, field + ".to", node.get("to"));
        if (from.compareTo(to) > 0) {
            throw where.problem(field, "from " + from + " is after to " + to);
        }
        for (MqVersion end : List.of(from, to)) {
            if (Stream.of(end) != stream) {
                throw where.problem(field, end + " is not a " + stream + " version (LTS versions have 0 as their"
                        + " third number, e.g. 9.4.0.17; CD versions do not, e.g. 9.4.1.0)");
            }
        }
        return new AffectedRange(stream, from, to);
    }

    private static MqVersion version(Where where, String field, JsonNode node) {
        String text = node == null || node.isNull() ? "" : node.asText("");
        try {
            return MqVersion.of(text.strip());
        } catch (IllegalArgumentException e) {
            throw where.problem(field, e.getMessage());
        }
    }

    private static URI source(Where where, String text) {
        try {
            URI uri = new URI(text.strip());
            if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, with the field
        }
        throw where.problem("source", "'" + text + "' is not an https address of the bulletin");
    }

    private static void unknownFields(Where where, String prefix, JsonNode node, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw where.problem(prefix + name, "unknown field; expected only " + new java.util.TreeSet<>(known));
            }
        }
    }

    private record Where(String record) {

        BulletinTableException problem(String field, String message) {
            return new BulletinTableException(record + (field == null ? "" : ", field " + field) + ": " + message);
        }
    }
}
