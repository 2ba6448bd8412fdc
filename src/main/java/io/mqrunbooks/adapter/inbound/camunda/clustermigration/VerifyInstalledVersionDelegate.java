package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import io.mqrunbooks.application.clustermigration.ClusterMigrationSteps;
import io.mqrunbooks.application.clustermigration.MigrationPlan;
import io.mqrunbooks.mq.MqVersion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import io.mqrunbooks.application.versions.SecurityBulletins;
import org.springframework.stereotype.Component;

/** dspmqver must show the target version or a later one; otherwise the install task comes back with the reason. */
@Component
public class VerifyInstalledVersionDelegate implements JavaDelegate {

    private final ClusterMigrationSteps steps;
    private final SecurityBulletins bulletins;

    public VerifyInstalledVersionDelegate(ClusterMigrationSteps steps, SecurityBulletins bulletins) {
        this.steps = steps;
        this.bulletins = bulletins;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MigrationPlan plan = MigrationRun.plan(execution);
        String targetText = (String) execution.getVariable(TARGET_VERSION);
        MqVersion installed = steps.installedVersion(plan);
        execution.setVariable(INSTALLED_VERSION, installed.toString());
        execution.setVariable(INSTALLED_VERSION_BULLETINS, bulletins.targetWarning(installed));
        MqVersion target;
        try {
            target = MqVersion.of(targetText == null ? "" : targetText.strip());
        } catch (IllegalArgumentException e) {
            execution.setVariable(VERSION_PROBLEM, "Target version: " + e.getMessage());
            execution.setVariable(VERSION_INSTALLED, false);
            return;
        }
        boolean done = installed.compareTo(target) >= 0;
        execution.setVariable(VERSION_INSTALLED, done);
        if (!done) {
            // the install task comes back: the operator decides again, nothing pre-selected
            execution.setVariable(INSTALL_DECISION, null);
        }
        execution.setVariable(VERSION_PROBLEM, done ? "" : "dspmqver on " + plan.host() + " shows version "
                + installed + ", below the target " + target + ": the new version is not installed yet.");
        MigrationRun.log(execution, "dspmqver on " + plan.host() + ": Version " + installed
                + (done ? " (target " + target + " reached)" : " (below the target " + target + ")"));
    }
}
