package io.mqrunbooks.platform.forms;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Which form a process definition's start and each of its user tasks answer to, from the deployed BPMN
 * ({@code camunda:formRef}) and the {@link FormCatalog}. Deployed definitions never change, so answers are
 * cached by definition id.
 */
@Component
public class ProcessForms {

    private final RepositoryService repository;
    private final FormCatalog catalog;
    private final Map<String, BpmnModelInstance> models = new ConcurrentHashMap<>();

    public ProcessForms(@Lazy RepositoryService repository, FormCatalog catalog) {
        this.repository = repository;
        this.catalog = catalog;
    }

    /** The start form of the definition; empty when its start events name none. */
    public Optional<FormDefinition> startForm(String processDefinitionId) {
        Collection<StartEvent> starts = model(processDefinitionId).getModelElementsByType(StartEvent.class);
        return starts.stream().map(StartEvent::getCamundaFormRef).filter(ref -> ref != null && !ref.isBlank())
                .findFirst().flatMap(catalog::form);
    }

    /** The form of a user task of the definition; empty when it names none. */
    public Optional<FormDefinition> taskForm(String processDefinitionId, String taskDefinitionKey) {
        if (model(processDefinitionId).getModelElementById(taskDefinitionKey) instanceof UserTask task) {
            return Optional.ofNullable(task.getCamundaFormRef()).flatMap(catalog::form);
        }
        return Optional.empty();
    }

    private BpmnModelInstance model(String processDefinitionId) {
        return models.computeIfAbsent(processDefinitionId, repository::getBpmnModelInstance);
    }
}
