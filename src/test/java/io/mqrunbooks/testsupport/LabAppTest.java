package io.mqrunbooks.testsupport;

import io.mqrunbooks.lab.LabFaults;
import io.mqrunbooks.lab.LabJournal;
import io.mqrunbooks.lab.mq.SimulatedMqEstate;
import io.mqrunbooks.platform.security.LoginThrottle;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the end-to-end tests: the whole app with the lab over real SSH. Every subclass shares one
 * Spring context (one engine, one lab), so keep subclasses free of their own properties and mock beans: a bean a
 * test needs goes into {@link LabAppTestBeans}, for all of them.
 * Each test starts from the lab's initial state, no faults, an empty journal, no runs left over, and an empty
 * baseline store (a DR activation falls back to a stored baseline, so one kept by an earlier test would change
 * its path).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(LabAppTestBeans.class)
// Spring Boot tests switch metric export off unless asked; the ops test reads the Prometheus endpoint in this context.
@AutoConfigureObservability(tracing = false)
@DatabaseTest
public abstract class LabAppTest {

    @DynamicPropertySource
    static void labApp(DynamicPropertyRegistry registry) {
        AppTestSupport.register(registry);
        // Probe at every health call, so that a host a test takes down shows at once (OpsEndpointsTest).
        registry.add("mqrunbooks.ops.host-check-cache-for", () -> "0s");
    }

    @Autowired
    protected SimulatedMqEstate labMq;
    @Autowired
    protected LabJournal labJournal;
    @Autowired
    protected LabFaults labFaults;
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    protected IdentityService identityService;
    @Autowired
    private JdbcTemplate jdbcTemplate;
    @Autowired
    private LoginThrottle loginThrottle;

    @BeforeEach
    void startFromACleanLab() {
        deleteRuns();
        labFaults.clearAll();
        labMq.reset();
        labJournal.clear();
        // one test's refused logins from 127.0.0.1 do not throttle the next test's
        loginThrottle.forgetAll();
        for (String table : List.of("baseline_check", "baseline_backup_level", "baseline_level_plan", "baseline_version")) {
            jdbcTemplate.update("DELETE FROM " + table);
        }
    }

    @AfterEach
    void leaveNoRunsBehind() {
        identityService.clearAuthentication();
        deleteRuns();
    }

    private void deleteRuns() {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                for (ProcessInstance run : runtimeService.createProcessInstanceQuery().list()) {
                    runtimeService.deleteProcessInstance(run.getId(), "end of test", true, true);
                }
                return;
            } catch (ProcessEngineException busy) {
                // a job was running for that instance; try again
            }
        }
    }
}
