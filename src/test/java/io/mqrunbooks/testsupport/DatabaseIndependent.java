package io.mqrunbooks.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a {@link DatabaseTest} (by inheritance, e.g. a {@link LabAppTest}) whose assertions the database cannot change:
 * it drives the lab over SSH and reads what the lab answers, and the only rows it writes are the SSH adapter's command
 * evidence, which the evidence and runbook tests check on MariaDB. It runs in every build on H2; CI's MariaDB pass
 * leaves it out ({@code -Dsurefire.excludedGroups=browser,database-independent}, {@code .ci/run}), as it leaves out the
 * browser tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("database-independent")
public @interface DatabaseIndependent {
}
