package io.mqrunbooks.platform.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The lab's seeded users keep their documented passwords (each its own id, README "Demo users"), which Camunda's
 * password policy refuses: the policy is off while the engine starts (the starter's admin:admin) and
 * {@link LabDemoUsers} creates the demo users, then back as configured, before the server takes a request.
 * Every other profile's first administrator, and every password set over the API or in Admin, must meet it.
 */
@Component
@Profile("lab")
public class LabPasswordPolicy extends AbstractProcessEnginePlugin {

    private ProcessEngineConfigurationImpl configuration;
    private boolean configured;

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        this.configured = configuration.isEnablePasswordPolicy();
        configuration.setEnablePasswordPolicy(false);
    }

    /** Called once the lab's users exist. */
    void restore() {
        configuration.setEnablePasswordPolicy(configured);
    }
}
