package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import com.fasterxml.jackson.core.type.TypeReference;
import io.mqrunbooks.application.dractivation.ActivationTarget;
import io.mqrunbooks.application.dractivation.BackupActivation;
import io.mqrunbooks.application.dractivation.ClusterChannels;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** DISPLAY CLUSQMGR(*) on the backup until the channels to the full repositories run. */
@Component
@Lazy
public class CheckClusterChannelsDelegate implements JavaDelegate {

    private final ClusterChannels cluster;
    private final DrActivationRuntime runtime;

    public CheckClusterChannelsDelegate(ClusterChannels cluster, DrActivationRuntime runtime) {
        this.cluster = cluster;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ActivationTarget target = DrActivationVariables.target(execution);
        if (execution.getVariable(CLUSTER_DEADLINE) == null) {
            runtime.startWait(execution, CLUSTER_DEADLINE, runtime.settings().clusterLimit());
            List<String> queues = DrActivationRuntime.readJson(execution, TRANSMISSION_QUEUES, new TypeReference<>() { });
            List<String> all = new ArrayList<>(queues == null ? List.of() : queues);
            all.addAll(cluster.transmissionQueues(target));
            DrActivationRuntime.writeJson(execution, TRANSMISSION_QUEUES, all);
        }
        BackupActivation.StepCheck check = cluster.check(target);
        if (!check.done() && runtime.waitedTooLong(execution, CLUSTER_DEADLINE)) {
            throw new IllegalStateException("The cluster channels of " + target.backupLabel()
                    + " to the full repositories are not RUNNING within " + runtime.settings().clusterLimit() + ": "
                    + check.detail());
        }
        execution.setVariable(CLUSTER_SUMMARY, DrActivationRuntime.fit(check.detail()));
        execution.setVariable(CLUSTER_RUNNING, check.done());
        if (check.done()) {
            runtime.mark(execution, "clusterChecked");
        }
    }
}
