package io.mqrunbooks.platform.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.testsupport.DatabaseTest;
import io.mqrunbooks.testsupport.TestDatabase;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * A node restarted after a crash runs the steps its dead incarnation had locked at once, not after their lock
 * expires; a second live node with the same identity is refused and releases nothing.
 */
@DatabaseTest
class NodeIdentityTest {

    private static final Queue<String> STEPS_RUN = new ConcurrentLinkedQueue<>();
    private static DataSource dataSource;
    private static JdbcTemplate jdbc;
    private static ProcessEngine engine;

    @BeforeAll
    static void engineOnAFreshDatabase() {
        dataSource = TestDatabase.current() == TestDatabase.MARIADB
                ? new DriverManagerDataSource(TestDatabase.mariaDbUrl("mqrunbooks_ci_node"), "root", "")
                : new DriverManagerDataSource("jdbc:h2:mem:node-identity;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        jdbc = new JdbcTemplate(dataSource);
        engine = engineWith("node-identity-test", List.of());
        engine.getRepositoryService().createDeployment().addModelInstance("step.bpmn",
                Bpmn.createExecutableProcess("asyncStep").camundaHistoryTimeToLive(1).startEvent()
                        .serviceTask("step").camundaAsyncBefore().camundaExpression("${stepsRun.add(execution.businessKey)}")
                        .endEvent().done()).deploy();
    }

    @AfterAll
    static void closeEngine() {
        JobExecutor jobExecutor = configuration().getJobExecutor();
        if (jobExecutor.isActive()) {
            jobExecutor.shutdown();
        }
        engine.close();
    }

    @Test
    void aRestartedNodeRunsTheStepItsDeadIncarnationLockedAtOnceAndLeavesOtherNodesJobsAlone() throws Exception {
        // As a node killed mid-step leaves it: the job acquired under its name, locked for an hour (the step's
        // transaction rolled back with the dead connection). Another node's job is locked the same way.
        String ownJob = stepJobOfNewRun("own");
        String otherNodesJob = stepJobOfNewRun("other");
        lock(ownJob, "node-r");
        lock(otherNodesJob, "node-elsewhere");

        try (NodeIdentity restarted = NodeIdentity.claim(dataSource, "node-r", "", Clock.systemUTC())) {
            assertThat(restarted.jobsReleased()).isEqualTo(1);
            JobExecutor jobExecutor = configuration().getJobExecutor();
            jobExecutor.setLockOwner("node-r");
            jobExecutor.start();
            try {
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (!STEPS_RUN.contains("own") && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            } finally {
                jobExecutor.shutdown();
            }
            assertThat(STEPS_RUN).contains("own").doesNotContain("other");
            assertThat(engine.getManagementService().createJobQuery().jobId(ownJob).count()).isZero();
            assertThat(lockOwner(otherNodesJob)).isEqualTo("node-elsewhere");
            // What an operator sees: the start and what it released.
            assertThat(jdbc.queryForObject("SELECT jobs_released FROM engine_node_start WHERE node_id = ? AND incarnation = ?",
                    Integer.class, "node-r", restarted.incarnation())).isEqualTo(1);
        }
    }

    @Test
    void aSecondLiveNodeWithTheSameIdentityIsRefusedAndReleasesNothing() {
        NodeIdentity first = NodeIdentity.claim(dataSource, "node-s", "", Clock.systemUTC());
        String runningStep = stepJobOfNewRun("running");
        lock(runningStep, "node-s");

        assertThatThrownBy(() -> NodeIdentity.claim(dataSource, "node-s", "", Clock.systemUTC()))
                .isInstanceOf(NodeIdentityInUseException.class)
                .hasMessageContaining("Node identity 'node-s' is held by another running node")
                .hasMessageContaining("pid " + ProcessHandle.current().pid())
                .hasMessageContaining("incarnation " + first.incarnation())
                .hasMessageContaining("mqrunbooks.node.id");
        assertThat(lockOwner(runningStep)).isEqualTo("node-s");

        // Once the first node is gone (a clean stop here; a kill ends its connection the same way), its
        // identity is free and its locked step is released.
        first.close();
        try (NodeIdentity next = NodeIdentity.claim(dataSource, "node-s", "", Clock.systemUTC())) {
            assertThat(next.jobsReleased()).isEqualTo(1);
            assertThat(lockOwner(runningStep)).isNull();
        }
    }

    @Test
    void theEnginePluginLocksUnderTheNodeIdReleasesBeforeTheJobExecutorStartsAndRefusesASecondLiveNode() {
        String leftByDeadIncarnation = stepJobOfNewRun("left");
        lock(leftByDeadIncarnation, "node-p");
        MockEnvironment environment = new MockEnvironment().withProperty("mqrunbooks.node.id", "node-p")
                .withProperty("camunda.bpm.generic-properties.properties.hostname", "job-log-name");

        NodeIdentityPlugin plugin = new NodeIdentityPlugin(dataSource, noMigrations(), environment);
        ProcessEngine nodeP = engineWith("node-p-1", List.of(plugin));
        try {
            JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) nodeP.getProcessEngineConfiguration()).getJobExecutor();
            assertThat(jobExecutor.getLockOwner()).isEqualTo("node-p");
            assertThat(jobExecutor.isActive()).isFalse();
            assertThat(lockOwner(leftByDeadIncarnation)).isNull();

            // A second node configured with the same id does not come up while node-p runs.
            assertThatThrownBy(() -> engineWith("node-p-2", List.of(new NodeIdentityPlugin(dataSource, noMigrations(),
                    environment, Duration.ofMillis(200)))))
                    .isInstanceOf(NodeIdentityInUseException.class)
                    .hasMessageContaining("Node identity 'node-p' is held by another running node");
        } finally {
            ProcessEngine refused = ProcessEngines.getProcessEngine("node-p-2");
            if (refused != null) {
                refused.close();
            }
            nodeP.close();
            plugin.destroy();
        }
    }

