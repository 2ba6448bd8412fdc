package io.mqrunbooks.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A browser attaches the webapp session cookie (and HTTP Basic credentials it has cached) to a form another
 * site posts here. A request that changes something must therefore show it came from this application's own
 * pages: Fetch Metadata when the browser sends it ({@code Sec-Fetch-Site}, only to https and localhost), else
 * {@code Origin}, which every browser sends on a cross-origin POST (our pages' {@code Referrer-Policy:
 * same-origin} keeps it on their own posts). A request authenticated by the session cookie must carry one of
 * them; a client that is not a browser and sends its own credentials carries neither.
 */
final class SameOriginRequests {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> OWN_FETCH_SITES = Set.of("same-origin", "none");

    private SameOriginRequests() {
    }

    /** Why the request is refused as possibly sent by another site, or empty. */
    static Optional<String> refusal(HttpServletRequest request, boolean sessionAuthenticated) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return Optional.empty();
        }
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !OWN_FETCH_SITES.contains(fetchSite)) {
            return refused("the browser says it comes from another site (Sec-Fetch-Site: " + fetchSite + ")");
        }
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return isOwn(request, origin) ? Optional.empty()
                    : refused("it comes from " + abbreviate(origin) + ", not from this application");
        }
        String referer = request.getHeader("Referer");
        if (referer != null) {
            return isOwn(request, referer) ? Optional.empty()
                    : refused("it comes from " + abbreviate(referer) + ", not from this application");
        }
        return sessionAuthenticated && fetchSite == null
                ? refused("a request with the session cookie must say where it comes from (Origin)")
                : Optional.empty();
    }

    /** Whether the URL's host and port are the ones the request was sent to (directly or through a proxy). */
    private static boolean isOwn(HttpServletRequest request, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return false;
        }
        // The raw authority: java.net.URI gives no host for a name it deems invalid (mq_runbooks), which a browser sends.
        String authority = uri.getRawAuthority();
        if (authority == null || authority.contains("@") || uri.getScheme() == null) {
            return false;
        }
        authority = authority.toLowerCase(Locale.ROOT);
        int colon = authority.lastIndexOf(':');
        boolean hasPort = colon > authority.lastIndexOf(']');
        String host = hasPort ? authority.substring(0, colon) : authority;
        int port;
        try {
            port = hasPort ? Integer.parseInt(authority.substring(colon + 1))
                    : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        } catch (NumberFormatException e) {
            return false;
        }
        String forwarded = request.getHeader("X-Forwarded-Host");
        return sameAuthority(request.getHeader("Host"), host, port)
                || forwarded != null && sameAuthority(forwarded.split(",")[0].strip(), host, port);
    }

    /** A Host header without a port names the scheme's default one, 80 or 443. */
    private static boolean sameAuthority(String hostHeader, String host, int port) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        String value = hostHeader.strip().toLowerCase(Locale.ROOT);
        int colon = value.lastIndexOf(':');
        boolean hasPort = colon > value.lastIndexOf(']');
        String name = hasPort ? value.substring(0, colon) : value;
        if (!name.equals(host)) {
            return false;
        }
        return hasPort ? value.substring(colon + 1).equals(Integer.toString(port)) : port == 80 || port == 443;
    }

    private static Optional<String> refused(String why) {
        return Optional.of("A change is accepted only from this application's own pages: " + why);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
