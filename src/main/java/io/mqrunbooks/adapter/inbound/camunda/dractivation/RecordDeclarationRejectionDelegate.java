package io.mqrunbooks.adapter.inbound.camunda.dractivation;

import static io.mqrunbooks.adapter.inbound.camunda.dractivation.DrActivationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** The change manager did not declare the disaster: the run ends, saying so. */
@Component
@Lazy
public class RecordDeclarationRejectionDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        String comment = DECLARATION_COMMENT.getOrNull(execution);
        OUTCOME.set(execution, comment == null || comment.isBlank() ? "rejected" : "rejected: " + comment);
    }
}
