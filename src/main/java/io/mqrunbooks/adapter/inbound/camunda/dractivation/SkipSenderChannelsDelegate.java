package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import com.fasterxml.jackson.core.type.TypeReference;
import io.mqrunbooks.application.dractivation.PartnerChannels;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** The operator chose to go on without the channels that do not run: they are recorded with the reason. */
@Component
@Lazy
public class SkipSenderChannelsDelegate implements JavaDelegate {

    private final PartnerChannels partners;
    private final DrActivationRuntime runtime;

    public SkipSenderChannelsDelegate(PartnerChannels partners, DrActivationRuntime runtime) {
        this.partners = partners;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> channels = DrActivationRuntime.readJson(execution, SENDER_CHANNELS, new TypeReference<>() { });
        Map<String, String> statuses = partners.statuses(DrActivationVariables.target(execution), channels);
        String reason = (String) execution.getVariable(DECISION_REASON);
        statuses.forEach((channel, status) -> {
            if (!"RUNNING".equals(status)) {
                DrActivationRuntime.appendLine(execution, SKIPPED_CHANNELS, channel + " (" + status + "): " + reason);
            }
        });
        DrActivationRuntime.writeJson(execution, SENDER_CHANNELS,
                channels.stream().filter(c -> "RUNNING".equals(statuses.get(c))).toList());
        runtime.mark(execution, "channelsRunning");
    }
}
