package io.mqrunbooks.adapter.inbound.camunda.generic;

import io.mqrunbooks.application.generic.GenericSteps;
import io.mqrunbooks.application.port.out.MqAdminPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The generic steps' application service over the (guarded) admin port. */
@Configuration
@Lazy
public class GenericStepsConfiguration {

    @Bean
    GenericSteps genericSteps(MqAdminPort admin) {
        return new GenericSteps(admin);
    }
}
