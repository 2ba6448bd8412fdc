package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import static io.mqrunbooks.adapter.inbound.camunda.nativeha.CrossRegionVariables.*;

import io.mqrunbooks.application.nativeha.NativeHaCrossRegionSwitch;
import io.mqrunbooks.platform.run.GateAcceptance;
import io.mqrunbooks.platform.run.RunRecords;
import io.mqrunbooks.platform.runbook.RunText;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The Recovery group's instances ask to be Live; confirmed when one reports ROLE(Active) and GRPROLE(Live). For an
 * unplanned switch, only after the gate's recorded approval accepted the data-loss window.
 */
@Component
public class MakeRecoveryGroupLiveDelegate implements JavaDelegate {

    private final NativeHaCrossRegionSwitch crossRegion;
    private final RunRecords runs;

    public MakeRecoveryGroupLiveDelegate(NativeHaCrossRegionSwitch crossRegion, RunRecords runs) {
        this.crossRegion = crossRegion;
        this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String queueManager = QUEUE_MANAGER.get(execution);
        String recovery = RECOVERY_GROUP.get(execution);
        crossRegion.checkGroups(queueManager, LIVE_GROUP.get(execution), recovery);
        // planned or not, and the acceptance, from the server's record: 'dataLossAccepted' is a variable anyone may set
        boolean planned = PLANNED.equals(GateAcceptance.sealedParameter(runs, execution, SWITCH_TYPE.name())
                .orElse(null));
        crossRegion.checkMandateToMakeLive(queueManager, recovery, planned, planned ? Optional.empty()
                : GateAcceptance.refusal(runs, execution, APPROVAL_GATE, DATA_LOSS_ACCEPTED.name()));
        RunText.appendLine(execution, RUN_LOG,
                crossRegion.requestRole(queueManager, recovery, NativeHaCrossRegionSwitch.LIVE));
        RunText.appendLine(execution, RUN_LOG,
                crossRegion.confirmRole(queueManager, recovery, NativeHaCrossRegionSwitch.LIVE));
    }
}
