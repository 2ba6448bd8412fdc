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
                INCIDENT.getOrNull(execution));
        PARTNER_TASKS.set(execution, tasks);
        SENDER_CHANNELS.set(execution, tasks.stream().map(PartnerChannels.PartnerTask::channel).toList());
        PARTNER_CONFIRMATIONS.set(execution, List.of());
        PARTNER_COUNT.set(execution, tasks.size());
    }
}
