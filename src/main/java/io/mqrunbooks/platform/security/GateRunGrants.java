package io.mqrunbooks.platform.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import io.mqrunbooks.platform.foureyes.Gates;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Need to know for change managers: they read a run (its instance, variables, incidents and jobs, and its history)
 * only once it asks for their approval. When a gate's task is created (a built-in, never skipped, task listener on
 * every user task), the change managers' group gets READ on that run's process instance and READ on its historic
 * process instance, in the transaction that opens the gate. The runtime grant goes with the run (the engine deletes a
 * process instance's authorizations when it ends); the history grant stays, removed with the run's history. Needs
 * {@code enable-historic-instance-permissions} (application.yaml); the engine refuses to start without it.
 */
@Component
public class GateRunGrants extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
                            GateRunGrants::gateOpened);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!configuration.isEnableHistoricInstancePermissions()) {
            throw new IllegalStateException("camunda.bpm.generic-properties.properties."
                    + "enable-historic-instance-permissions must be true: change managers read a run's history"
                    + " through a grant on that run (docs/security.md \"Groups\")");
        }
    }

    private static void gateOpened(DelegateTask task) {
        if (!Gates.isGate(task) || task.getProcessInstanceId() == null) {
            return;
        }
        CommandContext context = Context.getCommandContext();
        String runId = task.getProcessInstanceId();
        String rootRunId = ((ExecutionEntity) task.getExecution()).getRootProcessInstanceId();
        // The user whose step opened the gate may not create authorizations; the engine grants this, as it grants
        // candidates their tasks.
        context.runWithoutAuthorization(() -> {
            grant(context, Resources.PROCESS_INSTANCE, runId, null, ProcessInstancePermissions.READ);
            grant(context, Resources.HISTORIC_PROCESS_INSTANCE, runId, rootRunId,
                    HistoricProcessInstancePermissions.READ);
            return null;
        });
    }

    private static void grant(CommandContext context, Resource resource, String runId, String rootRunId,
                              Permission permission) {
        // A grant made earlier in this transaction (a second gate opening beside the first) is not in the table yet.
        AuthorizationEntity existing = context.getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class)
                .stream().filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT
                        && Groups.CHANGE_MANAGERS.equals(a.getGroupId()) && a.getResourceType() == resource.resourceType()
                        && runId.equals(a.getResourceId())).findFirst()
                .orElseGet(() -> context.getAuthorizationManager().findAuthorizationByGroupIdAndResourceId(
                        AUTH_TYPE_GRANT, Groups.CHANGE_MANAGERS, resource, runId));
        if (existing != null) {
            // loaded into the session, so a permission added here is flushed with the transaction
            existing.addPermission(permission);
            return;
        }
        AuthorizationEntity created = new AuthorizationEntity(AUTH_TYPE_GRANT);
        created.setGroupId(Groups.CHANGE_MANAGERS);
        created.setResource(resource);
        created.setResourceId(runId);
        created.addPermission(permission);
        // the history grant is removed with the run's history (the engine sets its removal time by the root run)
        created.setRootProcessInstanceId(rootRunId);
        context.getAuthorizationManager().insert(created);
    }

    /**
     * The same grants for a run that had a gate before this version (RoleAuthorizations, at start-up): as the engine
     * with nobody authenticated, idempotently.
     */
    static void grantAsAdministrator(AuthorizationService authorizations, String runId, boolean running) {
        grantAsAdministrator(authorizations, Resources.HISTORIC_PROCESS_INSTANCE, runId,
                HistoricProcessInstancePermissions.READ);
        if (running) {
            grantAsAdministrator(authorizations, Resources.PROCESS_INSTANCE, runId, ProcessInstancePermissions.READ);
        }
    }

    private static void grantAsAdministrator(AuthorizationService authorizations, Resource resource, String runId,
                                             Permission permission) {
        Authorization grant = authorizations.createAuthorizationQuery().groupIdIn(Groups.CHANGE_MANAGERS)
                .authorizationType(AUTH_TYPE_GRANT).resourceType(resource).resourceId(runId).list().stream()
                .findFirst().orElseGet(() -> {
                    Authorization created = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
                    created.setGroupId(Groups.CHANGE_MANAGERS);
                    created.setResource(resource);
                    created.setResourceId(runId);
                    return created;
                });
        if (grant.getId() == null || !grant.isPermissionGranted(permission)) {
            grant.addPermission(permission);
            authorizations.saveAuthorization(grant);
        }
    }
}
