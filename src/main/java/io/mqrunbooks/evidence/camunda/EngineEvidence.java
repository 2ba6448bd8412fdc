package io.mqrunbooks.evidence.camunda;

import io.mqrunbooks.evidence.EvidenceKind;
import io.mqrunbooks.evidence.EvidenceStore;
import io.mqrunbooks.evidence.NewEvidence;
import io.mqrunbooks.evidence.SecretScrubber;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** What the engine listeners share: the store, the actor of the current command, safe variable values. */
class EngineEvidence {

    /** Recorded as the actor when no user is authenticated: the job executor or a timer did it. */
    static final String ENGINE_ACTOR = "engine";

    private final EvidenceStore store;
    private final SecretScrubber scrubber;
    /** A run's initiator as the server sealed it at its start (empty where no run records are kept). */
    private final Function<String, Optional<String>> sealedInitiator;

    EngineEvidence(EvidenceStore store, SecretScrubber scrubber, Function<String, Optional<String>> sealedInitiator) {
        this.store = store;
        this.scrubber = scrubber;
        this.sealedInitiator = sealedInitiator;
    }

    Optional<String> sealedInitiator(String runId) {
        return sealedInitiator.apply(runId);
    }

    EvidenceStore store() {
        return store;
    }

    void append(String runId, String businessKey, String processKey, EvidenceKind kind, String stepId,
                String stepName, String actor, Map<String, Object> payload) {
        HeldBackEvidence.append(store, new NewEvidence(runId, businessKey, processKey, kind, stepId, stepName, actor, payload));
    }

    /** The user the engine command runs for ({@code IdentityService.setAuthenticatedUserId}, REST, Tasklist). */
    static String authenticatedUser() {
        CommandContext command = Context.getCommandContext();
        return command == null ? null : command.getAuthenticatedUserId();
    }

    static String actorOrEngine() {
        String user = authenticatedUser();
        return user != null ? user : ENGINE_ACTOR;
    }

    boolean isSecret(String variableName) {
        return scrubber.isSecretName(variableName);
    }

    /** Variable values as JSON-friendly values, secrets left out by name. */
    Map<String, Object> safeValues(Map<String, TypedValue> typed) {
        Map<String, Object> values = new LinkedHashMap<>();
        typed.forEach((name, value) -> {
            if (!isSecret(name)) {
                values.put(name, plain(value));
            }
        });
        return values;
    }

    static Object plain(TypedValue typed) {
        if (typed == null) {
            return null;
        }
        Object value = typed.getValue();
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (typed.getType() != null && "json".equals(typed.getType().getName())) {
            return value.toString();
        }
        return "(" + (typed.getType() == null ? value.getClass().getSimpleName() : typed.getType().getName())
                + " value not recorded)";
    }
}
