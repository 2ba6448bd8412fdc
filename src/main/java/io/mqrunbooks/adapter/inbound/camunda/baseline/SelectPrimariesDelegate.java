package io.mqrunbooks.adapter.inbound.camunda.baseline;

import io.mqrunbooks.application.baseline.BaselineService;
import io.mqrunbooks.application.baseline.SelectionException;
import io.mqrunbooks.platform.RunVariables;
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
            String primaries = String.join(",", baselines.selectPrimaries(
                    (String) execution.getVariable(BaselineVariables.QUEUE_MANAGERS)));
            execution.setVariable(BaselineVariables.PRIMARIES, primaries);
            execution.setVariable(BaselineVariables.SELECTION_VALID, true);
            execution.setVariable(BaselineVariables.RUN_SUMMARY, "");
        } catch (SelectionException e) {
            execution.setVariable(BaselineVariables.SELECTION_VALID, false);
            execution.setVariable(RunVariables.OUTCOME, "aborted: " + e.getMessage());
        }
    }
}
