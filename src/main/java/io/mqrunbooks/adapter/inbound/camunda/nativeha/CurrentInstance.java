package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import static io.mqrunbooks.adapter.inbound.camunda.nativeha.NativeHaVariables.INSTANCE_INDEX;
import static io.mqrunbooks.adapter.inbound.camunda.nativeha.NativeHaVariables.MAINTENANCE_ORDER;

import io.mqrunbooks.application.nativeha.NativeHaMaintenance;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The host being maintained: the approved order at the run's position in it (never a free-text variable). */
final class CurrentInstance {

    private CurrentInstance() {
    }

    static String host(DelegateExecution execution, NativeHaMaintenance maintenance, String queueManager) {
        List<String> order = maintenance.order(queueManager, MAINTENANCE_ORDER.get(execution));
        int index = index(execution);
        if (index >= order.size()) {
            throw new IllegalStateException("Every instance of the order " + order + " has been maintained");
        }
        return order.get(index);
    }

    /**
     * The run's position in the approved order: how many instances it has started again, as the engine's history of
     * the run records it (no API call rewrites that), which {@code instanceIndex} must agree with. A position written
     * from outside the runbook would otherwise pick which instance is ended next, the active one first included.
     */
    static int index(DelegateExecution execution) {
        long started = execution.getProcessEngineServices().getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId()).activityId(START_INSTANCE).finished().count();
        int declared = INSTANCE_INDEX.getOrDefault(execution, 0);
        if (declared != started) {
            throw new IllegalStateException("The run's position in the maintenance order is " + declared
                    + " (instanceIndex), but it has started " + started + " instance(s) again: the variable was written"
                    + " outside the runbook. Nothing was done; abort the run (its run page) and start a new one.");
        }
        return declared;
    }

    /** The step that starts an instance again, ending its turn in the order. */
    private static final String START_INSTANCE = "serviceTask_startInstance";
}
