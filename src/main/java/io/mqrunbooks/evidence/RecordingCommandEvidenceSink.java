package io.mqrunbooks.evidence;

import io.mqrunbooks.application.port.out.CommandEvidenceSink;
import io.mqrunbooks.application.port.out.CommandResult;
import io.mqrunbooks.application.port.out.RunContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Stores every command an adapter ran as a COMMAND record of the current run and step. A command outside
 * any run (no {@link RunContext}: a health check, an administrator's tool) is stored under the pseudo run
 * {@value EvidenceStore#NO_RUN}: a command that touched a host must never go unrecorded.
 */
@Component
public class RecordingCommandEvidenceSink implements CommandEvidenceSink {

    /** Who commands are attributed to: they run on the engine's threads, on behalf of the run. */
    public static final String ENGINE_ACTOR = "engine";

    private final EvidenceStore store;

    public RecordingCommandEvidenceSink(EvidenceStore store) {
        this.store = store;
    }

    @Override
    public void commandRan(CommandResult result) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("host", result.host());
        payload.put("commandLine", result.commandLine());
        payload.put("exitCode", result.exitCode());
        payload.put("stdout", result.stdout());
        payload.put("stderr", result.stderr());
        payload.put("durationMs", result.duration() == null ? null : result.duration().toMillis());
        payload.put("truncated", result.truncated());
        NewEvidence evidence = RunContext.current()
                .map(step -> new NewEvidence(step.processInstanceId(), step.businessKey(), null, EvidenceKind.COMMAND,
                        step.activityId(), step.activityName(), ENGINE_ACTOR, payload))
                .orElseGet(() -> new NewEvidence(EvidenceStore.NO_RUN, null, null, EvidenceKind.COMMAND, null, null,
                        ENGINE_ACTOR, payload));
        store.append(evidence);
    }
}
