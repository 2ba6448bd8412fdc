package io.mqrunbooks.lab.mq;

import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.lab.LabCommandHandler.LabExecution;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the control commands print and do for a Native HA instance.
 *
 * <p>{@code dspmq -o nativeha [-x]}: the QMNAME line carries ROLE, INSTANCE, INSYNC and QUORUM, and with {@code -x}
 * one indented line per instance with INSTANCE, ROLE, REPLADDR, CONNACTV, INSYNC, BACKLOG, CONNINST, ALTDATE and
 * ALTTIME, in that order ("Viewing the status of Native HA queue managers",
 * https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.ctr.doc/Native_HA_status.html: "ROLE ... one of Active,
 * Replica, or Unknown", "QUORUM ... in the form number_of_instances_in-sync/number_of_instances_configured",
 * "ALTDATE ... blank if never updated"). The layout (QMNAME padded to 58 columns, instance lines indented) is the
 * lab's dspmq layout; what the instance lines say on a replica or an ended instance is the lab's reading of
 * "the information supplied by the active instance is definitive, information from replica nodes might be out of
 * date": a replica lists what it last heard, an ended instance lists nothing.
 *
 * <p>{@code DISPLAY QMSTATUS TYPE(NATIVEHA) ALL}: one AMQ8705I block per instance with IBM's Native HA attribute
 * names (DISPLAY QMSTATUS, https://www.ibm.com/docs/en/SSFKSJ_9.4.0/refadmin/q086250_.html) in the two-column
 * layout of {@code DISPLAY QMSTATUS ALL}; no public transcript of this form was found, so the set of attributes
 * shown is the lab's subset (ROLE, INSTANCE, INSYNC, BACKLOG, CONNACTV, REPLADDR, ALTDATE, ALTTIME).
 */
final class NativeHaCommands {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm.ss").withZone(ZoneOffset.UTC);

    private final LabWorld world;

    NativeHaCommands(LabWorld world) {
        this.world = world;
    }

    /** The ROLE/INSTANCE/INSYNC/QUORUM fields of the QMNAME line, as the instance on {@code host} sees them. */
    String qmnameFields(String host, NativeHaGroup group, boolean untranslated) {
        NativeHaGroup.Instance here = group.instances.get(host);
        if (!here.started) {
            return "ROLE(" + word("Unknown", untranslated) + ") INSTANCE(" + here.name + ") INSYNC("
                    + word("No", untranslated) + ") QUORUM()";
        }
        String role = here.runtime.running() ? "Active" : "Replica";
        return "ROLE(" + word(role, untranslated) + ") INSTANCE(" + here.name + ") INSYNC("
                + word(yesNo(group.inSync(here)), untranslated) + ") QUORUM(" + quorum(group) + ")";
    }

    String quorum(NativeHaGroup group) {
        return group.inSyncCount() + "/" + group.instances.size();
    }

    /** The -x instance lines, or none on an ended instance. */
    List<String> instanceLines(String host, NativeHaGroup group, boolean untranslated) {
        List<String> lines = new ArrayList<>();
        NativeHaGroup.Instance here = group.instances.get(host);
        if (!here.started) {
            return lines;
        }
        for (NativeHaGroup.Instance i : group.instances.values()) {
            lines.add("    INSTANCE(" + i.name + ") ROLE(" + word(role(i), untranslated) + ") REPLADDR("
                    + i.replicationAddress + ") CONNACTV(" + word(yesNo(connectedToActive(group, i)), untranslated)
                    + ") INSYNC(" + word(yesNo(group.inSync(i)), untranslated) + ") BACKLOG(" + i.backlogKb
                    + ") CONNINST(" + word(yesNo(i == here || (i.connected() && here.linkUp)), untranslated)
                    + ") ALTDATE(" + stamp(DATE, i.alteredAt) + ") ALTTIME(" + stamp(TIME, i.alteredAt) + ")");
        }
        return lines;
    }

    /** runmqsc DISPLAY QMSTATUS TYPE(NATIVEHA) ALL on the instance of {@code host}. */
    List<String> displayQmstatus(String host, NativeHaGroup group) {
        List<String> lines = new ArrayList<>();
        NativeHaGroup.Instance here = group.instances.get(host);
        List<NativeHaGroup.Instance> shown = here.started ? new ArrayList<>(group.instances.values()) : List.of(here);
        for (NativeHaGroup.Instance i : shown) {
            lines.add("AMQ8705I: Display Queue Manager Status Details.");
            lines.add(pair("QMNAME(" + group.queueManager + ")", "TYPE(NATIVEHA)"));
            lines.add(pair("INSTANCE(" + i.name + ")", "ROLE(" + role(i).toUpperCase(Locale.ROOT) + ")"));
            lines.add(pair("INSYNC(" + yesNo(group.inSync(i)).toUpperCase(Locale.ROOT) + ")", "BACKLOG(" + i.backlogKb
                    + ")"));
            lines.add(pair("CONNACTV(" + yesNo(connectedToActive(group, i)).toUpperCase(Locale.ROOT) + ")",
                    "REPLADDR(" + i.replicationAddress + ")"));
            lines.add(pair("ALTDATE(" + stamp(DATE, i.alteredAt) + ")", "ALTTIME(" + stamp(TIME, i.alteredAt) + ")"));
        }
        return lines;
    }

    /** strmqm of an instance: it starts, joins as a replica (catching up its backlog) or is elected active. */
    LabExecution strmqm(String host, QueueManagerRuntime rt, String qmName) {
        NativeHaGroup group = rt.nativeHa;
        NativeHaGroup.Instance instance = group.instances.get(host);
        if (instance.started) {
            return new Output().out(ControlCommands.RUNNING).exit(5);
        }
        instance.started = true;
        instance.backlogAt = world.now();
        instance.alteredAt = world.now();
        world.electNativeHa(group, null);
        rt.data.qmgrAttributes.put("VERSION", LabWorld.versionAttribute(world.hostVersions.get(host)));
        return new Output()
                .out("IBM MQ queue manager '" + qmName + "' starting.")
                .out("The queue manager is associated with installation 'Installation1'.")
                .out("Plain text communication is enabled.")
                .out("IBM MQ queue manager '" + qmName + "' started using V" + world.hostVersions.get(host) + ".")
                .exit(0);
    }

    /** endmqm of an instance: it ends; when it was the active, an in-sync replica is elected (quorum permitting). */
    void end(String host, QueueManagerRuntime rt, QmStatus how) {
        NativeHaGroup group = rt.nativeHa;
        NativeHaGroup.Instance instance = group.instances.get(host);
        boolean wasActive = rt.running();
        QueueManagerData latest = rt.data;
        instance.started = false;
        instance.alteredAt = world.now();
        if (wasActive) {
            world.end(rt, how);
            world.electNativeHa(group, latest);
        } else {
            rt.endedStatus = how;
        }
    }

    private static String role(NativeHaGroup.Instance i) {
        return !i.connected() ? "Unknown" : i.runtime.running() ? "Active" : "Replica";
    }

    private static boolean connectedToActive(NativeHaGroup group, NativeHaGroup.Instance i) {
        return i.connected() && group.active().isPresent();
    }

    private static String yesNo(boolean value) {
        return value ? "Yes" : "No";
    }

    private static String word(String value, boolean untranslated) {
        return untranslated ? value.toUpperCase(Locale.ROOT) : value;
    }

    private static String stamp(DateTimeFormatter format, Instant at) {
        return at == null ? " " : format.format(at);
    }

    private static String pair(String left, String right) {
        return String.format("   %-40s%s", left, right);
    }
}
