package io.mqrunbooks.platform.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The allow-list of the engine's REST API ({@code /engine-rest}, and the same resources the webapps call
 * under {@code /camunda/api/engine}), per role, administrators included: a call no rule allows is refused (403)
 * before it reaches the engine. Nobody's call writes a run's state (its variables, position, jobs' times, tasks'
 * people, history): a run moves only through its own steps, its forms and the product's abort.
 * The table is docs/security.md's "Engine REST allow-list"; {@link #RULES} is the source.
 */
public final class EngineApiRules {

    /** What the guard does besides letting the call through. */
    public enum Check { NONE, START_FORM, TASK_FORM, OWN_USER, CLAIM_FOR_SELF, FAILED_JOB, WHOLE_RUN, KEEPS_HISTORY }

    public record Rule(String methods, Pattern path, Set<String> groups, Check check, String what) {

        boolean matches(String method, String normalizedPath) {
            return Set.of(methods.split(",")).contains(method) && path.matcher(normalizedPath).matches();
        }
    }

    /** A class of calls no rule allows, with why: the refusal says it to whoever tries. */
    record Refusal(Pattern path, String why) {
    }

    static final Set<String> EVERY_ROLE = Set.of(Groups.OPERATORS, Groups.CHANGE_MANAGERS, Groups.AUDITORS,
            Groups.ADMINS);
    static final Set<String> TASK_WORKERS = Set.of(Groups.OPERATORS, Groups.CHANGE_MANAGERS, Groups.ADMINS);
    static final Set<String> OPERATORS_AND_ADMINS = Set.of(Groups.OPERATORS, Groups.ADMINS);
    static final Set<String> ADMINS = Set.of(Groups.ADMINS);
    static final Set<String> READ_EVERY_RUN = Set.of(Groups.OPERATORS, Groups.AUDITORS, Groups.ADMINS);

    /** Collections whose POST is a query (the body is a filter), not an action. */
    private static final String QUERY_RESOURCES = "(history/(process-instance|activity-instance|task|variable-instance"
            + "|detail|incident|job-log|user-operation|identity-link-log|decision-instance|external-task-log"
            + "|process-definition/[^/]+/statistics)|task|process-instance|variable-instance|execution|job|incident"
            + "|external-task)(/count)?";

    private static final String DEFINITION = "process-definition(/key/[^/]+(/tenant-id/[^/]+)?|/[^/]+)?";

    /**
     * Reads of a run's data that the engine does not filter run by run: a change manager, who reads only the runs
     * that ask or asked for their approval (per-run grants, {@link GateRunGrants}), may not make them.
     */
    static final List<Refusal> CHANGE_MANAGER_READ_REFUSALS = List.of(
            refusal("task/[^/]+/(comment|attachment)/[^/]+(/data)?",
                    "the engine reads a task's comment or attachment by its id without checking who may read the"
                            + " task's run; a change manager reads only the runs that ask or asked for their approval"),
            refusal("history/job-log/[^/]+/stacktrace|history/external-task-log/[^/]+/error-details",
                    "the engine lets a failed step's stack trace be read by whoever reads the history of every run of"
                            + " the runbook, not run by run; a change manager reads only the runs that ask or asked for"
                            + " their approval (the run page shows a failed step's message)"),
            refusal("(history/process-instance|history/task|task)/report(/.*)?|process-definition/statistics(/count)?",
                    "reports and statistics count every run of a runbook, not only the runs a change manager may"
                            + " read: those that ask or asked for their approval"));

    private static final String CHANGE_MANAGER_READS = "(?!(" + CHANGE_MANAGER_READ_REFUSALS.stream()
            .map(r -> r.path().pattern()).collect(Collectors.joining("|")) + ")$).*";

