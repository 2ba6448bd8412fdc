package io.mqrunbooks.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of every login (HTTP Basic on {@code /engine-rest}, {@code /api}, {@code /actuator} and the product's
 * pages, and the webapps' {@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}): a throttled client
 * address gets 429 with Retry-After before any password is checked; a login answered 401 counts as refused for its
 * address.
 * The address is the request's remote address: the socket's, or the proxy's forwarded one only when the server is
 * configured to trust a proxy ({@code server.forward-headers-strategy} with the proxies named, {@link TrustedProxies}).
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottleFilter.class);
    private final LoginThrottle throttle;
    private final String webappPath;

    /** @param webappPath where the webapps are served ({@code camunda.bpm.webapp.application-path}) */
    public LoginThrottleFilter(LoginThrottle throttle, String webappPath) {
        this.throttle = throttle;
        this.webappPath = webappPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isLogin(request)) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.throttled(address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds());
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(seconds));
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"Too many refused logins from " + jsonSafe(address)
                    + ": no login from this address is checked for " + seconds + " seconds; each attempt meanwhile"
                    + " starts the wait again\"}");
            return;
        }
        chain.doFilter(request, response);
        // logged once when it starts, not per attempt: a guesser does not fill the log
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED && throttle.refused(address)) {
            LOG.warn("Throttling logins from {} (last on {}): too many refused logins from that address; each further"
                    + " attempt is answered 429 unchecked", address, request.getRequestURI());
        }
    }

    /** A request that presents a password: Basic credentials, or the webapps' login form. */
    boolean isLogin(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            // Wherever it is sent: the REST API may be served under the webapps' path (Review G).
            return true;
        }
        // The decoded path Tomcat routes on, as EngineApiGuard reads it: on the raw URI an encoded login
        // (.../log%69n/cockpit) reached the webapps' login uncounted (Review G).
        String path = request.getServletPath() + Optional.ofNullable(request.getPathInfo()).orElse("");
        return "POST".equalsIgnoreCase(request.getMethod())
                && path.startsWith(webappPath + "/api/admin/auth/user/") && path.contains("/login");
    }

    private static String jsonSafe(String text) {
        return String.valueOf(text).replaceAll("[^0-9A-Za-z.:%_-]", "?");
    }
}
