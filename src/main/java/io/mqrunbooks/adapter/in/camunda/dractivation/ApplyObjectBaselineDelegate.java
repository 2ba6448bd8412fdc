package io.mqrunbooks.adapter.in.camunda.dractivation;

import static io.mqrunbooks.adapter.in.camunda.dractivation.DrActivationVariables.*;

import com.fasterxml.jackson.core.type.TypeReference;
import io.mqrunbooks.application.dractivation.ObjectBaseline;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** DEFINE ... REPLACE of the baseline objects the backup lacks or holds differently, then a verifying export. */
@Component
@Lazy
public class ApplyObjectBaselineDelegate implements JavaDelegate {

    private final ObjectBaseline baseline;

    public ApplyObjectBaselineDelegate(ObjectBaseline baseline) {
        this.baseline = baseline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, String> stored = DrActivationRuntime.readJson(execution, BASELINE, new TypeReference<>() { });
        ObjectBaseline.Report report = baseline.applyAndVerify(DrActivationVariables.target(execution), stored.get("script"));
        execution.setVariable(BASELINE_REPORT, DrActivationRuntime.fit("Baseline " + stored.get("source") + ".\n"
                + report.summary()));
    }
}
