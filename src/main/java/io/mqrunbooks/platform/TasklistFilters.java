package io.mqrunbooks.platform;

import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.stereotype.Component;

/**
 * Tasklist's task list: one "All tasks" filter that refreshes by itself, so a gate or a partner sign-off
 * appears without the user reloading while a runbook's steps run in the background.
 */
@Component
public class TasklistFilters {

    static final String ALL_TASKS = "All tasks";

    public TasklistFilters(ProcessEngine processEngine) {
        FilterService filters = processEngine.getFilterService();
        Filter filter = filters.createFilterQuery().filterName(ALL_TASKS).list().stream().findFirst()
                .orElseGet(() -> filters.newTaskFilter(ALL_TASKS).setQuery(processEngine.getTaskService().createTaskQuery()));
        Map<String, Object> properties = filter.getProperties() == null ? new java.util.HashMap<>()
                : new java.util.HashMap<>(filter.getProperties());
        if (!Boolean.TRUE.equals(properties.get("refresh"))) {
            properties.put("refresh", true);
            properties.putIfAbsent("priority", 0);
            properties.putIfAbsent("description", "Every task you may see; refreshes by itself");
            filter.setProperties(properties);
            filters.saveFilter(filter);
        }
    }
}
