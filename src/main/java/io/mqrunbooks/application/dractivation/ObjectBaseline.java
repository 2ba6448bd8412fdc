package io.mqrunbooks.application.dractivation;

import io.mqrunbooks.application.baseline.Baseline;
import io.mqrunbooks.application.baseline.BaselineApplyException;
import io.mqrunbooks.application.baseline.BaselineStore;
import io.mqrunbooks.mq.DefinitionDiff;
import io.mqrunbooks.mq.DefinitionScript;
import io.mqrunbooks.application.baseline.LevelPlan;
import io.mqrunbooks.mq.HostText;
import io.mqrunbooks.mq.MqscDefinitions;
import io.mqrunbooks.mq.MqscObject;
import io.mqrunbooks.mq.MqscParseException;
import io.mqrunbooks.mq.MqscParser;
import io.mqrunbooks.mq.ObjectKey;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.application.port.out.mq.MqAdminException;
import io.mqrunbooks.application.port.out.mq.MqscScriptResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * The warm (and restored cold) backup's object baseline (seed 000): the primary's last export, applied to
 * the backup with {@code DEFINE ... REPLACE} where the backup differs, then verified by a fresh export. The
 * export is taken from the primary while it runs and kept in the {@link BaselineStore} (a new version only when
 * its hash is new); otherwise the latest version the DR-baseline runbook stored is used. The run holds only the
 * version's id and SHA-256: the apply step loads the MQSC from the store and refuses it when it is unknown, of
 * another queue manager, or hashes differently (issue 16).
 */
@Service
public class ObjectBaseline {

    private final MqAdminPort admin;
    private final BaselineStore store;

    public ObjectBaseline(MqAdminPort admin, BaselineStore store) {
        this.admin = admin;
        this.store = store;
    }

    /**
     * The primary's export while it still runs, stored; else the latest stored version; else none, with the
     * reason (the primary is unreachable or ended: runmqsc and dmpmqcfg need a running queue manager).
     */
    public Export exportPrimary(ActivationTarget target, PrimaryState primary, Instant now, String runId) {
        String queueManager = target.primaryQueueManager();
        String why;
        if (!primary.running()) {
            why = "the primary cannot be exported: " + primary.detail();
        } else {
            try {
                String mqsc = admin.exportDefinitions(queueManager);
                MqscDefinitions definitions = MqscParser.parse(mqsc);
                Baseline kept = keep(target, mqsc, definitions, now, runId);
                return new Export(Optional.of(new Reference(kept.id(), kept.sha256())), "exported from "
                        + target.primaryLabel() + " before fencing (" + definable(definitions) + " definitions), "
                        + "kept as baseline " + kept.describe() + privileged(kept, definitions));
            } catch (MqAdminException | MqscParseException e) {
                why = "the primary's export failed: " + e.getMessage();
            }
        }
        Optional<Baseline> stored = store.latest(queueManager);
        if (stored.isPresent()) {
            return new Export(Optional.of(new Reference(stored.get().id(), stored.get().sha256())),
                    "stored by the DR-baseline runbook: " + stored.get().describe() + " (" + why + ")"
                            + privileged(stored.get()));
        }
        return new Export(Optional.empty(), why + "; the DR-baseline runbook has stored no baseline of " + queueManager);
    }

    /**
     * What of the baseline would run code or grant an identity on the backup when applied, for the declaration
     * gate: the person declaring the disaster sees it before approving, not only in the report afterwards.
     */
    private static String privileged(Baseline stored) {
        try {
            return privileged(stored, stored.definitions());
        } catch (MqscParseException e) {
            return ""; // the apply step refuses it, naming why
        }
    }

    private static String privileged(Baseline baseline, MqscDefinitions definitions) {
        List<MqscObject> definable = definitions.objects().stream().filter(o -> o.key().definable()).toList();
        return DefinitionScript.privileged(definable, definitions, "baseline #" + baseline.id() + " of "
                + baseline.queueManager()).stream().map(f -> "\nFlagged if applied: " + f).collect(Collectors.joining());
    }

    private Baseline keep(ActivationTarget target, String mqsc, MqscDefinitions definitions, Instant now, String runId) {
        String queueManager = target.primaryQueueManager();
        String sha256 = definitions.sha256();
        Optional<Baseline> latest = store.latest(queueManager).filter(b -> b.sha256().equals(sha256));
        Baseline kept = latest.orElseGet(() -> store.save(queueManager, target.primaryHost(), now, sha256,
                definitions.objectCount(), mqsc, runId));
        store.recordCheck(queueManager, now, sha256, kept.id(), latest.isEmpty(), runId);
        return kept;
    }

