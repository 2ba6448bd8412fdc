package io.mqrunbooks.application.dractivation;

import io.mqrunbooks.application.baseline.Baseline;
import io.mqrunbooks.application.baseline.BaselineStore;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.application.port.out.mq.MqAdminException;
import io.mqrunbooks.application.port.out.mq.MqscScriptResult;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The warm (and restored cold) backup's object baseline (seed 000): the primary's last export, applied to
 * the backup with {@code DEFINE ... REPLACE} where the backup differs, then verified by a fresh export. The
 * export is taken from the primary while it runs; otherwise the latest version the DR-baseline runbook
 * stored ({@link BaselineStore}) is used.
 */
public class ObjectBaseline {

    private final MqAdminPort admin;
    private final BaselineStore store;

    public ObjectBaseline(MqAdminPort admin, BaselineStore store) {
        this.admin = admin;
        this.store = store;
    }

    /**
     * The primary's export while it still runs; empty with the reason when the primary cannot answer (it is
     * unreachable or ended: runmqsc and dmpmqcfg need a running queue manager).
     */
    public Export exportPrimary(ActivationTarget target, PrimaryState primary) {
        String why;
        if (!primary.running()) {
            why = "the primary cannot be exported: " + primary.detail();
        } else {
            try {
                String script = admin.exportDefinitions(target.primaryQueueManager());
                int count = MqscDefinitions.parse(script).size();
                return new Export(Optional.of(script), "exported from " + target.primaryLabel() + " before fencing ("
                        + count + " definitions)");
            } catch (MqAdminException e) {
                why = "the primary's export failed: " + e.getMessage();
            }
        }
        Optional<Baseline> stored = store.latest(target.primaryQueueManager());
        if (stored.isPresent()) {
            return new Export(Optional.of(stored.get().mqsc()), "stored by the DR-baseline runbook: "
                    + stored.get().describe() + " (" + why + ")");
        }
        return new Export(Optional.empty(), why + "; the DR-baseline runbook has stored no baseline of "
                + target.primaryQueueManager());
    }

    /** Applies what differs and proves the backup now holds every baseline object as the baseline has it. */
    public Report applyAndVerify(ActivationTarget target, String baselineScript) {
        List<MqscDefinition> baseline = MqscDefinitions.parse(baselineScript);
        List<MqscDefinition> before = MqscDefinitions.parse(admin.exportDefinitions(target.backupQueueManager()));
        DefinitionComparer.Differences differences = DefinitionComparer.compare(baseline, before);
        if (!differences.matches()) {
            String script = differences.toApply().stream().map(d -> d.baseline().asReplaceCommand())
                    .collect(Collectors.joining("\n", "", "\n"));
            MqscScriptResult result = admin.applyDefinitions(target.backupQueueManager(), script);
            if (!result.succeeded()) {
                throw new IllegalStateException("Applying the baseline to " + target.backupLabel() + ": "
                        + result.commandsWithErrors() + " of " + result.commandsRead() + " MQSC commands failed:\n"
                        + result.output());
            }
        }
        List<MqscDefinition> after = MqscDefinitions.parse(admin.exportDefinitions(target.backupQueueManager()));
        DefinitionComparer.Differences remaining = DefinitionComparer.compare(baseline, after);
        if (!remaining.matches()) {
            throw new IllegalStateException("Baseline verification failed on " + target.backupLabel()
                    + ": still different after DEFINE ... REPLACE: " + remaining.toApply().stream()
                    .map(DefinitionComparer.Difference::describe).collect(Collectors.joining(" | ")));
        }
        return new Report(baseline.size(), differences);
    }

    public record Export(Optional<String> script, String source) {
    }

    public record Report(int baselineObjects, DefinitionComparer.Differences applied) {

        public String summary() {
            StringBuilder text = new StringBuilder();
            if (applied.matches()) {
                text.append("All ").append(baselineObjects).append(" baseline objects already matched the backup.");
            } else {
                text.append(applied.toApply().size()).append(" of ").append(baselineObjects)
                        .append(" baseline objects differed and were replaced (DEFINE ... REPLACE), now verified:");
                applied.toApply().forEach(d -> text.append("\n- ").append(d.describe()));
            }
            if (!applied.onlyOnBackup().isEmpty()) {
                text.append("\nOnly on the backup (left as they are): ").append(String.join(", ", applied.onlyOnBackup()));
            }
            return text.toString();
        }
    }
}
