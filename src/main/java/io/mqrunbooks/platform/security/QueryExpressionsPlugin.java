package io.mqrunbooks.platform.security;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.query.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * No query evaluates an expression (Review A): a query's {@code ...Expression} criteria are JUEL evaluated with
 * every Spring bean in reach, as whoever runs the query. Camunda refuses them in ad-hoc and stored queries when told
 * to, but checks only the top-level query, never its {@code orQueries}. This refuses any query, filter save and
 * filter execution whose query or any of its or-queries holds an expression, whatever calls it (REST, webapps, Java
 * API). Tasklist's own filters ({@link io.mqrunbooks.platform.TasklistFilters}) use none, so the allow-list of
 * Camunda's query functions ({@code currentUser()} and the like) is empty. At start-up, a stored filter that holds
 * expressions (an upgraded database) loses them, with a warning naming it.
 */
@Component
public class QueryExpressionsPlugin extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(QueryExpressionsPlugin.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableExpressionsInAdhocQueries(false);
        configuration.setEnableExpressionsInStoredQueries(false);
        // Post: inside the command context, where an executed filter's stored query can be read.
        configuration.setCustomPostCommandInterceptorsTxRequired(with(
                configuration.getCustomPostCommandInterceptorsTxRequired()));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(with(
                configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        for (Filter filter : engine.getFilterService().createFilterQuery().list()) {
            if (filter.getQuery() instanceof TaskQueryImpl query && !expressionKeys(query).isEmpty()) {
                LOG.warn("Filter {} '{}' (owner {}) held query expressions {}; they are removed, as queries take no"
                        + " expressions (docs/security.md)", filter.getId(), filter.getName(), filter.getOwner(),
                        expressionKeys(query));
                // A new query object read from the stored one: the engine saves a filter only when its query changed.
                FilterEntity entity = (FilterEntity) filter;
                entity.setQueryInternal(entity.getQueryInternal());
                ((TaskQueryImpl) entity.getQuery()).getQueries().forEach(q -> q.getExpressions().clear());
                try {
                    engine.getFilterService().saveFilter(entity);
                } catch (OptimisticLockingException another) {
                    LOG.info("Filter {} was changed by another node starting at the same time", filter.getId());
                }
            }
        }
    }

    /** The expression criteria of a query and of its or-queries, by name (not their text, which may be long). */
    static TreeSet<String> expressionKeys(Query<?, ?> query) {
        TreeSet<String> keys = new TreeSet<>();
        if (query instanceof AbstractQuery<?, ?> q) {
            keys.addAll(q.getExpressions().keySet());
        }
        if (query instanceof TaskQueryImpl task) {
            // The first of a task query's queries is itself; the others are its or-queries.
            task.getQueries().stream().skip(1).forEach(or -> or.getExpressions().keySet()
                    .forEach(k -> keys.add("orQueries." + k)));
        }
        return keys.stream().map(k -> k + "Expression").collect(Collectors.toCollection(TreeSet::new));
    }

    static void refuseExpressions(Query<?, ?> query, String what) {
        if (query == null) {
            return;
        }
        TreeSet<String> keys = expressionKeys(query);
        if (!keys.isEmpty()) {
            throw new BadUserRequestException(what + " holds the expression criteria " + keys + ": queries take no"
                    + " expressions (they would run as code with every bean in reach); give plain values instead");
        }
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors) {
        List<CommandInterceptor> all = new ArrayList<>(interceptors == null ? List.of() : interceptors);
        all.add(new RefusingInterceptor());
        return all;
    }

    /** Checks a command's queries before it runs. */
    static final class RefusingInterceptor extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (command instanceof AbstractQuery<?, ?> query) {
                refuseExpressions(query, "The query");
            } else if (command instanceof SaveFilterCmd) {
                Filter filter = (Filter) field(SaveFilterCmd.class, "filter", command);
                if (filter != null) {
                    refuseExpressions(filter.getQuery(), "Filter '" + filter.getName() + "'");
                }
            } else if (command instanceof AbstractExecuteFilterCmd) {
                refuseExpressions((Query<?, ?>) field(AbstractExecuteFilterCmd.class, "extendingQuery", command),
                        "The query extending the filter");
                String filterId = (String) field(AbstractExecuteFilterCmd.class, "filterId", command);
                FilterEntity stored = filterId == null ? null
                        : Context.getCommandContext().getFilterManager().findFilterById(filterId);
                if (stored != null) {
                    refuseExpressions(stored.getQuery(), "Filter '" + stored.getName() + "'");
                }
            }
            return next.execute(command);
        }

        /** Reads a field of Camunda's command; fails closed if an upgrade renamed it. */
        private static Object field(Class<?> type, String name, Object command) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(command);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new ProcessEngineException("Cannot check " + type.getSimpleName() + "." + name
                        + " for query expressions, so the command is refused", e);
            }
        }
    }
}
