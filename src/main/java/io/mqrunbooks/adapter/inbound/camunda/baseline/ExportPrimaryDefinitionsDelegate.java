package io.mqrunbooks.adapter.inbound.camunda.baseline;

import static io.mqrunbooks.adapter.inbound.camunda.baseline.BaselineVariables.*;

import io.mqrunbooks.application.baseline.BaselineService;
import io.mqrunbooks.platform.runbook.RunText;
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
        BaselineService.Capture capture = baselines.capture(QUEUE_MANAGER.get(execution), execution.getProcessInstanceId());
        BASELINE_ID.setLocal(execution, capture.baseline().id());
        BASELINE_NEW.setLocal(execution, capture.newVersion());
        CHANGE_SUMMARY.setLocal(execution, RunText.fit(capture.summary(),
                capture.previous() == null ? "/api/baselines/" + capture.baseline().id() + ".mqsc"
                        : "/api/baselines/diff?from=" + capture.previous().id() + "&to=" + capture.baseline().id()));
    }
}
