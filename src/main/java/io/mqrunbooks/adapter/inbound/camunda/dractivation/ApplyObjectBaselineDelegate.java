package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.mqrunbooks.application.baseline.BaselineApplyException;
import io.mqrunbooks.application.dractivation.ObjectBaseline;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * DEFINE ... REPLACE of the baseline objects the backup lacks or holds differently, then a verifying export. The
 * baseline is loaded from the store by the id the run holds and refused unless its SHA-256 matches.
 */
@Component
@Lazy
public class ApplyObjectBaselineDelegate implements JavaDelegate {

    private final ObjectBaseline baseline;

    public ApplyObjectBaselineDelegate(ObjectBaseline baseline) {
        this.baseline = baseline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        JsonNode stored = BASELINE.getOrNull(execution);
        if (stored == null || !stored.path(BASELINE_ID).isIntegralNumber() || !stored.path(BASELINE_SHA256).isTextual()) {
            throw new BaselineApplyException("Variable " + BASELINE.name() + " does not name a stored baseline by id "
                    + "and sha256: nothing applied");
        }
        ObjectBaseline.Report report = baseline.applyAndVerify(DrActivationVariables.target(execution),
                new ObjectBaseline.Reference(stored.get(BASELINE_ID).asLong(), stored.get(BASELINE_SHA256).asText()));
        BASELINE_REPORT.set(execution, report.summary());
    }
}
