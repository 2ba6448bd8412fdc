package io.mqrunbooks.platform.security;

import jakarta.servlet.DispatcherType;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts {@link SecurityHeadersFilter} in front of everything, ahead of the authentication filters. */
@Configuration
public class SecurityHeadersConfiguration {

    @Bean
    public FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter(CamundaBpmProperties camunda) {
        FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(
                new SecurityHeadersFilter(camunda.getWebapp().getApplicationPath()));
        registration.setName("security-headers");
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
