package io.mqrunbooks.platform.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mqrunbooks.mq.NameRules;
import io.mqrunbooks.platform.RunVariables;
import io.mqrunbooks.platform.forms.FormCatalog;
import io.mqrunbooks.platform.forms.FormDefinition;
import io.mqrunbooks.platform.forms.FormField;
import io.mqrunbooks.platform.forms.FormInput;
import io.mqrunbooks.platform.forms.FormInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import io.mqrunbooks.platform.foureyes.Gates;

/**
 * Seals a run when it starts and records its gates' decisions. The initiator is the authenticated user
 * (for a run a call activity started, the parent run's sealed initiator), never a variable; the sealed
 * parameters are the values of the keys the process's start form declares (and {@code queueManager}),
 * checked against that form; the scope comes from the inventory. The run leases its scope's targets with its seal
 * and releases them with its end ({@link TargetLeasing}).
 */
public final class RunSealing {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final RunRecords records;
    private final RunScopeResolver scopes;
    private final FormCatalog forms;
    private final TargetLeasing leasing;
    private final Clock clock;

    /** Leasing hosts by name only, without the machines they are (the engine tests, which have no inventory). */
    public RunSealing(RunRecords records, RunScopeResolver scopes, FormCatalog forms, TargetLeases leases,
                      Clock clock) {
        this(records, scopes, forms, new TargetLeasing(leases), clock);
    }

    public RunSealing(RunRecords records, RunScopeResolver scopes, FormCatalog forms, TargetLeasing leasing,
                      Clock clock) {
        this.records = records;
        this.scopes = scopes;
        this.forms = forms;
        this.leasing = leasing;
        this.clock = clock;
    }

    public RunRecords records() {
        return records;
    }

    public FormCatalog forms() {
        return forms;
    }

    void seal(DelegateExecution execution, String processKey, List<String> startFormIds) {
        String runId = execution.getProcessInstanceId();
        if (!execution.getId().equals(runId) || records.find(runId).isPresent()) {
            return;
        }
        String parentRunId = null;
        RunRecord parentRecord = null;
        String initiator;
        DelegateExecution parent = execution.getSuperExecution();
        refuseSupersededVersion(execution, parent != null);
        if (parent != null) {
            parentRunId = parent.getProcessInstanceId();
            String parentId = parentRunId;
            parentRecord = records.find(parentRunId).orElseThrow(() -> new ProcessEngineException("Run " + runId
                    + " was started by run " + parentId + ", which has no sealed record"));
            initiator = parentRecord.initiator();
        } else {
            CommandContext command = Context.getCommandContext();
            initiator = command == null ? null : command.getAuthenticatedUserId();
        }
        Map<String, String> parameters = sealedParameters(execution, processKey, startFormIds);
        if (execution.getProcessBusinessKey() == null || execution.getProcessBusinessKey().isBlank()) {
            execution.setProcessBusinessKey(readableKey(processKey, parameters));
        }
        RunScope scope = scopes.resolve(processKey, parameters);
        if (parentRecord != null) {
            withinParent(runId, processKey, parameters, parentRecord);
        }
        RunRecord record = new RunRecord(runId, processKey, parentRunId, initiator, clock.instant(), parameters,
                scope, planHash(processKey, parameters, scope));
        records.seal(record);
        leasing.lease(record, rootRunId(execution), execution.getProcessBusinessKey(), RunSealing::runExists);
        if (initiator != null) {
            execution.setVariable(RunVariables.INITIATOR, initiator);
        } else if (execution.hasVariable(RunVariables.INITIATOR)) {
            execution.removeVariable(RunVariables.INITIATOR);
        }
    }

    /** Releases the run's target leases, in the transaction that ends it (completed, aborted, cancelled, deleted). */
    void release(DelegateExecution execution) {
        leasing.release(execution.getProcessInstanceId());
    }

    /** The run a chain of call activities began with: the run itself when no call activity started it. */
    private static String rootRunId(DelegateExecution execution) {
        DelegateExecution run = execution;
        while (run.getSuperExecution() != null) {
            DelegateExecution caller = run.getSuperExecution();
            run = caller instanceof ExecutionEntity entity ? entity.getProcessInstance() : caller;
        }
        return run.getProcessInstanceId();
    }

