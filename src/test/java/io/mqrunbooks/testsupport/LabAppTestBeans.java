package io.mqrunbooks.testsupport;

import io.mqrunbooks.application.port.out.CommandEvidenceSink;
import io.mqrunbooks.application.port.out.CommandResult;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The beans {@link LabAppTest}'s one context adds to the app, for all its subclasses alike (a subclass's own beans
 * would start a second context): the lab's movable time, and the command step of the evidence wiring test's process
 * ({@code evidence/evidence-capture-test.bpmn}), which records one command as the SSH adapter would.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LabAppTestBeans {

    @Bean
    MovableLabTime movableLabTime() {
        return new MovableLabTime();
    }

    @Bean
    JavaDelegate runCommandDelegate(CommandEvidenceSink sink) {
        return execution -> sink.commandRan(new CommandResult("drhost1", "dspmq -m QM1", 0,
                "QMNAME(QM1)  STATUS(Running)\n", "", Duration.ofMillis(5), false));
    }
}
