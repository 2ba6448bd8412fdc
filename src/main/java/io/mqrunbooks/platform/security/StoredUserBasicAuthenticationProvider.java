package io.mqrunbooks.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/** The engine REST API's HTTP Basic login, for user ids exactly as stored ({@link StoredUserIds}). */
public class StoredUserBasicAuthenticationProvider extends HttpBasicAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
        if (!result.isAuthenticated() && result.getAuthenticatedUser() != null) {
            RefusedLogins.log(request, result.getAuthenticatedUser());
        }
        if (result.isAuthenticated()
                && !StoredUserIds.isStored(engine.getIdentityService(), result.getAuthenticatedUser())) {
            return AuthenticationResult.unsuccessful(result.getAuthenticatedUser());
        }
        return result;
    }
}
