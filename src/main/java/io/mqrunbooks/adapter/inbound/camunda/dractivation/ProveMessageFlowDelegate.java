package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.application.dractivation.MessageFlowProof;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** A test message through the backup: put and got back by correlation id. Its time closes the RTO. */
@Component
@Lazy
public class ProveMessageFlowDelegate implements JavaDelegate {

    private final MessageFlowProof proof;
    private final DrActivationRuntime runtime;

    public ProveMessageFlowDelegate(MessageFlowProof proof, DrActivationRuntime runtime) {
        this.proof = proof;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MessageFlowProof.Proof result = proof.prove(DrActivationVariables.target(execution),
                runtime.settings().testQueue(), runtime.settings().testMessageWait(),
                (String) execution.getVariable(INCIDENT));
        execution.setVariable(TEST_MESSAGE_SUMMARY, result.detail());
        execution.setVariable(TEST_CORRELATION_ID, result.correlationId());
        if (execution.getVariable(FIRST_TEST_MESSAGE_AT) == null) {
            execution.setVariable(FIRST_TEST_MESSAGE_AT, result.at().toString());
        }
        runtime.mark(execution, "messageFlowProven");
    }
}
