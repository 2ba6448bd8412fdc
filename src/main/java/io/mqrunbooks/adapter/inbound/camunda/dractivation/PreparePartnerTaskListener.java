package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
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
        int index = (Integer) instance.getVariable("loopCounter");
        List<Map<String, String>> partners = DrActivationRuntime.readJson(instance, PARTNER_TASKS, new TypeReference<>() { });
        Map<String, String> partner = partners.get(index);
        instance.setVariableLocal(PARTNER_CHANNEL, partner.get("channel"));
        instance.setVariableLocal(PARTNER_SUMMARY, DrActivationRuntime.fit(partner.get("summary")));
        instance.setVariableLocal(PARTNER_CONFIRMED_BY, null);
        instance.setVariableLocal(PARTNER_CONFIRMED_AT, null);
        instance.setVariableLocal(FIREWALL_TICKET_REFERENCE, null);
        task.setName("Confirm the partner's DR change for " + instance.getVariable(QUEUE_MANAGER) + ": "
                + partner.get("partner") + " (" + partner.get("channel") + ")");
    }
}
