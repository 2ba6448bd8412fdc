package io.mqrunbooks.application.dractivation;

import io.mqrunbooks.estate.Backup;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.mq.NameRules;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.QueueManagerKind;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/** Checks a declaration (start form) against the inventory and resolves what the activation acts on. */
@Service
public class ActivationRequests {

    private static final Pattern INCIDENT_REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");

    private final Estate estate;

    public ActivationRequests(Estate estate) {
        this.estate = estate;
    }

    /** @throws ActivationRequestException naming the first field that is wrong */
    public ActivationTarget check(String queueManager, String reason, String incidentReference, String declaredBy,
                                  String clientChannel) {
        requireText("Reason", reason);
        requireText("Declared by", declaredBy);
        if (incidentReference == null || !INCIDENT_REFERENCE.matcher(incidentReference).matches()) {
            throw new ActivationRequestException("Incident reference '" + incidentReference
                    + "' is not a reference: 1-64 of A-Z a-z 0-9 . _ / -, starting with a letter or digit");
        }
        NameRules.checkChannelName(clientChannel).ifPresent(problem -> {
            throw new ActivationRequestException("Client channel " + problem);
        });
        NameRules.checkMqName(queueManager).ifPresent(problem -> {
            throw new ActivationRequestException("Queue manager " + problem);
        });
        QueueManager primary = estate.findQueueManager(queueManager).orElseThrow(() ->
                new ActivationRequestException("Queue manager '" + queueManager + "' is not in the inventory"));
        Backup backup = primary.backup();
        if (backup == null) {
            throw new ActivationRequestException("Queue manager '" + queueManager
                    + "' has no DR backup in the inventory (queueManagers[].backup)");
        }
        if (primary.kind() != QueueManagerKind.SINGLE && primary.kind() != QueueManagerKind.RDQM_DR) {
            throw new ActivationRequestException("Queue manager '" + queueManager + "' is " + primary.kind().yamlName()
                    + "; DR activation handles single and rdqm-dr primaries");
        }
        return new ActivationTarget(primary.name(), primary.kind(), primary.primaryHost(), backup.queueManager(),
                backup.host(), estate.host(backup.host()).address(), backup.level(), primary.listenerName(),
                primary.listenerPort());
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ActivationRequestException(field + " is empty");
        }
    }
}
