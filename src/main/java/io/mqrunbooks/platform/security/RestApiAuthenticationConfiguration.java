package io.mqrunbooks.platform.security;

import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.platform.forms.InventoryFormFilter;
import io.mqrunbooks.platform.forms.ProcessForms;
import io.mqrunbooks.platform.run.RunRecords;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jersey.JerseyProperties;
import org.springframework.boot.autoconfigure.web.servlet.JerseyApplicationPath;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API needs HTTP Basic credentials of an engine user, named exactly as stored; anonymous
 * requests get 401.
 * With authentication on, the engine's authorizations decide what each user may see; what each role may
 * call, and with which values, is the {@link EngineApiGuard}'s allow-list, in front of both the REST API and
 * the webapps' copy of it.
 */
@Configuration
public class RestApiAuthenticationConfiguration {

    /**
     * Where the engine REST API is served ({@code spring.jersey.application-path}, else Camunda's {@code /engine-rest}).
     * Its authentication and the guard follow it: registered for {@code /engine-rest} alone, the API moved elsewhere
     * answered anyone, unauthenticated, with no authorization checked (Review F).
     */
    static String restPath(JerseyApplicationPath jersey) {
        String path = jersey.getPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.isEmpty()) {
            throw new IllegalStateException("spring.jersey.application-path must name a path of its own for the engine"
                    + " REST API (e.g. /engine-rest), not the root: its authentication and allow-list apply there");
        }
        return path;
    }

    @Bean
    public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter(
            JerseyApplicationPath jersey, JerseyProperties jerseyProperties) {
        if (jerseyProperties.getType() != JerseyProperties.Type.SERVLET) {
            // As a filter, Jersey (order 0 by default) answers before the authentication and the guard below run:
            // anyone's call, unauthenticated, reached the engine with no authorization checked (Review F).
            throw new IllegalStateException("spring.jersey.type must be servlet: the engine REST API's authentication"
                    + " and allow-list are filters in front of it, and Jersey as a filter would answer before them");
        }
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter("authentication-provider", StoredUserBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns(restPath(jersey) + "/*");
        registration.setOrder(10);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<ApiAuthenticationFilter> productApiAuthenticationFilter(ApiAuthenticationFilter filter) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("product-api-authentication");
        registration.addUrlPatterns("/api/*", "/reports/*", "/runs/*", "/lab/*");
        registration.setOrder(11);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<EngineApiGuard> engineApiGuard(ProcessEngine engine, ProcessForms forms,
                                                                 ObjectProvider<Estate> estate, RunRecords runs,
                                                                 JerseyApplicationPath jersey,
                                                                 CamundaBpmProperties camunda) {
        String restPath = restPath(jersey);
        String webappPath = camunda.getWebapp().getApplicationPath();
        FilterRegistrationBean<EngineApiGuard> registration =
                new FilterRegistrationBean<>(new EngineApiGuard(engine, forms, estate, runs, restPath, webappPath));
        registration.setName("engine-api-guard");
        // Wherever the API and the webapps are served, not only /engine-rest and /camunda (Review F).
        registration.addUrlPatterns(EngineApiGuard.urlPatterns(restPath, webappPath));
        // After the REST API's authentication (10), which it reads the caller from.
        registration.setOrder(12);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<InventoryFormFilter> inventoryFormFilter(ObjectProvider<Estate> estate,
                                                                           JerseyApplicationPath jersey,
                                                                           CamundaBpmProperties camunda) {
        String restPath = restPath(jersey);
        String webappPath = camunda.getWebapp().getApplicationPath();
        FilterRegistrationBean<InventoryFormFilter> registration =
                new FilterRegistrationBean<>(new InventoryFormFilter(estate, restPath, webappPath));
        registration.setName("inventory-form-filter");
        registration.addUrlPatterns(EngineApiGuard.urlPatterns(restPath, webappPath));
        // After the guard (12): only a caller it let through reads the form.
        registration.setOrder(13);
        return registration;
    }
}
