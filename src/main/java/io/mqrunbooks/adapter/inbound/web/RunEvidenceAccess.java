package io.mqrunbooks.adapter.inbound.web;

import io.mqrunbooks.evidence.RunQuery;
import io.mqrunbooks.evidence.report.RunReportService;
import io.mqrunbooks.platform.security.CurrentUser;
import io.mqrunbooks.platform.security.Groups;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * Who may read run evidence: auditors, operators and Camunda administrators every run; a change manager
 * the runs in which they decided a gate (by the run's GATE records). Nobody may change it: the controllers
 * only have GET handlers. Authentication itself is the platform's filter's job.
 */
final class RunEvidenceAccess {

    static final String[] READERS = {Groups.AUDITORS, Groups.OPERATORS, Groups.ADMINS};
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RunEvidenceAccess() {
    }

    /** The run list the user may see: every run for the readers, a change manager's own gates' runs. */
    static RunQuery visibleRuns(HttpServletRequest request, RunQuery query) {
        CurrentUser user = CurrentUser.of(request);
        if (user.inAnyGroup(READERS)) {
            return query;
        }
        if (user.inAnyGroup(Groups.CHANGE_MANAGERS)) {
            return query.withGateDecidedBy(user.userId());
        }
        throw notAReader(user);
    }

    /** @return the run id, valid, once the user may read that run's report and chain check */
    static String requireRunReader(HttpServletRequest request, RunReportService reports, String runId) {
        return requireReader(request, runId, (user, run) -> reports.gateDecidedBy(run, user.userId()),
                "reads the runs in which they approved or rejected a gate, and they decided none in this run.");
    }

    /**
     * @return the run id, valid, once the user may read that run's live page: a change manager the runs that ask or
     * asked for their approval, as the engine grants them (docs/security.md "Groups"), decided or not yet
     */
    static String requireRunPageReader(HttpServletRequest request, AuthorizationService authorizations, String runId) {
        return requireReader(request, runId, (user, run) -> authorizations.isUserAuthorized(user.userId(),
                        List.copyOf(user.groups()), HistoricProcessInstancePermissions.READ,
                        Resources.HISTORIC_PROCESS_INSTANCE, run),
                "reads the runs that ask or asked for their approval, and no gate of this run has.");
    }

    /** Readers read every run; a change manager the runs {@code changeManagerReads} says, else 403 saying why. */
    private static String requireReader(HttpServletRequest request, String runId,
                                        BiPredicate<CurrentUser, String> changeManagerReads, String changeManagerRule) {
        CurrentUser user = CurrentUser.of(request);
        if (user.inAnyGroup(READERS)) {
            return validRunId(runId);
        }
        if (user.inAnyGroup(Groups.CHANGE_MANAGERS)) {
            String valid = validRunId(runId);
            if (changeManagerReads.test(user, valid)) {
                return valid;
            }
            throw new AccessDenied("User '" + user.userId() + "' may not read run '" + valid + "': a change manager "
                    + changeManagerRule);
        }
        throw notAReader(user);
    }

    /** Refuses, before any run is looked up, a user in none of the groups that read runs. */
    static void requireReaderRole(HttpServletRequest request) {
        CurrentUser user = CurrentUser.of(request);
        if (!user.inAnyGroup(READERS) && !user.inAnyGroup(Groups.CHANGE_MANAGERS)) {
            throw notAReader(user);
        }
    }

    private static AccessDenied notAReader(CurrentUser user) {
        return new AccessDenied("User '" + user.userId() + "' may not read run evidence: that needs membership of "
                + "one of the groups " + String.join(", ", READERS) + ", or of " + Groups.CHANGE_MANAGERS
                + " for the runs whose gate the user decided.");
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
