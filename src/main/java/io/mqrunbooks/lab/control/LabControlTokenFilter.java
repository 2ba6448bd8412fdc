package io.mqrunbooks.lab.control;

import io.mqrunbooks.platform.security.CurrentUser;
import io.mqrunbooks.platform.security.Groups;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The standalone lab's authentication: the bearer token of {@code <data>/lab/control-token}, which only the
 * lab's owner can read. Its holder administers this lab, so the controller sees an administrator.
 */
final class LabControlTokenFilter extends OncePerRequestFilter {

    static final String TOKEN_HOLDER = "lab-control-token";

    private final byte[] expectedAuthorization;
    private final Path tokenFile;

    LabControlTokenFilter(String token, Path tokenFile) {
        this.expectedAuthorization = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.tokenFile = tokenFile;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        if (authorization == null
                || !MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8), expectedAuthorization)) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer");
            response.setContentType(LabControlController.TEXT);
            response.getWriter().write("lab control needs 'Authorization: Bearer <token>' with the token of "
                    + tokenFile + "\n");
            return;
        }
        request.setAttribute(CurrentUser.REQUEST_ATTRIBUTE, new CurrentUser(TOKEN_HOLDER, Set.of(Groups.ADMINS)));
        chain.doFilter(request, response);
    }
}
