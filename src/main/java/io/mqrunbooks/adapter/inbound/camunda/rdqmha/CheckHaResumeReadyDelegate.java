package io.mqrunbooks.adapter.inbound.camunda.rdqmha;

import static io.mqrunbooks.adapter.inbound.camunda.rdqmha.RdqmHaVariables.*;

import io.mqrunbooks.adapter.inbound.camunda.RunbookWaits;
import io.mqrunbooks.application.rdqmha.RdqmHaMaintenance;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One poll before the resume: are the other nodes online, every queue manager on one of them, HA status Normal? */
@Component
public class CheckHaResumeReadyDelegate implements JavaDelegate {

    private final RdqmHaMaintenance maintenance;
    private final RunbookWaits waits;

    public CheckHaResumeReadyDelegate(RdqmHaMaintenance maintenance, RunbookWaits waits) {
        this.maintenance = maintenance;
        this.waits = waits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        HaPolls.record(execution, waits, RESUME_READY,
                maintenance.pollResumeReady(HA_NODE.get(execution)));
    }
}
