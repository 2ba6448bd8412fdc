package io.mqrunbooks.adapter.inbound.camunda.baseline;

import static io.mqrunbooks.adapter.inbound.camunda.baseline.BaselineVariables.*;

import io.mqrunbooks.application.baseline.BaselineService;
import io.mqrunbooks.platform.runbook.Refusals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class SelectPrimariesDelegate implements JavaDelegate {

    private final BaselineService baselines;

    public SelectPrimariesDelegate(BaselineService baselines) {
        this.baselines = baselines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PRIMARIES.set(execution, String.join(",", Refusals.decide(execution,
                () -> baselines.selectPrimaries(QUEUE_MANAGERS.getOrNull(execution)))));
        RUN_SUMMARY.set(execution, "");
    }
}