    /**
     * Loads the baseline the run names, proves it is the one assessed, applies what differs and proves the
     * backup now holds every baseline object as the baseline has it. Nothing reaches the backup when the
     * baseline is refused.
     */
    public Report applyAndVerify(ActivationTarget target, Reference reference) {
        String name = "baseline #" + reference.id() + " of " + target.primaryQueueManager();
        Baseline stored = load(target, reference);
        MqscDefinitions baseline = stored.definitions();
        MqscDefinitions before = MqscParser.parse(admin.exportDefinitions(target.backupQueueManager()));
        LevelPlan plan = LevelPlan.of(baseline, before);
        List<String> flagged = List.of();
        if (!plan.toApply().isEmpty()) {
            DefinitionScript script = DefinitionScript.replacing(plan.toApply(), baseline, name);
            flagged = script.flagged();
            MqscScriptResult result = admin.applyDefinitions(target.backupQueueManager(), script.mqsc());
            if (!result.succeeded()) {
                throw new IllegalStateException("Applying " + name + " to " + target.backupLabel() + ": "
                        + result.commandsWithErrors() + " of " + result.commandsRead() + " MQSC commands failed: "
                        + HostText.oneLine(result.output().strip()));
            }
        }
        LevelPlan remaining = LevelPlan.of(baseline, MqscParser.parse(admin.exportDefinitions(target.backupQueueManager())));
        if (!remaining.toApply().isEmpty()) {
            throw new IllegalStateException("Baseline verification failed on " + target.backupLabel()
                    + ": still different after DEFINE ... REPLACE: " + describe(remaining).stream()
                    .collect(Collectors.joining(" | ")));
        }
        return new Report(stored.describe(), definable(baseline), describe(plan), plan.differences().removed().stream()
                .map(MqscObject::key).filter(ObjectKey::definable).map(ObjectBaseline::label).toList(),
                notApplied(plan.differences()), flagged);
    }

    private Baseline load(ActivationTarget target, Reference reference) {
        String refused = "Baseline #" + reference.id() + " refused, nothing applied to " + target.backupLabel() + ": ";
        Baseline stored = store.find(reference.id()).orElseThrow(() -> new BaselineApplyException(refused
                + "no baseline #" + reference.id() + " is in the baseline store"));
        if (!stored.queueManager().equals(target.primaryQueueManager())) {
            throw new BaselineApplyException(refused + "it is a baseline of " + stored.queueManager() + ", not of "
                    + target.primaryQueueManager());
        }
        MqscDefinitions definitions;
        try {
            definitions = MqscParser.parse(stored.mqsc());
        } catch (MqscParseException e) {
            throw new BaselineApplyException(refused + e.getMessage());
        }
        String actual = definitions.sha256();
        if (!actual.equals(reference.sha256()) || !actual.equals(stored.sha256())) {
            throw new BaselineApplyException(refused + "the run names sha256 " + reference.sha256()
                    + ", the stored MQSC hashes to sha256 " + actual
                    + (actual.equals(stored.sha256()) ? "" : " (stored as sha256 " + stored.sha256() + ")"));
        }
        return stored;
    }

    private static List<String> describe(LevelPlan plan) {
        DefinitionDiff diff = plan.differences();
        return plan.toApply().stream().map(object -> label(object.key()) + ": " + diff.changed().stream()
                .filter(c -> c.key().equals(object.key())).findFirst()
                .map(c -> c.attributes().stream().map(a -> a.attribute() + " " + a.from() + " on the backup, " + a.to()
                        + " in the baseline").collect(Collectors.joining("; ")))
                .orElse("missing on the backup")).toList();
    }

    /** "QMGR (DESCR, REPOS)", "AUTHREC PROFILE(...) ... (missing on the backup)". */
    private static List<String> notApplied(DefinitionDiff diff) {
        return Stream.concat(
                diff.added().stream().filter(o -> !o.key().definable()).map(o -> o.key().display() + " (missing on the backup)"),
                diff.changed().stream().filter(c -> !c.key().definable()).map(c -> c.key().display() + " ("
                        + c.attributes().stream().map(DefinitionDiff.AttributeChange::attribute)
                        .collect(Collectors.joining(", ")) + ")")).toList();
    }

    private static long definable(MqscDefinitions definitions) {
        return definitions.objects().stream().filter(o -> o.key().definable()).count();
    }

    /** "QLOCAL PAYMENT.IN". */
    private static String label(ObjectKey key) {
        return key.type() + " " + key.name();
    }

    /** A stored baseline version, as the run refers to it. */
    public record Reference(long id, String sha256) {
    }

    public record Export(Optional<Reference> baseline, String source) {
    }

    /**
     * @param baseline     the stored version applied ({@link Baseline#describe()})
     * @param applied      the objects replaced, each with how it differed
     * @param onlyOnBackup objects the baseline does not have (left as they are)
     * @param notApplied   queue manager attributes and security records that differ (a person decides them)
     * @param flagged      definitions that run code or grant an identity, applied because the primary has them
     */
    public record Report(String baseline, long baselineObjects, List<String> applied, List<String> onlyOnBackup, List<String> notApplied,
                         List<String> flagged) {

        public String summary() {
            StringBuilder text = new StringBuilder("Baseline ").append(baseline).append(".\n");
            if (applied.isEmpty()) {
                text.append("All ").append(baselineObjects).append(" baseline objects already matched the backup.");
            } else {
                text.append(applied.size()).append(" of ").append(baselineObjects)
                        .append(" baseline objects differed and were replaced (DEFINE ... REPLACE), now verified:");
                applied.forEach(d -> text.append("\n- ").append(d));
            }
            if (!onlyOnBackup.isEmpty()) {
                text.append("\nOnly on the backup (left as they are): ").append(String.join(", ", onlyOnBackup));
            }
            if (!notApplied.isEmpty()) {
                text.append("\nDiffering but not applied (queue manager attributes and security records are decided by "
                        + "a person): ").append(String.join(", ", notApplied));
            }
            flagged.forEach(f -> text.append("\nFlagged: ").append(f));
            return text.toString();
        }
    }
}
