package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import io.mqrunbooks.application.dractivation.DrActivationSettings;
import io.mqrunbooks.application.dractivation.MessageFlowProof;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** A test message through the backup: put and got back by correlation id. Its time closes the RTO. */
@Component
@Lazy
public class ProveMessageFlowDelegate implements JavaDelegate {

    private final MessageFlowProof proof;
    private final DrActivationSettings settings;
    private final Clock clock;

    public ProveMessageFlowDelegate(MessageFlowProof proof, DrActivationSettings settings, Clock clock) {
        this.proof = proof;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MessageFlowProof.Proof result = proof.prove(DrActivationVariables.target(execution), settings.testQueue(),
                settings.testMessageWait(), INCIDENT.getOrNull(execution));
        TEST_MESSAGE_SUMMARY.set(execution, result.detail());
        TEST_CORRELATION_ID.set(execution, result.correlationId());
        if (!FIRST_TEST_MESSAGE_AT.isSet(execution)) {
            FIRST_TEST_MESSAGE_AT.set(execution, result.at());
        }
        DrActivationVariables.mark(execution, clock, "messageFlowProven");
    }
}
