package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import io.mqrunbooks.application.clustermigration.ClusterMigrationSteps;
import io.mqrunbooks.platform.runbook.RunText;
import io.mqrunbooks.application.clustermigration.MigrationPlan;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** DISPLAY CHSTATUS of the cluster-senders to the full repositories; not running after the poll limit: backout. */
@Component
public class CheckMigrationClusterChannelsDelegate implements JavaDelegate {

    private final ClusterMigrationSteps steps;

    public CheckMigrationClusterChannelsDelegate(ClusterMigrationSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MigrationPlan plan = PLAN.get(execution);
        List<ClusterMigrationSteps.ChannelCheck> checks = steps.channelsToFullRepositories(plan);
        boolean running = checks.stream().allMatch(ClusterMigrationSteps.ChannelCheck::running);
        int polls = CHANNEL_POLL_COUNT.getOrDefault(execution, 0) + 1;
        String summary = checks.isEmpty() ? plan.queueManager() + " is the only full repository: no channel to check"
                : checks.stream().map(ClusterMigrationSteps.ChannelCheck::line).collect(Collectors.joining("\n"));
        CHANNEL_POLL_COUNT.set(execution, polls);
        CHANNEL_SUMMARY.set(execution, RunText.fit(summary, "see the command log"));
        CHANNELS_RUNNING.set(execution, running);
        if (running) {
            ClusterMigrationVariables.log(execution, summary.lines().toList());
        } else if (polls >= steps.settings().statusPollLimit()) {
            String reason = "cluster channels to the full repositories not running after " + polls + " checks: "
                    + summary.replace('\n', ';');
            BACKOUT_REASON.set(execution, reason);
            ClusterMigrationVariables.log(execution, reason);
            throw new BpmnError(MigrationErrors.CLUSTER_CHANNELS_NOT_RUNNING, reason);
        }
    }
}
