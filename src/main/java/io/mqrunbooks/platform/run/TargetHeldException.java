package io.mqrunbooks.platform.run;

/**
 * A run was not started because another run holds one of its targets: its message names the target, the
 * holding run (id, runbook, business key, who started it and when) and what to do. The start rolls back, so
 * nothing of the refused run remains. Not a {@code ProcessEngineException}, so the engine REST API passes it on
 * as it is, and {@link TargetHeldResponses} answers 409 with its message.
 */
public class TargetHeldException extends RuntimeException {

    public TargetHeldException(String message) {
        super(message);
    }
}
