package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import com.fasterxml.jackson.core.type.TypeReference;
import io.mqrunbooks.application.dractivation.PartnerChannels;
import java.util.List;
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
    private final DrActivationRuntime runtime;

    public CheckSenderChannelsDelegate(PartnerChannels partners, DrActivationRuntime runtime) {
        this.partners = partners;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> channels = DrActivationRuntime.readJson(execution, SENDER_CHANNELS, new TypeReference<>() { });
        Map<String, String> statuses = partners.statuses(DrActivationVariables.target(execution), channels);
        boolean allRunning = statuses.values().stream().allMatch("RUNNING"::equals);
        execution.setVariable(CHANNEL_STATUS_SUMMARY, DrActivationRuntime.fit(statuses.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"))));
        execution.setVariable(CHANNELS_RUNNING, allRunning);
        execution.setVariable(CHANNEL_TIME_UP, !allRunning && runtime.waitedTooLong(execution, CHANNEL_DEADLINE));
        if (allRunning) {
            runtime.mark(execution, "channelsRunning");
        }
    }
}
