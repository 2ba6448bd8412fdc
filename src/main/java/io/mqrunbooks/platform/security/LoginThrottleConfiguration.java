package io.mqrunbooks.platform.security;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The per-address throttle of refused logins, before every authentication filter (docs/security.md). */
@Configuration
@EnableConfigurationProperties(LoginThrottleProperties.class)
public class LoginThrottleConfiguration {

    @Bean
    public LoginThrottle loginThrottle(LoginThrottleProperties settings) {
        return new LoginThrottle(settings, Clock.systemUTC());
    }

    @Bean
    public FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle) {
        FilterRegistrationBean<LoginThrottleFilter> registration =
                new FilterRegistrationBean<>(new LoginThrottleFilter(throttle));
        registration.setName("login-throttle");
        registration.addUrlPatterns("/engine-rest/*", "/api/*", "/reports/*", "/runs/*", "/lab/*", "/actuator/*",
                "/camunda/api/*");
        // After the security headers (and a trusted proxy's forwarded address), before any password is checked.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
