package io.mqrunbooks.platform.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
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
    /** Each form as read, to hold a deployed form to: what Tasklist shows must be what the server validates. */
    private final Map<String, JsonNode> sources;

    private FormCatalog(Map<String, FormDefinition> forms, Map<String, JsonNode> sources) {
        this.forms = Map.copyOf(forms);
        this.sources = Map.copyOf(sources);
    }

    public static FormCatalog fromClasspath() {
        Map<String, FormDefinition> forms = new LinkedHashMap<>();
        Map<String, JsonNode> sources = new LinkedHashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                try (InputStream in = resource.getInputStream()) {
                    JsonNode source = JSON.readTree(in);
                    FormDefinition form = parse(resource.getFilename(), source);
                    if (forms.putIfAbsent(form.id(), form) == null) {
                        sources.put(form.id(), source);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the forms on the classpath", e);
        }
        return new FormCatalog(forms, sources);
    }

    /**
     * Why a deployed form resource is not this catalog's form of its id, or empty when it is (JSON equal: same
     * fields, values and labels, whatever the key order or spacing). Tasklist shows the deployed form while
     * the server validates and hashes the catalog's, so any other form could relabel a decision or hide the plan.
     */
    public Optional<String> deployedFormRefusal(String resource, byte[] bytes) {
        JsonNode deployed;
        try {
            deployed = JSON.readTree(bytes);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            return Optional.of(resource + ": not a Camunda Form (JSON): " + why);
        }
        String id = deployed == null ? null : deployed.path("id").asText(null);
        JsonNode source = id == null ? null : sources.get(id);
        if (source == null) {
            return Optional.of(resource + ": form id '" + id + "' is not one of the application's forms (forms/*.form);"
                    + " a deployment may hold only those, unchanged");
        }
        return difference("", source, deployed).map(where -> resource + ": form '" + id + "' differs from the"
                + " application's forms/" + id + ".form at " + where + "; a deployment may hold the application's"
                + " forms only unchanged");
    }

    /** The first place (a JSON path) where the deployed form differs from the catalog's, with both values. */
    private static Optional<String> difference(String path, JsonNode expected, JsonNode actual) {
        if (expected.equals(actual)) {
            return Optional.empty();
        }
        if (expected.isObject() && actual.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                Optional<String> inner = difference(path + "." + name, expected.path(name), actual.path(name));
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        if (expected.isArray() && actual.isArray()) {
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                Optional<String> inner = difference(path + "[" + i + "]", expected.get(i), actual.get(i));
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.of(where(path) + " (the application's has " + expected.size() + " entries, the"
                    + " deployed " + actual.size() + ")");
        }
        return Optional.of(where(path) + " (the application's: "
                + shown(expected) + ", deployed: " + shown(actual) + ")");
    }

    private static String where(String path) {
        return path.isEmpty() ? "the top" : path.substring(1);
    }

    private static String shown(JsonNode node) {
        String text = node.isMissingNode() ? "absent" : node.toString();
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
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
