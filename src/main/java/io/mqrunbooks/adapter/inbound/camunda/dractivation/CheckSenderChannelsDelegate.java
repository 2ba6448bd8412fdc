package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.application.dractivation.PartnerChannels;
import io.mqrunbooks.platform.runbook.Deadlines;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** DISPLAY CHSTATUS of each sender; past the limit the run asks what to do (retry, skip, abort). */
@Component
@Lazy
public class CheckSenderChannelsDelegate implements JavaDelegate {

    private final PartnerChannels partners;
    private final Clock clock;

    public CheckSenderChannelsDelegate(PartnerChannels partners, Clock clock) {
        this.partners = partners;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, String> statuses = partners.statuses(DrActivationVariables.target(execution),
                SENDER_CHANNELS.getOrNull(execution));
        boolean allRunning = statuses.values().stream().allMatch("RUNNING"::equals);
        CHANNEL_STATUS_SUMMARY.set(execution, statuses.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n")));
        CHANNELS_RUNNING.set(execution, allRunning);
        CHANNEL_TIME_UP.set(execution, !allRunning && Deadlines.passed(execution, CHANNEL_DEADLINE, clock));
        if (allRunning) {
            DrActivationVariables.mark(execution, clock, "channelsRunning");
        }
    }
}
