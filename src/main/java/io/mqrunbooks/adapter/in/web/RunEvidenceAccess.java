package io.mqrunbooks.adapter.in.web;

import io.mqrunbooks.platform.security.CurrentUser;
import io.mqrunbooks.platform.security.Groups;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * Who may read run evidence: auditors, operators and Camunda administrators. Nobody may change it: the
 * controllers only have GET handlers. Authentication itself is the platform's filter's job.
 */
final class RunEvidenceAccess {

    static final String[] READERS = {Groups.AUDITORS, Groups.OPERATORS, Groups.ADMINS};
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RunEvidenceAccess() {
    }

    static CurrentUser requireReader(HttpServletRequest request) {
        CurrentUser user = CurrentUser.of(request);
        if (!user.inAnyGroup(READERS)) {
            throw new AccessDenied("User '" + user.userId() + "' may not read run evidence: that needs membership of "
                    + "one of the groups " + String.join(", ", READERS) + ".");
        }
        return user;
    }

    static String validRunId(String runId) {
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("Run id must be 1 to 64 letters, digits, '.', '_', ':' or '-'.");
        }
        return runId;
    }

    static final class AccessDenied extends RuntimeException {
        AccessDenied(String message) {
            super(message);
        }
    }
}
