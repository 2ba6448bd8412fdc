package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.application.dractivation.PartnerChannels;
import io.mqrunbooks.platform.runbook.RunbookVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * When a partner task is created (one per partner, in parallel): its partner from the prepared list by the
 * instance's loopCounter, and local slots for what the form captures so parallel tasks do not overwrite
 * each other.
 */
@Component
@Lazy
public class PreparePartnerTaskListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution instance = task.getExecution();
        PartnerChannels.PartnerTask partner = PARTNER_TASKS.get(instance).get(RunbookVariables.LOOP_COUNTER.get(instance));
        PARTNER_CHANNEL.setLocal(instance, partner.channel());
        PARTNER_SUMMARY.setLocal(instance, partner.summary());
        PARTNER_CONFIRMED_BY.setLocal(instance, null);
        PARTNER_CONFIRMED_AT.setLocal(instance, null);
        FIREWALL_TICKET_REFERENCE.setLocal(instance, null);
        task.setName("Confirm the partner's DR change for " + QUEUE_MANAGER.getOrNull(instance) + ": "
                + partner.partner() + " (" + partner.channel() + ")");
    }
}
