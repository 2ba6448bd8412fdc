package io.mqrunbooks.platform.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates the three role groups and brings their authorizations to {@link #TABLE} at start-up, in every profile,
 * idempotently: a grant of a role group on every resource ({@code *}) or on an application that the table does not
 * name is deleted, and one with other permissions is set to the table's, so an upgraded database loses grants an
 * older version gave. Task work itself is not granted here: the engine gives candidates READ and TASK_WORK on their
 * own tasks ({@code default-user-permission-for-task}), so operators work operational tasks and change managers
 * work gates, each only where the process names them. A change manager reads only the runs that ask or asked for
 * their approval, through the per-run grants {@link GateRunGrants} makes when a gate opens.
 */
@Component
public class RoleAuthorizations {

    private static final Logger LOG = LoggerFactory.getLogger(RoleAuthorizations.class);

    /** One grant of the table: a role group's permissions on a resource. */
    public record Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    }

    /** docs/security.md "Groups", row for row. */
    public static final List<Grant> TABLE = List.of(
            new Grant(Groups.OPERATORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
            new Grant(Groups.OPERATORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
            new Grant(Groups.OPERATORS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK,
                    // Retry a failed step; the step checks its approval again, so a retry never skips a gate.
                    ProcessDefinitionPermissions.RETRY_JOB),
            new Grant(Groups.OPERATORS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE,
                    ProcessInstancePermissions.READ),
            new Grant(Groups.OPERATORS, Resources.DEPLOYMENT, ANY, Permissions.READ),
            new Grant(Groups.OPERATORS, Resources.FILTER, ANY, Permissions.READ),
            new Grant(Groups.OPERATORS, Resources.TASK, ANY, Permissions.READ),

            new Grant(Groups.CHANGE_MANAGERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
            new Grant(Groups.CHANGE_MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
            // The runbooks themselves (models, forms), not their runs: those are granted run by run (GateRunGrants);
            // their gates come with the candidates' own READ and TASK_WORK on each gate task.
            new Grant(Groups.CHANGE_MANAGERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ),
            new Grant(Groups.CHANGE_MANAGERS, Resources.DEPLOYMENT, ANY, Permissions.READ),
            new Grant(Groups.CHANGE_MANAGERS, Resources.FILTER, ANY, Permissions.READ),

            new Grant(Groups.AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
            new Grant(Groups.AUDITORS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY),
            new Grant(Groups.AUDITORS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ),
            new Grant(Groups.AUDITORS, Resources.DEPLOYMENT, ANY, Permissions.READ),
            new Grant(Groups.AUDITORS, Resources.FILTER, ANY, Permissions.READ),
            new Grant(Groups.AUDITORS, Resources.TASK, ANY, Permissions.READ));

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final HistoryService historyService;
    private final RuntimeService runtimeService;

    public RoleAuthorizations(ProcessEngine processEngine) {
        this.identityService = processEngine.getIdentityService();
        this.authorizationService = processEngine.getAuthorizationService();
        this.historyService = processEngine.getHistoryService();
        this.runtimeService = processEngine.getRuntimeService();
        apply();
    }

    private void apply() {
        group(Groups.OPERATORS, "MQ operators");
        group(Groups.CHANGE_MANAGERS, "Change managers");
        group(Groups.AUDITORS, "Auditors");
        grantRunsWithGatesBeforeUpgrade();
        for (String groupId : List.of(Groups.OPERATORS, Groups.CHANGE_MANAGERS, Groups.AUDITORS)) {
            converge(groupId);
        }
    }

    /**
     * A database from before per-run grants gave change managers every run's history; before that grant goes, the
     * runs that had a gate get what a gate opening grants now, so their change managers keep reading them.
     */
    private void grantRunsWithGatesBeforeUpgrade() {
        boolean broad = grants(Groups.CHANGE_MANAGERS).stream().anyMatch(a -> a.getResourceType()
                == Resources.PROCESS_DEFINITION.resourceType() && ANY.equals(a.getResourceId())
                && a.isPermissionGranted(ProcessDefinitionPermissions.READ_HISTORY));
        if (!broad) {
            return;
        }
        Set<String> runs = historyService.createHistoricTaskInstanceQuery().taskHadCandidateGroup(Groups.CHANGE_MANAGERS)
                .list().stream().map(HistoricTaskInstance::getProcessInstanceId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Set<String> running = runs.isEmpty() ? Set.of() : runtimeService.createProcessInstanceQuery()
                .processInstanceIds(runs).list().stream().map(ProcessInstance::getId).collect(Collectors.toSet());
        for (String run : runs) {
            GateRunGrants.grantAsAdministrator(authorizationService, run, running.contains(run));
        }
        LOG.info("Granted change managers the {} runs that had a gate ({} running) before their broad grants go",
                runs.size(), running.size());
    }

    /** The group's grants on every resource and on applications become the table's, no more and no less. */
    private void converge(String groupId) {
        List<Grant> wanted = TABLE.stream().filter(g -> g.groupId().equals(groupId)).toList();
        Set<Grant> found = new HashSet<>();
        for (Authorization existing : grants(groupId)) {
            boolean managed = ANY.equals(existing.getResourceId())
                    || existing.getResourceType() == Resources.APPLICATION.resourceType();
            if (!managed) {
                continue;
            }
            Optional<Grant> grant = wanted.stream().filter(g -> g.resource().resourceType()
                    == existing.getResourceType() && g.resourceId().equals(existing.getResourceId())).findFirst();
            if (grant.isEmpty() || found.contains(grant.get())) {
                authorizationService.deleteAuthorization(existing.getId());
                LOG.info("Deleted a grant of {} on resource type {} '{}' that docs/security.md does not list",
                        groupId, existing.getResourceType(), existing.getResourceId());
                continue;
            }
            found.add(grant.get());
            AuthorizationEntity entity = (AuthorizationEntity) existing;
            int before = entity.getPermissions();
            entity.setPermissions(grant.get().permissions());
            if (entity.getPermissions() != before) {
                authorizationService.saveAuthorization(entity);
                LOG.info("Set the grant of {} on resource type {} '{}' to {}", groupId, existing.getResourceType(),
                        existing.getResourceId(), List.of(grant.get().permissions()));
            }
        }
        for (Grant grant : wanted) {
            if (!found.contains(grant)) {
                Authorization created = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
                created.setGroupId(groupId);
                created.setResource(grant.resource());
                created.setResourceId(grant.resourceId());
                created.setPermissions(grant.permissions());
                authorizationService.saveAuthorization(created);
            }
        }
    }

    private List<Authorization> grants(String groupId) {
        return authorizationService.createAuthorizationQuery().groupIdIn(groupId).authorizationType(AUTH_TYPE_GRANT)
                .list();
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
}
