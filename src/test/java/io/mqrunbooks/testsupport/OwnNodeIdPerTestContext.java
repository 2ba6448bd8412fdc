package io.mqrunbooks.testsupport;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Every Spring context a test starts is an engine node of its own, and a JVM caches several of them, on MariaDB on
 * one database: each gets its own {@code mqrunbooks.node.id} (the default, the machine's host name, would be the
 * same for all, and the second context would rightly be refused). A test that sets the id keeps its own.
 */
public class OwnNodeIdPerTestContext implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String id = "test-" + ProcessHandle.current().pid() + "-" + CONTEXTS.incrementAndGet();
        context.getEnvironment().getPropertySources()
                .addLast(new MapPropertySource("ownNodeIdPerTestContext", Map.of("mqrunbooks.node.id", id)));
    }
}
