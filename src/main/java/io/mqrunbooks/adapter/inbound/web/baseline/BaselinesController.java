package io.mqrunbooks.adapter.inbound.web.baseline;

import io.mqrunbooks.adapter.inbound.web.ApiErrors;
import io.mqrunbooks.application.baseline.Baseline;
import io.mqrunbooks.application.baseline.BaselineStore;
import io.mqrunbooks.mq.DefinitionDiff;
import io.mqrunbooks.application.baseline.LevelPlanRecord;
import io.mqrunbooks.evidence.SecretScrubber;
import io.mqrunbooks.mq.MqscObject;
import io.mqrunbooks.platform.security.CurrentUser;
import io.mqrunbooks.platform.security.Groups;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The DR object baselines: the versions per queue manager, each as an MQSC file, and the differences
 * between any two. Read-only; operators, auditors and Camunda administrators read every queue manager's, a change
 * manager those of the queue managers that the runs asking or having asked for their approval target
 * ({@link GatedRunTargets}): anything else is 403 for them, and the list leaves it out.
 */
@RestController
public class BaselinesController {

    static final String[] READERS = {Groups.OPERATORS, Groups.CHANGE_MANAGERS, Groups.AUDITORS, Groups.ADMINS};
    /** Read every queue manager's baselines; a change manager reads only its gated runs' targets. */
    static final String[] EVERY_BASELINE_READERS = {Groups.OPERATORS, Groups.AUDITORS, Groups.ADMINS};
    /** A primary's export may hold password attributes (PASSWORD, LDAPPWD, KEYRPWD): readers never get their values. */
    private static final SecretScrubber SECRETS = new SecretScrubber();

    private final BaselineStore store;
    private final GatedRunTargets gatedRunTargets;

    public BaselinesController(BaselineStore store, GatedRunTargets gatedRunTargets) {
        this.store = store;
        this.gatedRunTargets = gatedRunTargets;
    }

