package io.mqrunbooks.adapter.outbound.mq.parse;

import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.adapter.outbound.mq.parse.Attributes.Attribute;
import io.mqrunbooks.adapter.outbound.mq.parse.OutputLines.Line;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses dspmq in every form: plain, {@code -s}/{@code -o status}, {@code -o default}, {@code -o standby},
 * {@code -o installation}, {@code -o ha}, {@code -o dr}, {@code -o nativeha}, {@code -o all}, {@code -x}
 * instance lines, {@code -m QM}, {@code -n} (upper-case values). AMQ7048E (queue manager not known) is
 * a result, not an error.
 */
public final class DspmqParser {

    /** Keywords dspmq prints on a QMNAME line (MQ 8.0 to 9.4, incl. Native HA and its CRR group fields). */
    private static final Set<String> QM_KEYWORDS = Set.of("QMNAME", "STATUS", "DEFAULT", "STANDBY", "INSTNAME",
            "INSTPATH", "INSTVER", "HA", "DRROLE", "ROLE", "INSTANCE", "INSYNC", "QUORUM", "GRPLSN", "GRPNAME",
            "GRPROLE");
    private static final Set<String> STANDBY_VALUES = Set.of("Permitted", "Not permitted", "Not applicable");
    private static final Set<String> MODES = Set.of("Active", "Standby");
    /**
     * What a Native HA instance line of {@code dspmq -o nativeha -x} holds after INSTANCE, as IBM lists the fields
     * ("Viewing the status of Native HA queue managers",
     * https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.ctr.doc/Native_HA_status.html), and ACKLSN, HASTATUS and
     * SYNCTIME, which 9.4 prints between CONNINST and ALTDATE (public transcripts of an Ansible Native HA setup and of
     * a CP4I Native HA lab; DISPLAY QMSTATUS TYPE(NATIVEHA) names the same attributes).
     */
    private static final Set<String> NATIVE_HA_INSTANCE_KEYWORDS = Set.of("ROLE", "REPLADDR", "CONNACTV", "INSYNC",
            "BACKLOG", "CONNINST", "ACKLSN", "HASTATUS", "SYNCTIME", "ALTDATE", "ALTTIME");
    /** "ROLE: ... one of Active, Replica, or Unknown" (the same IBM page). */
    private static final Set<String> NATIVE_HA_ROLES = Set.of("Active", "Replica", "Unknown");
    private static final Set<String> YES_NO = Set.of("Yes", "No", "Unknown");
    /** dspmq -o ha: IBM's dspmq reference ("replicated" for an HA queue manager, blank otherwise). */
    private static final Set<String> HA_TYPES = Set.of("Replicated");
    /** dspmq -o dr: "Primary" or "Secondary", blank for a queue manager without DR. */
    private static final Set<String> DR_ROLES = Set.of("Primary", "Secondary");
    /**
     * ROLE on the QMNAME line: "one of Active, Replica, Unknown, (for a recovery group) Leader, or Not Configured"
     * (https://www.ibm.com/docs/en/ibm-mq/9.4.x?topic=containers-viewing-status-native-ha-queue-managers); 9.4.2
     * prints "Not configured", so the case is not compared.
     */
    private static final Set<String> QM_ROLES = Set.of("Active", "Replica", "Unknown", "Leader", "Not configured");
    /**
     * What a group line of {@code dspmq -o nativeha -g} holds (9.4.2+), as a 9.4.2 transcript of both groups shows
     * them and IBM's "Native HA queue manager status attributes" names them (CONNGRP, GRPADDR, GRSTATUS, GRPVER,
     * BACKLOG, https://www.ibm.com/docs/en/ibm-mq/9.4.x?topic=attributes-native-ha-queue-manager-status).
     */
    private static final Set<String> GROUP_KEYWORDS = Set.of("GRPNAME", "GRPROLE", "GRPADDR", "GRPVER", "CONNGRP",
            "GRSTATUS", "RCOVLSN", "RCOVTIME", "INITLSN", "INITTIME", "LIVETIME", "BACKLOG", "INSYNC", "SYNCTIME",
            "ALTDATE", "ALTTIME");
    /** GRPROLE: "Live", "Recovery", "Pending live" (IBM's Native HA status page), and the pending and unknown cases. */
    private static final Set<String> GROUP_ROLES = Set.of("Live", "Recovery", "Pending live", "Pending recovery",
            "Unknown", "Not configured");

