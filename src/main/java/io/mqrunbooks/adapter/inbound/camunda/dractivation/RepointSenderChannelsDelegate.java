package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.application.dractivation.DrActivationSettings;
import io.mqrunbooks.application.dractivation.PartnerChannels;
import io.mqrunbooks.platform.runbook.Deadlines;
import io.mqrunbooks.platform.runbook.RunText;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** ALTER CHANNEL ... CONNAME where it differs, START CHANNEL where not running; the wait for RUNNING begins. */
@Component
@Lazy
public class RepointSenderChannelsDelegate implements JavaDelegate {

    private final PartnerChannels partners;
    private final DrActivationSettings settings;
    private final Clock clock;

    public RepointSenderChannelsDelegate(PartnerChannels partners, DrActivationSettings settings, Clock clock) {
        this.partners = partners;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PartnerChannels.Repointing repointing = partners.repointAndStart(DrActivationVariables.target(execution),
                SENDER_CHANNELS.getOrNull(execution));
        repointing.done().forEach(line -> RunText.appendLine(execution, CHANNEL_SUMMARY, line));
        TRANSMISSION_QUEUES.set(execution, repointing.transmissionQueues());
        CHANNELS_RUNNING.set(execution, false);
        CHANNEL_TIME_UP.set(execution, false);
        Deadlines.start(execution, CHANNEL_DEADLINE, clock, settings.channelLimit());
    }
}
