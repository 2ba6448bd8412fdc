package io.mqrunbooks.platform.foureyes;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Four-eyes for every runbook: records who started each run, and refuses to let that user claim or
 * complete any approval gate of it. The check sits in the engine's command checkers, so Tasklist, the
 * REST API and the Java API are refused alike.
 */
@Component
public class FourEyesPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPostBPMNParseListeners(listeners);
        }
        listeners.add(new InitiatorParseListener());
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // Proxied because CommandChecker has a hundred methods and only task work matters here.
        CommandChecker checker = (CommandChecker) Proxy.newProxyInstance(
                CommandChecker.class.getClassLoader(),
                new Class<?>[] {CommandChecker.class},
                new FourEyesCommandChecker());
        configuration.getCommandCheckers().add(checker);
    }
}
