package io.mqrunbooks.evidence.camunda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The keys of the fields a user task's Camunda form shows read-only ({@code "readonly": true}): Tasklist
 * sends them back on submit, but the user did not enter them. The form is the task's
 * {@code camunda:formRef}, read from the classpath as {@code forms/<id>.form}, once per form.
 */
final class ReadOnlyFormFields {

    private static final Pattern FORM_ID = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Set<String>> byForm = new ConcurrentHashMap<>();

    /** Empty when the task has no Camunda form (or one not on the classpath). */
    Set<String> of(UserTask task) {
        String formId = task == null ? null : task.getCamundaFormRef();
        if (formId == null || !FORM_ID.matcher(formId).matches()) {
            return Set.of();
        }
        return byForm.computeIfAbsent(formId, this::load);
    }

    private Set<String> load(String formId) {
        try (InputStream form = ReadOnlyFormFields.class.getClassLoader().getResourceAsStream("forms/" + formId + ".form")) {
            if (form == null) {
                return Set.of();
            }
            Set<String> keys = new HashSet<>();
            collect(json.readTree(form).path("components"), keys);
            return Set.copyOf(keys);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the form forms/" + formId + ".form", e);
        }
    }

    private static void collect(JsonNode components, Set<String> keys) {
        for (JsonNode component : components) {
            if (component.path("readonly").asBoolean(false) && component.hasNonNull("key")) {
                keys.add(component.get("key").asText());
            }
            collect(component.path("components"), keys);
        }
    }
}
