package io.mqrunbooks.platform.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates the three role groups and their authorizations at start-up, in every profile, idempotently.
 * Task work itself is not granted here: the engine gives candidates TASK_WORK on their own tasks
 * ({@code default-user-permission-for-task}), so operators work operational tasks and change managers
 * work gates, each only where the process names them.
 */
@Component
public class RoleAuthorizations {

    private static final Logger LOG = LoggerFactory.getLogger(RoleAuthorizations.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    public RoleAuthorizations(ProcessEngine processEngine) {
        this.identityService = processEngine.getIdentityService();
        this.authorizationService = processEngine.getAuthorizationService();
        apply();
    }

    private void apply() {
        group(Groups.OPERATORS, "MQ operators");
        grant(Groups.OPERATORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Groups.OPERATORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Groups.OPERATORS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK,
                // Retry a failed step; the step checks its approval again, so a retry never skips a gate.
                ProcessDefinitionPermissions.RETRY_JOB);
        grant(Groups.OPERATORS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE,
                ProcessInstancePermissions.READ);
        readOnlyCommon(Groups.OPERATORS);

        group(Groups.CHANGE_MANAGERS, "Change managers");
        grant(Groups.CHANGE_MANAGERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Groups.CHANGE_MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Groups.CHANGE_MANAGERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK);
        grant(Groups.CHANGE_MANAGERS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
        readOnlyCommon(Groups.CHANGE_MANAGERS);

        group(Groups.AUDITORS, "Auditors");
        grant(Groups.AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Groups.AUDITORS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
        grant(Groups.AUDITORS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
        readOnlyCommon(Groups.AUDITORS);
    }

    /** What every role may read: deployed resources (forms), the task filters, task lists. */
    private void readOnlyCommon(String groupId) {
        grant(groupId, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grant(groupId, Resources.FILTER, ANY, Permissions.READ);
        grant(groupId, Resources.TASK, ANY, Permissions.READ);
    }

    private void group(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
            LOG.info("Created group {}", id);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        List<Authorization> existing = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).list();
        Authorization authorization = existing.stream().filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT)
                .findFirst().orElseGet(() -> {
                    Authorization created = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
                    created.setGroupId(groupId);
                    created.setResource(resource);
                    created.setResourceId(resourceId);
                    return created;
                });
        boolean changed = authorization.getId() == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(authorization);
        }
    }
}
