package io.mqrunbooks.adapter.inbound.web.baseline;

import io.mqrunbooks.platform.run.RunRecord;
import io.mqrunbooks.platform.run.RunRecords;
import io.mqrunbooks.platform.security.CurrentUser;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The runs a change manager may read are the ones a gate granted them (GateRunGrants, docs/security.md "Groups"):
 * the engine lists them, queried as that user. What each targets is its sealed scope ({@link RunRecord}), never a
 * variable of the run: the queue managers it may change, with their DR backups.
 */
@Component
public class EngineGatedRunTargets implements GatedRunTargets {

    private final HistoryService history;
    private final IdentityService identity;
    private final RunRecords records;

    public EngineGatedRunTargets(HistoryService history, IdentityService identity, RunRecords records) {
        this.history = history;
        this.identity = identity;
        this.records = records;
    }

    @Override
    public Set<String> queueManagers(CurrentUser changeManager) {
        Set<String> targets = new TreeSet<>();
        for (String runId : readableRuns(changeManager)) {
            records.find(runId).map(RunRecord::scope).ifPresent(scope -> targets.addAll(scope.queueManagers()));
        }
        return targets;
    }

    /** As the user, whoever the thread is authenticated as: the engine filters the query by their grants. */
    private List<String> readableRuns(CurrentUser user) {
        Authentication before = identity.getCurrentAuthentication();
        identity.setAuthentication(user.userId(), List.copyOf(user.groups()));
        try {
            return history.createHistoricProcessInstanceQuery().list().stream().map(HistoricProcessInstance::getId)
                    .toList();
        } finally {
            Optional.ofNullable(before).ifPresentOrElse(identity::setAuthentication, identity::clearAuthentication);
        }
    }
}
