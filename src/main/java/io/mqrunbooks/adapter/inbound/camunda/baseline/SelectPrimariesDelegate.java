package io.mqrunbooks.adapter.inbound.camunda.baseline;

import static io.mqrunbooks.adapter.inbound.camunda.baseline.BaselineVariables.*;

import io.mqrunbooks.application.baseline.BaselineService;
import io.mqrunbooks.application.baseline.SelectionException;
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
        try {
            PRIMARIES.set(execution, String.join(",", baselines.selectPrimaries(QUEUE_MANAGERS.getOrNull(execution))));
            SELECTION_VALID.set(execution, true);
            RUN_SUMMARY.set(execution, "");
        } catch (SelectionException e) {
            SELECTION_VALID.set(execution, false);
            OUTCOME.set(execution, "aborted: " + e.getMessage());
        }
    }
}
