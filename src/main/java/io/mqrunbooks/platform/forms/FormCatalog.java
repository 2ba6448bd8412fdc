package io.mqrunbooks.platform.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The deployed Camunda Forms ({@code classpath*:forms/*.form}), read once: what each start and task form
 * declares is the only input a run accepts (docs/security.md "Variables by allow-list").
 */
public final class FormCatalog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, FormDefinition> forms;

    private FormCatalog(Map<String, FormDefinition> forms) {
        this.forms = Map.copyOf(forms);
    }

    public static FormCatalog fromClasspath() {
        Map<String, FormDefinition> forms = new LinkedHashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                try (InputStream in = resource.getInputStream()) {
                    FormDefinition form = parse(resource.getFilename(), JSON.readTree(in));
                    forms.putIfAbsent(form.id(), form);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the forms on the classpath", e);
        }
        return new FormCatalog(forms);
    }

    public Optional<FormDefinition> form(String id) {
        return Optional.ofNullable(id).map(forms::get);
    }

    public int size() {
        return forms.size();
    }

    static FormDefinition parse(String file, JsonNode root) {
        String id = root.path("id").asText(null);
        if (id == null || id.isBlank()) {
            throw new IllegalStateException("Form " + file + " has no id");
        }
        List<FormField> fields = new ArrayList<>();
        collect(file, root, fields);
        return new FormDefinition(id, fields);
    }

    private static void collect(String file, JsonNode container, List<FormField> fields) {
        for (JsonNode component : container.path("components")) {
            if (component.hasNonNull("key")) {
                fields.add(field(file, component));
            }
            collect(file, component, fields);
        }
    }

    private static FormField field(String file, JsonNode c) {
        JsonNode validate = c.path("validate");
        List<String> values = new ArrayList<>();
        c.path("values").forEach(v -> values.add(v.path("value").asText()));
        Pattern pattern = null;
        if (validate.hasNonNull("pattern")) {
            try {
                pattern = Pattern.compile(validate.get("pattern").asText());
            } catch (PatternSyntaxException e) {
                throw new IllegalStateException("Form " + file + ", field " + c.get("key").asText()
                        + ": the pattern is not a regular expression: " + e.getDescription(), e);
            }
        }
        return new FormField(c.get("key").asText(), c.path("label").asText(c.get("key").asText()),
                c.path("type").asText(), c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false),
                validate.path("required").asBoolean(false), pattern, intOrNull(validate, "minLength"),
                intOrNull(validate, "maxLength"), doubleOrNull(validate, "min"), doubleOrNull(validate, "max"),
                values, inventoryChoice(file, c));
    }

    /**
     * A select (or a taglist or checklist, several names) whose names come from the inventory:
     * {@code "properties": {"inventory": "rdqm-dr"}}.
     */
    private static InventoryChoice inventoryChoice(String file, JsonNode c) {
        JsonNode property = c.path("properties").path("inventory");
        if (property.isMissingNode()) {
            return null;
        }
        InventoryChoice choice = InventoryChoice.fromProperty(property.asText()).orElseThrow(() ->
                new IllegalStateException("Form " + file + ", field " + c.get("key").asText() + ": inventory '"
                        + property.asText() + "' is none of " + java.util.Arrays.stream(InventoryChoice.values())
                        .map(InventoryChoice::property).toList()));
        if (!java.util.Set.of("select", "taglist", "checklist").contains(c.path("type").asText())) {
            throw new IllegalStateException("Form " + file + ", field " + c.get("key").asText()
                    + ": only a select, taglist or checklist is filled from the inventory, not a "
                    + c.path("type").asText());
        }
        return choice;
    }

    private static Integer intOrNull(JsonNode node, String name) {
        return node.hasNonNull(name) ? node.get(name).asInt() : null;
    }

    private static Double doubleOrNull(JsonNode node, String name) {
        return node.hasNonNull(name) ? node.get(name).asDouble() : null;
    }
}
