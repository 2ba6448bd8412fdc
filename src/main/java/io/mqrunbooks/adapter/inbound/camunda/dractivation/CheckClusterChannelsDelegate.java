package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.application.dractivation.ActivationTarget;
import io.mqrunbooks.application.dractivation.BackupActivation;
import io.mqrunbooks.application.dractivation.ClusterChannels;
import io.mqrunbooks.application.dractivation.DrActivationSettings;
import io.mqrunbooks.platform.runbook.Deadlines;
import java.time.Clock;
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
    private final DrActivationSettings settings;
    private final Clock clock;

    public CheckClusterChannelsDelegate(ClusterChannels cluster, DrActivationSettings settings, Clock clock) {
        this.cluster = cluster;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ActivationTarget target = DrActivationVariables.target(execution);
        if (!CLUSTER_DEADLINE.isSet(execution)) {
            Deadlines.start(execution, CLUSTER_DEADLINE, clock, settings.clusterLimit());
            List<String> all = new ArrayList<>(TRANSMISSION_QUEUES.getOrDefault(execution, List.of()));
            all.addAll(cluster.transmissionQueues(target));
            TRANSMISSION_QUEUES.set(execution, all);
        }
        BackupActivation.StepCheck check = cluster.check(target);
        boolean running = Deadlines.reachedInTime(execution, CLUSTER_DEADLINE, clock, check.done(), () -> "The cluster"
                + " channels of " + target.backupLabel() + " to the full repositories are not RUNNING within "
                + settings.clusterLimit() + ": " + check.detail());
        CLUSTER_SUMMARY.set(execution, check.detail());
        CLUSTER_RUNNING.set(execution, running);
        if (running) {
            DrActivationVariables.mark(execution, clock, "clusterChecked");
        }
    }
}
