package io.mqrunbooks.platform.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The allow-list of the engine's REST API ({@code /engine-rest}, and the same resources the webapps call
 * under {@code /camunda/api/engine}), per role. A call no rule allows is refused (403) before it reaches
 * the engine; administrators may call everything, and even then every runbook step checks its approval.
 * The table is docs/security.md's "Engine REST allow-list"; {@link #RULES} is the source.
 */
public final class EngineApiRules {

    /** What the guard does besides letting the call through. */
    public enum Check { NONE, START_FORM, TASK_FORM, OWN_USER, CLAIM_FOR_SELF, FAILED_JOB }

    public record Rule(String methods, Pattern path, Set<String> groups, Check check, String what) {

        boolean matches(String method, String normalizedPath) {
            return Set.of(methods.split(",")).contains(method) && path.matcher(normalizedPath).matches();
        }
    }

    static final Set<String> EVERY_ROLE = Set.of(Groups.OPERATORS, Groups.CHANGE_MANAGERS, Groups.AUDITORS);
    static final Set<String> TASK_WORKERS = Set.of(Groups.OPERATORS, Groups.CHANGE_MANAGERS);

    /** Collections whose POST is a query (the body is a filter), not an action. */
    private static final String QUERY_RESOURCES = "(history/(process-instance|activity-instance|task|variable-instance"
            + "|detail|incident|job-log|user-operation|identity-link-log|decision-instance|external-task-log"
            + "|process-definition/[^/]+/statistics)|task|process-instance|variable-instance|execution|job|incident"
            + "|external-task)(/count)?";

    public static final List<Rule> RULES = List.of(
            rule("GET,HEAD,OPTIONS", ".*", EVERY_ROLE, Check.NONE,
                    "read: the engine's authorizations decide what each role sees"),
            rule("POST", QUERY_RESOURCES, EVERY_ROLE, Check.NONE, "queries (the body is a filter)"),
            rule("POST", "filter/[^/]+/(list|count|singleResult)", EVERY_ROLE, Check.NONE, "task filter queries"),
            rule("POST", "identity/password-policy", EVERY_ROLE, Check.NONE, "check a new password against the policy"),
            rule("PUT", "user/[^/]+/(profile|credentials)", EVERY_ROLE, Check.OWN_USER,
                    "change one's own profile or password"),
            rule("POST", "process-definition/(key/[^/]+|[^/]+)/(start|submit-form)", Set.of(Groups.OPERATORS),
                    Check.START_FORM, "start a runbook: only its start form's fields, each checked"),
            rule("POST", "task/[^/]+/(claim|unclaim)", TASK_WORKERS, Check.CLAIM_FOR_SELF,
                    "claim a task for oneself, or unclaim it (the engine lets only its candidates)"),
            rule("POST", "task/[^/]+/(complete|submit-form)", TASK_WORKERS, Check.TASK_FORM,
                    "complete a task: only its form's fields, each checked; gates refuse the initiator"),
            rule("PUT", "job/[^/]+/retries", Set.of(Groups.OPERATORS), Check.FAILED_JOB,
                    "retry a failed step (the step checks its approval again); a timer or a step that has not"
                            + " failed is not moved (409)"));

    private EngineApiRules() {
    }

    private static Rule rule(String methods, String path, Set<String> groups, Check check, String what) {
        return new Rule(methods, Pattern.compile(path), groups, check, what);
    }

    /** The first rule that lets a member of {@code groups} make this call. */
    public static Optional<Rule> allowing(String method, String normalizedPath, Set<String> groups) {
        return RULES.stream().filter(r -> r.matches(method, normalizedPath))
                .filter(r -> r.groups().stream().anyMatch(groups::contains)).findFirst();
    }

    /** The rule for this call whoever makes it, to apply its checks to administrators too. */
    public static Optional<Rule> matching(String method, String normalizedPath) {
        return RULES.stream().filter(r -> r.matches(method, normalizedPath)).findFirst();
    }
}