    public static final List<Rule> RULES = List.of(
            rule("GET,HEAD,OPTIONS", ".*", READ_EVERY_RUN, Check.NONE,
                    "read: the engine's authorizations decide what each role sees"),
            rule("GET,HEAD,OPTIONS", CHANGE_MANAGER_READS, Set.of(Groups.CHANGE_MANAGERS), Check.NONE,
                    "read what the engine filters run by run, a change manager's grants naming the runs that ask"
                            + " or asked for their approval; not a task's comment or attachment by id, history's stack"
                            + " traces, reports and statistics, which the engine does not filter so"),
            rule("POST", QUERY_RESOURCES, EVERY_ROLE, Check.NONE, "queries (the body is a filter)"),
            rule("POST", "(group|job-definition)(/count)?", ADMINS, Check.NONE,
                    "queries of Admin's group list and Cockpit's job definitions"),
            rule("POST", "filter/[^/]+/(list|count|singleResult)", EVERY_ROLE, Check.NONE, "task filter queries"),
            rule("POST", "identity/password-policy", EVERY_ROLE, Check.NONE, "check a new password against the policy"),
            rule("POST", "(user|group|tenant|authorization)/create", ADMINS, Check.NONE,
                    "create users, groups, tenants and authorizations"),
            rule("PUT", "user/[^/]+/(profile|credentials)|(group|tenant|authorization)/[^/]+", ADMINS, Check.NONE,
                    "change any user's profile or password, a group, a tenant or an authorization"),
            rule("PUT", "user/[^/]+/(profile|credentials)", EVERY_ROLE, Check.OWN_USER,
                    "change one's own profile or password"),
            rule("DELETE", "(user|group|tenant|authorization)/[^/]+", ADMINS, Check.NONE,
                    "delete users, groups, tenants and authorizations"),
            rule("PUT,DELETE", "group/[^/]+/members/[^/]+|tenant/[^/]+/(user|group)-members/[^/]+", ADMINS,
                    Check.NONE, "add or remove members of groups and tenants"),
            rule("POST", "user/[^/]+/unlock", ADMINS, Check.NONE, "unlock a user locked out by failed logins"),
            rule("POST", "filter/create", ADMINS, Check.NONE, "create a task filter"),
            rule("PUT,DELETE", "filter/[^/]+", ADMINS, Check.NONE, "change or delete a task filter"),
            rule("POST", "deployment/create|deployment/[^/]+/redeploy", ADMINS, Check.NONE,
                    "deploy models: every deployment is checked by DeployedModelRules (400 otherwise)"),
            rule("DELETE", "deployment/[^/]+", ADMINS, Check.KEEPS_HISTORY,
                    "delete a deployment; with cascade (deleting its runs and their history) it is refused"),
            rule("POST", "process-definition/(key/[^/]+|[^/]+)/(start|submit-form)", OPERATORS_AND_ADMINS,
                    Check.START_FORM, "start a runbook: only its start form's fields, each checked"),
            rule("POST", "task/[^/]+/(claim|unclaim)", TASK_WORKERS, Check.CLAIM_FOR_SELF,
                    "claim a task for oneself, or unclaim it (the engine lets only its candidates; an administrator"
                            + " may unclaim a task whose claimant cannot be reached)"),
            rule("POST", "task/[^/]+/(complete|submit-form)", TASK_WORKERS, Check.TASK_FORM,
                    "complete a task: only its form's fields, each checked; gates refuse the initiator and anyone"
                            + " not a change manager"),
            rule("PUT", "job/[^/]+/retries", OPERATORS_AND_ADMINS, Check.FAILED_JOB,
                    "retry a failed step (the step checks its approval again); a timer or a step that has not"
                            + " failed is not moved (409)"),
            rule("DELETE", "process-instance/[^/]+", ADMINS, Check.WHOLE_RUN,
                    "cancel a run, ending it as TERMINATED with the runs it started (skipSubprocesses and a run"
                            + " another run started are refused); the run page's abort also records who and why"),
            rule("PUT", "(" + DEFINITION + "|process-instance(/[^/]+)?|job-definition(/[^/]+)?|job(/[^/]+)?)"
                            + "/suspended", ADMINS, Check.NONE,
                    "suspend or activate definitions, runs, job definitions and jobs (a due date is kept)"),
            rule("PUT,DELETE", "incident/[^/]+/annotation", ADMINS, Check.NONE, "annotate an incident"));

