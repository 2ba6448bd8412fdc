package io.mqrunbooks.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.platform.forms.FormCatalog;
import io.mqrunbooks.platform.forms.FormDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;

/**
 * Every service task's {@code approvedBy} names approval gates of its own process: user tasks for the change
 * managers whose form offers an approving decision. (Which steps need one is proven by the lab tests: a step
 * that changes the estate without naming its gate is refused there.)
 */
class ApprovalModelTest {

    @Test
    void everyApprovedByNamesAnApprovalGateOfItsProcess() throws IOException {
        FormCatalog forms = FormCatalog.fromClasspath();
        List<String> problems = new ArrayList<>();
        int steps = 0;
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                for (ServiceTask step : model.getModelElementsByType(ServiceTask.class)) {
                    for (String gateId : approvedBy(step)) {
                        steps++;
                        String where = file.getFileName() + " " + step.getId() + ": ";
                        if (!(model.getModelElementById(gateId) instanceof UserTask gate)) {
                            problems.add(where + gateId + " is not a user task of the process");
                            continue;
                        }
                        if (!"change-managers".equals(gate.getCamundaCandidateGroups())) {
                            problems.add(where + gateId + " is not a gate for the change managers");
                        }
                        boolean approves = forms.form(gate.getCamundaFormRef())
                                .flatMap(FormDefinition::decisionField).isPresent();
                        if (!approves) {
                            problems.add(where + gateId + "'s form offers no approving decision");
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(steps).as("steps that name a gate").isGreaterThanOrEqualTo(39);
    }

    private static List<String> approvedBy(ServiceTask step) {
        if (step.getExtensionElements() == null) {
            return List.of();
        }
        return step.getExtensionElements().getElementsQuery().filterByType(
                        org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream())
                .filter(p -> "approvedBy".equals(p.getCamundaName()))
                .map(CamundaProperty::getCamundaValue)
                .flatMap(v -> Arrays.stream(v.split(",")).map(String::strip))
                .toList();
    }
}
