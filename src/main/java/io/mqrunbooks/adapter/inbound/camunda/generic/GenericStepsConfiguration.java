package io.mqrunbooks.adapter.inbound.camunda.generic;

import io.mqrunbooks.application.generic.GenericSteps;
import io.mqrunbooks.application.generic.QueueManagerControlSteps;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.estate.Estate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The generic steps' application services over the (guarded) admin and control ports. */
@Configuration
@Lazy
public class GenericStepsConfiguration {

    @Bean
    GenericSteps genericSteps(MqAdminPort admin) {
        return new GenericSteps(admin);
    }

    @Bean
    QueueManagerControlSteps queueManagerControlSteps(Estate estate, MqControlPort control) {
        return new QueueManagerControlSteps(estate, control);
    }
}