    @Test
    void theNodeIdIsConfiguredOrTheJobLogHostnameOrTheHostName() {
        assertThat(NodeIdentityPlugin.nodeId(new MockEnvironment()
                .withProperty("camunda.bpm.generic-properties.properties.hostname", "node-a"))).isEqualTo("node-a");
        assertThat(NodeIdentityPlugin.nodeId(new MockEnvironment())).isEqualTo(NodeIdentity.localHost());
        assertThatThrownBy(() -> NodeIdentityPlugin.nodeId(new MockEnvironment().withProperty("mqrunbooks.node.id", "node a")))
                .hasMessageContaining("mqrunbooks.node.id must be");
    }

    private static ProcessEngine engineWith(String name, List<ProcessEnginePlugin> plugins) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setDataSource(dataSource);
        if (TestDatabase.current() == TestDatabase.MARIADB) {
            configuration.setDatabaseType("mysql");
        }
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory("audit");
        configuration.setEnforceHistoryTimeToLive(false);
        configuration.setJobExecutorActivate(false);
        configuration.setBeans(Map.of("stepsRun", STEPS_RUN));
        configuration.setProcessEnginePlugins(plugins);
        return configuration.buildProcessEngine();
    }

    private static ObjectProvider<FlywayMigrationInitializer> noMigrations() {
        return new StaticListableBeanFactory().getBeanProvider(FlywayMigrationInitializer.class);
    }

    private static ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    private static String stepJobOfNewRun(String businessKey) {
        String run = engine.getRuntimeService().startProcessInstanceByKey("asyncStep", businessKey).getId();
        return engine.getManagementService().createJobQuery().processInstanceId(run).singleResult().getId();
    }

    private static void lock(String jobId, String owner) {
        jdbc.update("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ?, REV_ = REV_ + 1 WHERE ID_ = ?", owner,
                Timestamp.from(Instant.now().plus(1, ChronoUnit.HOURS)), jobId);
    }

    private static String lockOwner(String jobId) {
        return jdbc.queryForObject("SELECT LOCK_OWNER_ FROM ACT_RU_JOB WHERE ID_ = ?", String.class, jobId);
    }
}
