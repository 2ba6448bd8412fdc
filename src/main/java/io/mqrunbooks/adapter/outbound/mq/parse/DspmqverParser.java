package io.mqrunbooks.adapter.outbound.mq.parse;

import io.mqrunbooks.mq.MqVersion;
import io.mqrunbooks.adapter.outbound.mq.parse.OutputLines.Line;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses dspmqver (and dspmqver -i): blocks of {@code Label:  value} lines, each starting with Name. {@code -f} without
 * the Name field (1) prints blocks without it ({@code dspmqver -f 2}: {@code Version:     8.0.0.2}); {@code -b -f 2}
 * prints the bare version.
 */
public final class DspmqverParser {

    private static final Pattern FIELD = Pattern.compile("^([A-Za-z][A-Za-z/ ]*?):(?:\\s+(.*))?$");
    private static final Pattern NOTE = Pattern.compile(
            "^Note there are a number \\((\\d+)\\) of other installations, use the '-i' parameter to display them\\.$");
    private static final Set<String> LABELS = Set.of("Name", "Version", "Level", "CMVC level", "BuildType", "Platform",
            "Mode", "O/S", "O/S Details", "InstName", "InstDesc", "Primary", "InstPath", "DataPath", "MaxCmdLevel",
            "LicenseType", "ReleaseType");

    private static final Pattern BARE_VERSION = Pattern.compile("^\\d+\\.\\d+\\.\\d+\\.\\d+$");

    private static final Pattern TYPED = OutputLines.typedCommand("dspmqver");

    /**
     * What an operator pastes: the output, optionally after the typed {@code dspmqver} line
     * ("[root@host ~]# dspmqver", "C:\Program Files\IBM\MQ>dspmqver", "PS C:\mq> dspmqver"), which is skipped
     * (blanked, so line numbers stay); the rest is read as {@link #parse} reads it.
     */
    public DspmqverResult readTranscript(String pasted) {
        return parse(OutputLines.withoutTypedCommand(pasted, TYPED));
    }

    public DspmqverResult parse(String output) {
        List<Line> lines = OutputLines.nonBlankOrRefused(output, "dspmqver 'Name:' and 'Version:' lines");
        List<Map<String, String>> blocks = new ArrayList<>();
        List<Map<String, Line>> blockLines = new ArrayList<>();
        Map<String, String> current = null;
        Map<String, Line> currentLines = null;
        Integer others = null;
        if (lines.size() == 1 && BARE_VERSION.matcher(lines.get(0).text().strip()).matches()) {
            // dspmqver -b -f 2 (ibm-messaging/mq-container's "mq:$(dspmqver -b -f 2)"): the version alone.
            String v = lines.get(0).text().strip();
            return new DspmqverResult(List.of(new DspmqverResult.Installation(null, MqVersion.parse(v), null, null,
                    null, null, Map.of("Version", v))), null);
        }
        // dspmqver -f without Name (1): a block starts where a label repeats.
        boolean named = lines.stream().anyMatch(l -> l.text().strip().startsWith("Name:"));
        for (Line line : lines) {
            String text = line.text().strip();
            Matcher note = NOTE.matcher(text);
            if (note.matches()) {
                others = Integer.parseInt(note.group(1));
                continue;
            }
            Matcher m = FIELD.matcher(text);
            if (!m.matches() || !LABELS.contains(m.group(1))) {
                throw MqOutputParseException.at(line.number(), line.text(), "expected a dspmqver field, one of " + LABELS);
            }
            String label = m.group(1);
            String value = m.group(2) == null ? "" : m.group(2).strip();
            if (label.equals("Name")) {
                current = new LinkedHashMap<>();
                currentLines = new LinkedHashMap<>();
                blocks.add(current);
                blockLines.add(currentLines);
            } else if (!named && (current == null || current.containsKey(label))) {
                current = new LinkedHashMap<>();
                currentLines = new LinkedHashMap<>();
                blocks.add(current);
                blockLines.add(currentLines);
            } else if (current == null) {
                throw MqOutputParseException.at(line.number(), line.text(), "a dspmqver block starts with 'Name:'");
            }
            if (current.put(label, value) != null) {
                throw MqOutputParseException.at(line.number(), line.text(), "'" + label + ":' appears twice in one block");
            }
            currentLines.put(label, line);
        }
        List<DspmqverResult.Installation> installations = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            Map<String, String> block = blocks.get(b);
            Map<String, Line> where = blockLines.get(b);
            Line start = where.values().iterator().next();
            if (!block.containsKey("Version")) {
                throw MqOutputParseException.at(start.number(), start.text(), "this block has no 'Version:'; output is incomplete");
            }
            String name = block.get("Name");
            if (name != null && !name.matches("(IBM MQ|IBM WebSphere MQ|WebSphere MQ|MQSeries)( .*)?")) {
                throw MqOutputParseException.at(start.number(), start.text(), "not an IBM MQ product name");
            }
            Integer cmdLevel = null;
            if (block.containsKey("MaxCmdLevel")) {
                if (!block.get("MaxCmdLevel").matches("\\d{3}")) {
                    Line level = where.get("MaxCmdLevel");
                    throw MqOutputParseException.at(level.number(), level.text(),
                            "MaxCmdLevel '" + block.get("MaxCmdLevel") + "' is not a command level such as 940");
                }
                cmdLevel = Integer.parseInt(block.get("MaxCmdLevel"));
            }
            MqVersion version;
            try {
                version = MqVersion.parse(block.get("Version"));
            } catch (IllegalArgumentException e) {
                Line versionLine = where.get("Version");
                throw MqOutputParseException.at(versionLine.number(), versionLine.text(), e.getMessage());
            }
            installations.add(new DspmqverResult.Installation(name, version,
                    block.getOrDefault("Level", block.get("CMVC level")), block.get("InstName"), block.get("InstPath"),
                    cmdLevel, block));
        }
        if (installations.isEmpty()) {
            throw new MqOutputParseException("dspmqver printed only a note, no installation");
        }
        return new DspmqverResult(installations, others);
    }
}
