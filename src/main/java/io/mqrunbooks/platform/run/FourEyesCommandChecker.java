package io.mqrunbooks.platform.run;

import io.mqrunbooks.platform.foureyes.Gates;
import io.mqrunbooks.platform.security.Groups;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * The engine calls {@code checkTaskWork} before a task is claimed or completed. For a gate (a task whose
 * candidates are the change managers) it refuses anyone who is not a change manager (an administrator included),
 * the run's sealed initiator, a user whose identity the initiator shaped ({@link InitiatorShapedIdentity}), and
 * everyone when the run has no sealed record; every other check passes through to
 * the engine's own checkers.
 */
class FourEyesCommandChecker implements InvocationHandler {

    /** Activity property: the user tasks whose completer may not decide this gate. */
    static final String SEPARATE_FROM = "mqrunbooks.separateFrom";

    private final RunRecords records;

    FourEyesCommandChecker(RunRecords records) {
        this.records = records;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        if ("checkTaskWork".equals(method.getName()) && args != null && args.length == 1
                && args[0] instanceof TaskEntity task) {
            checkNotInitiator(task);
        }
        return switch (method.getName()) {
            case "toString" -> "FourEyesCommandChecker";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> null;
        };
    }

    private void checkNotInitiator(TaskEntity task) {
        Authentication authentication = Context.getCommandContext().getAuthentication();
        if (authentication == null || authentication.getUserId() == null || !Gates.isGate(task)) {
            return;
        }
        ExecutionEntity processInstance = task.getProcessInstance();
        if (processInstance == null) {
            return;
        }
        String run = processInstance.getBusinessKey() != null ? processInstance.getBusinessKey()
                : processInstance.getId();
        RunRecord record = records.find(processInstance.getId()).orElseThrow(() -> new AuthorizationException(
                "Run " + run + " has no sealed record, so nobody can approve its gate '" + task.getName() + "'."));
        String user = authentication.getUserId();
        List<String> groups = authentication.getGroupIds();
        if (groups == null || !groups.contains(Groups.CHANGE_MANAGERS)) {
            // Camunda lets an administrator work any task; a gate is a change manager's decision all the same.
            throw new AuthorizationException(user + " is not a change manager, so cannot decide gate '"
                    + task.getName() + "' of run " + run + ". A member of " + Groups.CHANGE_MANAGERS + " must complete it.");
        }
        if (task.getAssignee() != null && !user.equals(task.getAssignee())) {
            // The change manager who claimed the gate decides it; nobody overtakes a review under way.
            throw new AuthorizationException("Gate '" + task.getName() + "' of run " + run + " is claimed by "
                    + task.getAssignee() + ", so " + user + " cannot decide it. Only " + task.getAssignee()
                    + " decides it (an administrator may unclaim it if they cannot be reached).");
        }
        if (user.equals(record.initiator())) {
            throw new AuthorizationException("Four-eyes rule: " + user + " started run " + run
                    + " and cannot approve its gate '" + task.getName()
                    + "'. Another change manager must complete it.");
        }
        checkIdentityNotShaped(task, record, run, user);
        checkSeparation(task, record, run, user);
    }

    /** The initiator under another name: a decider the initiator created, re-passworded or put in the gate's group. */
    private static void checkIdentityNotShaped(TaskEntity task, RunRecord record, String run, String user) {
        List<String> gateGroups = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).toList();
        InitiatorShapedIdentity.refusal(user, record.initiator(), gateGroups, null).ifPresent(reason -> {
            throw new AuthorizationException("Four-eyes rule: " + reason + ". Gate '" + task.getName() + "' of run "
                    + run + " stays open for another change manager.");
        });
    }

    /** Separation of duties: the server's record of who completed the tasks this gate is separated from. */
    private void checkSeparation(TaskEntity task, RunRecord record, String run, String user) {
        Object separateFrom = task.getExecution() == null || task.getExecution().getActivity() == null ? null
                : task.getExecution().getActivity().getProperty(SEPARATE_FROM);
        if (!(separateFrom instanceof List<?> taskIds) || taskIds.isEmpty()) {
            return;
        }
        records.decisions(record.runId()).stream()
                .filter(d -> taskIds.contains(d.gateId()) && user.equals(d.decidedBy()))
                .findFirst()
                .ifPresent(done -> {
                    throw new AuthorizationException("Separation of duties: " + user + " completed '" + done.gateName()
                            + "' in run " + run + " and cannot decide its gate '" + task.getName()
                            + "'. Another change manager must complete it.");
                });
    }
}
