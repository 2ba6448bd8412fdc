package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;
import org.junit.jupiter.api.Test;

/**
 * Every write the engine's REST API offers (read from its JAX-RS annotations, so a Camunda upgrade's new resource is
 * checked too) against the allow-list: an administrator makes exactly the listed ones, and every call that would write
 * a run's state is refused saying why.
 */
class EngineApiRulesTest {

    private static final Set<String> ADMINS = Set.of(Groups.ADMINS);

    /** Path parameters as a call names them. */
    private static final List<String[]> PARAMETERS = List.of(new String[] {"{id}", "x1"}, new String[] {"{key}", "k1"},
            new String[] {"{tenantId}", "t1"}, new String[] {"{varId}", "v1"}, new String[] {"{userId}", "u1"},
            new String[] {"{groupId}", "g1"}, new String[] {"{messageName}", "m1"},
            new String[] {"{attachmentId}", "a1"}, new String[] {"{commentId}", "c1"},
            new String[] {"{operationId}", "o1"});

    static final Set<String> ADMINISTRATORS_MAY = new TreeSet<>(List.of(
            // runbook work, with the checks every role's call gets
            "POST process-definition/key/k1/start", "POST process-definition/key/k1/submit-form",
            "POST process-definition/x1/start", "POST process-definition/x1/submit-form",
            "POST task/x1/claim", "POST task/x1/unclaim", "POST task/x1/complete", "POST task/x1/submit-form",
            "PUT job/x1/retries",
            // queries
            "POST execution", "POST execution/count", "POST external-task", "POST external-task/count", "POST group",
            "POST group/count", "POST history/activity-instance", "POST history/activity-instance/count",
            "POST history/detail", "POST history/external-task-log", "POST history/external-task-log/count",
            "POST history/job-log", "POST history/job-log/count", "POST history/process-instance",
            "POST history/process-instance/count", "POST history/task", "POST history/task/count",
            "POST history/variable-instance", "POST history/variable-instance/count", "POST job", "POST job/count",
            "POST job-definition", "POST job-definition/count", "POST process-instance",
            "POST process-instance/count", "POST task", "POST task/count", "POST variable-instance",
            "POST variable-instance/count", "POST filter/x1/count", "POST filter/x1/list",
            "POST filter/x1/singleResult", "POST identity/password-policy",
            // identity, filters, deployments
            "POST user/create", "PUT user/x1/profile", "PUT user/x1/credentials", "DELETE user/x1",
            "POST user/x1/unlock", "POST group/create", "PUT group/x1", "DELETE group/x1",
            "PUT group/x1/members/u1", "DELETE group/x1/members/u1", "POST tenant/create", "PUT tenant/x1",
            "DELETE tenant/x1", "PUT tenant/x1/user-members/u1", "DELETE tenant/x1/user-members/u1",
            "PUT tenant/x1/group-members/g1", "DELETE tenant/x1/group-members/g1", "POST authorization/create",
            "PUT authorization/x1", "DELETE authorization/x1", "POST filter/create", "PUT filter/x1",
            "DELETE filter/x1", "POST deployment/create", "POST deployment/x1/redeploy", "DELETE deployment/x1",
            // running the product: cancel a run, suspend and activate, annotate incidents
            "DELETE process-instance/x1", "PUT process-definition/suspended", "PUT process-definition/x1/suspended",
            "PUT process-definition/key/k1/suspended", "PUT process-definition/key/k1/tenant-id/t1/suspended",
            "PUT process-instance/suspended", "PUT process-instance/x1/suspended", "PUT job-definition/suspended",
            "PUT job-definition/x1/suspended", "PUT job/suspended", "PUT job/x1/suspended",
            "PUT incident/x1/annotation", "DELETE incident/x1/annotation"));

    @Test
    void anAdministratorMakesExactlyTheListedWrites() {
        Set<String> writes = engineWrites();
        assertThat(writes).as("the engine's write resources").hasSizeGreaterThan(200)
                .contains("PUT process-instance/x1/variables/v1", "POST job/x1/execute", "POST message");

        Set<String> allowed = new TreeSet<>(writes.stream().filter(call -> EngineApiRules.allowing(method(call),
                path(call), ADMINS).isPresent()).toList());

        assertThat(writes).containsAll(ADMINISTRATORS_MAY);
        assertThat(allowed).containsExactlyElementsOf(ADMINISTRATORS_MAY);
    }

