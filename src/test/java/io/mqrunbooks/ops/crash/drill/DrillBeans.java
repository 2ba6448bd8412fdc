package io.mqrunbooks.ops.crash.drill;

import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.application.port.out.SshPort;
import io.mqrunbooks.estate.Estate;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;

/**
 * The crash drill's delegates, loaded into the packaged app only by the crash and two-node harnesses
 * ({@code --spring.main.sources}, {@code -Dloader.path}); deliberately not annotated, so no test context
 * scanning {@code io.mqrunbooks} picks them up. They follow the runbook rule the drill checks: every
 * side-effecting step reads the queue manager's state first and does nothing when the work is done.
 * Each writes {@code <step>Action}: what it did, so the harness can count steps resumed after a kill.
 */
public class DrillBeans {

    @Bean
    public JavaDelegate drillCreateQueueManagerDelegate(MqControlPort control, SshPort ssh, Estate estate) {
        DrillSteps steps = new DrillSteps(control, ssh, estate);
        return execution -> execution.setVariable("createAction",
                steps.createIfAbsent(host(execution), queueManager(execution)));
    }

    @Bean
    public JavaDelegate drillStartQueueManagerDelegate(MqControlPort control, SshPort ssh, Estate estate) {
        DrillSteps steps = new DrillSteps(control, ssh, estate);
        return execution -> execution.setVariable("startAction",
                steps.startIfNotRunning(host(execution), queueManager(execution)));
    }

    @Bean
    public JavaDelegate drillEndQueueManagerDelegate(MqControlPort control, SshPort ssh, Estate estate) {
        DrillSteps steps = new DrillSteps(control, ssh, estate);
        return execution -> execution.setVariable("endAction",
                steps.endIfRunning(host(execution), queueManager(execution)));
    }

    @Bean
    public JavaDelegate drillDeleteQueueManagerDelegate(MqControlPort control, SshPort ssh, Estate estate) {
        DrillSteps steps = new DrillSteps(control, ssh, estate);
        return execution -> {
            execution.setVariable("deleteAction", steps.deleteIfPresent(host(execution), queueManager(execution)));
            execution.setVariable("outcome", "completed");
        };
    }

    private static String host(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
        return (String) execution.getVariable("host");
    }

    private static String queueManager(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
        return (String) execution.getVariable("queueManager");
    }
}
