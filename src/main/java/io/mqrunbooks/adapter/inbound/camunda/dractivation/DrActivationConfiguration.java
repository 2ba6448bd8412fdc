package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import io.mqrunbooks.application.baseline.BaselineStore;
import io.mqrunbooks.application.dractivation.ActivationRequests;
import io.mqrunbooks.application.dractivation.BackupActivation;
import io.mqrunbooks.application.dractivation.ClusterChannels;
import io.mqrunbooks.application.dractivation.DrainWatch;
import io.mqrunbooks.application.dractivation.MessageFlowProof;
import io.mqrunbooks.application.dractivation.ObjectBaseline;
import io.mqrunbooks.application.dractivation.PartnerChannels;
import io.mqrunbooks.application.dractivation.PrimaryFencing;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.estate.Estate;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The DR activation's application services over the ports. Lazy: built when a run first needs them, so the
 * app starts in every profile. Settings: {@link io.mqrunbooks.application.dractivation.DrActivationSettings}.
 */
@Configuration
@Lazy
public class DrActivationConfiguration {

    /** The runbooks' clock: deadlines and phase marks follow it (tests give their own). */
    @Bean
    Clock runbookClock() {
        return Clock.systemUTC();
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
    MessageFlowProof drActivationMessageFlowProof(MqAdminPort admin, Clock clock) {
        return new MessageFlowProof(admin, clock);
    }

    @Bean
    DrainWatch drActivationDrainWatch(MqAdminPort admin) {
        return new DrainWatch(admin);
    }
}
