package io.mqrunbooks.platform.ops;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Turns history events into meters. A meter moves only when the engine's transaction commits: a job
 * attempt that rolls back (and is retried) must not count a step or a run twice.
 */
class RunMetricsHistoryEventHandler implements HistoryEventHandler {

    private static final String COMPLETED = "COMPLETED";

    private final RunMetrics metrics;

    RunMetricsHistoryEventHandler(RunMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        Runnable update = meterUpdate(event);
        if (update == null) {
            return;
        }
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext == null) {
            update.run();
        } else {
            commandContext.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, ctx -> update.run());
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    private Runnable meterUpdate(HistoryEvent event) {
        String processKey = event.getProcessDefinitionKey();
        if (processKey == null) {
            return null;
        }
        if (event instanceof HistoricProcessInstanceEventEntity run) {
            if (run.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_START)) {
                return () -> metrics.runStarted(processKey);
            }
            if (run.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)) {
                return COMPLETED.equals(run.getState())
                        ? () -> metrics.runFinished(processKey)
                        : () -> metrics.runFailed(processKey, "terminated");
            }
        } else if (event instanceof HistoricActivityInstanceEventEntity step
                && step.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_END) && step.getDurationInMillis() != null) {
            Duration duration = Duration.ofMillis(step.getDurationInMillis());
            String activityType = step.getActivityType() == null ? "unknown" : step.getActivityType();
            return () -> metrics.stepEnded(processKey, step.getActivityId(), activityType, duration);
        } else if (event instanceof HistoricIncidentEventEntity incident
                && incident.isEventOfType(HistoryEventTypes.INCIDENT_CREATE)) {
            return () -> metrics.runFailed(processKey, "incident");
        }
        return null;
    }
}
