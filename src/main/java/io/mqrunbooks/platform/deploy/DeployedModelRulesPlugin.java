package io.mqrunbooks.platform.deploy;

import io.mqrunbooks.platform.forms.FormCatalog;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/** Runs {@link DeployedModelRules} before the engine's own deployers, for every deployment. */
@Component
public class DeployedModelRulesPlugin extends AbstractProcessEnginePlugin {

    private final ListableBeanFactory beans;

    public DeployedModelRulesPlugin(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = new ArrayList<>();
        deployers.add(new DeployedModelRules(beans::containsBean, FormCatalog.fromClasspath()));
        if (configuration.getCustomPreDeployers() != null) {
            deployers.addAll(configuration.getCustomPreDeployers());
        }
        configuration.setCustomPreDeployers(deployers);
    }
}
