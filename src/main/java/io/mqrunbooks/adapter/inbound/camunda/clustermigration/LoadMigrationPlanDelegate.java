package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import io.mqrunbooks.adapter.inbound.camunda.RunbookWaits;
import io.mqrunbooks.application.clustermigration.ClusterMigrationSettings;
import io.mqrunbooks.application.clustermigration.ClusterMigrationSteps;
import io.mqrunbooks.application.clustermigration.MigrationJson;
import io.mqrunbooks.application.clustermigration.MigrationPlan;
import io.mqrunbooks.application.clustermigration.MigrationPlanner;
import io.mqrunbooks.application.clustermigration.MigrationRefusedException;
import io.mqrunbooks.application.clustermigration.TargetVersionRule;
import io.mqrunbooks.platform.RunVariables;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks the queue manager against the inventory and the target version against what its host runs (dspmqver),
 * and writes the plan the gate approves.
 */
@Component
public class LoadMigrationPlanDelegate implements JavaDelegate {

    private final MigrationPlanner planner;
    private final ClusterMigrationSteps steps;
    private final ClusterMigrationSettings settings;
    private final RunbookWaits waits;

    public LoadMigrationPlanDelegate(MigrationPlanner planner, ClusterMigrationSteps steps,
                                     ClusterMigrationSettings settings, RunbookWaits waits) {
        this.planner = planner;
        this.steps = steps;
        this.settings = settings;
        this.waits = waits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String queueManager = (String) execution.getVariable(RunVariables.QUEUE_MANAGER);
        MigrationPlan plan;
        try {
            plan = planner.plan(queueManager);
            TargetVersionRule.requireNewer(queueManager, plan.host(), (String) execution.getVariable(TARGET_VERSION),
                    steps.installedVersion(plan));
        } catch (MigrationRefusedException e) {
            execution.setVariable(ABORT_REASON, e.getMessage());
            throw new BpmnError(MigrationErrors.MIGRATION_REFUSED, e.getMessage());
        }
        MigrationRun.setJson(execution, PLAN, plan);
        execution.setVariable(HOST, plan.host());
        execution.setVariable(TRAFFIC_SAMPLE_INTERVAL, settings.trafficSampleInterval().toString());
        execution.setVariable(TRAFFIC_SAMPLES_WANTED, settings.trafficSamples());
        execution.setVariable(STATUS_POLL_INTERVAL, settings.statusPollInterval().toString());
        // The start form may shorten the monitoring period for this run (sealed), never lengthen it.
        ClusterMigrationSettings run = withMonitoringPeriod(waits.forRun(execution.getProcessInstanceId(),
                MONITORING_PERIOD, settings.monitoringPeriod()));
        execution.setVariable(MONITORING_PERIOD, run.monitoringPeriod().toString());
        execution.setVariable(PLAN_SUMMARY, MigrationRun.text(MigrationSummaries.plan(plan, run,
                (String) execution.getVariable(RunVariables.REASON)), "the plan is the JSON variable " + PLAN));
    }

    private ClusterMigrationSettings withMonitoringPeriod(java.time.Duration monitoringPeriod) {
        return new ClusterMigrationSettings(settings.trafficWatchPeriod(), settings.trafficSampleInterval(),
                settings.endMode(), settings.statusPollInterval(), settings.statusPollLimit(), monitoringPeriod,
                settings.testQueuePrefix(), settings.testMessageWait());
    }
}
