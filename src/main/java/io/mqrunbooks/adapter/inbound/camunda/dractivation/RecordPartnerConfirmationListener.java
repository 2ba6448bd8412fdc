package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** On completion of a partner task: who confirmed at the partner, when, and which operator recorded it. */
@Component
@Lazy
public class RecordPartnerConfirmationListener implements TaskListener {

    private final DrActivationRuntime runtime;

    public RecordPartnerConfirmationListener(DrActivationRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void notify(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String recordedBy = authentication != null ? authentication.getUserId() : task.getAssignee();
        Map<String, Object> confirmation = new LinkedHashMap<>();
        confirmation.put("channel", task.getVariable(PARTNER_CHANNEL));
        confirmation.put("confirmedBy", task.getVariable(PARTNER_CONFIRMED_BY));
        confirmation.put("confirmedAt", String.valueOf(task.getVariable(PARTNER_CONFIRMED_AT)));
        confirmation.put("firewallTicket", task.getVariable(FIREWALL_TICKET_REFERENCE));
        confirmation.put("recordedBy", recordedBy);
        confirmation.put("recordedAt", runtime.now().toString());
        List<Map<String, Object>> all = new ArrayList<>();
        List<Map<String, Object>> before = DrActivationRuntime.readJson(task.getExecution().getProcessInstance(),
                PARTNER_CONFIRMATIONS, new TypeReference<>() { });
        if (before != null) {
            all.addAll(before);
        }
        all.add(confirmation);
        DrActivationRuntime.writeJson(task.getExecution().getProcessInstance(), PARTNER_CONFIRMATIONS, all);
    }
}
