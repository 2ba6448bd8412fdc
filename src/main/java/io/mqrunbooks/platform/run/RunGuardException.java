package io.mqrunbooks.platform.run;

/**
 * A step refused to act because the run's sealed record does not allow it: no approval of the plan by
 * someone other than the initiator, a sealed value changed, or a target outside the sealed scope. A
 * technical failure on purpose: the step becomes an incident with this message, nothing is changed, and
 * no retry can pass until the cause is gone.
 */
public class RunGuardException extends RuntimeException {

    public RunGuardException(String message) {
        super(message);
    }
}
