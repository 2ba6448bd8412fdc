package io.mqrunbooks.testsupport;

import io.mqrunbooks.application.port.out.CommandEvidenceSink;
import io.mqrunbooks.application.port.out.CommandResult;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The beans {@link LabAppTest}'s one context adds to the app, for all its subclasses alike (a subclass's own beans
 * would start a second context): the lab's movable time, the command step of the evidence wiring test's process
 * ({@code evidence/evidence-capture-test.bpmn}), which records one command as the SSH adapter would, and the ops
 * test's probe steps (one logs, one always fails).
 */
@TestConfiguration(proxyBeanMethods = false)
public class LabAppTestBeans {

    private static final Logger PROBE_LOG = LoggerFactory.getLogger("io.mqrunbooks.ops.probe");

    @Bean
    MovableLabTime movableLabTime() {
        return new MovableLabTime();
    }

    @Bean
    JavaDelegate runCommandDelegate(CommandEvidenceSink sink) {
        return execution -> sink.commandRan(new CommandResult("drhost1", "dspmq -m QM1", 0,
                "QMNAME(QM1)  STATUS(Running)\n", "", Duration.ofMillis(5), false));
    }

    @Bean
    JavaDelegate opsProbeDelegate() {
        return execution -> PROBE_LOG.info("probe step ran for {}", execution.getProcessInstanceId());
    }

    @Bean
    JavaDelegate opsFailingDelegate() {
        return execution -> {
            throw new IllegalStateException("probe failure: the step could not reach its host");
        };
    }
}
