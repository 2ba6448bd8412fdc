package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import static io.mqrunbooks.adapter.inbound.camunda.nativeha.CrossRegionVariables.*;

import io.mqrunbooks.platform.run.RunRecords;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * At the gate of an unplanned switch, approving needs the data-loss window accepted explicitly: the completion is
 * refused (nothing is recorded) unless {@code dataLossAccepted} is true. A planned switch loses nothing. Whether
 * the run is planned comes from its sealed start, not from a variable. The step that makes the Recovery group Live
 * checks the gate's recorded decision again (the gate's {@code plan} property records {@code dataLossAccepted}).
 */
@Component
public class RequireDataLossAcceptanceListener implements TaskListener {

    private final RunRecords runs;

    public RequireDataLossAcceptanceListener(RunRecords runs) {
        this.runs = runs;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean planned = runs.find(task.getProcessInstanceId()).flatMap(r -> r.parameter(SWITCH_TYPE.name()))
                .map(PLANNED::equals).orElse(false);
        boolean approved = "approve".equals(SWITCH_DECISION.getOrNull(task));
        if (!planned && approved && !DATA_LOSS_ACCEPTED.getOrDefault(task, false)) {
            throw new ProcessEngineException("Approving an unplanned cross-region switch needs the data-loss window"
                    + " accepted: tick 'I accept the loss of the data in this window' (dataLossAccepted), or reject."
                    + " Window: " + DATA_LOSS_WINDOW.getOrNull(task));
        }
    }
}
