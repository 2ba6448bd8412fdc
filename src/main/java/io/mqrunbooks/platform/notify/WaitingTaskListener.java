package io.mqrunbooks.platform.notify;

import io.mqrunbooks.platform.RunVariables;
import io.mqrunbooks.platform.foureyes.Gates;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Built into every user task's create event: once the transaction that created the task commits (so a run that
 * rolls back tells nobody), hands the task to {@link TaskNotifications}. The initiator may not act on a gate of
 * their own run (four-eyes) and is not told.
 */
class WaitingTaskListener implements TaskListener {

    private final TaskNotifications notifications;
    private final NotifyProperties properties;

    WaitingTaskListener(TaskNotifications notifications, NotifyProperties properties) {
        this.notifications = notifications;
        this.properties = properties;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!notifications.active()) {
            return;
        }
        List<IdentityLink> candidates = List.copyOf(task.getCandidates());
        List<String> groups = candidates.stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).filter(id -> id != null).sorted().toList();
        List<String> users = candidates.stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getUserId).filter(id -> id != null).sorted().toList();
        String notAllowed = Gates.isGate(task) ? text(task, RunVariables.INITIATOR) : null;
        String runbook = task instanceof TaskEntity entity && entity.getProcessDefinition() != null
                ? entity.getProcessDefinition().getName() : task.getProcessDefinitionId();
        String runKey = task.getExecution().getProcessBusinessKey();
        String queueManager = text(task, RunVariables.QUEUE_MANAGER);
        // The name is read after commit: a later create listener may still rename the task (partner tasks do).
        Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                committed -> notifications.taskWaiting(new WaitingTask(task.getId(), task.getName(),
                        task.getTaskDefinitionKey(), runbook, task.getProcessInstanceId(), runKey, queueManager,
                        groups, users, notAllowed, properties.taskLink(task.getId()))));
    }

    private static String text(DelegateTask task, String variable) {
        Object value = task.getVariable(variable);
        return value == null ? null : value.toString();
    }
}
