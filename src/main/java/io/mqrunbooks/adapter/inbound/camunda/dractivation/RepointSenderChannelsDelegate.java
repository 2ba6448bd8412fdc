package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import com.fasterxml.jackson.core.type.TypeReference;
import io.mqrunbooks.application.dractivation.PartnerChannels;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** ALTER CHANNEL ... CONNAME where it differs, START CHANNEL where not running; the wait for RUNNING begins. */
@Component
@Lazy
public class RepointSenderChannelsDelegate implements JavaDelegate {

    private final PartnerChannels partners;
    private final DrActivationRuntime runtime;

    public RepointSenderChannelsDelegate(PartnerChannels partners, DrActivationRuntime runtime) {
        this.partners = partners;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> channels = DrActivationRuntime.readJson(execution, SENDER_CHANNELS, new TypeReference<>() { });
        PartnerChannels.Repointing repointing = partners.repointAndStart(DrActivationVariables.target(execution), channels);
        repointing.done().forEach(line -> DrActivationRuntime.appendLine(execution, CHANNEL_SUMMARY, line));
        DrActivationRuntime.writeJson(execution, TRANSMISSION_QUEUES, repointing.transmissionQueues());
        execution.setVariable(CHANNELS_RUNNING, false);
        execution.setVariable(CHANNEL_TIME_UP, false);
        runtime.startWait(execution, CHANNEL_DEADLINE, runtime.settings().channelLimit());
    }
}
