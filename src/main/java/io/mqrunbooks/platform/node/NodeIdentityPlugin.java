package io.mqrunbooks.platform.node;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Gives the engine this node's stable identity (docs/operations.md "Node identity and restarts"): the job executor
 * locks jobs under it, and once the engine is built, before the job executor starts (the Spring Boot starter
 * starts it when the application is ready), the node takes the identity and releases the jobs its previous,
 * dead incarnation left locked.
 */
@Component
public class NodeIdentityPlugin extends AbstractProcessEnginePlugin implements DisposableBean {

    static final String NODE_ID = "mqrunbooks.node.id";
    static final String CAMUNDA_HOSTNAME = "camunda.bpm.generic-properties.properties.hostname";
    static final int MAX_LENGTH = 255;
    private static final Duration HEARTBEAT = Duration.ofSeconds(30);
    /** Longer than MariaDB takes to drop a dead holder's connection, so a node restarted after its host died starts. */
    private static final Duration CLAIM_WAIT = Duration.ofSeconds(NodeIdentity.HOLDER_IDLE_TIMEOUT_SECONDS + 10);

    private final DataSource dataSource;
    private final ObjectProvider<FlywayMigrationInitializer> migrations;
    private final String nodeId;
    private final Duration claimWait;
    private ProcessEngineConfigurationImpl configuration;
    private NodeIdentity identity;

    @Autowired
    public NodeIdentityPlugin(DataSource dataSource, ObjectProvider<FlywayMigrationInitializer> migrations,
                              Environment environment) {
        this(dataSource, migrations, environment, CLAIM_WAIT);
    }

    NodeIdentityPlugin(DataSource dataSource, ObjectProvider<FlywayMigrationInitializer> migrations,
                       Environment environment, Duration claimWait) {
        this.dataSource = dataSource;
        this.migrations = migrations;
        this.nodeId = nodeId(environment);
        this.claimWait = claimWait;
    }

    /**
     * {@code mqrunbooks.node.id}; else the job log's hostname if one is configured; else the machine's host name
     * (a container's, stable across restarts of the container).
     */
    static String nodeId(Environment environment) {
        String configured = environment.getProperty(NODE_ID, "").strip();
        if (configured.isEmpty()) {
            configured = environment.getProperty(CAMUNDA_HOSTNAME, "").strip();
        }
        if (configured.isEmpty()) {
            configured = NodeIdentity.localHost();
        }
        if (configured.isEmpty() || configured.length() > MAX_LENGTH || !configured.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException(NODE_ID + " must be 1 to " + MAX_LENGTH
                    + " printable ASCII characters without spaces, was '" + configured + "'");
        }
        return configured;
    }

    public String nodeId() {
        return nodeId;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        JobExecutor jobExecutor = configuration.getJobExecutor();
        if (jobExecutor != null) {
            jobExecutor.setLockOwner(nodeId);
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        // engine_node comes from the product's migrations; make sure they ran.
        migrations.getIfAvailable();
        identity = NodeIdentity.claim(dataSource, nodeId, configuration.getDatabaseTablePrefix(), Clock.systemUTC(),
                claimWait);
        identity.startHeartbeat(HEARTBEAT, () -> {
            JobExecutor jobExecutor = configuration.getJobExecutor();
            if (jobExecutor != null && jobExecutor.isActive()) {
                jobExecutor.shutdown();
            }
        });
    }

    @Override
    public void destroy() {
        if (identity != null) {
            identity.close();
        }
    }
}
