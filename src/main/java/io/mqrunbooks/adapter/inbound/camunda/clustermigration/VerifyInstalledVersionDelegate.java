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
        MigrationPlan plan = PLAN.get(execution);
        String targetText = TARGET_VERSION.getOrNull(execution);
        MqVersion installed = steps.installedVersion(plan);
        INSTALLED_VERSION.set(execution, installed.toString());
        INSTALLED_VERSION_BULLETINS.set(execution, bulletins.targetWarning(installed));
        MqVersion target;
        try {
            target = MqVersion.of(targetText == null ? "" : targetText.strip());
        } catch (IllegalArgumentException e) {
            VERSION_PROBLEM.set(execution, "Target version: " + e.getMessage());
            VERSION_INSTALLED.set(execution, false);
            return;
        }
        boolean done = installed.compareTo(target) >= 0;
        VERSION_INSTALLED.set(execution, done);
        if (!done) {
            // the install task comes back: the operator decides again, nothing pre-selected
            INSTALL_DECISION.set(execution, null);
        }
        VERSION_PROBLEM.set(execution, done ? "" : "dspmqver on " + plan.host() + " shows version "
                + installed + ", below the target " + target + ": the new version is not installed yet.");
        ClusterMigrationVariables.log(execution, "dspmqver on " + plan.host() + ": Version " + installed
                + (done ? " (target " + target + " reached)" : " (below the target " + target + ")"));
    }
}
