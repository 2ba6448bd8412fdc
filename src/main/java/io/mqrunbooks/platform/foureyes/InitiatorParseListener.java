package io.mqrunbooks.platform.foureyes;

import io.mqrunbooks.platform.RunVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Adds a start listener to every process that records the run's initiator: the authenticated user who
 * started it, or for a run started by a call activity, the parent run's initiator.
 */
class InitiatorParseListener extends AbstractBpmnParseListener {

    private static final ExecutionListener RECORD_INITIATOR = InitiatorParseListener::recordInitiator;

    @Override
    public void parseProcess(Element processElement, org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity processDefinition) {
        ((ScopeImpl) processDefinition).addListener(ExecutionListener.EVENTNAME_START, RECORD_INITIATOR);
    }

    private static void recordInitiator(DelegateExecution execution) {
        if (execution.getVariable(RunVariables.INITIATOR) != null) {
            return;
        }
        Object initiator = null;
        DelegateExecution parent = execution.getSuperExecution();
        if (parent != null) {
            initiator = parent.getVariable(RunVariables.INITIATOR);
        } else {
            Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                    .getCurrentAuthentication();
            if (authentication != null) {
                initiator = authentication.getUserId();
            }
        }
        if (initiator != null) {
            execution.setVariable(RunVariables.INITIATOR, initiator);
        }
    }
}
