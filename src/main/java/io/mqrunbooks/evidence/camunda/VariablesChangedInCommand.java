package io.mqrunbooks.evidence.camunda;

import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;

/**
 * The names of the variables each running engine command created or changed, per process instance. A
 * user task's completion listener reads them to record what the user submitted: completing a task
 * ({@code TaskService.complete(id, variables)}, a submitted form) sets the variables in the same command,
 * just before the task's "complete" listeners run. Forgotten when the command ends.
 */
final class VariablesChangedInCommand {

    private static final ThreadLocal<Map<CommandContext, Map<String, Set<String>>>> CHANGES =
            ThreadLocal.withInitial(IdentityHashMap::new);

    private VariablesChangedInCommand() {
    }

    static void changed(String processInstanceId, String variableName) {
        CommandContext command = Context.getCommandContext();
        if (command == null || processInstanceId == null) {
            return;
        }
        Map<CommandContext, Map<String, Set<String>>> all = CHANGES.get();
        Map<String, Set<String>> byRun = all.get(command);
        if (byRun == null) {
            byRun = new java.util.HashMap<>();
            all.put(command, byRun);
            command.registerCommandContextListener(new Forget());
        }
        byRun.computeIfAbsent(processInstanceId, k -> new LinkedHashSet<>()).add(variableName);
    }

    static Set<String> namesChanged(String processInstanceId) {
        CommandContext command = Context.getCommandContext();
        Map<String, Set<String>> byRun = command == null ? null : CHANGES.get().get(command);
        return byRun == null ? Set.of() : byRun.getOrDefault(processInstanceId, Set.of());
    }

    private static final class Forget implements CommandContextListener {
        @Override
        public void onCommandContextClose(CommandContext commandContext) {
            forget(commandContext);
        }

        @Override
        public void onCommandFailed(CommandContext commandContext, Throwable t) {
            forget(commandContext);
        }

        private static void forget(CommandContext commandContext) {
            Map<CommandContext, Map<String, Set<String>>> all = CHANGES.get();
            all.remove(commandContext);
            if (all.isEmpty()) {
                CHANGES.remove();
            }
        }
    }
}
