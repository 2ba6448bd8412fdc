package io.mqrunbooks.lab.mq;

import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.estate.QueueManagerKind;
import io.mqrunbooks.lab.LabCommandHandler.LabExecution;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The IBM MQ control commands: dspmq, dspmqver, strmqm, endmqm, crtmqm, dltmqm.
 *
 * <p>Formats and codes, with their sources:
 * <ul>
 * <li>dspmq lines: STATUS starts in column 59 ({@code QMNAME(x)} padded to 58), instance lines indented four
 *     spaces: transcripts in instana/serviceability agent/ibm-mq/README.md ({@code dspmq -x -o all}, MQ 9.4.2)
 *     and the DRHAQM1 lab write-up ({@code dspmq -a -x -s}); see src/test/resources/mq-transcripts/dspmq.txt.
 *     AMQ7048E / exit 72 for an unknown -m: IBM MQ 9.4 docs, dspmq.</li>
 * <li>strmqm/crtmqm/dltmqm lines and "IBM MQ queue manager running." for an already running queue manager,
 *     AMQ8110E for an existing one: an MQ 9.1 install transcript (a public Spanish MQ MFT install
 *     guide, kept in src/test/resources/mq-transcripts/control-commands.txt); "Plain text communication is enabled." and the quoted name in
 *     "IBM MQ queue manager 'X' created." are MQ 9.3+ output. Exit codes 5 (running), 16 (does not exist),
 *     23 (log not available), 40 (not available), 8 (exists): IBM MQ 9.4 docs, strmqm/endmqm/crtmqm return codes.</li>
 * <li>endmqm: the quiesce text wraps after "work" as MQ prints it at 80 columns (ansible module quoting it);
 *     {@code endmqm -w}: "Quiesce request accepted..." then "ending."/"ended." (Native HA runbook transcript).</li>
 * <li>dspmqver block: MQ 9.4 server transcripts on Linux (9.4.0.0 installs on RHEL 9.5 and Ubuntu 24.04, an
 *     IBM MQ 9.4.2.1 container): the "O/S Details:" line after "O/S:", and "ReleaseType:" last, "Long Term
 *     Support (LTS) and Continuous Delivery (CD)" for a base release x.y.0.0, "Long Term Support (LTS)" for an
 *     LTS fix pack, "Continuous Delivery (CD)" for a CD release; Level p940-L240605.1 is 9.4.0.0's, the other
 *     Level values are lab values.</li>
 * </ul>
 */
final class ControlCommands {

    static final String NOT_KNOWN = "AMQ7048E: The queue manager name is either not valid or not known.";
    static final String DOES_NOT_EXIST = "AMQ8118E: IBM MQ queue manager does not exist.";
    static final String NOT_AVAILABLE = "AMQ8146E: IBM MQ queue manager not available.";
    static final String ALREADY_EXISTS = "AMQ8110E: IBM MQ queue manager already exists.";
    static final String RUNNING = "IBM MQ queue manager running.";
    /**
     * strmqm where the active instance runs elsewhere: IBM documents only the return codes' meanings (strmqm
     * return codes 31 and 43, quoted here), no transcript shows the console text.
     */
    static final String ACTIVE_ELSEWHERE_STANDBY_PERMITTED = "The queue manager already has an active instance."
            + " The queue manager permits standby instances.";
    static final String ACTIVE_ELSEWHERE_NO_STANDBY = "The queue manager already has an active instance."
            + " The queue manager does not permit standby instances.";
    static final String QUIESCE = "Quiesce request accepted. The queue manager will stop when all outstanding work"
            + " is complete.";