    /**
     * Whether the run is still in the engine's runtime tables, read in the starting command's own transaction and
     * without the starter's authorizations (a run the starter may not see still holds its targets).
     */
    private static boolean runExists(String runId) {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            throw new IllegalStateException("A run's target leases are taken inside the engine command that starts it");
        }
        return command.getExecutionManager().findExecutionById(runId) != null;
    }

    /**
     * A called run is part of its parent's approved plan: the values it shares with the parent's sealed
     * parameters are the parent's. Its variables came through the call activity, so they are checked against
     * the server's record, not trusted. (Its scope is not bounded by the parent's: a nightly baseline seals
     * nothing and calls the baseline of every primary its model names; a cluster member's run reaches the full
     * repositories of its other clusters.)
     */
    private static void withinParent(String runId, String processKey, Map<String, String> parameters,
                                     RunRecord parent) {
        parameters.forEach((key, value) -> {
            String sealed = parent.parameters().get(key);
            if (sealed != null && !sealed.equals(value)) {
                throw new AuthorizationException("Run " + runId + " of " + processKey + " was called by run "
                        + parent.runId() + " with " + key + " '" + value + "', which that run was sealed with as '"
                        + sealed + "'");
            }
        });
    }

    /**
     * A runbook fixed by a new version (a gate added, a wider approved plan) is started only as that version: an
     * older one stays deployed for the runs it holds, but is not started again: not by its id, nor by a call
     * activity bound to its version, version tag or an older deployment.
     */
    private static void refuseSupersededVersion(DelegateExecution execution, boolean called) {
        if (!(execution instanceof ExecutionEntity entity) || Context.getCommandContext() == null) {
            return;
        }
        ProcessDefinitionEntity definition = entity.getProcessDefinition();
        ProcessDefinitionEntity latest = Context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedLatestProcessDefinitionByKey(definition.getKey());
        if (latest != null && latest.getVersion() > definition.getVersion()) {
            throw new AuthorizationException("Runbook " + definition.getKey() + " version " + definition.getVersion()
                    + " is superseded by version " + latest.getVersion() + (called ? ": the calling model must call"
                    + " the current version (calledElementBinding latest)" : ": start the current version"));
        }
    }

    private Map<String, String> sealedParameters(DelegateExecution execution, String processKey,
                                                 List<String> startFormIds) {
        Map<String, FormField> declared = new LinkedHashMap<>();
        Map<String, FormDefinition> formOf = new LinkedHashMap<>();
        for (String formId : startFormIds) {
            FormDefinition form = forms.form(formId).orElseThrow(() -> new ProcessEngineException("Process "
                    + processKey + " names the start form '" + formId + "', which is not deployed"));
            for (FormField field : form.fields()) {
                if (!field.readonly()) {
                    declared.putIfAbsent(field.key(), field);
                    formOf.putIfAbsent(field.key(), form);
                }
            }
        }
        Map<String, String> parameters = new TreeMap<>();
        for (String key : declared.keySet()) {
            Object value = execution.getVariable(key);
            if (value != null) {
                FormInput.check(formOf.get(key), Map.of(key, value), false);
                parameters.put(key, value.toString());
            }
        }
        Object queueManager = execution.getVariable(RunVariables.QUEUE_MANAGER);
        if (queueManager != null && !parameters.containsKey(RunVariables.QUEUE_MANAGER)) {
            if (!(queueManager instanceof String name) || NameRules.checkMqName(name).isPresent()) {
                throw new FormInputException(RunVariables.QUEUE_MANAGER, "'queueManager' must be an IBM MQ name"
                        + " (1 to 48 characters of A-Z a-z 0-9 . _ / %), not " + queueManager);
            }
            parameters.put(RunVariables.QUEUE_MANAGER, name);
        }
        return parameters;
    }

    /**
     * A business key a person recognises when the starter gave none: the change (or incident) reference the
     * start form took, with the runbook and its target ("CHG-4711 rdqmSwitchover QMDR"); without a reference,
     * runbook, target and UTC time ("rdqmSwitchover QMDR 20261206-2031").
     */
    private String readableKey(String processKey, Map<String, String> parameters) {
        String runbook = processKey.endsWith("Process") ? processKey.substring(0, processKey.length() - 7) : processKey;
        String target = parameters.getOrDefault(RunVariables.QUEUE_MANAGER, parameters.getOrDefault("clusterName",
                parameters.getOrDefault("queueManagers", parameters.getOrDefault("haNode", ""))));
        String reference = parameters.getOrDefault(RunVariables.CHANGE_REFERENCE,
                parameters.getOrDefault(RunVariables.INCIDENT_REFERENCE, "")).strip();
        String what = runbook + (target.isBlank() ? "" : " " + target.strip());
        String key;
        if (reference.isEmpty()) {
            key = what + " " + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")
                    .format(clock.instant().atOffset(java.time.ZoneOffset.UTC));
        } else {
            key = reference + " " + what;
        }
        return key.length() <= 128 ? key : key.substring(0, 128);
    }

    static String planHash(String processKey, Map<String, String> parameters, RunScope scope) {
        Map<String, Object> plan = new TreeMap<>();
        plan.put("process", processKey);
        plan.put("parameters", new TreeMap<>(parameters));
        plan.put("queueManagers", new TreeSet<>(scope.queueManagers()));
        plan.put("hosts", new TreeSet<>(scope.hosts()));
        return sha256OfCanonicalJson(plan, "a run's plan");
    }

    /**
     * The plan a gate approves: the sealed plan hash, extended by what its plan variables hold (in the scope
     * of the gate, or of the step that checks it). Without plan variables, the sealed plan hash itself.
     */
    static String approvedPlanHash(String sealedPlanHash, List<String> planVariables,
                                   java.util.function.Function<String, Object> value) {
        if (planVariables.isEmpty()) {
            return sealedPlanHash;
        }
        Map<String, Object> plan = new TreeMap<>();
        plan.put("sealedPlan", sealedPlanHash);
        Map<String, String> values = new TreeMap<>();
        for (String name : planVariables) {
            Object held = value.apply(name);
            values.put(name, held == null ? null : held.toString());
        }
        plan.put("variables", values);
        return sha256OfCanonicalJson(plan, "a gate's plan");
    }

    /** SHA-256 (hex) of the plan as canonical JSON: sorted keys, so equal plans hash alike. */
    private static String sha256OfCanonicalJson(Map<String, Object> plan, String what) {
        try {
            byte[] canonical = CANONICAL.writeValueAsString(plan).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash " + what, e);
        }
    }

    /**
     * Records who completed a task a gate is separated from (separation of duties). It approves nothing: it is
     * kept so the gate can refuse that user.
     */
    void recordCompletion(DelegateTask task) {
        RunRecord record = records.find(task.getProcessInstanceId()).orElseThrow(() -> new ProcessEngineException(
                "Run " + task.getProcessInstanceId() + " has no sealed record; its task '" + task.getName()
                        + "' cannot be completed"));
        CommandContext command = Context.getCommandContext();
        String completedBy = command == null ? null : command.getAuthenticatedUserId();
        ExecutionEntity execution = (ExecutionEntity) task.getExecution();
        records.recordDecision(new RunDecision(record.runId(), task.getTaskDefinitionKey(), task.getName(),
                execution.getParentActivityInstanceId(), task.getId(), completedBy, COMPLETED, false,
                record.planHash(), List.of(), clock.instant()));
    }

    /** The decision recorded for a task completed by someone a later gate is separated from. */
    public static final String COMPLETED = "completed";

    /**
     * Records what a gate shows its approver as it opens: its plan variables and its form's read-only fields, as
     * the steps before it wrote them. A value written while the gate waits (by code inside the server: the API
     * refuses variable writes to everyone) would otherwise be approved unseen, under a summary that says otherwise.
     */
    void recordShown(DelegateTask task, String formId, List<String> planVariables) {
        if (!Gates.isGate(task)) {
            return;
        }
        records.find(task.getProcessInstanceId()).ifPresent(record -> records.recordShown(record.runId(),
                task.getId(), shownHash(record, task, formId, planVariables)));
    }

    private String shownHash(RunRecord record, DelegateTask task, String formId, List<String> planVariables) {
        SortedSet<String> shown = new TreeSet<>(planVariables);
        forms.form(formId).ifPresent(form -> {
            form.fields().stream().filter(FormField::readonly).forEach(field -> shown.add(field.key()));
            // What the approver submits is theirs to set (a decision, an acceptance ticked), not what was shown.
            form.fields().stream().filter(field -> !field.readonly()).forEach(field -> shown.remove(field.key()));
        });
        return approvedPlanHash(record.planHash(), List.copyOf(shown), task::getVariable);
    }

    /** Records a gate's decision: the value of its form's decision field, by the authenticated user. */
    void recordDecision(DelegateTask task, String formId, List<String> planVariables) {
        if (!Gates.isGate(task)) {
            return;
        }
        records.find(task.getProcessInstanceId()).ifPresent(record -> records.shown(task.getId()).ifPresent(shown -> {
            if (!shown.equals(shownHash(record, task, formId, planVariables))) {
                throw new AuthorizationException("Gate '" + task.getName() + "' of run "
                        + record.runId() + " would now show its approver something else than when it opened: a value it"
                        + " shows or approves was written while it waited. Nothing was decided; abort the run and"
                        + " start it again.");
            }
        }));
        FormDefinition form = forms.form(formId).orElse(null);
        FormField decisionField = form == null ? null : form.decisionField()
                .or(() -> form.fields().stream().filter(f -> f.isChoice() && !f.readonly()).findFirst())
                .orElse(null);
        if (decisionField == null) {
            return;
        }
        RunRecord record = records.find(task.getProcessInstanceId()).orElseThrow(() -> new ProcessEngineException(
                "Run " + task.getProcessInstanceId() + " has no sealed record; its gate cannot be decided"));
        Object value = task.getVariable(decisionField.key());
        String decision = value == null ? "" : value.toString();
        CommandContext command = Context.getCommandContext();
        String decidedBy = command == null ? null : command.getAuthenticatedUserId();
        ExecutionEntity execution = (ExecutionEntity) task.getExecution();
        records.recordDecision(new RunDecision(record.runId(), task.getTaskDefinitionKey(), task.getName(),
                execution.getParentActivityInstanceId(), task.getId(), decidedBy, decision,
                FormDefinition.APPROVING_DECISIONS.contains(decision),
                approvedPlanHash(record.planHash(), planVariables, task::getVariable), planVariables, clock.instant()));
    }
}
