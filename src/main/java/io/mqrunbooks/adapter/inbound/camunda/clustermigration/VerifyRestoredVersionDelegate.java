package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import static io.mqrunbooks.adapter.inbound.camunda.clustermigration.ClusterMigrationVariables.*;

import io.mqrunbooks.application.clustermigration.ClusterMigrationSteps;
import io.mqrunbooks.application.clustermigration.MigrationPlan;
import io.mqrunbooks.mq.MqVersion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Backout: dspmqver must show the version recorded before the change, else the restore task comes back. */
@Component
public class VerifyRestoredVersionDelegate implements JavaDelegate {

    private final ClusterMigrationSteps steps;

    public VerifyRestoredVersionDelegate(ClusterMigrationSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MigrationPlan plan = PLAN.get(execution);
        MqVersion old = MqVersion.of(VERSION_BEFORE.getOrNull(execution));
        MqVersion installed = steps.installedVersion(plan);
        boolean restored = installed.compareTo(old) == 0;
        INSTALLED_VERSION.set(execution, installed.toString());
        VERSION_RESTORED.set(execution, restored);
        RESTORE_PROBLEM.set(execution, restored ? "" : "dspmqver on " + plan.host() + " shows version "
                + installed + ", not the old version " + old + ": reinstall " + old + " and restore the backup.");
        ClusterMigrationVariables.log(execution, "dspmqver on " + plan.host() + ": Version " + installed
                + (restored ? " (the old version)" : " (not the old version " + old + ")"));
    }
}