    private static final Pattern TYPED = OutputLines.typedCommand("dspmq");

    /**
     * What an operator pastes: the output, optionally after the typed {@code dspmq} line ("C:\Windows\System32>dspmq",
     * "sh-5.1$ dspmq -o nativeha -x -m QM"), which is skipped (blanked, so line numbers stay); the rest is read as
     * {@link #parse} reads it.
     */
    public DspmqResult readTranscript(String pasted) {
        return parse(OutputLines.withoutTypedCommand(pasted, TYPED));
    }

    public DspmqResult parse(String output) {
        List<Line> lines = OutputLines.nonBlankOrRefused(output, "QMNAME(...) STATUS(...) lines or AMQ7048E");
        List<DspmqResult.QueueManagerEntry> entries = new ArrayList<>();
        String name = null;
        QmStatus status = null;
        Map<String, String> attributes = null;
        List<DspmqResult.Instance> instances = null;
        List<DspmqResult.Group> groups = null;
        MqMessage notKnown = null;
        for (Line line : lines) {
            MqMessage message = MqMessage.parse(line.text());
            if (message != null) {
                if (!message.id().equals("AMQ7048") || lines.size() != 1) {
                    throw MqOutputParseException.at(line.number(), line.text(),
                            "dspmq prints no other message than AMQ7048E (queue manager not known), alone");
                }
                notKnown = message;
                continue;
            }
            List<Attribute> attrs = split(line);
            if (attrs.get(0).name().equals("QMNAME")) {
                if (name != null) {
                    entries.add(new DspmqResult.QueueManagerEntry(name, status, attributes, instances, groups));
                }
                name = attrs.get(0).value();
                requireName(line, name);
                attributes = new LinkedHashMap<>();
                instances = new ArrayList<>();
                groups = new ArrayList<>();
                status = null;
                for (Attribute a : attrs.subList(1, attrs.size())) {
                    if (!QM_KEYWORDS.contains(a.name()) || a.name().equals("QMNAME")) {
                        throw MqOutputParseException.at(line.number(), line.text(),
                                "unknown dspmq attribute " + a.name() + "; expected one of " + QM_KEYWORDS);
                    }
                    if (attributes.containsKey(a.name())) {
                        throw MqOutputParseException.at(line.number(), line.text(), a.name() + " appears twice");
                    }
                    attributes.put(a.name(), a.value());
                    checkValue(line, a);
                    if (a.name().equals("STATUS")) {
                        status = QmStatus.fromMqWording(a.value()).orElseThrow(() -> MqOutputParseException.at(
                                line.number(), line.text(), "unknown queue manager status '" + a.value()
                                        + "'; expected one of " + QmStatus.allWordings() + " (dspmq translates"
                                        + " them into the host's language; dspmq -n prints IBM's words untranslated)"));
                    }
                }
            } else if (attrs.get(0).name().equals("INSTANCE") && attrs.size() == 2 && attrs.get(1).name().equals("MODE")) {
                // dspmq -x indents these lines; a paste that lost the indentation is read alike, since INSTANCE(...)
                // MODE(...) cannot start a QMNAME line.
                if (name == null) {
                    throw MqOutputParseException.at(line.number(), line.text(),
                            "an INSTANCE line must follow a QMNAME line");
                }
                String mode = attrs.get(1).value();
                if (MODES.stream().noneMatch(m -> m.equalsIgnoreCase(mode) && (m.equals(mode) || m.toUpperCase(Locale.ROOT).equals(mode)))) {
                    throw MqOutputParseException.at(line.number(), line.text(),
                            "unknown instance MODE '" + mode + "'; expected Active or Standby");
                }
                instances.add(new DspmqResult.Instance(attrs.get(0).value(), ibmSpelling(mode)));
            } else if (attrs.get(0).name().equals("INSTANCE") && attrs.size() > 1 && attrs.get(1).name().equals("ROLE")) {
                // Not required to be indented: the public 9.4 transcripts of "dspmq -o nativeha -x" print these lines
                // at the QMNAME line's column, and INSTANCE(...) ROLE(...) cannot start a QMNAME line.
                if (name == null) {
                    throw MqOutputParseException.at(line.number(), line.text(),
                            "an INSTANCE line must follow a QMNAME line");
                }
                instances.add(nativeHaInstance(line, attrs));
            } else if (attrs.get(0).name().equals("GRPNAME") && attrs.size() > 1 && attrs.get(1).name().equals("GRPROLE")) {
                if (name == null) {
                    throw MqOutputParseException.at(line.number(), line.text(), "a GRPNAME line must follow a QMNAME line");
                }
                groups.add(group(line, attrs));
            } else {
                throw MqOutputParseException.at(line.number(), line.text(),
                        "expected a QMNAME(...) line, an INSTANCE(...) MODE(...) or INSTANCE(...) ROLE(...)"
                                + " line, or a GRPNAME(...) GRPROLE(...) line");
            }
        }
        if (name != null) {
            entries.add(new DspmqResult.QueueManagerEntry(name, status, attributes, instances, groups));
        }
        return new DspmqResult(entries, notKnown);
    }

