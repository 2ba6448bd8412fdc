package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import io.mqrunbooks.application.clustermigration.ClusterMigrationSteps;
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
        MigrationPlan plan = MigrationRun.plan(execution);
        List<ClusterMigrationSteps.ChannelCheck> checks = steps.channelsToFullRepositories(plan);
        boolean running = checks.stream().allMatch(ClusterMigrationSteps.ChannelCheck::running);
        int polls = MigrationRun.intOrZero(execution.getVariable(CHANNEL_POLL_COUNT)) + 1;
        String summary = checks.isEmpty() ? plan.queueManager() + " is the only full repository: no channel to check"
                : checks.stream().map(ClusterMigrationSteps.ChannelCheck::line).collect(Collectors.joining("\n"));
        execution.setVariable(CHANNEL_POLL_COUNT, polls);
        execution.setVariable(CHANNEL_SUMMARY, MigrationRun.text(summary, "see the command log"));
        execution.setVariable(CHANNELS_RUNNING, running);
        if (running) {
            MigrationRun.log(execution, summary.lines().toList());
        } else if (polls >= steps.settings().statusPollLimit()) {
            String reason = "cluster channels to the full repositories not running after " + polls + " checks: "
                    + summary.replace('\n', ';');
            execution.setVariable(BACKOUT_REASON, reason);
            MigrationRun.log(execution, reason);
            throw new BpmnError(MigrationErrors.CLUSTER_CHANNELS_NOT_RUNNING, reason);
        }
    }
}
