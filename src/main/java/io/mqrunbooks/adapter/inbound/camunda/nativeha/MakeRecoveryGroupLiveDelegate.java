package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import io.mqrunbooks.adapter.inbound.camunda.rdqm.RunbookSteps;
import io.mqrunbooks.application.nativeha.NativeHaCrossRegionSwitch;
import io.mqrunbooks.platform.RunVariables;
import io.mqrunbooks.platform.run.GateAcceptance;
import io.mqrunbooks.platform.run.RunRecords;
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
        String queueManager = RunbookSteps.text(execution, RunVariables.QUEUE_MANAGER);
        String recovery = RunbookSteps.text(execution, CrossRegionVariables.RECOVERY_GROUP);
        crossRegion.checkGroups(queueManager, RunbookSteps.text(execution, CrossRegionVariables.LIVE_GROUP), recovery);
        // planned or not, and the acceptance, from the server's record: 'dataLossAccepted' is a variable anyone may set
        boolean planned = CrossRegionVariables.PLANNED.equals(GateAcceptance.sealedParameter(runs, execution,
                CrossRegionVariables.SWITCH_TYPE).orElse(null));
        crossRegion.checkMandateToMakeLive(queueManager, recovery, planned, planned ? Optional.empty()
                : GateAcceptance.refusal(runs, execution, CrossRegionVariables.APPROVAL_GATE,
                        CrossRegionVariables.DATA_LOSS_ACCEPTED));
        RunbookSteps.log(execution, crossRegion.requestRole(queueManager, recovery, NativeHaCrossRegionSwitch.LIVE));
        RunbookSteps.log(execution, crossRegion.confirmRole(queueManager, recovery, NativeHaCrossRegionSwitch.LIVE));
    }
}
