package io.mqrunbooks.adapter.inbound.camunda.rdqmha;

import io.mqrunbooks.adapter.inbound.camunda.rdqm.RunbookSteps;
import io.mqrunbooks.application.rdqmha.RdqmHaMaintenance;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One poll before the resume: are the other nodes online, every queue manager on one of them, HA status Normal? */
@Component
public class CheckHaResumeReadyDelegate implements JavaDelegate {

    private final RdqmHaMaintenance maintenance;

    public CheckHaResumeReadyDelegate(RdqmHaMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        HaPolls.record(execution, RdqmHaVariables.RESUME_READY,
                maintenance.pollResumeReady(RunbookSteps.text(execution, RdqmHaVariables.HA_NODE)));
    }
}
