package io.mqrunbooks.platform.foureyes;

import io.mqrunbooks.platform.security.Groups;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * What a gate is, in one place for the four-eyes rule and the audit trail: a user task whose candidates
 * are the change managers. Its form captures {@link #DECISION} and {@link #COMMENT}.
 */
public final class Gates {

    /** The gate form's decision variable: {@code approve} or {@code reject}. */
    public static final String DECISION = "decision";
    /** The gate form's comment variable. */
    public static final String COMMENT = "comment";

    private Gates() {
    }

    public static boolean isGate(DelegateTask task) {
        return task.getCandidates().stream().anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                && Groups.CHANGE_MANAGERS.equals(link.getGroupId()));
    }
}
