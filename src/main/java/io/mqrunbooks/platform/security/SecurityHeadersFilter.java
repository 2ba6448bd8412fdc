package io.mqrunbooks.platform.security;

import io.mqrunbooks.evidence.report.RunReportHtml;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browser hardening headers on every response of the app's own pages and APIs (reports, {@code /api},
 * {@code /engine-rest}, actuator, errors), set before any other filter runs so that 401, 403 and 404 answers carry
 * them too. The Camunda webapps are left out: they send their own hardening headers, among them a
 * Content-Security-Policy with the nonce their scripts need, and a second policy would be enforced on top of it.
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

    /** Same-origin only, no inline script, the report pages' one inline style by its hash, never in a frame. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; style-src 'self' "
            + RunReportHtml.STYLE_CSP_SOURCE + "; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final String camundaWebappPath;

    public SecurityHeadersFilter(String camundaWebappPath) {
        this.camundaWebappPath = camundaWebappPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        // No address leaves for another site; our own posts keep their Origin, which SameOriginRequests checks.
        response.setHeader("Referrer-Policy", "same-origin");
        if (request.isSecure()) {
            // Once a browser has reached the app over TLS, it never falls back to plain HTTP for a year.
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(camundaWebappPath) || path.startsWith(camundaWebappPath + "/");
    }

    /** Error pages are rendered on a second dispatch; they get the headers as well. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
