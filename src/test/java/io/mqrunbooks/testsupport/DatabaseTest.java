package io.mqrunbooks.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test that uses the database (engine, persistence, whole-app tests). CI runs these a second
 * time against MariaDB ({@code -Dgroups=database -Dmqrb.test.db=mariadb}); they must pass on both.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("database")
public @interface DatabaseTest {
}
