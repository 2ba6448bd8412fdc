package io.mqrunbooks.application.rdqm;

/**
 * Kept for the runbooks not yet moved to {@link io.mqrunbooks.application.RunbookRefusal}; a refusal of this
 * type is one of that type.
 *
 * @deprecated use {@link io.mqrunbooks.application.RunbookRefusal}
 */
@Deprecated
public class RunbookRefusal extends io.mqrunbooks.application.RunbookRefusal {

    public RunbookRefusal(String code, String reason) {
        super(code, reason);
    }
}