    private static DspmqResult.Group group(Line line, List<Attribute> attrs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Attribute a : attrs) {
            if (!GROUP_KEYWORDS.contains(a.name())) {
                throw MqOutputParseException.at(line.number(), line.text(), "unknown Native HA group attribute "
                        + a.name() + "; expected one of " + GROUP_KEYWORDS);
            }
            if (fields.putIfAbsent(a.name(), a.value()) != null) {
                throw MqOutputParseException.at(line.number(), line.text(), a.name() + " appears twice");
            }
        }
        String role = fields.get("GRPROLE");
        if (GROUP_ROLES.stream().noneMatch(r -> r.equalsIgnoreCase(role))) {
            throw MqOutputParseException.at(line.number(), line.text(), "unknown group role '" + role
                    + "'; expected one of " + GROUP_ROLES);
        }
        for (String keyword : List.of("CONNGRP", "INSYNC")) {
            String value = fields.get(keyword);
            if (value != null && YES_NO.stream().noneMatch(v -> v.equalsIgnoreCase(value))) {
                throw MqOutputParseException.at(line.number(), line.text(), keyword + " is '" + value
                        + "'; expected yes, no or unknown");
            }
        }
        String backlog = fields.get("BACKLOG");
        if (backlog != null && !backlog.matches("\\d+")) {
            throw MqOutputParseException.at(line.number(), line.text(), "BACKLOG is '" + backlog
                    + "'; expected a number of KB");
        }
        return new DspmqResult.Group(fields.get("GRPNAME"), canonicalRole(role), fields);
    }

    /** The role in IBM's translated spelling, whichever case dspmq printed it in ({@code -n} upper-cases). */
    private static String canonicalRole(String role) {
        return GROUP_ROLES.stream().filter(r -> r.equalsIgnoreCase(role)).findFirst().orElse(role);
    }

    /**
     * A MODE, ROLE or GRPROLE as IBM spells it in English ("Active", "Not configured"), whichever case dspmq printed
     * it in: {@code dspmq -n}, which the engine runs, prints them in upper case ("MODE(ACTIVE)"). A word outside these
     * lists comes back as printed (the parser has refused it where it reads it).
     */
    public static String ibmSpelling(String printed) {
        if (printed == null) {
            return null;
        }
        for (Set<String> words : List.of(MODES, NATIVE_HA_ROLES, QM_ROLES, GROUP_ROLES)) {
            for (String word : words) {
                if (word.equalsIgnoreCase(printed.strip())) {
                    return word;
                }
            }
        }
        return printed;
    }

    private static DspmqResult.Instance nativeHaInstance(Line line, List<Attribute> attrs) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("INSTANCE", attrs.get(0).value());
        for (Attribute a : attrs.subList(1, attrs.size())) {
            if (!NATIVE_HA_INSTANCE_KEYWORDS.contains(a.name())) {
                throw MqOutputParseException.at(line.number(), line.text(), "unknown Native HA instance attribute "
                        + a.name() + "; expected one of " + NATIVE_HA_INSTANCE_KEYWORDS);
            }
            String value = a.value().strip(); // MQ prints a blank value as "( )"
            if (fields.put(a.name(), value) != null) {
                throw MqOutputParseException.at(line.number(), line.text(), a.name() + " appears twice");
            }
            boolean ok = switch (a.name()) {
                case "ROLE" -> isOneOf(NATIVE_HA_ROLES, value);
                // dspmq prints yes/no in lower case ("CONNACTV(yes)"), Unknown capitalised, -n all upper case.
                case "CONNACTV", "INSYNC", "CONNINST" -> YES_NO.stream().anyMatch(v -> v.equalsIgnoreCase(value));
                // An instance that is not running has BACKLOG(Unknown) (IBM's inactive-instance example).
                case "BACKLOG" -> value.matches("\\d*") || value.equalsIgnoreCase("Unknown");
                case "ACKLSN" -> value.matches("(<\\d+:\\d+:\\d+:\\d+>)?");
                case "SYNCTIME" -> value.matches("(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z)?");
                // No public list of HASTATUS values beyond "Normal": any word or words, kept as printed.
                case "HASTATUS" -> value.matches("[A-Za-z][A-Za-z ]*");
                case "ALTDATE" -> value.matches("(\\d{4}-\\d{2}-\\d{2})?");
                case "ALTTIME" -> value.matches("(\\d{2}\\.\\d{2}\\.\\d{2})?");
                default -> true;
            };
            if (!ok) {
                throw MqOutputParseException.at(line.number(), line.text(),
                        "unexpected value " + a.name() + "(" + a.value() + ")");
            }
        }
        return new DspmqResult.Instance(attrs.get(0).value(), ibmSpelling(fields.get("ROLE")), fields);
    }

    /** A value in IBM's wording, or all upper case as {@code -n} prints it. */
    private static boolean isOneOf(Set<String> wordings, String value) {
        return wordings.stream().anyMatch(w -> w.equals(value) || w.toUpperCase(Locale.ROOT).equals(value));
    }

    private static List<Attribute> split(Line line) {
        try {
            List<Attribute> attrs = Attributes.split(line.text(), false);
            if (attrs.isEmpty()) {
                throw MqOutputParseException.at(line.number(), line.text(), "expected KEYWORD(value) pairs");
            }
            return attrs;
        } catch (Attributes.NotAttributesException e) {
            throw MqOutputParseException.at(line.number(), line.text(), e.getMessage() + "; expected KEYWORD(value) pairs");
        } catch (Attributes.UnclosedValueException e) {
            throw MqOutputParseException.at(line.number(), line.text(), "a value is not closed: the line is cut short");
        }
    }

    private static void requireName(Line line, String name) {
        if (name.isEmpty() || name.length() > 48 || !name.matches("[A-Za-z0-9._/%]+")) {
            throw MqOutputParseException.at(line.number(), line.text(), "'" + name + "' is not a queue manager name");
        }
    }

    /**
     * The values of a QMNAME line that the runbooks read: any other is refused, naming it, rather than read as a
     * queue manager that is not replicated, not in sync or in no role. Blank ({@code HA()}, {@code QUORUM( )}) is
     * what dspmq prints for a queue manager without that feature.
     */
    private static void checkValue(Line line, Attribute a) {
        String v = a.value();
        String blankable = v.strip();
        boolean ok = switch (a.name()) {
            case "DEFAULT" -> v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("no");
            case "STANDBY" -> STANDBY_VALUES.stream().anyMatch(s -> s.equals(v) || s.toUpperCase(Locale.ROOT).equals(v));
            case "INSTVER" -> v.matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
            // -o ha: "replicated" for an HA RDQM, blank otherwise (dspmq reference; -n prints REPLICATED).
            case "HA" -> blankable.isEmpty() || isOneOf(HA_TYPES, blankable);
            // -o dr: the DR role of a DR RDQM, blank otherwise.
            case "DRROLE" -> blankable.isEmpty() || isOneOf(DR_ROLES, blankable);
            case "ROLE" -> blankable.isEmpty() || QM_ROLES.stream().anyMatch(r -> r.equalsIgnoreCase(blankable));
            case "INSYNC" -> blankable.isEmpty() || YES_NO.stream().anyMatch(y -> y.equalsIgnoreCase(blankable));
            // "number_of_instances_in-sync/number_of_instances_configured"
            case "QUORUM" -> blankable.isEmpty() || blankable.matches("\\d+/\\d+");
            default -> true;
        };
        if (!ok) {
            throw MqOutputParseException.at(line.number(), line.text(), "unexpected value " + a.name() + "(" + v + ")"
                    + expectedValues(a.name()));
        }
    }

    private static String expectedValues(String keyword) {
        return switch (keyword) {
            case "HA" -> "; expected Replicated or blank";
            case "DRROLE" -> "; expected Primary, Secondary or blank";
            case "ROLE" -> "; expected one of " + QM_ROLES + " or blank";
            case "INSYNC" -> "; expected yes, no, Unknown or blank";
            case "QUORUM" -> "; expected in-sync/configured instances such as 3/3, or blank";
            default -> "";
        };
    }
}
