package io.mqrunbooks.application.baseline;

import io.mqrunbooks.mq.MqscParser;
import io.mqrunbooks.mq.MqscParseException;
import io.mqrunbooks.mq.DefinitionScript;
import io.mqrunbooks.mq.MqscDefinitions;
import io.mqrunbooks.mq.DefinitionDiff;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.application.port.out.mq.MqscScriptResult;
import io.mqrunbooks.estate.Backup;
import io.mqrunbooks.estate.BackupLevel;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.mq.HostText;
import io.mqrunbooks.mq.NameRules;
import io.mqrunbooks.estate.QueueManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The DR object baseline (RUNBOOKS.md section 7, seed 000): export a primary's definitions, keep each version
 * that differs, compare versions, and bring a backup level with its primary.
 * <p>
 * Where a backup's definitions come from: a backup with a distinct DR name that is running is exported
 * through the admin port. A stopped backup cannot be asked (runmqsc and dmpmqcfg need a running queue
 * manager), and a same-name backup cannot be told apart from its primary by name and must never be started
 * beside it (split brain); for those, the last baseline recorded for the backup stands for its definitions.
 * When nothing was ever recorded, its definitions are unknown and the whole primary baseline is proposed.
 */
@Service
public class BaselineService {

    private final Estate estate;
    private final MqAdminPort admin;
    private final MqControlPort control;
    private final BaselineStore store;
    private final Clock clock;

    @Autowired
    public BaselineService(Estate estate, MqAdminPort admin, MqControlPort control, BaselineStore store) {
        this(estate, admin, control, store, Clock.systemUTC());
    }

