package io.mqrunbooks.platform.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.testsupport.EngineStatements;
import io.mqrunbooks.testsupport.EngineStatements.Statement;
import io.mqrunbooks.testsupport.LabAppTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The task query with its authorization as EXISTS ({@link ExistsAuthTaskQueryPlugin}) returns the same tasks as
 * Camunda's join, for every caller and query shape Tasklist and the app use: each query runs twice in the same
 * engine on the same rows, once with Camunda's statements mapped and once with ours, and the ids, order and counts
 * must be equal. Security-relevant: who sees which task depends on it.
 */
class ExistsAuthTaskQueryTest extends LabAppTest {

    private static final String PREFIX = "ta-";

    @Autowired
    ProcessEngineConfigurationImpl engine;
    @Autowired
    ExistsAuthTaskQueryPlugin plugin;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    TaskService taskService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    FilterService filterService;

    private final List<String> standaloneTasks = new ArrayList<>();
    private final List<String> filters = new ArrayList<>();
    private final List<String> granted = new ArrayList<>();

    @AfterEach
    void removeWhatTheTestMade() {
        identityService.clearAuthentication();
        engine.getDbSqlSessionFactory().setStatementMappings(plugin.existsStatements());
        standaloneTasks.forEach(id -> taskService.deleteTask(id, true));
        filters.forEach(filterService::deleteFilter);
        // Ours, and the ones the engine gave the test's users and groups.
        authorizationService.createAuthorizationQuery().list().stream()
                .filter(a -> granted.contains(a.getId()) || startsWithPrefix(a.getUserId()) || startsWithPrefix(a.getGroupId()))
                .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
        repositoryService.createDeploymentQuery().deploymentName(PREFIX + "tasks").list()
                .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
    }

    @Test
    void everyCallerSeesTheSameTasksWithExistsAsWithCamundasJoin() throws Exception {
        assertThat(plugin.installed()).as("the plugin installed its statements").isTrue();
        Map<String, String> tasks = startTasks();

        // Grants beside the ones the engine gives assignees, candidate users and candidate groups.
        grant(Authorization.AUTH_TYPE_GRANT, null, PREFIX + "readers", Resources.TASK, "*", Permissions.READ);
        grant(Authorization.AUTH_TYPE_GRANT, PREFIX + "dave", null, Resources.PROCESS_DEFINITION, PREFIX + "procA", Permissions.READ_TASK);
        grant(Authorization.AUTH_TYPE_GRANT, PREFIX + "frank", null, Resources.PROCESS_DEFINITION, "*", Permissions.READ_TASK);
        // Camunda matches any grant's resource id against the task id, the definition key and '*' whatever its
        // resource type: a TASK grant named like a definition key shows that definition's tasks. Kept as it is.
        grant(Authorization.AUTH_TYPE_GRANT, PREFIX + "gina", null, Resources.TASK, PREFIX + "procB", Permissions.READ);
        grant(Authorization.AUTH_TYPE_GRANT, PREFIX + "hugo", null, Resources.TASK, tasks.get("B-open"), TaskPermissions.TASK_WORK);
        grant(Authorization.AUTH_TYPE_GLOBAL, "*", null, Resources.TASK, tasks.get("A-open"), Permissions.READ);

        Map<String, List<String>> callers = new LinkedHashMap<>();
        callers.put(PREFIX + "alice", List.of(PREFIX + "team"));
        callers.put(PREFIX + "bob", List.of());
        callers.put(PREFIX + "carol", List.of(PREFIX + "readers"));
        callers.put(PREFIX + "dave", List.of());
        callers.put(PREFIX + "frank", List.of(PREFIX + "other"));
        callers.put(PREFIX + "gina", List.of());
        callers.put(PREFIX + "hugo", List.of());
        callers.put(PREFIX + "erin", List.of(PREFIX + "team", PREFIX + "readers"));
        callers.put(PREFIX + "nobody", List.of());
        callers.put(PREFIX + "admin", List.of(Groups.CAMUNDA_ADMIN));
        callers.put(null, List.of());

        Map<String, Long> visible = compareEverything(callers, false);
        long all = tasks.size();
        assertThat(visible).as("tasks each caller sees (the grants above and the engine's own)")
                .containsEntry(PREFIX + "alice", 6L) // her 2 + the team's 3 + the global one
                .containsEntry(PREFIX + "bob", 4L) // his 2 (one standalone), his candidate one + the global one
                .containsEntry(PREFIX + "carol", all) // her group's TASK READ on '*'
                .containsEntry(PREFIX + "dave", 5L) // procA's 5, the global one among them
                // READ_TASK on every definition shows standalone tasks too: its '*' matches, whatever the resource type
                .containsEntry(PREFIX + "frank", all)
                .containsEntry(PREFIX + "gina", 4L) // procB's 3 through the key-named grant + the global one
                .containsEntry(PREFIX + "hugo", 1L) // TASK_WORK alone does not show a task: only the global one
                .containsEntry(PREFIX + "nobody", 1L)
                .containsEntry(PREFIX + "admin", all)
                .containsEntry(null, all);

        // A revoke switches Camunda to its per-task CASE check for the caller it names ("auto" revoke checking), which
        // ours keeps unchanged. Alice's revoke of the globally granted task hides it only if that check runs: the
        // join ignores revokes.
        grant(Authorization.AUTH_TYPE_REVOKE, PREFIX + "alice", null, Resources.TASK, tasks.get("A-open"), Permissions.READ);
        Map<String, Long> withRevoke = compareEverything(callers, true);
        assertThat(withRevoke).as("the revoke hides one of alice's tasks, nothing else changes")
                .isEqualTo(with(visible, PREFIX + "alice", 5L));
    }

