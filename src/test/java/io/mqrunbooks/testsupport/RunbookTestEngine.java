package io.mqrunbooks.testsupport;

import io.mqrunbooks.application.versions.BulletinTableConfiguration;
import io.mqrunbooks.application.versions.SecurityBulletins;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.InventoryLoader;
import io.mqrunbooks.platform.run.EstateRunScopes;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.io.ClassPathResource;
import io.mqrunbooks.platform.forms.FormCatalog;
import io.mqrunbooks.platform.run.RunSealing;
import io.mqrunbooks.platform.run.SealedRunsPlugin;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import io.mqrunbooks.adapter.inbound.camunda.RunbookWaitSettings;
import io.mqrunbooks.adapter.inbound.camunda.RunbookWaits;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * The engine for fast engine tests of the runbooks: in-memory H2 (or CI's MariaDB pass), full history, the
 * product's sealed runs (four-eyes, gate decisions, step checks), Spin for JSON, delegates registered with {@code Mocks.register(name, bean)},
 * job executor off so tests drive async steps and timers themselves. Use:
 *
 * <pre>{@code
 * @RegisterExtension
 * static ProcessEngineExtension engine = RunbookTestEngine.extension();
 * }</pre>
 */
public final class RunbookTestEngine {

    /** The engine's sealed runs and gate decisions, for tests that look at them. */
    public static final InMemoryRunRecords RECORDS = new InMemoryRunRecords();
    /** The runbooks' poll waits as the app configures them by default (30 s), shortened by a run's sealed start. */
    public static final RunbookWaits WAITS = new RunbookWaits(RECORDS, RunbookWaitSettings.defaults());

    private static ProcessEngine engine;

    private RunbookTestEngine() {
    }

    public static synchronized ProcessEngine get() {
        if (engine == null) {
            engine = build();
        }
        return engine;
    }

    public static ProcessEngineExtension extension() {
        // camunda-bpm-assert's static helpers (job(), execute(), assertThat(...)) look the engine up globally;
        // with several engines in one JVM (the app's, this one) they must be told which.
        BpmnAwareTests.init(get());
        return ProcessEngineExtension.builder().useProcessEngine(get()).build();
    }

    /** The lab's inventory ({@code lab/lab-estate.yaml}), as the lab profile loads it. */
    public static Estate labEstate() {
        try (Reader yaml = new InputStreamReader(RunbookTestEngine.class.getResourceAsStream("/lab/lab-estate.yaml"),
                StandardCharsets.UTF_8)) {
            return new InventoryLoader().load("lab-estate.yaml", yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped bulletin table ({@code security/ibm-mq-bulletins.yaml}), loaded as the app loads it. */
    public static SecurityBulletins bulletins() {
        return new BulletinTableConfiguration().securityBulletins(new ClassPathResource("security/ibm-mq-bulletins.yaml"));
    }

    private static ProcessEngine build() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("runbook-test-engine");
        if (TestDatabase.current() == TestDatabase.MARIADB) {
            configuration.setJdbcUrl(TestDatabase.mariaDbUrl("mqrunbooks_ci_engine"));
            configuration.setJdbcDriver("org.mariadb.jdbc.Driver");
            configuration.setJdbcUsername("root");
            configuration.setJdbcPassword("");
            configuration.setDatabaseType("mysql");
        } else {
            configuration.setJdbcUrl("jdbc:h2:mem:runbook-test-engine;DB_CLOSE_DELAY=1000");
        }
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory("full");
        configuration.setJobExecutorActivate(false);
        configuration.setExpressionManager(new MockExpressionManager() {
            // The runbooks' poll waits, as the app configures them by default: present in every test, mocks or not.
            @Override
            protected org.camunda.bpm.impl.juel.jakarta.el.ELResolver createElResolver() {
                org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver resolver =
                        new org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver();
                resolver.add(new org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver(
                        Map.of("runbookWaits", WAITS)));
                resolver.add(super.createElResolver());
                return resolver;
            }
        });
        configuration.setEnforceHistoryTimeToLive(false);
        List<ProcessEnginePlugin> plugins = new ArrayList<>();
        plugins.add(new SpinProcessEnginePlugin());
        plugins.add(new FlowCoverageRecorder());
        // Ports are mocked here; the scope is resolved from the lab inventory as the app does, so steps that read
        // the sealed scope (the version pre-flight) see the hosts a real run would.
        plugins.add(new SealedRunsPlugin(new RunSealing(RECORDS, new EstateRunScopes(new StaticListableBeanFactory(
                Map.of("estate", labEstate())).getBeanProvider(Estate.class)),
                FormCatalog.fromClasspath(), new InMemoryTargetLeases(), Clock.systemUTC())));
        configuration.setProcessEnginePlugins(plugins);
        return configuration.buildProcessEngine();
    }
}
