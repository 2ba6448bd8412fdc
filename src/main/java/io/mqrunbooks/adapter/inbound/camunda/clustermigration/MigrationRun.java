package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.COMMAND_LOG;
import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.PLAN;

import io.mqrunbooks.application.clustermigration.MigrationJson;
import io.mqrunbooks.application.clustermigration.MigrationPlan;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;

/** Reading the plan and appending to the command log: the two things every delegate of this runbook does. */
final class MigrationRun {

    private MigrationRun() {
    }

    /** Camunda keeps a string variable in 4000 characters; longer text is cut there, saying so. */
    static final int TEXT_LIMIT = 4000;

    static MigrationPlan plan(VariableScope execution) {
        return MigrationJson.read(json(execution, PLAN), MigrationPlan.class);
    }

    /** A JSON variable (a Spin JSON value: any length, shown as JSON in Cockpit) as text; null when unset. */
    static String json(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    static void setJson(VariableScope scope, String name, Object value) {
        scope.setVariable(name, SpinValues.jsonValue(MigrationJson.write(value)).create());
    }

    /** Text for a form: the beginning, cut at the limit with a note where the rest is. */
    static String text(String value, String whereTheRestIs) {
        if (value == null || value.length() <= TEXT_LIMIT) {
            return value;
        }
        String note = "\n... (cut: " + whereTheRestIs + ")";
        return value.substring(0, TEXT_LIMIT - note.length()) + note;
    }

    static void log(DelegateExecution execution, List<String> lines) {
        String stamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        StringBuilder log = new StringBuilder(stringOrEmpty(execution.getVariable(COMMAND_LOG)));
        lines.forEach(line -> log.append(stamp).append(' ').append(line).append('\n'));
        execution.setVariable(COMMAND_LOG, tail(log.toString()));
    }

    static void log(DelegateExecution execution, String line) {
        log(execution, List.of(line));
    }

    /** The log keeps its latest lines; every earlier version stays in the run's history. */
    static String tail(String log) {
        if (log.length() <= TEXT_LIMIT) {
            return log;
        }
        String note = "(earlier lines are in the run's history)\n";
        String kept = log.substring(log.length() - (TEXT_LIMIT - note.length()));
        return note + kept.substring(kept.indexOf('\n') + 1);
    }

    static String stringOrEmpty(Object value) {
        return value == null ? "" : value.toString();
    }

    static int intOrZero(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }
}
