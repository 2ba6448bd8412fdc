package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.application.dractivation.ActivationTarget;
import io.mqrunbooks.application.dractivation.BackupActivation;
import io.mqrunbooks.application.dractivation.DeclarationBriefing;
import io.mqrunbooks.application.dractivation.ObjectBaseline;
import io.mqrunbooks.application.dractivation.PrimaryFencing;
import io.mqrunbooks.application.dractivation.PrimaryState;
import io.mqrunbooks.application.port.out.control.RdqmDrStatus;
import java.util.Map;
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
    private final DrActivationRuntime runtime;

    public AssessPrimaryDelegate(PrimaryFencing fencing, BackupActivation backup, ObjectBaseline baseline,
                                 DrActivationRuntime runtime) {
        this.fencing = fencing;
        this.backup = backup;
        this.baseline = baseline;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ActivationTarget target = DrActivationVariables.target(execution);
        PrimaryState primary = fencing.read(target);
        RdqmDrStatus secondary = target.isHot() ? backup.secondaryStatus(target) : null;
        ObjectBaseline.Export export = target.isHot()
                ? new ObjectBaseline.Export(java.util.Optional.empty(), "not needed: RDQM replicates the data")
                : baseline.exportPrimary(target, primary, runtime.now(), execution.getProcessInstanceId());
        execution.setVariable(PRIMARY_REACHABLE, primary.reachable());
        execution.setVariable(PRIMARY_RUNNING, primary.running());
        execution.setVariable(PRIMARY_MUST_BE_FENCED, primary.mustBeFenced());
        execution.setVariable(PRIMARY_STATE, DrActivationRuntime.fit(primary.detail()));
        execution.setVariable(SECONDARY_INCONSISTENT, DeclarationBriefing.losesUpdates(secondary));
        execution.setVariable(BASELINE_AVAILABLE, export.baseline().isPresent());
        execution.setVariable(BASELINE_SOURCE, DrActivationRuntime.fit(export.source()));
        export.baseline().ifPresent(stored -> DrActivationRuntime.writeJson(execution, BASELINE,
                Map.of(BASELINE_ID, stored.id(), BASELINE_SHA256, stored.sha256(),
                        BASELINE_SUMMARY, DrActivationRuntime.fit(export.source()))));
        execution.setVariable(ASSESSMENT_SUMMARY,
                DrActivationRuntime.fit(DeclarationBriefing.summary(target, primary, secondary, export)));
        runtime.mark(execution, "assessed");
    }
}
