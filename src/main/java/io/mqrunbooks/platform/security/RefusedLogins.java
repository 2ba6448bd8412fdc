package io.mqrunbooks.platform.security;

import io.mqrunbooks.mq.HostText;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per refused HTTP Basic login: the name tried and the client's address, never the password.
 * The engine logs each login delay and lock it sets (IDENTITY-01001/01002); this line says where guesses come from.
 */
final class RefusedLogins {

    private static final Logger LOG = LoggerFactory.getLogger(RefusedLogins.class);

    private RefusedLogins() {
    }

    static void log(HttpServletRequest request, String userId) {
        // The name is the caller's text: no line breaks (U+2028 and NEL too), control or bidi characters reach the log.
        String name = userId.length() > 64 ? userId.substring(0, 64) + "..." : userId;
        LOG.warn("Refused HTTP Basic login for user '{}' from {} on {}", HostText.oneLine(name),
                request.getRemoteAddr(), request.getRequestURI());
    }
}
