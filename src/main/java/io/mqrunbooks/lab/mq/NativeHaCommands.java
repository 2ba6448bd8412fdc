package io.mqrunbooks.lab.mq;

import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.lab.LabCommandHandler.LabExecution;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the control commands print and do for a Native HA instance, laid out as IBM MQ 9.4.2+ prints it.
 *
 * <p>{@code dspmq -o nativeha [-x]}: the QMNAME line carries ROLE, INSTANCE, INSYNC, QUORUM, GRPLSN, GRPNAME and
 * GRPROLE (without cross-region replication {@code GRPNAME() GRPROLE(Live)}), and with {@code -x} one line per
 * instance with INSTANCE, ROLE, REPLADDR, CONNACTV, INSYNC, BACKLOG, CONNINST, ACKLSN, HASTATUS, SYNCTIME, ALTDATE and
 * ALTTIME, in that order, yes/no in lower case, the instance lines at the QMNAME line's column (two public 9.4
 * transcripts, src/test/resources/mq-output/dspmq/dspmq-o-nativeha-x-{ansible,cp4i}.txt; the fields in "Viewing the
 * status of Native HA queue managers", https://www.ibm.com/support/knowledgecenter/en/SSFKSJ_latest/container/Native_HA_status.html:
 * "ROLE ... one of Active, Replica, Unknown", "QUORUM ... number_of_instances_in-sync/number_of_instances_configured",
 * "GRPLSN ... replicated between a quorum of instances"). A never-updated ALTDATE/ALTTIME prints empty. What a replica
 * or an ended instance lists is the lab's reading of "the information supplied by the active instance is
 * definitive, information from replica nodes might be out of date": a replica lists what it last heard, an ended
 * instance lists nothing. HASTATUS is Normal for an instance in sync (every transcript); the lab's words for the
 * others, where no transcript shows one, are Synchronizing (connected and catching up: IBM's word for a group "being
 * sent data to bring it in sync") and Unknown (not connected).
 *
 * <p>{@code DISPLAY QMSTATUS TYPE(NATIVEHA) [ALL]}: one AMQ8705I block per instance laid out as MQ 9.4 prints it
 * (src/test/resources/mq-output/runmqsc/kubectl-qmstatus-nativeha-9.4.txt): INSTANCE alone on the first line, no
 * QMNAME, then TYPE(NATIVEHA) NHATYPE(INSTANCE), ROLE, and the instance's attributes in alphabetical order, two to a
 * line. The active shows HAINITDA, HAINITL, HAINITTI (when and at which LSN it became active), HASTATUS and
 * REPLADDR; a replica ACKLSN, BACKLOG, CONNACTV, HASTATUS, INSYNC, REPLADDR and SYNCTIME (all in the Native HA
 * attributes of "DISPLAY QMSTATUS", https://www.ibm.com/docs/en/SSFKSJ_9.4.0/refadmin/q086250_.html). LSNs are the
 * lab's KB of log written, in IBM's {@code <0:0:high:low>} form.
 */
final class NativeHaCommands {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm.ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final java.util.regex.Pattern GROUP_ROLE_EDIT =
            java.util.regex.Pattern.compile("s/GroupRole=(Live|Recovery)/GroupRole=(Live|Recovery)/");
    private static final java.util.regex.Pattern QM_INI = java.util.regex.Pattern.compile("/var/mqm/qmgrs/([^/]+)/qm\\.ini");
    private static final String SED_USAGE = "lab: sed here only sets a Native HA instance's requested group role:"
            + " sed -i s/GroupRole=Live/GroupRole=Recovery/ /var/mqm/qmgrs/QMGR/qm.ini (or Recovery to Live)";

    private final LabWorld world;

    NativeHaCommands(LabWorld world) {
        this.world = world;
    }

    /** The ROLE/INSTANCE/INSYNC/QUORUM fields of the QMNAME line, as the instance on {@code host} sees them. */
    String qmnameFields(String host, NativeHaGroup group, boolean untranslated) {
        NativeHaGroup.Instance here = group.instances.get(host);
        if (!here.started) {
            return "ROLE(" + word("Unknown", untranslated) + ") INSTANCE(" + here.name + ") INSYNC("
                    + word("no", untranslated) + ") QUORUM()";
        }
        String role = here.runtime.running() ? "Active"
                : group.leader().filter(l -> l == here).isPresent() ? "Leader" : "Replica";
        String fields = "ROLE(" + word(role, untranslated) + ") INSTANCE(" + here.name + ") INSYNC("
                + word(yesNo(group.inSync(here)), untranslated) + ") QUORUM(" + quorum(group) + ")";
        if (group.crossRegion == null) {
            return fields + " GRPLSN(" + lsn(quorumLsn(group)) + ") GRPNAME() GRPROLE("
                    + word(NativeHaGroup.GroupRole.LIVE.wording, untranslated) + ")";
        }
        return fields + " GRPLSN(" + lsn(groupLsn(group)) + ") GRPNAME(" + group.groupName + ") GRPROLE("
                + word(group.role.wording, untranslated) + ")";
    }

    /**
     * The {@code -g} group lines: this instance's group first, then the other group as this one last heard of it.
     * The fields and their order are those of a 9.4.2 transcript of {@code dspmq -o nativeha -g} on both groups (a
     * public CP4I demo README, "Deploy Cross Region Replication configuration"): a Live group shows INITLSN,
     * INITTIME and LIVETIME, a Recovery group BACKLOG, INSYNC and SYNCTIME, the other group CONNGRP. An ended
     * instance prints none, as with {@code -x}.
     */
    List<String> groupLines(String host, NativeHaGroup group, boolean untranslated) {
        List<String> lines = new ArrayList<>();
        if (group.crossRegion == null || !group.instances.get(host).started) {
            return lines;
        }
        lines.add(groupLine(group, null, untranslated));
        lines.add(groupLine(group.crossRegion.other(group), group, untranslated));
        return lines;
    }

    private String groupLine(NativeHaGroup group, NativeHaGroup seenFrom, boolean untranslated) {
        CrossRegionLink link = group.crossRegion;
        StringBuilder line = new StringBuilder("GRPNAME(" + group.groupName + ") GRPROLE("
                + word(group.role.wording, untranslated) + ") GRPADDR(" + groupAddress(group) + ") GRPVER("
                + groupVersion(group) + ")");
        if (seenFrom != null) {
            boolean connected = link.up && seenFrom.connectedCount() >= 2 && group.connectedCount() >= 2;
            line.append(" CONNGRP(").append(word(connected ? "yes" : "no", untranslated)).append(")");
        }
        boolean receiving = link.target() == group;
        String status = receiving && link.backlogKb > 0 && link.replicating() ? "Synchronizing" : "Normal";
        line.append(" GRSTATUS(").append(word(status, untranslated)).append(") RCOVLSN(")
                .append(lsn(groupLsn(group))).append(") RCOVTIME(").append(iso(link.syncTime)).append(")");
        if (group.role == NativeHaGroup.GroupRole.LIVE) {
            line.append(" INITLSN(").append(lsn(group.initialLsnKb)).append(") INITTIME(").append(iso(group.liveSince))
                    .append(") LIVETIME(").append(iso(group.liveSince)).append(")");
        } else {
            long backlog = receiving ? link.backlogKb : 0;
            line.append(" BACKLOG(").append(backlog).append(") INSYNC(")
                    .append(word(backlog == 0 ? "yes" : "no", untranslated)).append(") SYNCTIME(")
                    .append(iso(link.syncTime)).append(")");
        }
        line.append(" ALTDATE(").append(stamp(DATE, group.roleAlteredAt)).append(") ALTTIME(")
                .append(stamp(TIME, group.roleAlteredAt)).append(")");
        return line.toString();
    }

    /**
     * GRPLSN without cross-region replication: the log "replicated between a quorum of instances", the highest LSN
     * that a majority of the instances has acknowledged.
     */
    private static long quorumLsn(NativeHaGroup group) {
        List<Long> acked = group.instances.values().stream().map(i -> acknowledged(group, i))
                .sorted(java.util.Comparator.reverseOrder()).toList();
        return acked.get(group.instances.size() / 2);
    }

    /** ACKLSN: the log the instance has, its group's log less what it has not received. */
    private static long acknowledged(NativeHaGroup group, NativeHaGroup.Instance i) {
        long written = group.crossRegion == null ? group.writtenKb : groupLsn(group);
        return Math.max(0, written - i.backlogKb);
    }

    /** HASTATUS, see the class comment. */
    private static String haStatus(NativeHaGroup group, NativeHaGroup.Instance i) {
        return group.inSync(i) ? "Normal" : i.connected() ? "Synchronizing" : "Unknown";
    }

    /** SYNCTIME: now for an instance in sync, else when it last was; empty when never. */
    private String syncTime(NativeHaGroup group, NativeHaGroup.Instance i) {
        return iso(group.inSync(i) ? world.now() : i.syncedAt);
    }

    private static long groupLsn(NativeHaGroup group) {
        CrossRegionLink link = group.crossRegion;
        return link.target() == group ? link.targetLsnKb() : link.lsnKb;
    }

    /** The group's address for log replication between regions: its first instance's host (lab wording). */
    private static String groupAddress(NativeHaGroup group) {
        return group.instances.values().iterator().next().host + "(4445)";
    }

    private String groupVersion(NativeHaGroup group) {
        return group.dataHolder().map(i -> world.hostVersions.get(i.host))
                .orElse(world.hostVersions.get(group.instances.values().iterator().next().host));
    }

    /** The lab's log sequence number: KB written, in IBM's {@code <0:0:high:low>} form. */
    private static String lsn(long kb) {
        return "<0:0:" + (kb / 65536) + ":" + (kb % 65536) + ">";
    }

    private static String iso(Instant at) {
        return at == null ? "" : ISO.format(at);
    }

    /**
     * {@code sed -i s/GroupRole=FROM/GROUPROLE=TO/ /var/mqm/qmgrs/QM/qm.ini}: the requested role of this instance
     * (the {@code GroupRole} attribute of its {@code NativeHALocalInstance} stanza). The lab edits nothing else.
     */
    LabExecution editGroupRole(String host, List<String> args) {
        if (args.size() != 3 || !args.get(0).equals("-i")) {
            return Output.error(1, SED_USAGE);
        }
        java.util.regex.Matcher edit = GROUP_ROLE_EDIT.matcher(args.get(1));
        java.util.regex.Matcher file = QM_INI.matcher(args.get(2));
        if (!edit.matches()) {
            return Output.error(1, SED_USAGE);
        }
        // the directory is IBM MQ's transformed name (QM!NHA for QM.NHA): the raw name's path does not exist
        NativeHaGroup group = file.matches() ? io.mqrunbooks.mq.NameRules.queueManagerOfDirectory(file.group(1))
                .map(name -> world.nativeHaGroup(name, host)).orElse(null) : null;
        if (group == null || group.crossRegion == null) {
            return Output.error(2, "sed: can't read " + args.get(2) + ": No such file or directory");
        }
        NativeHaGroup.Instance instance = group.instances.get(host);
        NativeHaGroup.GroupRole from = roleNamed(edit.group(1));
        if (instance.requestedRole == from) {
            instance.requestedRole = roleNamed(edit.group(2));
        }
        return new Output().exit(0);
    }

    private static NativeHaGroup.GroupRole roleNamed(String wording) {
        return wording.equals("Live") ? NativeHaGroup.GroupRole.LIVE : NativeHaGroup.GroupRole.RECOVERY;
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
            lines.add("INSTANCE(" + i.name + ") ROLE(" + word(role(i), untranslated) + ") REPLADDR("
                    + i.replicationAddress + ") CONNACTV(" + word(yesNo(connectedToActive(group, i)), untranslated)
                    + ") INSYNC(" + word(yesNo(group.inSync(i)), untranslated) + ") BACKLOG(" + i.backlogKb
                    + ") CONNINST(" + word(yesNo(i == here || (i.connected() && here.linkUp)), untranslated)
                    + ") ACKLSN(" + lsn(acknowledged(group, i)) + ") HASTATUS(" + word(haStatus(group, i), untranslated)
                    + ") SYNCTIME(" + syncTime(group, i) + ") ALTDATE(" + stamp(DATE, i.alteredAt) + ") ALTTIME("
                    + stamp(TIME, i.alteredAt) + ")");
        }
        return lines;
    }

    /** runmqsc DISPLAY QMSTATUS TYPE(NATIVEHA) [ALL] on the instance of {@code host}. */
    List<String> displayQmstatus(String host, NativeHaGroup group) {
        List<String> lines = new ArrayList<>();
        NativeHaGroup.Instance here = group.instances.get(host);
        List<NativeHaGroup.Instance> shown = here.started ? new ArrayList<>(group.instances.values()) : List.of(here);
        for (NativeHaGroup.Instance i : shown) {
            lines.add("AMQ8705I: Display Queue Manager Status Details.");
            lines.add("   INSTANCE(" + i.name + ")");
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("TYPE", "NATIVEHA");
            attributes.put("NHATYPE", "INSTANCE");
            String role = role(i).toUpperCase(Locale.ROOT);
            attributes.put("ROLE", role);
            String haStatus = haStatus(group, i).toUpperCase(Locale.ROOT);
            if (role.equals("ACTIVE")) {
                if (group.haInitAt != null) {
                    attributes.put("HAINITDA", DATE.format(group.haInitAt));
                    attributes.put("HAINITL", lsn(group.haInitLsnKb));
                    attributes.put("HAINITTI", TIME.format(group.haInitAt));
                }
                attributes.put("HASTATUS", haStatus);
                attributes.put("REPLADDR", i.replicationAddress);
            } else {
                attributes.put("ACKLSN", lsn(acknowledged(group, i)));
                attributes.put("BACKLOG", Long.toString(i.backlogKb));
                attributes.put("CONNACTV", yesNo(connectedToActive(group, i)).toUpperCase(Locale.ROOT));
                attributes.put("HASTATUS", haStatus);
                attributes.put("INSYNC", yesNo(group.inSync(i)).toUpperCase(Locale.ROOT));
                attributes.put("REPLADDR", i.replicationAddress);
                String synced = syncTime(group, i);
                if (!synced.isEmpty()) {
                    attributes.put("SYNCTIME", synced);
                }
            }
            lines.addAll(MqscText.layout(attributes));
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

    /** dspmq's yes/no, in lower case as MQ 9.4 prints it. */
    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static String word(String value, boolean untranslated) {
        return untranslated ? value.toUpperCase(Locale.ROOT) : value;
    }

    /** A dspmq date or time; empty when never set ({@code ALTDATE()}, as dspmq prints it). */
    private static String stamp(DateTimeFormatter format, Instant at) {
        return at == null ? "" : format.format(at);
    }
}
