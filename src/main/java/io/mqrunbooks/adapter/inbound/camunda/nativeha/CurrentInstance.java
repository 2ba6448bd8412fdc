package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import static io.mqrunbooks.adapter.inbound.camunda.nativeha.NativeHaVariables.INSTANCE_INDEX;
import static io.mqrunbooks.adapter.inbound.camunda.nativeha.NativeHaVariables.MAINTENANCE_ORDER;

import io.mqrunbooks.application.nativeha.NativeHaMaintenance;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The host being maintained: the approved order at the run's index (never a free-text variable). */
final class CurrentInstance {

    private CurrentInstance() {
    }

    static String host(DelegateExecution execution, NativeHaMaintenance maintenance, String queueManager) {
        List<String> order = maintenance.order(queueManager, MAINTENANCE_ORDER.get(execution));
        int index = INSTANCE_INDEX.getOrDefault(execution, 0);
        if (index >= order.size()) {
            throw new IllegalStateException("Every instance of the order " + order + " has been maintained");
        }
        return order.get(index);
    }
}