    /** Why the classes of calls that write a run's state are refused, first match. */
    static final List<Refusal> REFUSALS = List.of(
            refusal("(process-instance|execution|task|case-instance|case-execution)/[^/]+/(variables|localVariables)"
                            + "(/.*)?|process-instance/variables-async|variable-instance/.*|history/variable-instance/.*"
                            + "|(history/)?process-instance/[^/]+/variable-instances",
                    "nobody writes or deletes a run's variables over the API: a run's state is sealed by the server and"
                            + " written only by its own steps and forms; abort the run and start a new one"),
            refusal("process-instance/[^/]+/modification(-async)?|modification/.*|" + DEFINITION
                            + "/restart(-async)?|migration/.*",
                    "a run moves only through its model: a modification, restart or migration would skip or repeat its"
                            + " steps and gates; abort the run and start a new one"),
            refusal("execution/[^/]+/create-incident",
                    "incidents are raised by the steps that fail, not over the API"),
            refusal("message|signal|condition|process-instance/message-async|execution/[^/]+/(signal|messageSubscriptions"
                            + "/.*)",
                    "messages, signals and conditions are not sent over the API: they would move a run past what it"
                            + " waits for, with variables of the sender's choosing"),
            refusal("job/.*|job-definition/.*|process-instance/job-retries.*",
                    "a job runs at its own time: only a failed step is retried (PUT job/{id}/retries); executing a job,"
                            + " moving its due date or priority, or retrying in bulk would cut a wait or a monitoring"
                            + " period short"),
            refusal("external-task/.*",
                    "the runbooks have no external tasks: their locks, completions, failures and retries are not"
                            + " taken over the API"),
            refusal("task/.*",
                    "a task is claimed by a candidate for themselves and completed through its form: its assignee,"
                            + " delegation, candidates, comments, attachments and errors are not set over the API, nor are"
                            + " tasks created, changed or deleted"),
            refusal("history/.*|process-instance/set-removal-time|batch/.*|" + DEFINITION + "/history-time-to-live"
                            + "|(decision|case)-definition/.*/history-time-to-live",
                    "a run's history is its audit record: it is not deleted, cleaned up, annotated or given a removal"
                            + " time over the API"),
            refusal("process-instance/delete.*|process-instance/suspended-async|" + DEFINITION + "(/delete)?",
                    "runs and definitions are not deleted or suspended in bulk: cancel runs one at a time, or abort them"
                            + " on the run page, and delete a model's deployment"),
            refusal("process-instance/[^/]+/comment(/.*)?",
                    "comments are not written over the API: they would sit in the run's record beside its decisions"));

    private EngineApiRules() {
    }

    private static Rule rule(String methods, String path, Set<String> groups, Check check, String what) {
        return new Rule(methods, Pattern.compile(path), groups, check, what);
    }

    private static Refusal refusal(String path, String why) {
        return new Refusal(Pattern.compile(path), why);
    }

    /** The first rule that lets a member of {@code groups} make this call. */
    public static Optional<Rule> allowing(String method, String normalizedPath, Set<String> groups) {
        return RULES.stream().filter(r -> r.matches(method, normalizedPath))
                .filter(r -> r.groups().stream().anyMatch(groups::contains)).findFirst();
    }

    /**
     * Why a call no rule allows these groups is refused: a role's limits when another role may make it, else the
     * class of calls it belongs to.
     */
    public static String whyRefused(String method, String normalizedPath) {
        Optional<String> changeManagerRead = Set.of("GET", "HEAD", "OPTIONS").contains(method)
                ? CHANGE_MANAGER_READ_REFUSALS.stream().filter(r -> r.path().matcher(normalizedPath).matches())
                        .map(Refusal::why).findFirst()
                : Optional.empty();
        if (changeManagerRead.isPresent()) {
            return changeManagerRead.get();
        }
        if (RULES.stream().anyMatch(r -> r.matches(method, normalizedPath))) {
            return "the engine API allows this role only what docs/security.md lists";
        }
        return REFUSALS.stream().filter(r -> r.path().matcher(normalizedPath).matches()).map(Refusal::why).findFirst()
                .orElse("no role may make this call: the engine API allows only what docs/security.md lists");
    }
}