    /** Runs every query for every caller with both statements and asserts the same answers; returns each caller's count. */
    private Map<String, Long> compareEverything(Map<String, List<String>> callers, boolean revoke) throws Exception {
        Filter allTasks = filterService.newTaskFilter(PREFIX + "all").setQuery(taskService.createTaskQuery());
        filterService.saveFilter(allTasks);
        filters.add(allTasks.getId());
        grant(Authorization.AUTH_TYPE_GLOBAL, "*", null, Resources.FILTER, allTasks.getId(), Permissions.READ);

        Map<String, Long> visible = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> caller : callers.entrySet()) {
            String user = caller.getKey();
            for (Map.Entry<String, Function<TaskService, TaskQuery>> shape : shapes(user).entrySet()) {
                String what = (user == null ? "no authentication" : user + " " + caller.getValue()) + ", " + shape.getKey();
                Answer camunda = answer(user, caller.getValue(), shape.getValue(), false, revoke);
                Answer ours = answer(user, caller.getValue(), shape.getValue(), true, revoke);
                assertThat(ours).as(what).isEqualTo(camunda);
                if (shape.getKey().equals("all")) {
                    visible.put(user, ours.count());
                }
            }
            String what = (user == null ? "no authentication" : user) + ", the filter as Tasklist lists it";
            assertThat(filterAnswer(user, caller.getValue(), allTasks.getId(), true))
                    .as(what).isEqualTo(filterAnswer(user, caller.getValue(), allTasks.getId(), false));
        }
        return visible;
    }

    private Map<String, Function<TaskService, TaskQuery>> shapes(String user) {
        String someone = user == null ? PREFIX + "alice" : user;
        Map<String, Function<TaskService, TaskQuery>> shapes = new LinkedHashMap<>();
        shapes.put("all", t -> t.createTaskQuery());
        shapes.put("Tasklist's first page: active, newest first", t -> t.createTaskQuery().active()
                .orderByTaskCreateTime().desc().orderByTaskId().asc());
        shapes.put("assignee", t -> t.createTaskQuery().taskAssignee(someone).orderByTaskId().asc());
        shapes.put("candidate user", t -> t.createTaskQuery().taskCandidateUser(someone).orderByTaskId().asc());
        shapes.put("candidate user with assigned", t -> t.createTaskQuery().taskCandidateUser(someone).includeAssignedTasks()
                .orderByTaskId().asc());
        shapes.put("candidate groups", t -> t.createTaskQuery().taskCandidateGroupIn(List.of(PREFIX + "team", PREFIX + "readers"))
                .orderByTaskId().asc());
        shapes.put("with candidate groups, unassigned", t -> t.createTaskQuery().withCandidateGroups().taskUnassigned()
                .orderByTaskId().asc());
        shapes.put("involved user", t -> t.createTaskQuery().taskInvolvedUser(someone).orderByTaskId().asc());
        shapes.put("mine or my groups' (or query)", t -> t.createTaskQuery().or().taskAssignee(someone)
                .taskCandidateUser(someone).taskCandidateGroup(PREFIX + "team").endOr().orderByTaskId().desc());
        shapes.put("definition key", t -> t.createTaskQuery().processDefinitionKey(PREFIX + "procB").orderByTaskName().asc()
                .orderByTaskId().asc());
        shapes.put("sorted by a process variable", t -> t.createTaskQuery()
                .orderByProcessVariable("rank", ValueType.STRING).asc().orderByTaskId().asc());
        shapes.put("variable value", t -> t.createTaskQuery().processVariableValueEquals("rank", "r2"));
        shapes.put("due date, priority", t -> t.createTaskQuery().orderByDueDate().asc().orderByTaskPriority().desc()
                .orderByTaskId().asc());
        return shapes;
    }

    /** What a query answers: ids in order, the ids of two pages, and the count, with the named statements run. */
    private record Answer(List<String> ids, List<String> firstPage, List<String> secondPage, long count) {
    }

    private Answer answer(String user, List<String> groups, Function<TaskService, TaskQuery> shape, boolean exists,
            boolean revoke) throws Exception {
        return asCaller(user, groups, exists, () -> new Answer(ids(shape.apply(taskService).list()),
                ids(shape.apply(taskService).listPage(0, 3)), ids(shape.apply(taskService).listPage(3, 3)),
                shape.apply(taskService).count()));
    }

    private Answer filterAnswer(String user, List<String> groups, String filterId, boolean exists) throws Exception {
        TaskQuery page = taskService.createTaskQuery().active().orderByTaskCreateTime().desc().orderByTaskId().asc();
        return asCaller(user, groups, exists, () -> new Answer(ids(filterService.list(filterId, page)),
                ids(filterService.listPage(filterId, page, 0, 15)), ids(filterService.listPage(filterId, page, 2, 2)),
                filterService.count(filterId, page)));
    }

    /** Runs {@code work} as the caller with ours or Camunda's statements, and checks that those were the ones run. */
    private Answer asCaller(String user, List<String> groups, boolean exists, java.util.concurrent.Callable<Answer> work)
            throws Exception {
        engine.getDbSqlSessionFactory().setStatementMappings(exists ? plugin.existsStatements() : plugin.camundaStatements());
        String thread = Thread.currentThread().getName();
        Answer[] answer = new Answer[1];
        List<Statement> statements;
        try {
            if (user != null) {
                identityService.setAuthentication(user, groups);
            }
            statements = EngineStatements.record(thread::equals, () -> answer[0] = work.call());
        } finally {
            identityService.clearAuthentication();
            engine.getDbSqlSessionFactory().setStatementMappings(plugin.existsStatements());
        }
        List<String> taskStatements = statements.stream().map(Statement::id)
                .filter(id -> id.contains("TaskByQueryCriteria") || id.contains("TaskCountByQueryCriteria")).toList();
        assertThat(taskStatements).hasSize(4).allMatch(id -> id.startsWith(exists ? ExistsAuthTaskQueryPlugin.NAMESPACE + "."
                : "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity."));
        return answer[0];
    }

    /** Tasks in two definitions and two standalone ones, each with a different audience; returns them by name. */
    private Map<String, String> startTasks() {
        var deployment = repositoryService.createDeployment().name(PREFIX + "tasks");
        for (String key : List.of("procA", "procB")) {
            deployment.addModelInstance(PREFIX + key + ".bpmn", Bpmn.createExecutableProcess(PREFIX + key).name(key)
                    .camundaHistoryTimeToLive(1)
                    .startEvent("startEvent_started").name("Started")
                    .userTask("userTask_work").name("${name}").camundaAssignee("${assignee}")
                    .camundaDueDate("${due}").camundaPriority("${priority}")
                    .endEvent("endEvent_done").name("Done")
                    .done());
        }
        deployment.deploy();
        Map<String, String> tasks = new LinkedHashMap<>();
        start(tasks, "procA", "A-alice", PREFIX + "alice", "", "");
        start(tasks, "procA", "A-team", null, "", PREFIX + "team");
        start(tasks, "procA", "A-bob-candidate", null, PREFIX + "bob", "");
        start(tasks, "procA", "A-open", null, "", "");
        start(tasks, "procA", "A-bob-team", PREFIX + "bob", "", PREFIX + "team");
        start(tasks, "procB", "B-alice", PREFIX + "alice", "", "");
        start(tasks, "procB", "B-open", null, "", "");
        start(tasks, "procB", "B-carol-team", PREFIX + "carol", "", PREFIX + "team");
        for (String assignee : new String[] {PREFIX + "bob", null}) {
            Task task = taskService.newTask();
            task.setName("standalone " + assignee);
            task.setAssignee(assignee);
            taskService.saveTask(task);
            standaloneTasks.add(task.getId());
            tasks.put("standalone-" + assignee, task.getId());
        }
        return tasks;
    }

    private void start(Map<String, String> tasks, String key, String name, String assignee, String users, String groups) {
        int n = tasks.size();
        String id = runtimeService.startProcessInstanceByKey(PREFIX + key, PREFIX + name, Variables.createVariables()
                .putValue("name", name).putValue("assignee", assignee)
                .putValue("rank", "r" + (n % 3)).putValue("priority", 50 + n % 2)
                .putValue("due", n % 2 == 0 ? null : "2027-01-0" + (1 + n % 4) + "T00:00:00")).getId();
        String task = taskService.createTaskQuery().processInstanceId(id).singleResult().getId();
        // Added as Tasklist and the API add them: the engine grants each candidate the task, as from the model.
        if (!users.isEmpty()) {
            taskService.addCandidateUser(task, users);
        }
        if (!groups.isEmpty()) {
            taskService.addCandidateGroup(task, groups);
        }
        tasks.put(name, task);
    }

    private void grant(int type, String user, String group, Resource resource, String resourceId, Permission permission) {
        Authorization authorization = authorizationService.createNewAuthorization(type);
        authorization.setUserId(user);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        if (type == Authorization.AUTH_TYPE_REVOKE) {
            authorization.removePermission(permission); // a revoke starts with every permission and takes some away
        } else {
            authorization.addPermission(permission);
        }
        granted.add(authorizationService.saveAuthorization(authorization).getId());
    }

    private static Map<String, Long> with(Map<String, Long> counts, String key, long value) {
        Map<String, Long> changed = new LinkedHashMap<>(counts);
        changed.put(key, value);
        return changed;
    }

    private static boolean startsWithPrefix(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    private static List<String> ids(List<Task> tasks) {
        return tasks.stream().map(Task::getId).toList();
    }
}
