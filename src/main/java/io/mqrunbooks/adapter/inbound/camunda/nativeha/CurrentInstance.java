package io.mqrunbooks.adapter.inbound.camunda.nativeha;

import io.mqrunbooks.adapter.inbound.camunda.rdqm.RunbookSteps;
import io.mqrunbooks.application.nativeha.NativeHaMaintenance;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The host being maintained: the approved order at the run's index (never a free-text variable). */
final class CurrentInstance {

    private CurrentInstance() {
    }

    static String host(DelegateExecution execution, NativeHaMaintenance maintenance, String queueManager) {
        List<String> order = maintenance.order(queueManager,
                RunbookSteps.text(execution, NativeHaVariables.MAINTENANCE_ORDER));
        int index = RunbookSteps.count(execution, NativeHaVariables.INSTANCE_INDEX);
        if (index >= order.size()) {
            throw new IllegalStateException("Every instance of the order " + order + " has been maintained");
        }
        return order.get(index);
    }
}
