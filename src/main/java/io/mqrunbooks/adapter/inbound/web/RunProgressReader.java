package io.mqrunbooks.adapter.inbound.web;

import io.mqrunbooks.adapter.inbound.camunda.RunbookWaits;
import io.mqrunbooks.application.clustermigration.ClusterMigrationSettings;
import io.mqrunbooks.application.dractivation.DrActivationSettings;
import io.mqrunbooks.evidence.UnknownRunException;
import io.mqrunbooks.evidence.report.RunReport;
import io.mqrunbooks.evidence.report.RunReportService;
import io.mqrunbooks.platform.run.RunDecision;
import io.mqrunbooks.platform.run.RunSealing;
import io.mqrunbooks.platform.run.RunRecord;
import io.mqrunbooks.platform.run.RunRecords;
import io.mqrunbooks.platform.security.Groups;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * Gathers a run's page from the engine (steps, open tasks, incidents), the sealed run record (who started it, who
 * decided each gate) and the evidence store (commands with their output, other tasks' completions). Every engine
 * query runs as the requesting user, whom the platform's filter authenticated to the engine, so the engine's
 * authorizations still decide what is read.
 */
@Component
class RunProgressReader {

    /** Activity types whose open instance waits for a person or for time, not for the engine. */
    private static final Set<String> WAITING_TYPES = Set.of("userTask", "intermediateTimer", "receiveTask",
            "intermediateMessageCatch", "intermediateSignalCatch", "intermediateConditional", "eventBasedGateway");
    private static final String FAILED_JOB_INCIDENT = "failedJob";
    private static final String ASYNC_CONTINUATION = "async-continuation";

    private final HistoryService history;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final RepositoryService repository;
    private final RunRecords runRecords;
    private final RunReportService reports;
    private final RunbookWaits polls;
    /** The configured length behind each wait variable a runbook sets from its settings. */
    private final Map<String, Duration> configuredWaits;

    RunProgressReader(HistoryService history, RuntimeService runtime, TaskService tasks, ManagementService management,
                      RepositoryService repository, RunRecords runRecords, RunReportService reports,
                      RunbookWaits polls, DrActivationSettings activation, ClusterMigrationSettings migration) {
        this.polls = polls;
        this.configuredWaits = Map.of("pollInterval", activation.pollInterval(),
                "trafficSampleInterval", migration.trafficSampleInterval(),
                "statusPollInterval", migration.statusPollInterval(),
                "monitoringPeriod", migration.monitoringPeriod());
        this.history = history;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.repository = repository;
        this.runRecords = runRecords;
        this.reports = reports;
    }

    /**
     * @param idOrBusinessKey a process instance id, or a business key that names exactly one run
     * @return the process instance id
     */
    String resolve(String idOrBusinessKey) {
        if (idOrBusinessKey == null || idOrBusinessKey.isBlank() || idOrBusinessKey.length() > 255) {
            throw new IllegalArgumentException("A run is named by its id or its business key, 1 to 255 characters.");
        }
        HistoricProcessInstance byId = history.createHistoricProcessInstanceQuery().processInstanceId(idOrBusinessKey)
                .singleResult();
        if (byId != null) {
            return byId.getId();
        }
        List<HistoricProcessInstance> byKey = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(idOrBusinessKey).list();
        if (byKey.size() > 1) {
            throw new IllegalArgumentException("Business key '" + idOrBusinessKey + "' names " + byKey.size()
                    + " runs (" + byKey.stream().map(HistoricProcessInstance::getId).collect(Collectors.joining(", "))
                    + "); open the run by its id.");
        }
        if (byKey.isEmpty()) {
            throw new UnknownRun("No run with the id or business key '" + idOrBusinessKey + "'. A finished run whose"
                    + " history was cleaned up is still in the run reports: /reports/runs");
        }
        return byKey.get(0).getId();
    }

    /** The run's sealed start values (empty for a run without a record). */
    Map<String, String> sealedValues(RunProgress progress) {
        return runRecords.find(progress.runId()).map(io.mqrunbooks.platform.run.RunRecord::parameters).orElse(Map.of());
    }

    BpmnModelInstance model(RunProgress progress) {
        return repository.getBpmnModelInstance(progress.processDefinitionId());
    }

    RunProgress read(String runId) {
        HistoricProcessInstance run = history.createHistoricProcessInstanceQuery().processInstanceId(runId)
                .singleResult();
        if (run == null) {
            throw new UnknownRun("No run with the id '" + runId + "'.");
        }
        BpmnModelInstance model = repository.getBpmnModelInstance(run.getProcessDefinitionId());
        Optional<RunRecord> sealed = runRecords.find(runId);
        Optional<RunReport> evidence = evidence(runId);

        List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(runId).list();
        List<Task> openTasks = tasks.createTaskQuery().processInstanceId(runId).list();
        Map<String, StepState> steps = steps(run, incidents);
        List<RunProgress.OpenTask> open = openTasks.stream()
                .map(task -> openTask(task, sealed.flatMap(RunRecord::initiatorId).orElse(null))).toList();
        List<RunProgress.Failure> failures = incidents.stream()
                .sorted(Comparator.comparing(Incident::getIncidentTimestamp))
                .map(incident -> new RunProgress.Failure(incident.getActivityId(), name(model, incident.getActivityId()),
                        instant(incident.getIncidentTimestamp()), incident.getIncidentMessage(),
                        FAILED_JOB_INCIDENT.equals(incident.getIncidentType()) ? incident.getConfiguration() : null))
                .toList();
        List<RunReport.Command> commands = evidence.map(RunReport::commands).orElse(List.of());
        List<RunProgress.Action> actions = whoDidWhat(run, sealed, runRecords.decisions(runId), evidence);

        boolean finished = run.getEndTime() != null;
        String outcome = evidence.map(e -> e.outcome().outcome()).filter(o -> !"RUNNING".equals(o))
                .orElse(finished ? run.getState() : null);
        String status;
        String statusText;
        if (finished) {
            status = "finished";
            statusText = "Finished: " + outcome;
        } else if (!failures.isEmpty()) {
            status = "failed";
            statusText = "Stopped: " + failures.stream().map(f -> "'" + f.stepName() + "' failed")
                    .collect(Collectors.joining(", ")) + ". An operator can retry it below.";
        } else if (!open.isEmpty()) {
            status = "waiting";
            statusText = "Waiting for " + open.stream().map(t -> "'" + t.name() + "' (" + t.whoMayAct() + ")")
                    .collect(Collectors.joining(", "));
        } else {
            status = "running";
            statusText = "Running";
        }
        ProcessDefinition definition = repository.getProcessDefinition(run.getProcessDefinitionId());
        List<RunProgress.Wait> waits = RunWaits.of(model, name -> variable(runId, name), timersDue(runId), runId, polls,
                configuredWaits);
        String revision = Integer.toHexString(Objects.hash(status, steps, open, failures, waits,
                evidence.map(RunReport::recordCount).orElse(0L)));
        return new RunProgress(runId, run.getBusinessKey(), definition.getKey(),
                definition.getName() == null ? definition.getKey() : definition.getName(), status, statusText,
                outcome, finished ? "/reports/runs/" + runId : null, steps, actions, open, failures, commands, waits, revision,
                run.getProcessDefinitionId());
    }

    /** The run's value of a variable (the first, should a sub-process hold one too), or null. */
    private Object variable(String runId, String name) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(runId).variableName(name).list().stream()
                .map(org.camunda.bpm.engine.history.HistoricVariableInstance::getValue).filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    /** When each timer the run waits at now fires, by its step id. */
    private Map<String, Instant> timersDue(String runId) {
        Map<String, Instant> due = new HashMap<>();
        for (Job timer : management.createJobQuery().processInstanceId(runId).timers().list()) {
            JobDefinition definition = management.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId())
                    .singleResult();
            if (definition != null && timer.getDuedate() != null) {
                due.put(definition.getActivityId(), timer.getDuedate().toInstant());
            }
        }
        return due;
    }

    private Optional<RunReport> evidence(String runId) {
        try {
            return Optional.of(reports.report(runId));
        } catch (UnknownRunException nothingRecordedYet) {
            return Optional.empty();
        }
    }

    /** The latest state of each step: an open instance wins over a finished one, a failure over everything. */
    private Map<String, StepState> steps(HistoricProcessInstance run, List<Incident> incidents) {
        Map<String, StepState> steps = new HashMap<>();
        for (HistoricActivityInstance step : history.createHistoricActivityInstanceQuery()
                .processInstanceId(run.getId()).list()) {
            StepState state = step.getEndTime() != null ? StepState.DONE
                    : WAITING_TYPES.contains(step.getActivityType()) ? StepState.WAITING : StepState.RUNNING;
            steps.merge(step.getActivityId(), state, (earlier, later) -> earlier == StepState.DONE ? later : earlier);
        }
        if (run.getEndTime() != null) {
            return steps;
        }
        Map<String, JobDefinition> jobDefinitions = management.createJobDefinitionQuery()
                .processDefinitionId(run.getProcessDefinitionId()).list().stream()
                .collect(Collectors.toMap(JobDefinition::getId, definition -> definition, (a, b) -> a));
        for (Job job : management.createJobQuery().processInstanceId(run.getId()).list()) {
            JobDefinition definition = jobDefinitions.get(job.getJobDefinitionId());
            if (job.getExceptionMessage() != null && job.getFailedActivityId() != null) {
                steps.put(job.getFailedActivityId(), StepState.FAILED);
            } else if (definition != null && ASYNC_CONTINUATION.equals(definition.getJobType())) {
                // the step's job waits for the job executor: it has no activity instance yet, but it is under way
                steps.putIfAbsent(definition.getActivityId(), StepState.RUNNING);
            }
        }
        incidents.forEach(incident -> steps.put(incident.getActivityId(), StepState.FAILED));
        return steps;
    }

    private RunProgress.OpenTask openTask(Task task, String initiator) {
        List<String> groups = new ArrayList<>();
        List<String> users = new ArrayList<>();
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                if (link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                } else if (link.getUserId() != null) {
                    users.add(link.getUserId());
                }
            }
        }
        return new RunProgress.OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                instant(task.getCreateTime()), task.getAssignee(), whoMayAct(groups, users, initiator, task.getAssignee()));
    }

    /** In words, by the same rule as four-eyes: a gate is a task for the change managers, never the initiator's. */
    static String whoMayAct(List<String> groups, List<String> users, String initiator, String assignee) {
        List<String> who = new ArrayList<>();
        for (String group : groups) {
            if (Groups.CHANGE_MANAGERS.equals(group)) {
                who.add(initiator == null ? "a change manager" : "a change manager other than " + initiator);
            } else if (Groups.OPERATORS.equals(group)) {
                who.add("an operator (" + group + ")");
            } else {
                who.add("a member of " + group);
            }
        }
        users.forEach(user -> who.add("user " + user));
        String may = who.isEmpty() ? "an administrator (the task names no candidates)" : String.join(" or ", who);
        return assignee == null ? may : may + "; claimed by " + assignee;
    }

    private static List<RunProgress.Action> whoDidWhat(HistoricProcessInstance run, Optional<RunRecord> sealed,
                                                       List<RunDecision> decisions, Optional<RunReport> evidence) {
        List<RunProgress.Action> actions = new ArrayList<>();
        if (sealed.isPresent()) {
            RunRecord record = sealed.get();
            actions.add(new RunProgress.Action(record.startedAt(), record.initiatorId().orElse("a timer"),
                    "Started the run with " + record.parameters().entrySet().stream()
                            .map(p -> p.getKey() + " = " + p.getValue()).collect(Collectors.joining(", "))));
        } else {
            actions.add(new RunProgress.Action(instant(run.getStartTime()), run.getStartUserId(),
                    "Started the run (no sealed record: started before runs were sealed)"));
        }
        for (RunDecision decision : decisions) {
            if (RunSealing.COMPLETED.equals(decision.decision()) && !decision.approved()) {
                continue; // an operational task kept for separation of duties: the evidence lists its completion
            }
            actions.add(new RunProgress.Action(decision.decidedAt(), decision.decidedBy(), "Decided '"
                    + decision.gateName() + "': " + decision.decision()
                    + (decision.approved() ? " (approves the run)" : " (does not approve the run)")));
        }
        evidence.ifPresent(report -> {
            report.partnerSignOffs().forEach(task -> actions.add(completed(task)));
            report.userTasks().forEach(task -> actions.add(completed(task)));
            if (run.getEndTime() != null) {
                actions.add(new RunProgress.Action(report.outcome().endedAt(), report.outcome().endedBy(),
                        "Run ended: " + report.outcome().outcome()));
            }
        });
        actions.sort(Comparator.comparing(RunProgress.Action::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return actions;
    }

    private static RunProgress.Action completed(RunReport.UserTaskEntry task) {
        return new RunProgress.Action(task.completedAt(), task.completedBy(), "Completed '" + task.stepName() + "'");
    }

    private static String name(BpmnModelInstance model, String activityId) {
        if (activityId == null) {
            return null;
        }
        if (model.getModelElementById(activityId) instanceof FlowElement element && element.getName() != null) {
            return element.getName();
        }
        return activityId;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** No run by that id or business key, or none the user's engine authorizations show. */
    static final class UnknownRun extends RuntimeException {
        UnknownRun(String message) {
            super(message);
        }
    }
}
