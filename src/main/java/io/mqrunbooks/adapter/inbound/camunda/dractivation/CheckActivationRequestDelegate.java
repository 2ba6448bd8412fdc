package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.adapter.inbound.camunda.RunbookWaits;
import io.mqrunbooks.application.dractivation.ActivationRequests;
import io.mqrunbooks.application.dractivation.ActivationTarget;
import io.mqrunbooks.application.dractivation.DrActivationSettings;
import io.mqrunbooks.platform.runbook.Refusals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Checks the declaration against the inventory; an unknown queue manager is refused and the run ends with the reason.
 * Sets the run's poll interval: the configured one, or the shorter one the sealed start chose.
 */
@Component
@Lazy
public class CheckActivationRequestDelegate implements JavaDelegate {

    private final ActivationRequests requests;
    private final DrActivationSettings settings;
    private final RunbookWaits waits;

    public CheckActivationRequestDelegate(ActivationRequests requests, DrActivationSettings settings,
                                          RunbookWaits waits) {
        this.requests = requests;
        this.settings = settings;
        this.waits = waits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ActivationTarget target = Refusals.decide(execution, () -> requests.check(QUEUE_MANAGER.getOrNull(execution),
                REASON.getOrNull(execution), INCIDENT.getOrNull(execution), DECLARED_BY.getOrNull(execution),
                CLIENT_CHANNEL.getOrNull(execution)));
        DrActivationVariables.putTarget(execution, target);
        POLL_INTERVAL.set(execution, waits.forRun(execution.getProcessInstanceId(), POLL_INTERVAL.name(),
                settings.pollInterval()).toString());
    }
}
