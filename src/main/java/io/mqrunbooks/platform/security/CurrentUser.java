package io.mqrunbooks.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Set;

/**
 * The authenticated user of a request to the product's own pages and APIs ({@code /api/**},
 * {@code /reports/**}, {@code /runs/**}, {@code /lab/**}). Set by {@code ApiAuthenticationFilter} from the Camunda webapp session
 * or HTTP Basic credentials; a request without one never reaches a controller.
 */
public record CurrentUser(String userId, Set<String> groups) {

    public static final String REQUEST_ATTRIBUTE = CurrentUser.class.getName();

    public CurrentUser {
        groups = Set.copyOf(groups);
    }

    public boolean inAnyGroup(String... candidates) {
        return Arrays.stream(candidates).anyMatch(groups::contains);
    }

    /** The user the filter authenticated; fails loudly if a controller is reached without one. */
    public static CurrentUser of(HttpServletRequest request) {
        Object user = request.getAttribute(REQUEST_ATTRIBUTE);
        if (user instanceof CurrentUser current) {
            return current;
        }
        throw new IllegalStateException("No authenticated user on " + request.getRequestURI());
    }
}
