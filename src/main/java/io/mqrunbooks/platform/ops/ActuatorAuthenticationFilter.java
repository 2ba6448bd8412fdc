package io.mqrunbooks.platform.ops;

import io.mqrunbooks.platform.security.ApiAuthenticationFilter;
import io.mqrunbooks.platform.security.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Actuator access: the health summary is open to anyone (load balancers send no credentials); every other
 * endpoint, and the health details (asked for with HTTP Basic), need an engine user, authenticated exactly as the product's APIs are
 * ({@link ApiAuthenticationFilter}: webapp session or HTTP Basic; anyone else gets its 401). The user is
 * passed on as the request's principal, which is what the actuator's {@code when-authorized} checks.
 */
class ActuatorAuthenticationFilter extends OncePerRequestFilter {

    private final ApiAuthenticationFilter authentication;

    ActuatorAuthenticationFilter(ApiAuthenticationFilter authentication) {
        this.authentication = authentication;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isHealth(request) && !offersCredentials(request)) {
            chain.doFilter(request, response);
            return;
        }
        authentication.doFilter(request, response,
                (authenticated, out) -> chain.doFilter(withPrincipal((HttpServletRequest) authenticated), out));
    }

    private static boolean isHealth(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    private static boolean offersCredentials(HttpServletRequest request) {
        return request.getHeader("Authorization") != null;
    }

    private static HttpServletRequest withPrincipal(HttpServletRequest request) {
        CurrentUser user = (CurrentUser) request.getAttribute(CurrentUser.REQUEST_ATTRIBUTE);
        Principal principal = user::userId;
        return new HttpServletRequestWrapper(request) {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public String getRemoteUser() {
                return user.userId();
            }

            @Override
            public boolean isUserInRole(String role) {
                return user.groups().contains(role);
            }
        };
    }
}
