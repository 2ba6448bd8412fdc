package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.jersey.JerseyProperties;
import org.springframework.boot.autoconfigure.web.servlet.JerseyApplicationPath;

/**
 * Review F: the engine REST API's authentication is registered where Jersey serves the API. Jersey run as a filter
 * ({@code spring.jersey.type=filter}, order 0) answered an anonymous variable write with 204 before the authentication
 * (10) and the guard (12) ran; such a start is refused now, as is an API at the root.
 */
class RestApiPathsTest {

    private final RestApiAuthenticationConfiguration configuration = new RestApiAuthenticationConfiguration();

    @Test
    void theAuthenticationIsRegisteredWhereJerseyServesTheApi() {
        assertThat(configuration.engineRestAuthenticationFilter(path("/rest/"),
                new JerseyProperties()).getUrlPatterns()).containsExactly("/rest/*");
        assertThat(EngineApiGuard.urlPatterns("/rest", "/ops")).containsExactly("/rest/*", "/ops/api/*");
    }

    @Test
    void jerseyAsAFilterBeforeTheAuthenticationIsRefusedAtStart() {
        JerseyProperties asFilter = new JerseyProperties();
        asFilter.setType(JerseyProperties.Type.FILTER);

        assertThatThrownBy(() -> configuration.engineRestAuthenticationFilter(
                path("/engine-rest"), asFilter))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.jersey.type must be servlet");
    }

    @Test
    void anApiAtTheRootIsRefusedAtStart() {
        assertThatThrownBy(() -> configuration.engineRestAuthenticationFilter(path("/"),
                new JerseyProperties()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not the root");
    }

    private static JerseyApplicationPath path(String path) {
        return () -> path;
    }
}
