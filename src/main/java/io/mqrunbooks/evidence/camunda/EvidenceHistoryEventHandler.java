package io.mqrunbooks.evidence.camunda;

import io.mqrunbooks.evidence.EvidenceKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Turns the engine's history events into evidence as they happen (before any history time-to-live can
 * remove them): every activity's start and end with its duration, incidents opened and resolved, failed
 * job attempts. Runs beside the default database handler; needs history level FULL (job log events).
 * Variable changes are only noted for {@link EvidenceParseListener}'s user task records.
 */
class EvidenceHistoryEventHandler implements HistoryEventHandler {

    private final EngineEvidence evidence;

    EvidenceHistoryEventHandler(EngineEvidence evidence) {
        this.evidence = evidence;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event.getProcessInstanceId() == null) {
            return;
        }
        if (event instanceof HistoricActivityInstanceEventEntity activity) {
            step(activity);
        } else if (event instanceof HistoricVariableUpdateEventEntity variable) {
            VariablesChangedInCommand.changed(variable.getProcessInstanceId(), variable.getVariableName());
        } else if (event instanceof HistoricIncidentEventEntity incident) {
            incident(incident);
        } else if (event instanceof HistoricJobLogEvent job && job.isFailureLog()) {
            retry(job);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    private void step(HistoricActivityInstanceEventEntity activity) {
        boolean started = HistoryEventTypes.ACTIVITY_INSTANCE_START.getEventName().equals(activity.getEventType());
        boolean ended = HistoryEventTypes.ACTIVITY_INSTANCE_END.getEventName().equals(activity.getEventType());
        if (!started && !ended) {
            return;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("activityType", activity.getActivityType());
        payload.put("activityInstanceId", activity.getActivityInstanceId());
        if (ended) {
            payload.put("durationMs", activity.getDurationInMillis());
            payload.put("canceled", activity.isCanceled());
        }
        evidence.append(activity.getProcessInstanceId(), null, activity.getProcessDefinitionKey(),
                started ? EvidenceKind.STEP_STARTED : EvidenceKind.STEP_ENDED, activity.getActivityId(),
                activity.getActivityName(), EngineEvidence.actorOrEngine(), payload);
    }

    private void incident(HistoricIncidentEventEntity incident) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event", incident.getEventType());
        payload.put("incidentId", incident.getId());
        payload.put("incidentType", incident.getIncidentType());
        payload.put("message", incident.getIncidentMessage());
        payload.put("jobId", incident.getConfiguration());
        evidence.append(incident.getProcessInstanceId(), null, incident.getProcessDefinitionKey(),
                EvidenceKind.INCIDENT, incident.getActivityId(), null, EngineEvidence.actorOrEngine(), payload);
    }

    private void retry(HistoricJobLogEvent job) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("jobId", job.getJobId());
        payload.put("jobType", job.getJobDefinitionType());
        payload.put("retriesLeftBeforeThisFailure", job.getJobRetries());
        payload.put("exceptionMessage", job.getJobExceptionMessage());
        String stepId = job.getFailedActivityId() != null ? job.getFailedActivityId() : job.getActivityId();
        evidence.append(job.getProcessInstanceId(), null, job.getProcessDefinitionKey(), EvidenceKind.RETRY, stepId,
                null, EngineEvidence.actorOrEngine(), payload);
    }
}