    @GetMapping(value = "/api/baselines", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> list(HttpServletRequest request,
                                    @RequestParam(name = "queueManager", required = false) String queueManager) {
        Access access = requireReader(request);
        Map<String, List<Version>> byQueueManager = new LinkedHashMap<>();
        for (Baseline b : store.list(Optional.ofNullable(queueManager).filter(q -> !q.isBlank()))) {
            if (!access.reads(b.queueManager())) {
                continue;
            }
            byQueueManager.computeIfAbsent(b.queueManager(), q -> new ArrayList<>()).add(Version.of(b));
        }
        return Map.of("queueManagers", byQueueManager.entrySet().stream()
                .map(versions -> new QueueManagerVersions(versions.getKey(), versions.getValue())).toList());
    }

    @GetMapping(value = "/api/baselines/{id}.mqsc")
    public ResponseEntity<String> download(HttpServletRequest request, @PathVariable("id") long id) {
        Baseline b = find(requireReader(request), id);
        return mqscFile(b.queueManager() + "-baseline-" + b.id(), b.mqsc());
    }

    @GetMapping(value = "/api/baselines/levelling/{id}.mqsc")
    public ResponseEntity<String> levellingScript(HttpServletRequest request, @PathVariable("id") long id) {
        LevelPlanRecord plan = plan(requireReader(request), id);
        return mqscFile(plan.backupQueueManager() + "-levelling-" + plan.id(), plan.script());
    }

    /** An MQSC script as a download named {@code <name>.mqsc} ('/' and '%' of a queue manager name made '_'). */
    private static ResponseEntity<String> mqscFile(String name, String mqsc) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name.replace('/', '_')
                        .replace('%', '_') + ".mqsc\"")
                .body(SECRETS.scrub(mqsc));
    }

    @GetMapping(value = "/api/baselines/levelling/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> levelling(HttpServletRequest request, @PathVariable("id") long id) {
        LevelPlanRecord plan = plan(requireReader(request), id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", plan.id());
        out.put("queueManager", plan.queueManager());
        out.put("backupQueueManager", plan.backupQueueManager());
        out.put("baselineId", plan.baselineId());
        out.put("createdAt", plan.createdAt().toString());
        out.put("summary", SECRETS.scrub(plan.summary()));
        out.put("script", SECRETS.scrub(plan.script()));
        return out;
    }

    @GetMapping(value = "/api/baselines/diff", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> diff(HttpServletRequest request, @RequestParam("from") long from,
                                    @RequestParam("to") long to) {
        Access access = requireReader(request);
        Baseline a = find(access, from);
        Baseline b = find(access, to);
        DefinitionDiff diff = DefinitionDiff.between(a.definitions(), b.definitions());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", Version.of(a));
        out.put("to", Version.of(b));
        out.put("counts", Map.of("added", diff.added().size(), "removed", diff.removed().size(),
                "changed", diff.changed().size()));
        out.put("added", diff.added().stream().map(DefinedObject::of).toList());
        out.put("removed", diff.removed().stream().map(DefinedObject::of).toList());
        out.put("changed", diff.changed().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("object", c.key().display());
            m.put("attributes", c.attributes());
            return m;
        }).toList());
        out.put("text", text(a, b, diff));
        return out;
    }

    @GetMapping(value = "/api/baselines/diff", produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<String> diffAsText(HttpServletRequest request, @RequestParam("from") long from,
                                             @RequestParam("to") long to) {
        Access access = requireReader(request);
        Baseline a = find(access, from);
        Baseline b = find(access, to);
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .body(text(a, b, DefinitionDiff.between(a.definitions(), b.definitions())));
    }

    private static String text(Baseline a, Baseline b, DefinitionDiff diff) {
        return "From baseline " + a.describe() + "\nTo baseline   " + b.describe() + "\n" + diff.counts() + "\n"
                + SECRETS.scrub(diff.render());
    }

    /** An MQ object of a difference, as JSON. */
    record DefinedObject(String object, String mqsc) {
        static DefinedObject of(MqscObject o) {
            return new DefinedObject(o.key().display(), SECRETS.scrub(o.toMqsc()));
        }
    }

    record QueueManagerVersions(String queueManager, List<Version> versions) {
    }

    /** A stored version as JSON, with where its MQSC file is. */
    record Version(long id, String queueManager, String host, String takenAt, String sha256, int objectCount,
                   String download) {
        static Version of(Baseline b) {
            return new Version(b.id(), b.queueManager(), b.host(), b.takenAt().toString(), b.sha256(), b.objectCount(),
                    "/api/baselines/" + b.id() + ".mqsc");
        }
    }

    /** A plan is its primary's: a change manager reads it when they read that queue manager's baselines. */
    private LevelPlanRecord plan(Access access, long id) {
        return readable(access, store.findPlan(id), LevelPlanRecord::queueManager, "levelling plan #" + id);
    }

    private Baseline find(Access access, long id) {
        return readable(access, store.find(id), Baseline::queueManager, "baseline #" + id);
    }

    /** What was found, if the user reads its queue manager's baselines; a change manager gets 403 for missing too. */
    private static <T> T readable(Access access, Optional<T> found, Function<T, String> queueManager, String what) {
        if (!access.everyQueueManager() && !found.map(queueManager).map(access::reads).orElse(false)) {
            throw access.refused(what);
        }
        return found.orElseThrow(() -> new NoSuchBaseline("No " + what + " is stored."));
    }

    private Access requireReader(HttpServletRequest request) {
        CurrentUser user = CurrentUser.of(request);
        if (user.inAnyGroup(EVERY_BASELINE_READERS)) {
            return new Access(user, null);
        }
        if (user.inAnyGroup(Groups.CHANGE_MANAGERS)) {
            return new Access(user, gatedRunTargets.queueManagers(user));
        }
        throw new AccessDenied("User '" + user.userId() + "' may not read baselines: that needs membership of one "
                + "of the groups " + String.join(", ", READERS) + ".");
    }

    /**
     * What one user reads: every queue manager's baselines, or (a change manager) those of {@code queueManagers}.
     * A change manager is refused a missing id and another queue manager's alike, so ids tell them nothing.
     */
    private record Access(CurrentUser user, Set<String> queueManagers) {

        boolean everyQueueManager() {
            return queueManagers == null;
        }

        boolean reads(String queueManager) {
            return everyQueueManager() || queueManagers.contains(queueManager);
        }

        AccessDenied refused(String what) {
            return new AccessDenied("User '" + user.userId() + "' may not read " + what + ": a change manager reads"
                    + " the baselines of the queue managers that the runs asking or having asked for their approval"
                    + " target.");
        }
    }

    @ExceptionHandler(AccessDenied.class)
    ResponseEntity<Map<String, Object>> forbidden(AccessDenied e) {
        return ApiErrors.error(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(NoSuchBaseline.class)
    ResponseEntity<Map<String, Object>> notFound(NoSuchBaseline e) {
        return ApiErrors.error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badParameter(MethodArgumentTypeMismatchException e) {
        return ApiErrors.error(HttpStatus.BAD_REQUEST, "Parameter '" + e.getName() + "' must be a baseline id (a whole number), was '"
                + e.getValue() + "'.");
    }


    static final class AccessDenied extends RuntimeException {
        AccessDenied(String message) {
            super(message);
        }
    }

    static final class NoSuchBaseline extends RuntimeException {
        NoSuchBaseline(String message) {
            super(message);
        }
    }
}
