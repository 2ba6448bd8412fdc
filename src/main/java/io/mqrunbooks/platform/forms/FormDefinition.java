package io.mqrunbooks.platform.forms;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A Camunda Form from {@code forms/}: its id (the BPMN {@code camunda:formRef}) and its inputs. */
public record FormDefinition(String id, List<FormField> fields) {

    /** Decisions that let a gate's plan go ahead. */
    public static final Set<String> APPROVING_DECISIONS = Set.of("approve", "acknowledge");

    public FormDefinition {
        fields = List.copyOf(fields);
    }

    public Optional<FormField> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** The keys a user may enter: every field that is not read-only. */
    public List<String> inputKeys() {
        return fields.stream().filter(f -> !f.readonly()).map(FormField::key).toList();
    }

    /** A gate's decision: the choice that offers an approving value ({@link #APPROVING_DECISIONS}). */
    public Optional<FormField> decisionField() {
        return fields.stream().filter(f -> f.isChoice() && !f.readonly())
                .filter(f -> f.values().stream().anyMatch(APPROVING_DECISIONS::contains)).findFirst();
    }
}
