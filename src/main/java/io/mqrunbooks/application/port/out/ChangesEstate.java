package io.mqrunbooks.application.port.out;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a port method that changes the estate (starts, ends, promotes, creates, deletes, alters, puts).
 * Called from a runbook step, it runs only when that step holds an approval of the run's sealed plan by
 * someone other than the initiator, and only on the queue managers and hosts of the run's sealed scope.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ChangesEstate {
}
