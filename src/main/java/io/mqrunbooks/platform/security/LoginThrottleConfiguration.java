package io.mqrunbooks.platform.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.JerseyApplicationPath;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/** The per-address throttle of refused logins, before every authentication filter (docs/security.md). */
@Configuration
@EnableConfigurationProperties(LoginThrottleProperties.class)
public class LoginThrottleConfiguration {

    @Bean
    public LoginThrottle loginThrottle(LoginThrottleProperties settings, ServerProperties server,
                                       Environment environment) {
        // the address it counts per is the socket's, or a forwarded one believed only from the proxies named
        TrustedProxies.check(server, environment);
        return new LoginThrottle(settings, Clock.systemUTC());
    }

    @Bean
    public FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle,
                                                                           JerseyApplicationPath jersey,
                                                                           CamundaBpmProperties camunda) {
        String webappPath = camunda.getWebapp().getApplicationPath();
        FilterRegistrationBean<LoginThrottleFilter> registration =
                new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, webappPath));
        registration.setName("login-throttle");
        // wherever the REST API and the webapps are served, as the guard (Review F)
        List<String> patterns = new ArrayList<>(List.of(EngineApiGuard.urlPatterns(
                RestApiAuthenticationConfiguration.restPath(jersey), webappPath)));
        patterns.addAll(List.of("/api/*", "/reports/*", "/runs/*", "/lab/*", "/actuator/*"));
        registration.setUrlPatterns(patterns);
        // After the security headers (and a trusted proxy's forwarded address), before any password is checked.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
