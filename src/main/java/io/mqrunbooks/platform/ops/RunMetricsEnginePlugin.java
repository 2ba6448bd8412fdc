package io.mqrunbooks.platform.ops;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Adds {@link RunMetricsHistoryEventHandler} to the engine's custom history event handlers, beside the
 * evidence store's (both plugins append to the list; the engine composes the list with its default
 * database handler).
 */
@Component
public class RunMetricsEnginePlugin extends AbstractProcessEnginePlugin {

    private final MeterRegistry registry;

    public RunMetricsEnginePlugin(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> current = configuration.getCustomHistoryEventHandlers();
        List<HistoryEventHandler> handlers = new ArrayList<>(current == null ? List.of() : current);
        handlers.add(new RunMetricsHistoryEventHandler(new RunMetrics(registry)));
        configuration.setCustomHistoryEventHandlers(handlers);
    }
}
