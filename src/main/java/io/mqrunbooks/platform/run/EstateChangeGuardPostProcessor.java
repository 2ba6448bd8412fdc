package io.mqrunbooks.platform.run;

import io.mqrunbooks.adapter.outbound.mq.RoutingMqAdmin;
import io.mqrunbooks.adapter.outbound.mq.control.SshMqControl;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Puts {@link EstateChangeGuard} in front of the ports the runbook steps are given: the MQ control port and
 * the routing MQ admin port (the transports behind it are reached only through it).
 */
@Component
public class EstateChangeGuardPostProcessor implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof SshMqControl control) {
            return EstateChangeGuard.guard(control);
        }
        if (bean instanceof RoutingMqAdmin admin) {
            return EstateChangeGuard.guard(admin);
        }
        return bean;
    }
}