    /**
     * dspmq's statuses as a host with another language prints them without {@code -n}: only words seen in a public
     * transcript. zh_CN: "STATUS(正在运行)" and "STATUS(已正常结束)" (Chinese WebSphere MQ notes, corpus
     * dspmq/translated-zh-running-and-ended-normally.txt). A status without a known translation is printed in IBM's
     * words, as a Chinese host printed "STATUS(Ended immediately)" (dspmq/dspmq-ended-immediately-zh.txt).
     */
    static final Map<String, Map<QmStatus, String>> TRANSLATED = Map.of("zh_CN",
            Map.of(QmStatus.RUNNING, "正在运行", QmStatus.ENDED_NORMALLY, "已正常结束"));

    /** Build levels the lab knows (dspmqver "Level:"); installVersion refuses others rather than guess. */
    static final Map<String, String> LEVELS = Map.of(
            "9.3.0.0", "p930-L220607",
            "9.4.0.0", "p940-L240605.1",
            "9.4.0.5", "p940-005-L240924",
            "9.4.1.0", "p941-L241014",
            "9.4.2.0", "p942-L250227");

    private final LabWorld world;
    private final NativeHaCommands nativeHa;

    ControlCommands(LabWorld world) {
        this.world = world;
        this.nativeHa = new NativeHaCommands(world);
    }

    // ---------------------------------------------------------------- dspmq

