package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.mqrunbooks.application.dractivation.ActivationTarget;
import io.mqrunbooks.application.dractivation.BackupActivation;
import io.mqrunbooks.application.dractivation.DeclarationBriefing;
import io.mqrunbooks.application.dractivation.ObjectBaseline;
import io.mqrunbooks.application.dractivation.PrimaryFencing;
import io.mqrunbooks.application.dractivation.PrimaryState;
import io.mqrunbooks.mq.RdqmDrStatus;
import io.mqrunbooks.platform.runbook.RunText;
import java.time.Clock;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Reads the primary over SSH (an unreachable host is a finding), the hot secondary's DR status, and the baseline:
 * kept in the baseline store, the run holds its id, SHA-256 and a summary, never the MQSC.
 */
@Component
@Lazy
public class AssessPrimaryDelegate implements JavaDelegate {

    private final PrimaryFencing fencing;
    private final BackupActivation backup;
    private final ObjectBaseline baseline;
    private final Clock clock;

    public AssessPrimaryDelegate(PrimaryFencing fencing, BackupActivation backup, ObjectBaseline baseline,
                                 Clock clock) {
        this.fencing = fencing;
        this.backup = backup;
        this.baseline = baseline;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ActivationTarget target = DrActivationVariables.target(execution);
        PrimaryState primary = fencing.read(target);
        RdqmDrStatus secondary = target.isHot() ? backup.secondaryStatus(target) : null;
        ObjectBaseline.Export export = target.isHot()
                ? new ObjectBaseline.Export(Optional.empty(), "not needed: RDQM replicates the data")
                : baseline.exportPrimary(target, primary, clock.instant(), execution.getProcessInstanceId());
        DrActivationVariables.putPrimary(execution, primary);
        SECONDARY_INCONSISTENT.set(execution, DeclarationBriefing.losesUpdates(secondary));
        BASELINE_AVAILABLE.set(execution, export.baseline().isPresent());
        BASELINE_SOURCE.set(execution, export.source());
        export.baseline().ifPresent(stored -> BASELINE.set(execution, JsonNodeFactory.instance.objectNode()
                .put(BASELINE_ID, stored.id()).put(BASELINE_SHA256, stored.sha256())
                .put(BASELINE_SUMMARY, RunText.fit(export.source(), "the run's evidence"))));
        ASSESSMENT_SUMMARY.set(execution, DeclarationBriefing.summary(target, primary, secondary, export));
        DrActivationVariables.mark(execution, clock, "assessed");
    }
}
