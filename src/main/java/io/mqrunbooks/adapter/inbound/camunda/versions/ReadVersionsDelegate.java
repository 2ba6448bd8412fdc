package io.mqrunbooks.adapter.inbound.camunda.versions;

import io.mqrunbooks.mq.MqVersion;
import io.mqrunbooks.application.versions.InstalledVersions;
import io.mqrunbooks.platform.RunVariables;
import io.mqrunbooks.platform.run.RunRecord;
import io.mqrunbooks.platform.run.RunRecords;
import io.mqrunbooks.platform.run.RunScope;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Pre-flight before a gate that starts or moves a queue manager: dspmqver on every host of the run's sealed
 * scope (not of a variable), matched against the bulletin table. The gate shows {@link #VERSION_REPORT}
 * read-only and approves it with its plan ({@code plan} extension property).
 */
@Component
public class ReadVersionsDelegate implements JavaDelegate {

    /** The version table the gate's form shows. */
    public static final String VERSION_REPORT = "versionReport";

    private final RunRecords runs;
    private final InstalledVersions versions;

    public ReadVersionsDelegate(RunRecords runs, InstalledVersions versions) {
        this.runs = runs;
        this.versions = versions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RunRecord run = runs.find(execution.getProcessInstanceId()).orElseThrow(() -> new ProcessEngineException(
                "Run " + execution.getProcessInstanceId() + " has no sealed record, so the hosts whose versions"
                        + " to read are not known"));
        // A migration names its target at the start; the gate then warns when the target itself is affected.
        MqVersion target = run.parameter(RunVariables.TARGET_VERSION).map(MqVersion::of).orElse(null);
        RunScope scope = run.scope();
        execution.setVariable(VERSION_REPORT, versions.read(scope.hosts(), scope.queueManagers(), target).text());
    }
}
