package io.mqrunbooks.platform.foureyes;

import io.mqrunbooks.platform.RunVariables;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The engine calls {@code checkTaskWork} before a task is claimed or completed. For a gate (a task whose
 * candidates are the change managers) it refuses the run's initiator; every other check passes through
 * to the engine's own checkers.
 */
class FourEyesCommandChecker implements InvocationHandler {

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
        Object initiator = processInstance.getVariable(RunVariables.INITIATOR);
        String user = authentication.getUserId();
        if (user.equals(initiator)) {
            String run = processInstance.getBusinessKey() != null ? processInstance.getBusinessKey()
                    : processInstance.getId();
            throw new AuthorizationException("Four-eyes rule: " + user + " started run " + run
                    + " and cannot approve its gate '" + task.getName()
                    + "'. Another change manager must complete it.");
        }
    }
}
