package io.mqrunbooks.evidence.camunda;

import io.mqrunbooks.evidence.EvidenceStore;
import io.mqrunbooks.evidence.SecretScrubber;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.mqrunbooks.platform.run.RunRecord;
import io.mqrunbooks.platform.run.RunRecords;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Connects the engine to the evidence store: a parse listener (run start/end, user tasks and gates), a
 * history event handler (steps, incidents, retries) and a delegate interceptor (RunContext around each
 * delegate), and a session per command that holds its records back to the command's commit. The Camunda Spring Boot starter applies every ProcessEnginePlugin bean. The only class a
 * move to Operaton has to touch besides the imports of this package.
 */
@Component
public class EvidenceEnginePlugin extends AbstractProcessEnginePlugin {

    private final EngineEvidence evidence;

    /** The app's: a called run's evidence names the initiator its parent was sealed with. */
    @Autowired
    public EvidenceEnginePlugin(EvidenceStore store, SecretScrubber scrubber, ObjectProvider<RunRecords> runRecords) {
        this.evidence = new EngineEvidence(store, scrubber, runId -> Optional.ofNullable(runRecords.getIfAvailable())
                .flatMap(records -> records.find(runId)).map(RunRecord::initiator));
    }

    /** An engine without sealed runs (tests of the evidence alone). */
    public EvidenceEnginePlugin(EvidenceStore store, SecretScrubber scrubber) {
        this.evidence = new EngineEvidence(store, scrubber, runId -> Optional.empty());
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> parseListeners = new ArrayList<>(nullToEmpty(configuration.getCustomPostBPMNParseListeners()));
        parseListeners.add(new EvidenceParseListener(evidence));
        configuration.setCustomPostBPMNParseListeners(parseListeners);

        List<HistoryEventHandler> handlers = new ArrayList<>(nullToEmpty(configuration.getCustomHistoryEventHandlers()));
        handlers.add(new EvidenceHistoryEventHandler(evidence));
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // One commit per engine command for its evidence, not one per record (HeldBackEvidence); the
        // data source is known only now, after init.
        configuration.getSessionFactories().put(HeldBackEvidence.class, new HeldBackEvidence.Factory(evidence.store(),
                evidence.store().writesTo(configuration.getDataSource())));
        evidence.store().holdBackWith(HeldBackEvidence::take);
        configuration.setDelegateInterceptor(new RunContextDelegateInterceptor(configuration.getDelegateInterceptor()));
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
