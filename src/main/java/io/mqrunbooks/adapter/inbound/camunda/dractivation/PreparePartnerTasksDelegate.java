package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.application.dractivation.PartnerChannels;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** One task per channel partner of the queue manager (inventory channelPartners), with the filled-in ticket. */
@Component
@Lazy
public class PreparePartnerTasksDelegate implements JavaDelegate {

    private final PartnerChannels partners;

    public PreparePartnerTasksDelegate(PartnerChannels partners) {
        this.partners = partners;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<PartnerChannels.PartnerTask> tasks = partners.tasks(DrActivationVariables.target(execution),
                (String) execution.getVariable(INCIDENT));
        DrActivationRuntime.writeJson(execution, PARTNER_TASKS, tasks);
        DrActivationRuntime.writeJson(execution, SENDER_CHANNELS, tasks.stream().map(PartnerChannels.PartnerTask::channel).toList());
        DrActivationRuntime.writeJson(execution, PARTNER_CONFIRMATIONS, List.of());
        execution.setVariable(PARTNER_COUNT, tasks.size());
    }
}
