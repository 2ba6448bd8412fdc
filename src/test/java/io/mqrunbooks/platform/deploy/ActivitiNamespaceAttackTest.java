package io.mqrunbooks.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.platform.forms.FormCatalog;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Review D: Camunda 7.24 reads every camunda: extension from the old activiti: namespace too (BpmnParse's
 * CAMUNDA_BPMN_EXTENSIONS_NS has http://activiti.org/bpmn as its alternative URI), and so does
 * SealedRunsParseListener when it records a gate's decision. The deployment check of approvedBy reads the gate's form
 * from the camunda: namespace only.
 */
class ActivitiNamespaceAttackTest {

    private final DeployedModelRules rules = new DeployedModelRules(name -> name.endsWith("Delegate"),
            FormCatalog.fromClasspath());

    private static final String STEP = "<bpmn:serviceTask id=\"end\" camunda:delegateExpression=\"${endDelegate}\">"
            + "<bpmn:extensionElements><camunda:properties><camunda:property name=\"approvedBy\" value=\"gate\"/>"
            + "</camunda:properties></bpmn:extensionElements></bpmn:serviceTask>";

    @Test
    void anAcknowledgementGateWhoseFormIsNamedInTheActivitiNamespaceIsRefusedAsAnApproval() {
        assertThat(model("<bpmn:userTask id=\"gate\" activiti:formRef=\"clusterMigrationAcknowledgeOutage\""
                + " camunda:formRefBinding=\"deployment\" camunda:candidateGroups=\"change-managers\"/>" + STEP))
                .contains("the Activiti namespace (http://activiti.org/bpmn) is not accepted; use camunda:");
    }

    @Test
    void anApprovedByPropertyInTheActivitiNamespaceIsRefused() {
        String step = STEP.replace("camunda:properties", "activiti:properties")
                .replace("camunda:property ", "activiti:property ");
        assertThat(model("<bpmn:userTask id=\"gate\" camunda:formRef=\"clusterMigrationAcknowledgeOutage\""
                + " camunda:formRefBinding=\"deployment\" camunda:candidateGroups=\"change-managers\"/>" + step))
                .contains("the Activiti namespace (http://activiti.org/bpmn) is not accepted; use camunda:");
    }

    private String model(String element) {
        String xml = "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" xmlns:activiti=\"http://activiti.org/bpmn\""
                + " id=\"d\" targetNamespace=\"t\"><bpmn:process id=\"p\" isExecutable=\"true\">" + element
                + "</bpmn:process></bpmn:definitions>";
        return rules.check("x.bpmn", xml.getBytes(StandardCharsets.UTF_8)).orElse("");
    }
}
