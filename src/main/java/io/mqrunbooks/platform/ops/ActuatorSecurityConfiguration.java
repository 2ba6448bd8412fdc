package io.mqrunbooks.platform.ops;

import io.mqrunbooks.platform.security.ApiAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link ActuatorAuthenticationFilter} in front of {@code /actuator/*}. */
@Configuration
public class ActuatorSecurityConfiguration {

    @Bean
    public FilterRegistrationBean<ActuatorAuthenticationFilter> actuatorAuthenticationFilter(
            ApiAuthenticationFilter authentication) {
        FilterRegistrationBean<ActuatorAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ActuatorAuthenticationFilter(authentication));
        registration.setName("actuator-authentication");
        registration.addUrlPatterns("/actuator/*");
        registration.setOrder(12);
        return registration;
    }
}
