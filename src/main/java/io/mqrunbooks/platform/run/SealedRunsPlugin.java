package io.mqrunbooks.platform.run;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Sealed runs for every runbook (docs/security.md): each run is sealed when it starts, gates refuse the
 * sealed initiator (four-eyes, in the engine's command checkers, so Tasklist, REST and the Java API alike),
 * gate decisions are recorded, and every delegate is checked against the record before it runs.
 */
public class SealedRunsPlugin extends AbstractProcessEnginePlugin {

    private final RunSealing sealing;

    public SealedRunsPlugin(RunSealing sealing) {
        this.sealing = sealing;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new SealedRunsParseListener(sealing));
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // Proxied because CommandChecker has a hundred methods and only task work matters here.
        CommandChecker checker = (CommandChecker) Proxy.newProxyInstance(CommandChecker.class.getClassLoader(),
                new Class<?>[] {CommandChecker.class}, new FourEyesCommandChecker(sealing.records()));
        configuration.getCommandCheckers().add(checker);
        configuration.setDelegateInterceptor(new RunGuardInterceptor(configuration.getDelegateInterceptor(),
                sealing.records()));
    }
}
