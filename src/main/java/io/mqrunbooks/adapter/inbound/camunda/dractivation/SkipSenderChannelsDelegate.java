package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.application.dractivation.PartnerChannels;
import io.mqrunbooks.platform.runbook.RunText;
import java.time.Clock;
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
    private final Clock clock;

    public SkipSenderChannelsDelegate(PartnerChannels partners, Clock clock) {
        this.partners = partners;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> channels = SENDER_CHANNELS.get(execution);
        Map<String, String> statuses = partners.statuses(DrActivationVariables.target(execution), channels);
        String reason = DECISION_REASON.getOrNull(execution);
        statuses.forEach((channel, status) -> {
            if (!"RUNNING".equals(status)) {
                RunText.appendLine(execution, SKIPPED_CHANNELS, channel + " (" + status + "): " + reason);
            }
        });
        SENDER_CHANNELS.set(execution, channels.stream().filter(c -> "RUNNING".equals(statuses.get(c))).toList());
        DrActivationVariables.mark(execution, clock, "channelsRunning");
    }
}
