package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import io.mqrunbooks.application.clustermigration.ClusterMigrationSettings;
import io.mqrunbooks.platform.runbook.RunText;
import io.mqrunbooks.application.clustermigration.ClusterMigrationSteps;
import io.mqrunbooks.application.clustermigration.MigrationPlan;
import io.mqrunbooks.application.clustermigration.MigrationPlanner;
import io.mqrunbooks.application.clustermigration.TargetVersionRule;
import io.mqrunbooks.platform.runbook.Refusals;
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

    public LoadMigrationPlanDelegate(MigrationPlanner planner, ClusterMigrationSteps steps,
                                     ClusterMigrationSettings settings) {
        this.planner = planner;
        this.steps = steps;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String queueManager = QUEUE_MANAGER.getOrNull(execution);
        MigrationPlan plan = Refusals.decide(execution, () -> {
            MigrationPlan planned = planner.plan(queueManager);
            TargetVersionRule.requireNewer(queueManager, planned.host(), TARGET_VERSION.getOrNull(execution),
                    steps.installedVersion(planned));
            return planned;
        });
        PLAN.set(execution, plan);
        HOST.set(execution, plan.host());
        TRAFFIC_SAMPLE_INTERVAL.set(execution, settings.trafficSampleInterval().toString());
        TRAFFIC_SAMPLES_WANTED.set(execution, settings.trafficSamples());
        STATUS_POLL_INTERVAL.set(execution, settings.statusPollInterval().toString());
        MONITORING_PERIOD.set(execution, settings.monitoringPeriod().toString());
        PLAN_SUMMARY.set(execution, RunText.fit(MigrationSummaries.plan(plan, settings,
                REASON.getOrNull(execution)), "the plan is the JSON variable " + PLAN.name()));
    }
}
