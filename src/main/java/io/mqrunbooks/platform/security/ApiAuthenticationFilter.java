package io.mqrunbooks.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the product's own pages and APIs: a user already logged in to the Camunda webapps (same
 * session), or HTTP Basic credentials checked against the engine's users (named exactly as stored). Anyone
 * else gets 401; a change another site may have posted gets 403 ({@link SameOriginRequests}).
 * Either way the user and their groups are read from the identity store on each request, not taken from the
 * session as they were at login: a deleted or permanently locked user gets 401, a user removed from a group
 * loses its role at once (two indexed queries, as the Basic login already makes; docs/security.md).
 */
@Component
public class ApiAuthenticationFilter extends OncePerRequestFilter {

    private static final String BASIC = "Basic ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProcessEngine processEngine;

    public ApiAuthenticationFilter(ProcessEngine processEngine) {
        this.processEngine = processEngine;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<CurrentUser> sessionUser = fromWebappSession(request.getSession(false), processEngine.getName())
                .flatMap(atLogin -> current(processEngine, atLogin.userId()));
        Optional<CurrentUser> user = sessionUser.or(() -> fromBasic(request));
        Optional<String> crossSite = user.isEmpty() ? Optional.empty()
                : SameOriginRequests.refusal(request, sessionUser.isPresent());
        if (crossSite.isPresent()) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.getWriter().write(JSON.writeValueAsString(Map.of("error", crossSite.get())));
            return;
        }
        if (user.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"mq-runbooks\", charset=\"UTF-8\"");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"Authentication required: log in to the Camunda webapps"
                    + " or send HTTP Basic credentials\"}");
            return;
        }
        IdentityService identity = processEngine.getIdentityService();
        request.setAttribute(CurrentUser.REQUEST_ATTRIBUTE, user.get());
        identity.setAuthentication(user.get().userId(), List.copyOf(user.get().groups()));
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The user logged in to the Camunda webapps in this session, for the given engine, as at login. */
    static Optional<CurrentUser> fromWebappSession(HttpSession session, String engineName) {
        if (session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        Authentication authentication = authentications == null ? null
                : authentications.getAuthenticationForProcessEngine(engineName);
        if (authentication instanceof UserAuthentication userAuthentication && userAuthentication.getName() != null) {
            List<String> groups = userAuthentication.getGroupIds();
            return Optional.of(new CurrentUser(userAuthentication.getName(),
                    groups == null ? Set.of() : new HashSet<>(groups)));
        }
        return Optional.empty();
    }

    private Optional<CurrentUser> fromBasic(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith(BASIC)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String userId = decoded.substring(0, colon);
        if (!processEngine.getIdentityService().checkPassword(userId, decoded.substring(colon + 1))) {
            RefusedLogins.log(request, userId);
            return Optional.empty();
        }
        return current(processEngine, userId);
    }

    /**
     * The user as the identity store holds them now, with their groups now; empty if deleted, or locked until
     * an administrator unlocks them. A login delay after failed attempts ends no session: an attacker's guesses
     * would otherwise log the real user out.
     */
    static Optional<CurrentUser> current(ProcessEngine engine, String userId) {
        Optional<User> user = StoredUserIds.stored(engine.getIdentityService(), userId);
        if (user.isEmpty() || user.get() instanceof UserEntity entity && entity.getAttempts()
                >= ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getLoginMaxAttempts()) {
            return Optional.empty();
        }
        return Optional.of(new CurrentUser(userId, new HashSet<>(AuthenticationUtil.getGroupsOfUser(engine, userId))));
    }
}