    public BaselineService(Estate estate, MqAdminPort admin, MqControlPort control, BaselineStore store, Clock clock) {
        this.estate = estate;
        this.admin = admin;
        this.control = control;
        this.store = store;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- the runbook's steps

    /**
     * The primaries a run covers: blank or {@code all} means every queue manager with a backup in the
     * inventory; else a list separated by commas or blanks, each of which must have a backup.
     */
    public List<String> selectPrimaries(String requested) {
        List<String> withBackup = estate.queueManagers().stream().filter(q -> q.backup() != null)
                .map(QueueManager::name).toList();
        if (requested == null || requested.isBlank() || requested.strip().equalsIgnoreCase("all")) {
            return withBackup;
        }
        List<String> selected = new ArrayList<>();
        for (String name : requested.strip().split("[,\\s]+")) {
            Optional<String> bad = NameRules.checkMqName(name);
            if (bad.isPresent()) {
                throw new SelectionException("'" + name + "' is not a queue manager name: " + bad.get());
            }
            QueueManager qm = estate.findQueueManager(name).orElseThrow(() -> new SelectionException(
                    "Unknown queue manager '" + name + "'; queue managers with a backup: " + String.join(", ", withBackup)));
            if (qm.backup() == null) {
                throw new SelectionException(name + " has no backup in the inventory; queue managers with a backup: "
                        + String.join(", ", withBackup));
            }
            if (!selected.contains(name)) {
                selected.add(name);
            }
        }
        return selected;
    }

    /** Exports the primary's definitions; stores them as a new version when their hash differs from the latest. */
    public Capture capture(String queueManager, String runId) {
        QueueManager qm = estate.queueManager(queueManager);
        String mqsc = admin.exportDefinitions(queueManager);
        MqscDefinitions definitions = parse(mqsc, "the export of " + queueManager);
        String sha256 = definitions.sha256();
        Instant now = clock.instant();
        Optional<Baseline> previous = store.latest(queueManager);
        if (previous.isPresent() && previous.get().sha256().equals(sha256)) {
            store.recordCheck(queueManager, now, sha256, previous.get().id(), false, runId);
            return new Capture(previous.get(), false, previous.get(), new DefinitionDiff(List.of(), List.of(), List.of()),
                    queueManager + ": unchanged since baseline " + previous.get().describe()
                            + "; checked, nothing new stored.");
        }
        Baseline saved = store.save(queueManager, qm.primaryHost(), now, sha256, definitions.objectCount(), mqsc, runId);
        store.recordCheck(queueManager, now, sha256, saved.id(), true, runId);
        if (previous.isEmpty()) {
            return new Capture(saved, true, null, DefinitionDiff.between(MqscDefinitions.NONE, definitions),
                    queueManager + ": first baseline " + saved.describe() + ".");
        }
        DefinitionDiff changes = DefinitionDiff.between(parse(previous.get()), definitions);
        return new Capture(saved, true, previous.get(), changes, queueManager + ": new baseline " + saved.describe()
                + "; since #" + previous.get().id() + ": " + changes.counts() + "\n" + changes.render());
    }

    /** Compares the primary's baseline with what its backup holds (see the class comment for where that comes from). */
    public BackupComparison compareBackup(String queueManager, long baselineId) {
        QueueManager qm = estate.queueManager(queueManager);
        Backup backup = qm.backup();
        Baseline baseline = baseline(baselineId);
        MqscDefinitions primary = parse(baseline);
        if (backup.level() == BackupLevel.HOT) {
            return new BackupComparison(qm.name(), baseline, backup, false, false, "hot backup: " + backup.queueManager() + " on "
                    + backup.host() + " receives the queue manager's data by replication, objects included; "
                    + "nothing to compare", LevelPlan.of(primary, primary));
        }
        boolean running = control.status(backup.host(), backup.queueManager()).status().isRunningHere();
        boolean distinct = backup.hasDistinctName(qm.name());
        if (running && distinct) {
            MqscDefinitions current = parse(admin.exportDefinitions(backup.queueManager()),
                    "the export of " + backup.queueManager());
            return new BackupComparison(qm.name(), baseline, backup, true, true, "exported from " + backup.queueManager() + " on "
                    + backup.host() + " (running, distinct DR name)", LevelPlan.of(primary, current));
        }
        String why = running
                ? backup.queueManager() + " on " + backup.host() + " is running under its primary's own name: the admin "
                + "port cannot tell it from the primary, so it is not exported (and a same-name backup running beside "
                + "its primary is a split-brain risk: check it)"
                : backup.queueManager() + " on " + backup.host() + " is not running and cannot be asked";
        Optional<BackupLevelRecord> record = store.latestBackupLevel(qm.name());
        if (record.isEmpty()) {
            return new BackupComparison(qm.name(), baseline, backup, running, false, why + "; no baseline has been recorded for it "
                    + "yet, so its definitions are unknown and the whole primary baseline is proposed",
                    LevelPlan.of(primary, MqscDefinitions.NONE));
        }
        Baseline recorded = baseline(record.get().baselineId());
        return new BackupComparison(qm.name(), baseline, backup, running, false, why + "; compared with baseline #" + recorded.id()
                + " recorded for it on " + record.get().recordedAt() + " (" + words(record.get().state()) + ")",
                LevelPlan.of(primary, parse(recorded)));
    }

    /** Keeps the plan a lagging comparison made, so that exactly what was reviewed and approved is applied. */
    public LevelPlanRecord recordPlan(BackupComparison comparison, String runId) {
        return store.savePlan(comparison.queueManager(), comparison.backup().queueManager(), comparison.baseline().id(),
                clock.instant(), comparison.plan().script(), comparison.summary(), runId);
    }

    /**
     * Brings the backup level after approval. A running distinct-name backup is re-exported first (a retried
     * step does nothing twice) and given DEFINE ... REPLACE; a stopped or same-name backup is never started
     * here: the baseline is recorded to be applied at activation.
     */
    public LevelResult level(String queueManager, long planId, String approvedBy, String runId) {
        QueueManager qm = estate.queueManager(queueManager);
        Backup backup = qm.backup();
        LevelPlanRecord plan = store.findPlan(planId).orElseThrow(() -> new IllegalArgumentException(
                "No levelling plan #" + planId + " is stored."));
        long baselineId = plan.baselineId();
        Baseline baseline = baseline(baselineId);
        BackupComparison now = compareBackup(queueManager, baselineId);
        if (now.applyNow()) {
            String script = now.plan().script();
            String summary;
            if (!script.isEmpty() && !script.equals(plan.script())) {
                throw new BaselineApplyException(backup.queueManager() + " on " + backup.host() + " changed after "
                        + "levelling plan #" + planId + " was approved: the MQSC it needs now differs from the approved "
                        + "MQSC, so nothing was applied. Start a new baseline run to review the differences.");
            }
            if (script.isEmpty()) {
                summary = backup.queueManager() + " on " + backup.host() + " already holds baseline #" + baselineId
                        + "; nothing applied.";
            } else {
                DefinitionScript definitions = DefinitionScript.replacing(now.plan().toApply(), parse(baseline),
                        "baseline #" + baselineId + " of " + queueManager);
                MqscScriptResult result = admin.applyDefinitions(backup.queueManager(), definitions.mqsc());
                if (!result.succeeded()) {
                    throw new BaselineApplyException("Applying baseline #" + baselineId + " to " + backup.queueManager()
                            + " on " + backup.host() + ": runmqsc read " + result.commandsRead() + " commands, "
                            + result.commandsWithErrors() + " with errors: " + HostText.oneLine(result.output().strip()));
                }
                summary = "Applied to " + backup.queueManager() + " on " + backup.host() + " with DEFINE ... REPLACE ("
                        + result.commandsRead() + " commands, no errors)."
                        + definitions.flagged().stream().map(f -> "\nFlagged: " + f).collect(Collectors.joining());
            }
            store.recordBackupLevel(queueManager, backup.queueManager(), backup.host(), baselineId,
                    BackupLevelRecord.State.APPLIED, clock.instant(), approvedBy, runId);
            return new LevelResult(BackupLevelRecord.State.APPLIED, summary);
        }
        Optional<BackupLevelRecord> last = store.latestBackupLevel(queueManager);
        if (last.isPresent() && last.get().baselineId() == baselineId
                && last.get().state() == BackupLevelRecord.State.TO_APPLY_AT_ACTIVATION) {
            return new LevelResult(BackupLevelRecord.State.TO_APPLY_AT_ACTIVATION, "Baseline " + baseline.describe()
                    + " was already recorded to be applied to " + backup.queueManager() + " at activation.");
        }
        store.recordBackupLevel(queueManager, backup.queueManager(), backup.host(), baselineId,
                BackupLevelRecord.State.TO_APPLY_AT_ACTIVATION, clock.instant(), approvedBy, runId);
        return new LevelResult(BackupLevelRecord.State.TO_APPLY_AT_ACTIVATION, "Recorded baseline " + baseline.describe()
                + " to be applied to " + backup.queueManager() + " on " + backup.host() + " when it is activated: it is "
                + "not running, and it is not started here (a " + backup.level().yamlName() + " backup is started only "
                + "by DR activation, never beside its primary).");
    }

    /** After levelling: a running backup is exported again and compared; a stopped one is checked against its record. */
    public Verification verify(String queueManager, long baselineId) {
        BackupComparison now = compareBackup(queueManager, baselineId);
        if (now.applyNow()) {
            if (now.plan().backupLags()) {
                return new Verification(false, "Still lagging after applying baseline #" + baselineId + " ("
                        + now.source() + "):\n" + now.plan().differences().render());
            }
            return new Verification(true, now.backup().queueManager() + " on " + now.backup().host()
                    + " verified by a fresh export: level with baseline #" + baselineId + notApplied(now.plan()));
        }
        Optional<BackupLevelRecord> record = store.latestBackupLevel(queueManager);
        boolean recorded = record.isPresent() && record.get().baselineId() == baselineId;
        return new Verification(recorded, recorded
                ? now.backup().queueManager() + " on " + now.backup().host() + ": baseline #" + baselineId + " is "
                + words(record.get().state()) + " (" + now.source() + ")."
                : "No record of baseline #" + baselineId + " for " + now.backup().queueManager() + " was found.");
    }

    // ---------------------------------------------------------------- results

    public record Capture(Baseline baseline, boolean newVersion, Baseline previous, DefinitionDiff changes,
                          String summary) {
    }

    public record BackupComparison(String queueManager, Baseline baseline, Backup backup, boolean backupRunning,
                                   boolean applyNow, String source, LevelPlan plan) {

        /** A hot backup: replicated with its data, not compared. */
        public boolean replicated() {
            return backup.level() == BackupLevel.HOT;
        }

        /** What the change manager reads at the gate, and what the run summary says. */
        public String summary() {
            StringBuilder out = new StringBuilder();
            out.append("Primary ").append(queueManager).append(", baseline ").append(baseline.describe()).append('\n');
            out.append("Backup ").append(backup.queueManager()).append(" on ").append(backup.host()).append(" (")
                    .append(backup.level().yamlName()).append("): ").append(source).append('\n');
            if (plan.isLevel()) {
                return out.append("The backup is level with the primary.\n").toString();
            }
            out.append("Differences, backup -> primary: ").append(plan.differences().counts()).append('\n')
                    .append(plan.differences().render());
            List<String> privileged = DefinitionScript.privileged(plan.toApply(), baseline.definitions(),
                    "baseline #" + baseline.id() + " of " + queueManager);
            if (!privileged.isEmpty()) {
                out.append("Runs code or grants an identity on the backup, replayed only because the primary has it: "
                        + "approve only if each is intended:\n");
                privileged.forEach(p -> out.append("  Flagged: ").append(p).append('\n'));
            }
            if (plan.backupLags()) {
                out.append(applyNow
                        ? "On approval the MQSC below is applied to the running backup and verified by a fresh export.\n"
                        : "On approval this baseline is recorded to be applied when the backup is activated; the backup "
                        + "is not started now.\n");
            }
            out.append(notApplied(plan));
            return out.toString();
        }
    }

    public record LevelResult(BackupLevelRecord.State state, String summary) {
    }

    public record Verification(boolean level, String summary) {
    }

    // ---------------------------------------------------------------- helpers

    private static String notApplied(LevelPlan plan) {
        if (plan.notApplied().isEmpty()) {
            return "";
        }
        return plan.notApplied().stream().map(s -> "  " + s)
                .collect(Collectors.joining("\n", "\nNot applied automatically:\n", "\n"));
    }

    private static String words(BackupLevelRecord.State state) {
        return state == BackupLevelRecord.State.APPLIED ? "applied and verified" : "to be applied at activation";
    }

    private Baseline baseline(long id) {
        return store.find(id).orElseThrow(() -> new IllegalArgumentException("No baseline #" + id + " is stored."));
    }

    private static MqscDefinitions parse(Baseline baseline) {
        return parse(baseline.mqsc(), "baseline #" + baseline.id() + " of " + baseline.queueManager());
    }

    private static MqscDefinitions parse(String mqsc, String what) {
        try {
            return MqscParser.parse(mqsc);
        } catch (MqscParseException e) {
            throw new MqscParseException(what + ": " + e.getMessage());
        }
    }
}
