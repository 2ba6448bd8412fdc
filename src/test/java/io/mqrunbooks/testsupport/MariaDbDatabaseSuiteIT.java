package io.mqrunbooks.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.ClassNameFilter.excludeClassNamePatterns;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * CI's MariaDB pass inside {@code ./mvnw verify}: every test class tagged {@code database} ({@link DatabaseTest}) that
 * Surefire runs on H2 runs here once more on the MariaDB server on 127.0.0.1:3306, in Failsafe's phase beside the
 * drills, which spend most of their time waiting (docs/benchmarks.md "The suite's own time"). It has its own
 * databases ({@link TestDatabase#SUITE_FORK}) and records no flow coverage (the Surefire JVMs did; see
 * {@link FlowCoverageRecorder}). Each inner failure fails this test with the inner test's name and message; the
 * figures per class go to this test's output ({@code target/failsafe-reports/*MariaDbDatabaseSuiteIT-output.txt}).
 */
class MariaDbDatabaseSuiteIT {

    /** The database tests counted 270 when this was written; far fewer means the selection broke, not the tests. */
    private static final int AT_LEAST_TESTS = 250;

    @Test
    void everyDatabaseTestPassesOnMariaDb() {
        Map<String, String> properties = Map.of("mqrb.test.db", "mariadb", "mqrb.test.fork", TestDatabase.SUITE_FORK,
                FlowCoverageRecorder.OFF_PROPERTY, "off");
        Map<String, String> before = new TreeMap<>();
        properties.keySet().forEach(key -> before.put(key, System.getProperty(key)));
        properties.forEach(System::setProperty);
        Outcomes outcomes = new Outcomes();
        try {
            Launcher launcher = LauncherFactory.create();
            launcher.execute(databaseTests(), outcomes);
        } finally {
            // Failsafe reuses this JVM for another IT class, which must see the settings it was started with.
            before.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
        System.out.print(outcomes.summary());

        assertThat(outcomes.failures).as("database tests failing on MariaDB (figures per class: this test's output)")
                .isEmpty();
        assertThat(outcomes.testsRun()).as("database tests run on MariaDB").isGreaterThan(AT_LEAST_TESTS);
    }

    /** What Surefire runs with {@code -Dgroups=database}: its default class name patterns over the compiled tests. */
    private static LauncherDiscoveryRequest databaseTests() {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(Set.of(Path.of("target", "test-classes"))))
                .filters(includeClassNamePatterns("^(.*\\.)?Test[^.]*$", "^.*Test$", "^.*Tests$", "^.*TestCase$"),
                        excludeClassNamePatterns("^.*\\$.*$"),
                        TagFilter.includeTags("database"))
                .build();
    }

    /** Counts per class and every failure, of tests and of containers (a class whose context does not start). */
    private static final class Outcomes implements TestExecutionListener {

        private final Map<String, int[]> perClass = new ConcurrentHashMap<>();
        private final List<String> failures = new ArrayList<>();
        private final StringWriter traces = new StringWriter();

        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            counts(test)[SKIPPED]++;
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest()) {
                int[] counts = counts(test);
                counts[RUN]++;
                if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
                    counts[ABORTED]++;
                }
            }
            if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                if (test.isTest()) {
                    counts(test)[FAILED]++;
                }
                Throwable cause = result.getThrowable().orElse(null);
                failures.add(className(test) + " " + test.getDisplayName() + ": " + cause);
                if (cause != null) {
                    cause.printStackTrace(new PrintWriter(traces));
                }
            }
            if (test.getSource().filter(ClassSource.class::isInstance).isPresent()) {
                // Progress in the output file while the pass runs, one line per class.
                int[] counts = counts(test);
                System.out.printf("MariaDB database suite: %s: %d run, %d failed, %s%n", className(test), counts[RUN],
                        counts[FAILED], result.getStatus());
            }
        }

        @Override
        public void testPlanExecutionFinished(TestPlan testPlan) {
            failures.sort(null);
        }

        int testsRun() {
            return perClass.values().stream().mapToInt(counts -> counts[RUN]).sum();
        }

        String summary() {
            StringBuilder summary = new StringBuilder("MariaDB database suite: tests run, failed, aborted, skipped per class\n");
            int[] total = new int[4];
            new TreeMap<>(perClass).forEach((name, counts) -> {
                summary.append("%s  %d  %d  %d  %d%n".formatted(name, counts[RUN], counts[FAILED], counts[ABORTED],
                        counts[SKIPPED]));
                for (int i = 0; i < total.length; i++) {
                    total[i] += counts[i];
                }
            });
            summary.append("all %d classes  %d  %d  %d  %d%n".formatted(perClass.size(), total[RUN], total[FAILED],
                    total[ABORTED], total[SKIPPED]));
            return summary + traces.toString();
        }

        private int[] counts(TestIdentifier test) {
            return perClass.computeIfAbsent(className(test), name -> new int[4]);
        }

        private static String className(TestIdentifier test) {
            return test.getSource().map(source -> source instanceof MethodSource method ? method.getClassName()
                    : source instanceof ClassSource type ? type.getClassName() : source.toString())
                    .orElse(test.getUniqueId());
        }

        private static final int RUN = 0;
        private static final int FAILED = 1;
        private static final int ABORTED = 2;
        private static final int SKIPPED = 3;
    }
}
