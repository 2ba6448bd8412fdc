package io.mqrunbooks.adapter.inbound.camunda.baseline;

import io.mqrunbooks.application.baseline.BaselineService;
import io.mqrunbooks.application.baseline.VariableText;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class ExportPrimaryDefinitionsDelegate implements JavaDelegate {

    private final BaselineService baselines;

    public ExportPrimaryDefinitionsDelegate(BaselineService baselines) {
        this.baselines = baselines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String queueManager = (String) execution.getVariable(BaselineVariables.QUEUE_MANAGER);
        BaselineService.Capture capture = baselines.capture(queueManager, execution.getProcessInstanceId());
        execution.setVariableLocal(BaselineVariables.BASELINE_ID, capture.baseline().id());
        execution.setVariableLocal(BaselineVariables.BASELINE_NEW, capture.newVersion());
        execution.setVariableLocal(BaselineVariables.CHANGE_SUMMARY, VariableText.fit(capture.summary(),
                capture.previous() == null ? "/api/baselines/" + capture.baseline().id() + ".mqsc"
                        : "/api/baselines/diff?from=" + capture.previous().id() + "&to=" + capture.baseline().id()));
    }
}
