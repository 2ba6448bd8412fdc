package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** On completion of a partner task: who confirmed at the partner, when, and which operator recorded it. */
@Component
@Lazy
public class RecordPartnerConfirmationListener implements TaskListener {

    private final Clock clock;

    public RecordPartnerConfirmationListener(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String recordedBy = authentication != null ? authentication.getUserId() : task.getAssignee();
        Map<String, Object> confirmation = new LinkedHashMap<>();
        confirmation.put("channel", PARTNER_CHANNEL.getOrNull(task));
        confirmation.put("confirmedBy", PARTNER_CONFIRMED_BY.getOrNull(task));
        confirmation.put("confirmedAt", String.valueOf(task.getVariable(PARTNER_CONFIRMED_AT.name())));
        confirmation.put("firewallTicket", FIREWALL_TICKET_REFERENCE.getOrNull(task));
        confirmation.put("recordedBy", recordedBy);
        confirmation.put("recordedAt", clock.instant().toString());
        DelegateExecution run = task.getExecution().getProcessInstance();
        List<Map<String, Object>> all = new ArrayList<>(PARTNER_CONFIRMATIONS.getOrDefault(run, List.of()));
        all.add(confirmation);
        PARTNER_CONFIRMATIONS.set(run, all);
    }
}