    @Test
    void whatWouldWriteARunsStateIsRefusedToAnAdministratorSayingWhy() {
        Set<String> refused = new TreeSet<>(engineWrites());
        refused.removeAll(ADMINISTRATORS_MAY);
        for (String call : List.of("PUT process-instance/x1/variables/v1", "POST process-instance/x1/variables",
                "DELETE process-instance/x1/variables/v1", "POST process-instance/x1/variables/v1/data",
                "PUT execution/x1/localVariables/v1", "PUT task/x1/variables/v1", "POST task/x1/localVariables",
                "POST process-instance/variables-async")) {
            assertThat(refused).contains(call);
            assertThat(EngineApiRules.whyRefused(method(call), path(call))).as(call)
                    .isEqualTo("nobody writes or deletes a run's variables over the API: a run's state is sealed by the"
                            + " server and written only by its own steps and forms; abort the run and start a new one");
        }
        assertWhy(refused, "a run moves only through its model", "POST process-instance/x1/modification",
                "POST modification/execute", "POST process-definition/x1/restart", "POST migration/execute");
        assertWhy(refused, "messages, signals and conditions are not sent over the API", "POST message", "POST signal",
                "POST condition", "POST execution/x1/messageSubscriptions/m1/trigger");
        assertWhy(refused, "a job runs at its own time", "POST job/x1/execute", "PUT job/x1/duedate",
                "PUT job/x1/priority", "POST job/retries", "PUT job-definition/x1/retries");
        assertWhy(refused, "a task is claimed by a candidate for themselves", "POST task/create",
                "POST task/x1/assignee", "POST task/x1/delegate", "POST task/x1/resolve", "PUT task/x1",
                "POST task/x1/identity-links", "POST task/x1/comment/create");
        assertWhy(refused, "a run's history is its audit record", "DELETE history/process-instance/x1",
                "POST history/process-instance/delete", "POST history/cleanup",
                "POST history/process-instance/set-removal-time", "PUT process-definition/x1/history-time-to-live");
        assertWhy(refused, "runs and definitions are not deleted or suspended in bulk", "POST process-instance/delete",
                "DELETE process-definition/x1");
    }

    private static void assertWhy(Set<String> refused, String why, String... calls) {
        for (String call : calls) {
            assertThat(refused).contains(call);
            assertThat(EngineApiRules.whyRefused(method(call), path(call))).as(call).startsWith(why);
        }
    }

    private static String method(String call) {
        return call.substring(0, call.indexOf(' '));
    }

    private static String path(String call) {
        return call.substring(call.indexOf(' ') + 1);
    }

    /** "METHOD path" of every resource method of the default engine's API that is not a read. */
    static Set<String> engineWrites() {
        Set<String> calls = new TreeSet<>();
        collect(DefaultProcessEngineRestServiceImpl.class, "", calls, 0);
        return calls;
    }

    private static void collect(Class<?> resource, String prefix, Set<String> calls, int depth) {
        for (Method method : resource.getMethods()) {
            Path sub = method.getAnnotation(Path.class);
            String path = (prefix + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/").replaceAll("/$", "");
            String verb = java.util.Arrays.stream(method.getAnnotations())
                    .filter(a -> a.annotationType().isAnnotationPresent(HttpMethod.class))
                    .map(a -> a.annotationType().getAnnotation(HttpMethod.class).value()).findFirst().orElse(null);
            if (verb != null && !Set.of("GET", "HEAD", "OPTIONS").contains(verb)) {
                String named = path.substring(1);
                for (String[] parameter : PARAMETERS) {
                    named = named.replace(parameter[0], parameter[1]);
                }
                calls.add(verb + " " + named);
            } else if (verb == null && sub != null && depth < 5 && method.getReturnType() != Object.class) {
                collect(method.getReturnType(), path, calls, depth + 1);
            }
        }
    }
}
