package io.mqrunbooks.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.platform.forms.FormDefinition;
import io.mqrunbooks.platform.forms.FormField;
import io.mqrunbooks.platform.forms.FormInput;
import io.mqrunbooks.platform.forms.FormInputException;
import io.mqrunbooks.platform.forms.InventoryChoice;
import io.mqrunbooks.platform.forms.ProcessForms;
import io.mqrunbooks.platform.run.RunRecords;
import io.mqrunbooks.platform.security.EngineApiRules.Rule;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The trust boundary in front of the engine's REST API, for {@code /engine-rest} and the webapps'
 * {@code /camunda/api}: every call must be allowed for the caller's role by {@link EngineApiRules}
 * (403 otherwise), and a start or task completion may carry only the fields its form declares, each of its
 * type and within its rules (400 naming the field otherwise). What passes is forwarded with only the
 * accepted values: read-only fields a form shows are dropped.
 */
public class EngineApiGuard extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Path parameters ({@code ;x}), encoded dots, slashes, backslashes and percent signs, doubled slashes and dot
     * segments. The servlet container strips or normalizes them before this filter sees the path, but the REST
     * frameworks behind it route on the raw URI (Jersey cuts the base path off by its length), so the rules would
     * be checked against another path than the one served. No resource of the API needs them.
     */
    private static final Pattern AMBIGUOUS_PATH = Pattern.compile("(?i);|%2e|%2f|%5c|%25|\\\\|//|/\\.\\.?(?:/|$)");
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Pattern START = Pattern.compile("process-definition/(?:key/([^/]+)|([^/]+))/(?:start|submit-form)");
    private static final Pattern TASK = Pattern.compile("task/([^/]+)/(?:complete|submit-form)");
    private static final Pattern OWN_USER = Pattern.compile("user/([^/]+)/.*");
    private static final Pattern JOB_RETRIES = Pattern.compile("job/([^/]+)/retries");
    private static final Pattern CREDENTIALS = Pattern.compile("user/([^/]+)/credentials");
    private static final Pattern BUSINESS_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._:/#-]{0,127}");
    private static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final String TOO_LARGE = "The request body is larger than " + MAX_BODY_BYTES / 1024
            + " KiB; a form's values are far smaller, and so are the engine API's queries";
    private static final Set<String> START_BODY_KEYS = Set.of("variables", "businessKey", "withVariablesInReturn");
    private static final Set<String> COMPLETE_BODY_KEYS = Set.of("variables", "withVariablesInReturn");
    private static final Set<String> PLAIN_TYPES = Set.of("string", "boolean", "integer", "long", "short",
            "double", "null");

    private final ProcessEngine engine;
    private final ProcessForms forms;
    private final ObjectProvider<Estate> estate;
    private final RunRecords runs;
    /** Where the webapps are served ({@code camunda.bpm.webapp.application-path}, {@code /camunda} by default). */
    private final String webappPath;
    private final Pattern engineRest;
    private final Pattern webappEngine;
    private final Pattern webappApi;

    /**
     * {@code restPath}: where the engine REST API is served ({@code spring.jersey.application-path},
     * {@code /engine-rest} by default); {@code webappPath}: where the webapps are.
     */
    public EngineApiGuard(ProcessEngine engine, ProcessForms forms, ObjectProvider<Estate> estate, RunRecords runs,
                          String restPath, String webappPath) {
        this.engine = engine;
        this.forms = forms;
        this.estate = estate;
        this.runs = runs;
        this.webappPath = webappPath;
        this.engineRest = Pattern.compile(Pattern.quote(restPath) + "(?:/engine/[^/]+)?(/.*)?");
        this.webappEngine = Pattern.compile(Pattern.quote(webappPath) + "/api/engine/engine/[^/]+(/.*)?");
        this.webappApi = Pattern.compile(Pattern.quote(webappPath) + "/api/(admin|cockpit|tasklist|welcome)(/.*)?");
    }

    /**
     * The URL patterns the guard must be registered for: the REST API and the webapps' APIs wherever they are served.
     * Registered for {@code /engine-rest} and {@code /camunda} alone, the API moved to another path took every call
     * (Review F): anonymous ones too under another REST path, whatever a session's engine authorizations allow under
     * another webapp path.
     */
    public static String[] urlPatterns(String restPath, String webappPath) {
        return new String[] {restPath + "/*", webappPath + "/api/*"};
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String rawPath = request.getRequestURI().substring(request.getContextPath().length());
        if (AMBIGUOUS_PATH.matcher(rawPath).find()) {
            send(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", "The path '"
                    + abbreviate(rawPath) + "' is not accepted: path parameters (;), encoded dots, slashes or percent"
                    + " signs, doubled slashes and . or .. segments are refused, so that the path checked is the"
                    + " path served");
            return;
        }
        String path = request.getServletPath() + Optional.ofNullable(request.getPathInfo()).orElse("");
        Matcher engineRest = this.engineRest.matcher(path);
        Matcher webappEngine = this.webappEngine.matcher(path);
        Matcher webappApi = this.webappApi.matcher(path);
        if (engineRest.matches() || webappEngine.matches() || webappApi.matches()) {
            try {
                request = withoutQueryExpressions(request);
            } catch (RefusedInput refused) {
                send(response, refused.status, refused.type, refused.getMessage());
                return;
            }
        }
        Optional<CurrentUser> caller;
        String resource;
        if (engineRest.matches()) {
            caller = fromEngine();
            resource = engineRest.group(1);
        } else if (webappEngine.matches()) {
            caller = fromWebappSession(request);
            resource = webappEngine.group(1);
        } else if (webappApi.matches()) {
            guardWebappApi(request, response, chain, webappApi.group(1), webappApi.group(2));
            return;
        } else if (READ_METHODS.contains(request.getMethod())) {
            // Not a resource the rules name (the webapps' list of engines, or nothing): reads pass to be answered.
            chain.doFilter(request, response);
            return;
        } else {
            forbid(response, "No rule allows " + request.getMethod() + " " + abbreviate(path)
                    + ": the engine API allows only what docs/security.md lists");
            return;
        }
        if (caller.isEmpty()) {
            // Not authenticated: the engine's own filters answer 401.
            chain.doFilter(request, response);
            return;
        }
        String method = request.getMethod();
        if (request.getHeader("X-HTTP-Method-Override") != null) {
            forbid(response, "Method override headers are not accepted");
            return;
        }
        String normalized = normalize(resource);
        Set<String> groups = caller.get().groups();
        Optional<Rule> rule = EngineApiRules.allowing(method, normalized, groups);
        if (rule.isEmpty()) {
            forbid(response, caller.get().userId() + " may not call " + method + " " + path + ": "
                    + EngineApiRules.whyRefused(method, normalized));
            return;
        }
        try {
            HttpServletRequest checked = switch (rule.get().check()) {
                case START_FORM -> checkStart(request, normalized);
                case TASK_FORM -> checkTaskCompletion(request, normalized, caller.get());
                case OWN_USER -> checkOwnUser(request, normalized, caller.get(), response) ? request : null;
                case CLAIM_FOR_SELF -> checkClaimForSelf(request, normalized, caller.get());
                case FAILED_JOB -> checkFailedJob(request, normalized);
                case WHOLE_RUN -> checkWholeRun(request, normalized);
                case KEEPS_HISTORY -> refuseFlag(request, "cascade", "A deployment is deleted without cascade: its"
                        + " runs' history is their audit record, and running runs are cancelled one at a time");
                case NONE -> request;
            };
            if (checked != null) {
                chain.doFilter(checkPasswordPolicy(checked, method, normalized), response);
            }
        } catch (RefusedInput refused) {
            send(response, refused.status, refused.type, refused.getMessage());
        }
    }

    private void guardWebappApi(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                                String app, String rest) throws IOException, ServletException {
        String method = request.getMethod();
        String tail = rest == null ? "" : rest;
        boolean read = READ_METHODS.contains(method)
                || app.equals("cockpit") && method.equals("POST") && tail.startsWith("/plugin/");
        if (app.equals("admin") && tail.startsWith("/setup/") && !read) {
            // Admin's first-run set-up makes anyone, logged in or not, an administrator whenever the administrators'
            // group has no member. The first administrator is made at start-up instead (Review F).
            forbid(response, "The set-up of a first administrator is closed: the first administrator is created at"
                    + " start-up (camunda.bpm.admin-user; MQRB_ADMIN_USER and MQRB_ADMIN_PASSWORD in production,"
                    + " docs/security.md \"Logins\")");
            return;
        }
        boolean open = app.equals("admin") && tail.startsWith("/auth/");
        Optional<CurrentUser> caller = fromWebappSession(request);
        if (open || caller.isEmpty() || read) {
            chain.doFilter(request, response);
            return;
        }
        // Logins and queries are all the webapps' own APIs take; what changes the engine goes through the
        // engine API's rules above, for administrators too.
        forbid(response, caller.get().userId() + " may not call " + method + " " + webappPath + "/api/" + app + tail
                + ": the webapps' own APIs take only logins and queries");
    }

    /**
     * Refuses a query expression, for every role: any query parameter or JSON key (at any depth: a task query's
     * orQueries, a filter's query) ending in "Expression". The engine evaluates them as code with every bean in
     * reach (Review A); no call of ours takes one, and the engine refuses them too ({@link QueryExpressionsPlugin}).
     * Returns the request to forward, its body readable again.
     */
    private static HttpServletRequest withoutQueryExpressions(HttpServletRequest request) throws IOException {
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                String name;
                try {
                    name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new RefusedInput("The query string is not URL-encoded: " + abbreviate(pair));
                }
                refuseExpressionKey(name, "query parameter");
            }
        }
        String type = Optional.ofNullable(request.getContentType()).orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded")) {
            // Deployments, file variables and the webapps' login: no query reads these (queries take JSON), and
            // reading a login's form here would take it from the resource that reads it.
            return request;
        }
        if (request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null) {
            return request;
        }
        // Not closed: the request goes on with the bytes read, and the container owns its stream.
        byte[] bytes = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new RefusedInput(TOO_LARGE);
        }
        try {
            refuseExpressionKeys(JSON.readTree(bytes), "");
        } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
            // Not JSON: nothing the engine reads as a query (its JSON reader refuses it too).
        }
        return new BodyRequest(request, bytes);
    }

    private static void refuseExpressionKeys(JsonNode node, String at) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = at.isEmpty() ? field.getKey() : at + "." + field.getKey();
                refuseExpressionKey(key, "key");
                refuseExpressionKeys(field.getValue(), key);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuseExpressionKeys(node.get(i), at + "[" + i + "]");
            }
        }
    }

    private static void refuseExpressionKey(String name, String what) {
        if (name.toLowerCase(Locale.ROOT).endsWith("expression")) {
            throw new RefusedInput("The " + what + " '" + abbreviate(name) + "' is not accepted: query expressions"
                    + " run as code on the server, so no call takes them; give a plain value (e.g. assignee"
                    + " instead of assigneeExpression)");
        }
    }

    private HttpServletRequest checkStart(HttpServletRequest request, String normalized) throws IOException {
        Matcher m = START.matcher(normalized);
        if (!m.matches()) {
            throw new RefusedInput("Not a start call: " + normalized);
        }
        ProcessDefinition definition = asEngine(() -> m.group(1) != null
                ? engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(m.group(1))
                        .latestVersion().singleResult()
                : engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionId(m.group(2))
                        .singleResult());
        if (definition == null) {
            return request;
        }
        ObjectNode body = body(request, START_BODY_KEYS);
        JsonNode businessKey = body.path("businessKey");
        boolean noKey = businessKey.isMissingNode() || businessKey.isNull()
                || businessKey.isTextual() && businessKey.asText().isEmpty();
        if (!noKey && !(businessKey.isTextual() && BUSINESS_KEY.matcher(businessKey.asText()).matches())) {
            throw new RefusedInput("businessKey must be 1 to 128 characters: letters, digits, space and . _ : / # -"
                    + " starting with a letter or digit");
        }
        Map<String, Object> submitted = plainValues(body);
        Optional<FormDefinition> form = asEngine(() -> forms.startForm(definition.getId()));
        Map<String, Object> accepted = accept(form, submitted, definition.getKey() + "'s start");
        Estate inventory = estate.getObject();
        for (FormField field : form.map(FormDefinition::fields).orElse(List.of())) {
            Object value = accepted.get(field.key());
            if (field.inventory() != null && value != null) {
                // A taglist's or checklist's names come separated by commas (FormInput): each must be offered.
                List<String> names = field.isMultiple() ? List.of(value.toString().split(",")) : List.of(value.toString());
                for (String name : names) {
                    Optional<String> refusal = field.isMultiple() && name.equals(InventoryChoice.ALL) ? Optional.empty()
                            : field.inventory().refusal(inventory, field.key(), name);
                    if (refusal.isPresent()) {
                        throw new RefusedInput(refusal.get());
                    }
                }
            }
        }
        Object queueManager = accepted.get("queueManager");
        if (queueManager != null && inventory.findQueueManager(queueManager.toString()).isEmpty()) {
            throw new RefusedInput("'queueManager': " + queueManager + " is not a queue manager of the inventory");
        }
        return rewrite(request, body, accepted);
    }

    private HttpServletRequest checkTaskCompletion(HttpServletRequest request, String normalized, CurrentUser caller)
            throws IOException {
        Matcher m = TASK.matcher(normalized);
        if (!m.matches()) {
            throw new RefusedInput("Not a task completion: " + normalized);
        }
        String taskId = m.group(1);
        Task task = asEngine(() -> engine.getTaskService().createTaskQuery().taskId(taskId).singleResult());
        if (task == null || task.getProcessDefinitionId() == null) {
            return request;
        }
        refuseIfClaimedByAnother(task, caller, "completes it");
        String runId = task.getProcessInstanceId();
        Optional<String> tampering = asEngine(() -> runs.find(runId).flatMap(record -> record.tampering(
                name -> engine.getRuntimeService().getVariableLocal(runId, name))));
        if (tampering.isPresent()) {
            throw new RefusedInput(HttpServletResponse.SC_CONFLICT, "TamperedRunException", tampering.get());
        }
        ObjectNode body = body(request, COMPLETE_BODY_KEYS);
        Map<String, Object> submitted = plainValues(body);
        Optional<FormDefinition> form = asEngine(() -> forms.taskForm(task.getProcessDefinitionId(),
                task.getTaskDefinitionKey()));
        Map<String, Object> accepted = new LinkedHashMap<>(accept(form, submitted, "task '" + task.getName() + "'"));
        // A checkbox left out is unticked, as Tasklist submits it: a value set on the run before the completion
        // (an acceptance, say) never passes for the completer's own.
        form.ifPresent(f -> f.fields().stream().filter(field -> "checkbox".equals(field.type()) && !field.readonly())
                .forEach(field -> accepted.putIfAbsent(field.key(), false)));
        return rewrite(request, body, accepted);
    }

    /** Only the user who claimed a task acts on it (as Tasklist offers its form to its assignee alone). */
    private static void refuseIfClaimedByAnother(Task task, CurrentUser caller, String action) {
        String assignee = task.getAssignee();
        if (assignee != null && !assignee.equals(caller.userId())) {
            throw new RefusedInput(HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", "Task '" + task.getName()
                    + "' is claimed by " + assignee + ": only " + assignee + " " + action + " (an administrator may"
                    + " unclaim it if " + assignee + " cannot be reached)");
        }
    }

    /**
     * A retry (which may name a due date) is for a step that failed: a timer's or a waiting step's job would
     * otherwise run early, cutting a wait or a monitoring period short.
     */
    private HttpServletRequest checkFailedJob(HttpServletRequest request, String normalized) {
        Matcher m = JOB_RETRIES.matcher(normalized);
        Job job = m.matches() ? asEngine(() -> engine.getManagementService().createJobQuery().jobId(m.group(1))
                .singleResult()) : null;
        if (job != null && !hasFailed(job)) {
            throw new RefusedInput(HttpServletResponse.SC_CONFLICT, "JobNotFailedException", "Job " + job.getId()
                    + " has not failed (" + job.getRetries() + " retries left, no exception): only a failed step is"
                    + " retried; a timer or a waiting step is not moved");
        }
        return request;
    }

    /**
     * A run is cancelled whole: with the runs it started (which nobody could abort once it is gone), and not when
     * another run started it, which ends with that run (as the run page's abort has it).
     */
    private HttpServletRequest checkWholeRun(HttpServletRequest request, String normalized) {
        refuseFlag(request, "skipSubprocesses", "A run is cancelled with the runs it started: skipSubprocesses would"
                + " leave them running with nobody able to abort them");
        String runId = normalized.substring("process-instance/".length());
        ProcessInstance parent = asEngine(() -> engine.getRuntimeService().createProcessInstanceQuery()
                .subProcessInstanceId(runId).singleResult());
        if (parent != null) {
            throw new RefusedInput(HttpServletResponse.SC_CONFLICT, "CalledRunException", "Run " + runId
                    + " was started by run " + parent.getId() + " and ends with it: cancel or abort run "
                    + parent.getId());
        }
        return request;
    }

    /** Refuses the call when a query flag is set to anything but false. */
    private static HttpServletRequest refuseFlag(HttpServletRequest request, String flag, String why) {
        String[] values = request.getParameterValues(flag);
        if (values != null && Arrays.stream(values).anyMatch(v -> !"false".equalsIgnoreCase(v))) {
            throw new RefusedInput(why + " (" + flag + "=" + abbreviate(String.join(",", values)) + " refused)");
        }
        return request;
    }

    /** A job that failed: its last attempt threw, or it has no retries left (an incident). */
    public static boolean hasFailed(Job job) {
        return job.getExceptionMessage() != null || job.getRetries() == 0;
    }

    /**
     * A claim names the user it is for: a caller may claim only for themselves. A task claimed by someone is
     * theirs: another candidate neither unclaims it nor (below) completes it; an administrator may unclaim it
     * when its claimant cannot be reached.
     */
    private HttpServletRequest checkClaimForSelf(HttpServletRequest request, String normalized, CurrentUser caller)
            throws IOException {
        if (!normalized.endsWith("/claim")) {
            if (!caller.groups().contains(Groups.ADMINS)) {
                String taskId = normalized.substring("task/".length(), normalized.length() - "/unclaim".length());
                Task task = asEngine(() -> engine.getTaskService().createTaskQuery().taskId(taskId).singleResult());
                if (task != null) {
                    refuseIfClaimedByAnother(task, caller, "unclaims it");
                }
            }
            return request;
        }
        ObjectNode body = body(request, Set.of("userId"));
        JsonNode userId = body.path("userId");
        if (!userId.isTextual() || !userId.asText().equals(caller.userId())) {
            throw new RefusedInput("A task is claimed for oneself: userId must be " + caller.userId() + ", not "
                    + abbreviate(userId.toString()));
        }
        return new BodyRequest(request, JSON.writeValueAsBytes(body));
    }

    /**
     * A new password the policy refuses is a 400 naming the rules it breaks; the engine itself would answer 500
     * "Password does not match policy", which tells the user neither that it is their input nor what to change.
     */
    private HttpServletRequest checkPasswordPolicy(HttpServletRequest request, String method, String normalized)
            throws IOException {
        Matcher credentials = CREDENTIALS.matcher(normalized);
        boolean update = "PUT".equals(method) && credentials.matches();
        if (!update && !("POST".equals(method) && "user/create".equals(normalized))) {
            return request;
        }
        ObjectNode body = update ? body(request, Set.of("password", "authenticatedUserPassword"))
                : body(request, Set.of("profile", "credentials"));
        JsonNode password = update ? body.path("password") : body.path("credentials").path("password");
        if (password.isTextual()) {
            IdentityService identity = engine.getIdentityService();
            String userId = update ? credentials.group(1) : body.path("profile").path("id").asText("");
            User user = update ? asEngine(() -> identity.createUserQuery().userId(userId).singleResult()) : null;
            if (user == null) {
                JsonNode profile = body.path("profile");
                user = identity.newUser(userId);
                user.setFirstName(profile.path("firstName").asText(null));
                user.setLastName(profile.path("lastName").asText(null));
                user.setEmail(profile.path("email").asText(null));
            }
            PasswordPolicyResult result = identity.checkPasswordAgainstPolicy(password.asText(), user);
            if (!result.isValid()) {
                throw new RefusedInput("The new password of " + userId + " does not meet the password policy: "
                        + result.getViolatedRules().stream().map(EngineApiGuard::describe)
                        .collect(java.util.stream.Collectors.joining(", "))
                        + "; nothing was changed (GET identity/password-policy lists the rules)");
            }
        }
        return new BodyRequest(request, JSON.writeValueAsBytes(body));
    }

    /** A policy rule as its placeholder and parameters, e.g. PASSWORD_POLICY_LENGTH {minLength=10}. */
    private static String describe(PasswordPolicyRule rule) {
        Map<String, String> parameters = rule.getParameters();
        return rule.getPlaceholder() + (parameters == null || parameters.isEmpty() ? "" : " " + parameters);
    }

    private boolean checkOwnUser(HttpServletRequest request, String normalized, CurrentUser caller,
                                 HttpServletResponse response) throws IOException {
        Matcher m = OWN_USER.matcher(normalized);
        if (m.matches() && m.group(1).equals(caller.userId())) {
            return true;
        }
        forbid(response, caller.userId() + " may change only their own profile and password");
        return false;
    }

    private static Map<String, Object> accept(Optional<FormDefinition> form, Map<String, Object> submitted,
                                              String what) {
        if (form.isEmpty()) {
            if (!submitted.isEmpty()) {
                throw new RefusedInput(what + " has no form, so it takes no values; refused: "
                        + submitted.keySet());
            }
            return Map.of();
        }
        try {
            return FormInput.check(form.get(), submitted, true);
        } catch (FormInputException e) {
            throw new RefusedInput(e.getMessage());
        }
    }

    private static ObjectNode body(HttpServletRequest request, Set<String> allowedKeys) throws IOException {
        JsonNode body;
        try (InputStream in = request.getInputStream()) {
            // read at most the limit: a form's values are a few kilobytes, and the body is held in memory
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new RefusedInput(TOO_LARGE);
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            body = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RefusedInput("The request body is not JSON: " + e.getOriginalMessage());
        }
        if (!(body instanceof ObjectNode object)) {
            throw new RefusedInput("The request body must be a JSON object");
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowedKeys.contains(name)) {
                throw new RefusedInput("'" + name + "' is not accepted here; the body may hold only "
                        + allowedKeys.stream().sorted().toList());
            }
        }
        return object;
    }

    /** The submitted variables as plain values; typed or serialized objects are refused. */
    private static Map<String, Object> plainValues(ObjectNode body) {
        Map<String, Object> values = new LinkedHashMap<>();
        JsonNode variables = body.path("variables");
        if (variables.isMissingNode() || variables.isNull()) {
            return values;
        }
        if (!variables.isObject()) {
            throw new RefusedInput("'variables' must be an object of {\"value\": ..., \"type\": ...}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            JsonNode variable = entry.getValue();
            if (!variable.isObject()) {
                throw new RefusedInput("'" + key + "' must be given as {\"value\": ..., \"type\": ...}");
            }
            String type = variable.path("type").asText("").toLowerCase(java.util.Locale.ROOT);
            if (type.equals("json") && !variable.has("valueInfo")) {
                // Tasklist sends a taglist's or checklist's names as a JSON list; only the form's multiple fields
                // take a list (FormInput), and they are forwarded as plain text.
                values.put(key, names(key, variable.path("value")));
                continue;
            }
            if (!type.isEmpty() && !PLAIN_TYPES.contains(type)) {
                throw new RefusedInput("'" + key + "' has type " + variable.get("type").asText()
                        + "; forms take only text, numbers and true/false");
            }
            if (variable.has("valueInfo") && !variable.get("valueInfo").isEmpty()) {
                throw new RefusedInput("'" + key + "' carries valueInfo; forms take only plain values");
            }
            values.put(key, plain(key, variable.path("value"), type));
        }
        return values;
    }

    /** A JSON list of names, as Tasklist submits a taglist or checklist. */
    private static List<String> names(String key, JsonNode value) {
        JsonNode list;
        try {
            list = value.isTextual() ? JSON.readTree(value.asText()) : value;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RefusedInput("'" + key + "': the value is not JSON: " + abbreviate(value.asText()));
        }
        if (list == null || !list.isArray()) {
            throw new RefusedInput("'" + key + "' has type Json; forms take only a list of names there, not "
                    + abbreviate(String.valueOf(list)));
        }
        List<String> names = new java.util.ArrayList<>();
        for (JsonNode name : list) {
            if (!name.isTextual()) {
                throw new RefusedInput("'" + key + "': the list holds " + abbreviate(name.toString()) + ", not a name");
            }
            names.add(name.asText());
        }
        return names;
    }

    private static Object plain(String key, JsonNode value, String type) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isTextual() && (type.isEmpty() || type.equals("string"))) {
            return value.asText();
        }
        if (value.isBoolean() && (type.isEmpty() || type.equals("boolean"))) {
            return value.asBoolean();
        }
        if (value.isIntegralNumber() && Set.of("", "integer", "long", "short").contains(type)) {
            return value.asLong();
        }
        if (value.isNumber() && Set.of("", "double").contains(type)) {
            return value.asDouble();
        }
        throw new RefusedInput("'" + key + "': the value " + abbreviate(value.toString()) + " is not of type "
                + (type.isEmpty() ? "text, number or true/false" : type));
    }

    private static HttpServletRequest rewrite(HttpServletRequest request, ObjectNode body, Map<String, Object> accepted)
            throws IOException {
        ObjectNode variables = JSON.createObjectNode();
        JsonNode submitted = body.path("variables");
        accepted.forEach((key, value) -> variables.set(key, !submitted.has(key)
                ? JSON.createObjectNode().put("value", Boolean.TRUE.equals(value)).put("type", "Boolean")
                : "json".equalsIgnoreCase(submitted.get(key).path("type").asText())
                ? JSON.createObjectNode().put("value", value.toString()).put("type", "String")
                : submitted.get(key)));
        ObjectNode forwarded = body.deepCopy();
        forwarded.set("variables", variables);
        return new BodyRequest(request, JSON.writeValueAsBytes(forwarded));
    }

    private Optional<CurrentUser> fromEngine() {
        Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return Optional.empty();
        }
        return Optional.of(new CurrentUser(authentication.getUserId(), new HashSet<>(
                Optional.ofNullable(authentication.getGroupIds()).orElse(List.of()))));
    }

    private Optional<CurrentUser> fromWebappSession(HttpServletRequest request) {
        return ApiAuthenticationFilter.fromWebappSession(request.getSession(false), engine.getName());
    }

    /** Runs an engine query as the engine itself (the guard reads forms and tasks the caller may not). */
    private <T> T asEngine(java.util.function.Supplier<T> query) {
        IdentityService identity = engine.getIdentityService();
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return query.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    private static String normalize(String resource) {
        String path = resource == null ? "" : resource;
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    private static void forbid(HttpServletResponse response, String message) throws IOException {
        send(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", message);
    }

    private static void send(HttpServletResponse response, int status, String type, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("message", message);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body));
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /**
     * A request refused before it reaches the engine: input it does not accept is a 400; a task of a run whose
     * sealed values were changed (nobody may complete it) and a retry of a job that has not failed are a 409.
     */
    private static final class RefusedInput extends RuntimeException {
        private final int status;
        private final String type;

        RefusedInput(String message) {
            this(HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", message);
        }

        RefusedInput(int status, String type, String message) {
            super(message);
            this.status = status;
            this.type = type;
        }
    }

    /** The request with the checked body in place of the one the caller sent. */
    private static final class BodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getHeader(String name) {
            return "content-length".equalsIgnoreCase(name) ? Integer.toString(body.length) : super.getHeader(name);
        }
    }
}
