package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import io.mqrunbooks.application.baseline.BaselineStore;
import io.mqrunbooks.application.dractivation.ActivationRequests;
import io.mqrunbooks.application.dractivation.BackupActivation;
import io.mqrunbooks.application.dractivation.ClusterChannels;
import io.mqrunbooks.application.dractivation.DrActivationSettings;
import io.mqrunbooks.application.dractivation.DrainWatch;
import io.mqrunbooks.application.dractivation.MessageFlowProof;
import io.mqrunbooks.application.dractivation.ObjectBaseline;
import io.mqrunbooks.application.dractivation.PartnerChannels;
import io.mqrunbooks.application.dractivation.PrimaryFencing;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.estate.Estate;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The DR activation's application services over the ports. Lazy: built when a run first needs them, so the
 * app starts in every profile. Settings: {@code mqrunbooks.dr-activation.*} (docs/runbook-dr-activation.md).
 */
@Configuration
@Lazy
public class DrActivationConfiguration {

    @Bean
    DrActivationSettings drActivationSettings(
            @Value("${mqrunbooks.dr-activation.poll-interval:PT10S}") Duration pollInterval,
            @Value("${mqrunbooks.dr-activation.primary-end-limit:PT5M}") Duration primaryEndLimit,
            @Value("${mqrunbooks.dr-activation.promotion-limit:PT10M}") Duration promotionLimit,
            @Value("${mqrunbooks.dr-activation.backup-start-limit:PT5M}") Duration backupStartLimit,
            @Value("${mqrunbooks.dr-activation.channel-limit:PT5M}") Duration channelLimit,
            @Value("${mqrunbooks.dr-activation.cluster-limit:PT5M}") Duration clusterLimit,
            @Value("${mqrunbooks.dr-activation.drain-limit:PT30M}") Duration drainLimit,
            @Value("${mqrunbooks.dr-activation.drain-level:0}") int drainLevel,
            @Value("${mqrunbooks.dr-activation.test-queue:MQRUNBOOKS.TEST}") String testQueue,
            @Value("${mqrunbooks.dr-activation.test-message-wait:PT5S}") Duration testMessageWait) {
        if (drainLevel < 0) {
            throw new IllegalArgumentException("mqrunbooks.dr-activation.drain-level: " + drainLevel
                    + " is negative; give a total transmission queue depth of 0 or more");
        }
        io.mqrunbooks.estate.NameRules.checkMqName(testQueue).ifPresent(problem -> {
            throw new IllegalArgumentException("mqrunbooks.dr-activation.test-queue: " + problem);
        });
        return new DrActivationSettings(pollInterval, primaryEndLimit, promotionLimit, backupStartLimit, channelLimit,
                clusterLimit, drainLimit, drainLevel, testQueue, testMessageWait);
    }

    @Bean
    DrActivationRuntime drActivationRuntime(DrActivationSettings settings, ObjectProvider<Clock> clock) {
        return new DrActivationRuntime(settings, clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    ActivationRequests drActivationRequests(Estate estate) {
        return new ActivationRequests(estate);
    }

    @Bean
    PrimaryFencing drActivationPrimaryFencing(MqControlPort control) {
        return new PrimaryFencing(control);
    }

    @Bean
    BackupActivation drActivationBackup(MqControlPort control, MqAdminPort admin) {
        return new BackupActivation(control, admin);
    }

    @Bean
    ObjectBaseline drActivationObjectBaseline(MqAdminPort admin, BaselineStore baselines) {
        return new ObjectBaseline(admin, baselines);
    }

    @Bean
    PartnerChannels drActivationPartnerChannels(Estate estate, MqAdminPort admin) {
        return new PartnerChannels(estate, admin);
    }

    @Bean
    ClusterChannels drActivationClusterChannels(Estate estate, MqAdminPort admin) {
        return new ClusterChannels(estate, admin);
    }

    @Bean
    MessageFlowProof drActivationMessageFlowProof(MqAdminPort admin, DrActivationRuntime runtime) {
        return new MessageFlowProof(admin, runtime.clock());
    }

    @Bean
    DrainWatch drActivationDrainWatch(MqAdminPort admin) {
        return new DrainWatch(admin);
    }
}