    /**
     * {@code -o dr} and {@code -o ha} print DRROLE(Primary|Secondary) or DRROLE() and HA(Replicated) or HA()
     * (an RDQM lab guide quoting IBM's list of DRROLE values; the MQ Appliance STIG for HA(Replicated));
     * {@code -n} prints IBM's values in upper case (Checkmk's {@code dspmq -n -x -o all} sample), whatever the host's
     * language; without it a command in a zh_CN locale prints the statuses of {@link #TRANSLATED} in Chinese;
     * {@code -a} shows only the queue managers running here and, as IBM's dspmq reference says, "Success for
     * dspmq -a is indicated by the return code 5".
     */
    LabExecution dspmq(String host, List<String> rawArgs, String language) {
        List<String> args = separateFlags(rawArgs, "sxang");
        String qmName = null;
        Set<String> outputs = new LinkedHashSet<>();
        boolean instances = false;
        boolean activeOnly = false;
        boolean untranslated = false;
        boolean groups = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-m" -> {
                    if (i + 1 >= args.size()) {
                        return usage("dspmq");
                    }
                    qmName = args.get(++i);
                }
                case "-o" -> {
                    if (i + 1 >= args.size()) {
                        return usage("dspmq");
                    }
                    String o = args.get(++i);
                    if (!Set.of("all", "status", "standby", "default", "installation", "dr", "ha", "nativeha").contains(o)) {
                        return usage("dspmq");
                    }
                    outputs.add(o);
                }
                case "-s" -> outputs.add("status");
                case "-x" -> instances = true;
                case "-a" -> activeOnly = true;
                case "-n" -> untranslated = true;
                case "-g" -> groups = true;
                default -> {
                    return usage("dspmq");
                }
            }
        }
        if (outputs.isEmpty()) {
            outputs.add("status");
        }
        List<QueueManagerRuntime> shown = new ArrayList<>();
        if (qmName != null) {
            Optional<QueueManagerRuntime> rt = world.runtime(host, qmName);
            if (rt.isEmpty()) {
                return Output.error(72, NOT_KNOWN);
            }
            shown.add(rt.get());
        } else {
            shown.addAll(world.byHost.get(host).values());
        }
        if (activeOnly) {
            shown.removeIf(rt -> !host.equals(rt.activeHost));
        }
        Output out = new Output();
        for (QueueManagerRuntime rt : shown) {
            out.out(dspmqLine(host, rt, outputs, untranslated, language));
            if (instances && rt.nativeHa != null) {
                nativeHa.instanceLines(host, rt.nativeHa, untranslated).forEach(out::out);
            }
            if (groups && rt.nativeHa != null) {
                nativeHa.groupLines(host, rt.nativeHa, untranslated).forEach(out::out);
            }
            if (instances && rt.nativeHa == null) {
                if (rt.activeHost != null) {
                    out.out("    INSTANCE(" + rt.activeHost + ") MODE(" + translated("Active", untranslated) + ")");
                }
                for (String standby : rt.standbyHosts) {
                    out.out("    INSTANCE(" + standby + ") MODE(" + translated("Standby", untranslated) + ")");
                }
            }
        }
        return out.exit(activeOnly ? 5 : 0);
    }

    private static String translated(String value, boolean untranslated) {
        return untranslated ? value.toUpperCase(java.util.Locale.ROOT) : value;
    }

    private String dspmqLine(String host, QueueManagerRuntime rt, Set<String> outputs, boolean untranslated,
                             String language) {
        StringBuilder line = new StringBuilder(String.format("%-58s", "QMNAME(" + rt.name + ")"));
        List<String> fields = new ArrayList<>();
        boolean all = outputs.contains("all");
        if (all || outputs.contains("status")) {
            QmStatus status = rt.statusOn(host);
            String word = untranslated ? translated(status.mqWording(), true) : TRANSLATED
                    .getOrDefault(language, Map.of())
                    .getOrDefault(status, status.mqWording());
            fields.add("STATUS(" + word + ")");
        }
        if (all || outputs.contains("default")) {
            fields.add("DEFAULT(" + translated("no", untranslated) + ")");
        }
        if (all || outputs.contains("standby")) {
            // Not applicable while the queue manager is not running (ended) and for an RDQM running on another node,
            // as dspmq -o all prints it (Checkmk's ibm_mq agent output: "STATUS(ENDED IMMEDIATELY) ...
            // STANDBY(NOT APPLICABLE)", MQ 8.0.0.4; its RDQM test data: "RUNNING ELSEWHERE ... NOT APPLICABLE").
            QmStatus status = rt.statusOn(host);
            boolean notApplicable = !rt.running() || status.isEnded()
                    || (status == QmStatus.RUNNING_ELSEWHERE && rt.kind != QueueManagerKind.MULTI_INSTANCE);
            String standby = notApplicable ? "Not applicable" : rt.standbyPermitted ? "Permitted" : "Not permitted";
            fields.add("STANDBY(" + translated(standby, untranslated) + ")");
        }
        if (all || outputs.contains("installation")) {
            fields.add("INSTNAME(Installation1) INSTPATH(/opt/mqm) INSTVER(" + world.hostVersions.get(host) + ")");
        }
        if (outputs.contains("ha")) {
            fields.add(rt.ha != null ? "HA(Replicated)" : "HA()");
        }
        if (outputs.contains("dr")) {
            fields.add("DRROLE(" + (rt.isRdqm() ? translated(rt.drRole == DrRole.PRIMARY ? "Primary" : "Secondary",
                    untranslated) : "") + ")");
        }
        if (rt.nativeHa != null && (all || outputs.contains("nativeha"))) {
            fields.add(nativeHa.qmnameFields(host, rt.nativeHa, untranslated));
        } else if (all || outputs.contains("nativeha")) {
            fields.add("ROLE(" + translated("Not configured", untranslated) + ") INSTANCE() INSYNC() QUORUM()");
        }
        line.append(String.join(" ", fields));
        return line.toString();
    }

    /** {@code sed -i} of a Native HA instance's requested group role (qm.ini GroupRole). */
    LabExecution editGroupRole(String host, List<String> args) {
        return nativeHa.editGroupRole(host, args);
    }

    // ---------------------------------------------------------------- dspmqver

    LabExecution dspmqver(String host, List<String> args) {
        if (!args.isEmpty()) {
            return usage("dspmqver");
        }
        String version = world.hostVersions.get(host);
        return new Output()
                .out("Name:        IBM MQ")
                .out("Version:     " + version)
                .out("Level:       " + LEVELS.get(version))
                .out("BuildType:   IKAP - (Production)")
                .out("Platform:    IBM MQ for Linux (x86-64 platform)")
                .out("Mode:        64-bit")
                .out("O/S:         Linux 5.14.0-427.13.1.el9_4.x86_64")
                .out("O/S Details: Red Hat Enterprise Linux 9.4 (Plow)")
                .out("InstName:    Installation1")
                .out("InstDesc:    ")
                .out("Primary:     Yes")
                .out("InstPath:    /opt/mqm")
                .out("DataPath:    /var/mqm")
                .out("MaxCmdLevel: " + LabWorld.commandLevel(version))
                .out("LicenseType: Production")
                .out("ReleaseType: " + releaseType(version))
                .exit(0);
    }

    /** dspmqver's ReleaseType: IBM's LTS releases have 0 as their third number, CD releases do not. */
    private static String releaseType(String version) {
        String[] vrmf = version.split("\\.");
        if (!"0".equals(vrmf[2])) {
            return "Continuous Delivery (CD)";
        }
        return "0".equals(vrmf[3]) ? "Long Term Support (LTS) and Continuous Delivery (CD)" : "Long Term Support (LTS)";
    }

    // ---------------------------------------------------------------- strmqm

    /**
     * {@code -a}, {@code -r} and {@code -x} exclude one another (one choice in IBM's strmqm syntax diagram);
     * {@code -c}, {@code -e}, {@code -f}, {@code -si}/{@code -ss}, {@code -d}, {@code -z} are not simulated (usage).
     */
    LabExecution strmqm(String host, List<String> args) {
        String mode = null;
        boolean noServices = false;
        String qmName = null;
        for (String a : args) {
            if (Set.of("-x", "-a", "-r").contains(a) && mode == null) {
                mode = a;
            } else if (a.equals("-ns")) {
                noServices = true;
            } else if (a.startsWith("-") || qmName != null) {
                return usage("strmqm");
            } else {
                qmName = a;
            }
        }
        if (qmName == null) {
            return usage("strmqm");
        }
        Optional<QueueManagerRuntime> found = world.runtime(host, qmName);
        if (found.isEmpty()) {
            return Output.error(16, DOES_NOT_EXIST);
        }
        QueueManagerRuntime rt = found.get();
        if ("-a".equals(mode) || "-r".equals(mode)) {
            return backupCommand(rt, mode);
        }
        boolean standby = "-x".equals(mode);
        if (rt.backup) {
            // IBM: "The requirement to activate a backup queue manager prevents accidental startup." No public
            // text of the refusal: lab wording, exit 1 a lab choice (docs/lab.md).
            return Output.error(1, "Queue manager '" + qmName + "' is a backup queue manager. Activate it with"
                    + " strmqm -a before starting it.");
        }
        if (rt.nativeHa != null && !standby) {
            return nativeHa.strmqm(host, rt, qmName);
        }
        if (host.equals(rt.activeHost)) {
            return new Output().out(RUNNING).exit(5);
        }
        if (rt.standbyHosts.contains(host)) {
            return Output.error(5, "A standby instance of queue manager '" + qmName + "' is already running.");
        }
        if (rt.activeHost != null) {
            if (!rt.standbyPermitted) {
                return Output.error(43, ACTIVE_ELSEWHERE_NO_STANDBY);
            }
            if (!standby) {
                return Output.error(31, ACTIVE_ELSEWHERE_STANDBY_PERMITTED);
            }
            rt.standbyHosts.add(host);
            // MQ 9.3.1 transcript (mq-output/control/strmqm-x-standby-wrapped.txt); exit 30: strmqm return codes
            return new Output()
                    .out("IBM MQ queue manager '" + qmName + "' starting.")
                    .out("The queue manager is associated with installation 'Installation1'.")
                    .out("Plain text communication is enabled.")
                    .message("A standby instance of queue manager '" + qmName + "' has been started. The active"
                            + " instance is running elsewhere.")
                    .exit(30);
        }
        if (rt.isRdqm() && rt.revertingUntil != null) {
            return Output.error(1, "Queue manager '" + qmName + "' cannot be started while it is reverting to its"
                    + " DR snapshot.");
        }
        if (rt.isRdqm() && rt.drRole == DrRole.SECONDARY) {
            return Output.error(1, "Queue manager '" + qmName + "' cannot be started on this node because it is"
                    + " the DR secondary.");
        }
        if (rt.awaitingMediaRestore) {
            return Output.error(23, "AMQ7017E: Log not available.");
        }
        world.start(rt, host, !noServices);
        rt.standbyPermitted = standby;
        return new Output()
                .out("IBM MQ queue manager '" + qmName + "' starting.")
                .out("The queue manager is associated with installation 'Installation1'.")
                .out("5 log records accessed on queue manager '" + qmName + "' during the log replay phase.")
                .out("Log replay for queue manager '" + qmName + "' complete.")
                .out("Transaction manager state recovered for queue manager '" + qmName + "'.")
                .out("Plain text communication is enabled.")
                .out("IBM MQ queue manager '" + qmName + "' started using V" + world.hostVersions.get(host) + ".")
                .exit(0);
    }

    /**
     * {@code strmqm -r} replays the logs copied to a backup queue manager and flags it as a backup; {@code strmqm -a}
     * activates it; neither starts it (IBM MQ strmqm usage notes and -a/-r,
     * https://ibm.com/support/knowledgecenter/en/SSFKSJ_latest/refadmin/q083650_.html; "Creating a backup queue
     * manager", https://www.ibm.com/docs/ja/ibm-mq/9.4.x?topic=manager-creating-backup-queue; "Starting a backup
     * queue manager", MQ 9.2 topic q018640_ as mirrored at http://setgetweb.com/p/MQ92/con/q018640_.htm). No public
     * transcript shows what either prints: -r prints strmqm's two log-replay lines, -a IBM's sentence "The backup
     * queue manager is activated." (lab wording). RDQM and Native HA queue managers replicate their own logs: not
     * simulated.
     */
    private LabExecution backupCommand(QueueManagerRuntime rt, String mode) {
        if (rt.isRdqm() || rt.nativeHa != null || rt.ha != null) {
            return usage("strmqm");
        }
        if (rt.running()) {
            return new Output().out(RUNNING).exit(5);
        }
        if (mode.equals("-a")) {
            // Repeating it (a retried step) finds the queue manager already active: same answer.
            rt.backup = false;
            return new Output().out("The backup queue manager is activated.").exit(0);
        }
        if (rt.awaitingMediaRestore) {
            return Output.error(23, "AMQ7017E: Log not available.");
        }
        rt.backup = true;
        return new Output()
                .out("5 log records accessed on queue manager '" + rt.name + "' during the log replay phase.")
                .out("Log replay for queue manager '" + rt.name + "' complete.")
                .exit(0);
    }

    // ---------------------------------------------------------------- endmqm

    LabExecution endmqm(String host, List<String> rawArgs) {
        List<String> args = separateFlags(rawArgs, "cipwsxr");
        String mode = "-c";
        boolean switchover = false;
        boolean standbyOnly = false;
        String qmName = null;
        for (String a : args) {
            switch (a) {
                case "-c", "-i", "-p", "-w" -> mode = a;
                case "-s" -> switchover = true;
                case "-x" -> standbyOnly = true;
                case "-r" -> {
                    // client reconnection is requested by default in the lab: nothing to do
                }
                default -> {
                    if (a.startsWith("-") || qmName != null) {
                        return usage("endmqm");
                    }
                    qmName = a;
                }
            }
        }
        if (qmName == null) {
            return usage("endmqm");
        }
        Optional<QueueManagerRuntime> found = world.runtime(host, qmName);
        if (found.isEmpty()) {
            return Output.error(16, DOES_NOT_EXIST);
        }
        QueueManagerRuntime rt = found.get();
        if (standbyOnly) {
            if (!rt.standbyHosts.remove(host)) {
                return Output.error(40, NOT_AVAILABLE);
            }
            return new Output().out("IBM MQ queue manager '" + qmName + "' ending.")
                    .out("IBM MQ queue manager '" + qmName + "' ended.").exit(0);
        }
        boolean nativeHaInstance = rt.nativeHa != null && rt.nativeHa.instances.get(host).started;
        if (!host.equals(rt.activeHost) && !nativeHaInstance) {
            return Output.error(40, NOT_AVAILABLE);
        }
        // endmqm -is on the active instance (public MQ 9.1 multi-instance transcript, see ControlCommandsTest)
        String ended = "IBM MQ queue manager '" + qmName + "' ended"
                + (switchover ? ", permitting switchover to a standby instance." : ".");
        String quiesce = switchover ? QUIESCE.replace("is complete.", "is complete, permitting switchover to a standby"
                + " instance.") : QUIESCE;
        Output out = new Output();
        QmStatus how;
        switch (mode) {
            case "-i" -> {
                out.out("IBM MQ queue manager '" + qmName + "' ending.").message(ended);
                how = QmStatus.ENDED_IMMEDIATELY;
            }
            case "-p" -> {
                out.out("IBM MQ queue manager '" + qmName + "' ending.").message(ended);
                how = QmStatus.ENDED_PREEMPTIVELY;
            }
            case "-w" -> {
                out.message(quiesce).out("IBM MQ queue manager '" + qmName + "' ending.").message(ended);
                how = QmStatus.ENDED_NORMALLY;
            }
            default -> {
                out.message(quiesce);
                how = QmStatus.ENDED_NORMALLY;
            }
        }
        if (rt.nativeHa != null) {
            nativeHa.end(host, rt, how);
            return out.exit(0);
        }
        // Without -s every instance ends, the standbys too (IBM: "The endmqm command stops all instances").
        String takesOver = switchover && !rt.standbyHosts.isEmpty() ? rt.standbyHosts.iterator().next() : null;
        if (!switchover) {
            rt.standbyHosts.clear();
        }
        world.end(rt, how);
        if (takesOver != null) {
            world.start(rt, takesOver);
        }
        return out.exit(0);
    }

    /**
     * MQ's control commands accept single-letter flags together ({@code endmqm -is}, {@code dspmq -sx}); they
     * are taken one by one. Only letters in {@code combinable} may be combined; anything else is left whole.
     */
    static List<String> separateFlags(List<String> args, String combinable) {
        List<String> separated = new ArrayList<>();
        for (String a : args) {
            if (a.length() > 2 && a.startsWith("-") && a.substring(1).chars().allMatch(c -> combinable.indexOf(c) >= 0)) {
                a.substring(1).chars().forEach(c -> separated.add("-" + (char) c));
            } else {
                separated.add(a);
            }
        }
        return separated;
    }

    // ---------------------------------------------------------------- crtmqm

    LabExecution crtmqm(String host, List<String> args) {
        Map<String, String> opts = new java.util.LinkedHashMap<>();
        String qmName = null;
        Set<String> withValue = Set.of("-p", "-u", "-rr", "-rt", "-rl", "-ri", "-rn", "-rp", "-fs", "-lc", "-ll",
                "-lp", "-ls", "-lf", "-d", "-x", "-c", "-md", "-ld", "-q");
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-q")) {
                opts.put(a, "");
            } else if (withValue.contains(a)) {
                if (i + 1 >= args.size()) {
                    return usage("crtmqm");
                }
                opts.put(a, args.get(++i));
            } else if (a.startsWith("-") || qmName != null) {
                return usage("crtmqm");
            } else {
                qmName = a;
            }
        }
        if (qmName == null || io.mqrunbooks.mq.NameRules.checkMqName(qmName).isPresent()) {
            return usage("crtmqm");
        }
        if (world.runtime(host, qmName).isPresent()) {
            return Output.error(8, ALREADY_EXISTS);
        }
        String role = opts.get("-rr");
        if (role == null) {
            QueueManagerData data = world.baseData(qmName, world.hostVersions.get(host));
            addCrtmqmListener(data, opts.get("-p"));
            QueueManagerRuntime rt = world.register(qmName, QueueManagerKind.SINGLE, List.of(host), data);
            rt.endedStatus = QmStatus.ENDED_IMMEDIATELY;
            return created(new Output(), qmName, "/var/mqm/qmgrs/" + io.mqrunbooks.mq.NameRules.queueManagerDirectory(qmName))
                    .exit(0);
        }
        for (String required : List.of("-rl", "-ri", "-rn", "-rp")) {
            if (!opts.containsKey(required)) {
                return Output.error(20, "The " + required + " parameter is required with -rr.");
            }
        }
        int port;
        try {
            port = Integer.parseInt(opts.get("-rp"));
        } catch (NumberFormatException e) {
            return usage("crtmqm");
        }
        if (role.equals("p")) {
            RdqmPair existing = world.pairs.get(qmName);
            if (existing != null && existing.primary() != null) {
                return Output.error(1, "Queue manager '" + qmName + "' already has a DR primary instance on node '"
                        + existing.nodes.entrySet().stream().filter(e -> e.getValue().drRole == DrRole.PRIMARY)
                        .map(Map.Entry::getKey).findFirst().orElseThrow() + "'.");
            }
            RdqmPair pair = existing != null ? existing : new RdqmPair(qmName, port, "s".equals(opts.get("-rt")));
            QueueManagerData data = world.baseData(qmName, world.hostVersions.get(host));
            addCrtmqmListener(data, opts.get("-p"));
            addDrNode(pair, host, DrRole.PRIMARY, data, opts);
            String dir = qmName.toLowerCase();
            Output out = new Output().out("Creating replicated data queue manager configuration.");
            return created(out, qmName, "/var/mqm/vols/" + dir + "/qmgr/" + dir)
                    .out("Enabling replicated data queue manager.")
                    .out("Replicated data queue manager enabled.")
                    .out("Issue the following command on the remote node to create the DR")
                    .out("secondary queue manager:")
                    .out(secondaryCommand(opts.get("-ri"), opts.get("-rl"), host, port, qmName))
                    .exit(0);
        }
        if (!role.equals("s")) {
            return usage("crtmqm");
        }
        RdqmPair pair = world.pairs.getOrDefault(qmName, new RdqmPair(qmName, port, false));
        addDrNode(pair, host, DrRole.SECONDARY, world.baseData(qmName, world.hostVersions.get(host)), opts);
        pair.secondaryInconsistent = true;
        pair.outOfSyncKb += world.options.initialFileSystemUsedKb();
        return new Output()
                .out("Creating replicated data queue manager configuration.")
                .out("IBM MQ secondary queue manager created.")
                .out("Enabling replicated data queue manager.")
                .out("Replicated data queue manager enabled.")
                .exit(0);
    }

    /** What crtmqm prints for a queue manager it has created, its data in {@code directory}. */
    private static Output created(Output out, String qmName, String directory) {
        return out.out("IBM MQ queue manager '" + qmName + "' created.")
                .out("Directory '" + directory + "' created.")
                .out("The queue manager is associated with installation 'Installation1'.")
                .out("Creating or replacing default objects for queue manager '" + qmName + "'.")
                .out("Default objects statistics : 83 created. 0 replaced. 0 failed.")
                .out("Completing setup.")
                .out("Setup completed.");
    }

    /** crtmqm -rr: this node's instance of {@code pair}, ended, and both nodes' replication addresses. */
    private void addDrNode(RdqmPair pair, String host, DrRole role, QueueManagerData data, Map<String, String> opts) {
        pair.replicationAddresses.put(host, opts.get("-rl"));
        pair.replicationAddresses.put(opts.get("-rn"), opts.get("-ri"));
        QueueManagerRuntime rt = world.register(pair.queueManager, QueueManagerKind.RDQM_DR, List.of(host), data);
        rt.drRole = role;
        rt.pair = pair;
        rt.endedStatus = QmStatus.ENDED_IMMEDIATELY;
        pair.nodes.put(host, rt);
        world.pairs.put(pair.queueManager, pair);
    }

    /** The command the other node runs: its own address is -rl, ours -ri, our node name -rn (seed 004). */
    static String secondaryCommand(String otherAddress, String ourAddress, String ourHost, int port, String qmName) {
        return "crtmqm -rr s -rl " + otherAddress + " -ri " + ourAddress + " -rn " + ourHost + " -rp " + port + " "
                + qmName;
    }

    private void addCrtmqmListener(QueueManagerData data, String port) {
        if (port == null) {
            return;
        }
        // crtmqm -p defines SYSTEM.LISTENER.TCP.1 under queue manager control (IBM MQ 9.4 docs, crtmqm -p)
        MqObject listener = data.define(ObjectType.LISTENER, "SYSTEM.LISTENER.TCP.1", null, world.stamp());
        listener.set("CONTROL", "QMGR");
        listener.set("PORT", port);
    }

    // ---------------------------------------------------------------- dltmqm

    LabExecution dltmqm(String host, List<String> args) {
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            return usage("dltmqm");
        }
        String qmName = args.get(0);
        Optional<QueueManagerRuntime> found = world.runtime(host, qmName);
        if (found.isEmpty()) {
            return Output.error(16, DOES_NOT_EXIST);
        }
        QueueManagerRuntime rt = found.get();
        if (rt.standbyHosts.contains(host)) {
            // dltmqm return code 26, described by IBM as "Queue manager running as a standby instance." (dltmqm
            // reference, https://www.ibm.com/docs/SSFKSJ_9.3.0/refadmin/q083140_.html); no transcript shows the text
            // it prints, so the lab prints that description.
            return Output.error(26, "Queue manager running as a standby instance.");
        }
        if (rt.running()) {
            return new Output().out(RUNNING).exit(5);
        }
        world.byHost.get(host).remove(qmName);
        Output out = new Output();
        if (rt.isRdqm()) {
            out.out("Removing replicated data queue manager configuration.");
            rt.pair.nodes.remove(host);
            if (rt.pair.syncing()) {
                world.cutDuringSync(rt.pair, world.now());
            }
        }
        return out.out("IBM MQ queue manager '" + qmName + "' deleted.").exit(0);
    }

    // ---------------------------------------------------------------- usage

    /** The usage line of a control command (IBM MQ 9.4 docs syntax diagrams), exit 20 as for a bad parameter. */
    static LabExecution usage(String command) {
        String text = switch (command) {
            case "dspmq" -> "Usage: dspmq [-m QMgrName] [-o all|default|installation|status|standby|ha|dr|nativeha] [-g] [-s] [-x]"
                    + " [-n] [-a]";
            case "dspmqver" -> "Usage: dspmqver [-a] [-b] [-f Fields] [-i] [-p Components] [-t Types] [-v]";
            case "strmqm" -> "Usage: strmqm [-a | -r | -x] [-ns] QMgrName";
            case "endmqm" -> "Usage: endmqm [-c | -i | -p | -w] [-r] [-s] [-x] QMgrName";
            case "crtmqm" -> "Usage: crtmqm [-p Port] [-rr p|s -rt a|s -rl LocalIP -ri RemoteIP -rn RemoteNode"
                    + " -rp ReplPort] QMgrName";
            case "dltmqm" -> "Usage: dltmqm QMgrName";
            case "rdqmstatus" -> "Usage: rdqmstatus [-m QMgrName | -n]";
            case "rdqmadm" -> "Usage: rdqmadm (-s | -r) [-n NodeName] | -p -m QMgrName ([-n NodeName[,NodeName]] | -d)";
            case "rdqmdr" -> "Usage: rdqmdr -m QMgrName (-p | -s | -d)";
            default -> "Usage: " + command;
        };
        return Output.error(20, text);
    }
}
