package io.mqrunbooks.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.mqrunbooks.application.generic.MqscCommand;
import io.mqrunbooks.application.generic.QueueManagerControlSteps;
import io.mqrunbooks.platform.forms.FormCatalog;
import io.mqrunbooks.platform.forms.FormDefinition;
import io.mqrunbooks.platform.forms.FormField;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The Camunda Modeler element templates of element-templates/ (docs/element-templates.md): each binds exactly the
 * inputs its delegate reads, names a delegate bean that exists, is async-before; a user task template shows an
 * existing gate form; and every element of processes/ made from a template still matches it.
 */
class ElementTemplatesTest {

    private static final Path TEMPLATES = Path.of("element-templates");
    private static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";
    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final FormCatalog FORMS = FormCatalog.fromClasspath();
    private static final ObjectMapper JSON = new ObjectMapper();

    static Map<String, JsonNode> templates() throws IOException {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode array = JSON.readTree(file.toFile());
                assertThat(array.isArray()).as(file + " is a JSON array of templates, as Modeler loads them").isTrue();
                for (JsonNode template : array) {
                    assertThat(byId.put(template.path("id").asText(), template)).as("template id "
                            + template.path("id").asText() + " used twice").isNull();
                }
            }
        }
        return byId;
    }

    /** Every delegate bean of the runbooks, by its bean name, as Spring names a {@code @Component}. */
    static Map<String, Class<?>> delegateBeans() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        Map<String, Class<?>> beans = new HashMap<>();
        for (BeanDefinition definition : scan.findCandidateComponents("io.mqrunbooks.adapter.inbound.camunda")) {
            String name = AnnotationBeanNameGenerator.INSTANCE.generateBeanName(definition,
                    new SimpleBeanDefinitionRegistry());
            beans.put(name, Class.forName(definition.getBeanClassName()));
        }
        return beans;
    }

    private static Optional<JsonNode> property(JsonNode template, String bindingType, String name) {
        for (JsonNode property : template.path("properties")) {
            JsonNode binding = property.path("binding");
            if (binding.path("type").asText().equals(bindingType) && binding.path("name").asText().equals(name)) {
                return Optional.of(property);
            }
        }
        return Optional.empty();
    }

    private static List<String> inputs(JsonNode template) {
        List<String> names = new ArrayList<>();
        template.path("properties").forEach(p -> {
            if (p.path("binding").path("type").asText().equals("camunda:inputParameter")) {
                names.add(p.path("binding").path("name").asText());
            }
        });
        return names;
    }

    private static String hidden(JsonNode template, String attribute) {
        return property(template, "property", attribute).filter(p -> p.path("type").asText().equals("Hidden"))
                .map(p -> p.path("value").asText()).orElse(null);
    }

    @Test
    void everyTemplateIsACamunda7TemplateForAServiceOrUserTask() throws IOException {
        Map<String, JsonNode> templates = templates();
        assertThat(templates).containsOnlyKeys("io.mqrunbooks.runMqsc", "io.mqrunbooks.checkChannelState",
                "io.mqrunbooks.putAndGetTestMessage", "io.mqrunbooks.approvalGate", "io.mqrunbooks.runControlCommand",
                "io.mqrunbooks.checkQueueManagerState", "io.mqrunbooks.partnerSignOff");
        templates.forEach((id, template) -> {
            assertThat(template.path("$schema").asText()).as(id).isEqualTo(SCHEMA);
            assertThat(id).startsWith("io.mqrunbooks.");
            assertThat(template.path("name").asText()).as(id).startsWith("MQ: ");
            assertThat(template.path("version").isInt() && template.path("version").asInt() >= 1).as(id).isTrue();
            assertThat(template.path("appliesTo").toString()).as(id)
                    .isIn("[\"bpmn:ServiceTask\"]", "[\"bpmn:UserTask\"]");
        });
    }

    /**
     * Each file against Camunda's published JSON schema of Camunda 7 element templates (the npm package
     * {@code @camunda/element-templates-json-schema}, fetched by the build into target/, pom.xml), as Modeler checks a
     * template it loads: a template the schema refuses is skipped by Modeler with an error only in its log.
     */
    @Test
    void everyTemplateFileIsValidAgainstCamundasJsonSchema() throws IOException {
        Path schemaFile = Path.of("target/element-templates-json-schema/package/resources/schema.json");
        assertThat(schemaFile).as("Camunda's element template schema, fetched by the build's generate-test-resources"
                + " phase (./mvnw generate-test-resources)").isRegularFile();
        JsonNode schemaJson = JSON.readTree(schemaFile.toFile());
        assertThat(schemaJson.path("$id").asText()).isEqualTo("http://camunda.org/schema/element-templates/1.0");
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaJson);
        Map<String, Set<String>> problems = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                Set<String> messages = new java.util.TreeSet<>();
                schema.validate(JSON.readTree(file.toFile())).forEach(m -> messages.add(m.getMessage()));
                if (!messages.isEmpty()) {
                    problems.put(file.getFileName().toString(), messages);
                }
            }
        }
        assertThat(problems).as("templates the schema refuses").isEmpty();
        // The schema must be able to refuse: a template whose dropdown has no choices is not one Modeler loads.
        JsonNode broken = JSON.readTree("""
                {"$schema": "%s", "name": "broken", "id": "broken", "appliesTo": ["bpmn:ServiceTask"],
                 "properties": [{"label": "Mode", "type": "Dropdown", "binding": {"type": "property", "name": "x"}}]}
                """.formatted(SCHEMA));
        assertThat(schema.validate(broken)).as("a Dropdown without choices").isNotEmpty();
    }

    /**
     * The rules of the Camunda 7 template descriptor that Modeler enforces when it loads a file ("Defining templates in
     * Camunda 7", docs.camunda.io): the schema's property types and binding types, a name for every binding but
     * the output parameter, choices of name and value for a dropdown (its default among them), and the constraints
     * it knows, stricter than the JSON schema where the schema is lenient (the keys it knows, patterns that compile and
     * accept their own default).
     */
    @Test
    void everyTemplateFollowsTheCamunda7DescriptorRules() throws IOException {
        Set<String> topLevel = Set.of("$schema", "name", "id", "version", "description", "appliesTo", "properties",
                "entriesVisible", "scopes", "documentationRef", "elementType", "icon", "keywords", "groups", "category");
        Set<String> types = Set.of("String", "Text", "Boolean", "Dropdown", "Hidden");
        Set<String> bindings = Set.of("property", "camunda:property", "camunda:inputParameter",
                "camunda:outputParameter", "camunda:in", "camunda:out", "camunda:in:businessKey",
                "camunda:executionListener", "camunda:field", "camunda:errorEventDefinition");
        Set<String> constraints = Set.of("notEmpty", "minLength", "maxLength", "pattern");
        Set<String> propertyKeys = Set.of("label", "description", "type", "value", "choices", "binding", "constraints",
                "editable", "optional", "id", "condition", "group", "placeholder");
        List<String> problems = new ArrayList<>();
        templates().forEach((id, template) -> {
            template.fieldNames().forEachRemaining(k -> {
                if (!topLevel.contains(k)) {
                    problems.add(id + ": unknown key " + k);
                }
            });
            for (JsonNode property : template.path("properties")) {
                String where = id + " " + property.path("binding").path("name").asText(property.path("label").asText());
                property.fieldNames().forEachRemaining(k -> {
                    if (!propertyKeys.contains(k)) {
                        problems.add(where + ": unknown property key " + k);
                    }
                });
                String type = property.path("type").asText("String");
                String binding = property.path("binding").path("type").asText();
                if (!types.contains(type)) {
                    problems.add(where + ": type " + type + " is not one of " + types);
                }
                if (!bindings.contains(binding)) {
                    problems.add(where + ": binding type '" + binding + "' is not one of " + bindings);
                } else if (!binding.equals("camunda:outputParameter") && !binding.equals("camunda:in:businessKey")
                        && property.path("binding").path("name").asText().isEmpty()) {
                    problems.add(where + ": binding " + binding + " needs a name");
                }
                if (type.equals("Dropdown")) {
                    List<String> values = new ArrayList<>();
                    property.path("choices").forEach(c -> {
                        if (!c.hasNonNull("name") || !c.hasNonNull("value")) {
                            problems.add(where + ": a choice needs name and value");
                        }
                        values.add(c.path("value").asText());
                    });
                    if (values.isEmpty()) {
                        problems.add(where + ": a Dropdown needs choices");
                    } else if (property.has("value") && !values.contains(property.path("value").asText())) {
                        problems.add(where + ": default " + property.path("value") + " is not a choice");
                    }
                }
                property.path("constraints").fieldNames().forEachRemaining(k -> {
                    if (!constraints.contains(k)) {
                        problems.add(where + ": unknown constraint " + k);
                    }
                });
                JsonNode pattern = property.path("constraints").path("pattern");
                if (!pattern.isMissingNode()) {
                    String regex = pattern.isTextual() ? pattern.asText() : pattern.path("value").asText();
                    try {
                        java.util.regex.Pattern compiled = java.util.regex.Pattern.compile(regex);
                        if (property.has("value") && !compiled.matcher(property.path("value").asText()).matches()) {
                            problems.add(where + ": default " + property.path("value") + " fails its own pattern");
                        }
                    } catch (java.util.regex.PatternSyntaxException e) {
                        problems.add(where + ": pattern does not compile: " + e.getDescription());
                    }
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> serviceTaskTemplatesBindExactlyWhatTheirDelegateReads() throws Exception {
        Map<String, Class<?>> beans = delegateBeans();
        return templates().values().stream().filter(t -> t.path("appliesTo").toString().contains("ServiceTask"))
                .map(template -> DynamicTest.dynamicTest(template.path("id").asText(), () -> {
                    String expression = hidden(template, "camunda:delegateExpression");
                    assertThat(expression).as("hidden delegate expression").matches("\\$\\{[a-z][A-Za-z0-9]+Delegate}");
                    String bean = expression.substring(2, expression.length() - 1);
                    assertThat(beans).as("a @Component delegate bean named " + bean).containsKey(bean);
                    Class<?> delegate = beans.get(bean);
                    assertThat(JavaDelegate.class.isAssignableFrom(delegate)).as(bean + " is a JavaDelegate").isTrue();
                    assertThat(inputs(template)).as("the inputs " + delegate.getSimpleName() + ".INPUTS reads")
                            .containsExactlyInAnyOrderElementsOf(declaredInputs(delegate));
                    assertThat(hidden(template, "camunda:asyncBefore")).as("async-before").isEqualTo("true");
                    for (String input : inputs(template)) {
                        JsonNode property = property(template, "camunda:inputParameter", input).orElseThrow();
                        assertThat(property.path("type").asText()).as(input + " is set in Modeler, not hidden")
                                .isNotEqualTo("Hidden");
                        boolean required = property.path("constraints").path("notEmpty").asBoolean()
                                || property.path("type").asText().equals("Dropdown");
                        assertThat(required).as(input + " is required (the delegate refuses a missing one)").isTrue();
                    }
                }));
    }

    @SuppressWarnings("unchecked")
    private static List<String> declaredInputs(Class<?> delegate) throws ReflectiveOperationException {
        Field field = delegate.getField("INPUTS");
        assertThat(Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers())).isTrue();
        return (List<String>) field.get(null);
    }

    @TestFactory
    Stream<DynamicTest> userTaskTemplatesShowAnExistingGateForm() throws IOException {
        return templates().values().stream().filter(t -> t.path("appliesTo").toString().contains("UserTask"))
                .map(template -> DynamicTest.dynamicTest(template.path("id").asText(), () -> {
                    String formRef = hidden(template, "camunda:formRef");
                    assertThat(hidden(template, "camunda:formRefBinding")).isEqualTo("deployment");
                    assertThat(Path.of("forms", formRef + ".form")).exists();
                    FormDefinition form = FORMS.form(formRef).orElseThrow();
                    String groups = hidden(template, "camunda:candidateGroups");
                    assertThat(groups).isIn("mq-operators", "change-managers");
                    if (groups.equals("change-managers")) {
                        FormField decision = form.decisionField().orElseThrow();
                        assertThat(decision.values()).containsExactly("approve", "reject");
                        assertThat(decision.required()).isTrue();
                        assertThat(template.path("description").asText()).contains("${" + decision.key()
                                + " == 'approve'}");
                    } else {
                        // an operator's record of a partner's word: a required choice, and never an approval
                        assertThat(form.decisionField()).as("approves nothing").isEmpty();
                        FormField choice = form.fields().stream().filter(f -> f.isChoice() && !f.readonly())
                                .findFirst().orElseThrow();
                        assertThat(choice.required()).isTrue();
                        assertThat(template.path("description").asText()).contains("${" + choice.key() + " == '"
                                + choice.values().get(0) + "'}");
                    }
                    assertThat(form.inputKeys().stream().filter(k -> k.equals("comment") || k.endsWith("Comment")))
                            .as("exactly one comment").hasSize(1);
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyElementMadeFromATemplateStillMatchesIt() throws IOException {
        Map<String, JsonNode> templates = templates();
        return RunbookModelRulesTest.processFiles().stream().map(file -> DynamicTest.dynamicTest(
                file.getFileName().toString(), () -> {
                    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                    Map<String, String> startValues = startFormKeys(model);
                    List<String> problems = new ArrayList<>();
                    for (Activity element : model.getModelElementsByType(Activity.class)) {
                        String id = element.getAttributeValueNs(CAMUNDA_NS, "modelerTemplate");
                        if (id != null) {
                            matches(element, templates.get(id), id, startValues, problems);
                        }
                    }
                    assertThat(problems).as(file + " no longer matches its element templates").isEmpty();
                }));
    }

    @Test
    void theSampleRunbooksAreBuiltOnlyFromTemplates() throws IOException {
        Map<String, Integer> samples = Map.of("channelRefreshProcess.bpmn", 7, "queueManagerRestartProcess.bpmn", 8);
        Set<String> used = new HashSet<>();
        samples.forEach((file, taskCount) -> {
            BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", file).toFile());
            List<Activity> tasks = new ArrayList<>();
            tasks.addAll(model.getModelElementsByType(ServiceTask.class));
            tasks.addAll(model.getModelElementsByType(UserTask.class));
            assertThat(tasks).as(file).hasSize(taskCount).allSatisfy(t -> assertThat(t.getAttributeValueNs(CAMUNDA_NS,
                    "modelerTemplate")).as(t.getId()).startsWith("io.mqrunbooks."));
            tasks.forEach(t -> used.add(t.getAttributeValueNs(CAMUNDA_NS, "modelerTemplate")));
        });
        assertThat(used).as("every template is in a sample that runs on the lab").isEqualTo(templates().keySet());
    }

    /** The start form's input keys, each standing for a sealed value (placeholders may name only these). */
    private static Map<String, String> startFormKeys(BpmnModelInstance model) {
        Map<String, String> keys = new HashMap<>();
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            Optional.ofNullable(start.getCamundaFormRef()).flatMap(FORMS::form)
                    .ifPresent(form -> form.inputKeys().forEach(k -> keys.put(k, "SEALED.VALUE")));
        }
        return keys;
    }

    private static void matches(Activity element, JsonNode template, String templateId,
                                Map<String, String> startValues, List<String> problems) {
        String where = element.getId() + " (template " + templateId + "): ";
        if (template == null) {
            problems.add(where + "no such template in element-templates/");
            return;
        }
        if (!template.path("version").asText().equals(element.getAttributeValueNs(CAMUNDA_NS, "modelerTemplateVersion"))) {
            problems.add(where + "made from another version than " + template.path("version").asText());
        }
        for (JsonNode property : template.path("properties")) {
            JsonNode binding = property.path("binding");
            if (property.path("type").asText().equals("Hidden") && binding.path("type").asText().equals("property")) {
                String attribute = binding.path("name").asText().replace("camunda:", "");
                String value = element.getAttributeValueNs(CAMUNDA_NS, attribute);
                if (!property.path("value").asText().equals(value)) {
                    problems.add(where + binding.path("name").asText() + " is '" + value + "', the template says '"
                            + property.path("value").asText() + "'");
                }
            }
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        element.getModelInstance().getModelElementsByType(CamundaInputParameter.class).stream()
                .filter(p -> isInside(p, element))
                .forEach(p -> inputs.put(p.getCamundaName(), p.getTextContent()));
        if (!new HashSet<>(inputs.keySet()).equals(new HashSet<>(inputs(template)))) {
            problems.add(where + "inputs " + inputs.keySet() + ", the template binds " + inputs(template));
        }
        inputs.forEach((name, value) -> {
            // An expression would read a variable at run time, which a caller may have set: inputs are literal.
            if (value.contains("${") || value.contains("#{")) {
                problems.add(where + "input " + name + " is an expression (" + value + "); write it literally,"
                        + " and name sealed start values as {key}");
            }
        });
        boolean approvalRequired = property(template, "camunda:property", "approvedBy")
                .map(p -> p.path("constraints").path("notEmpty").asBoolean()).orElse(false);
        try {
            if (inputs.containsKey("controlCommand")) {
                approvalRequired |= QueueManagerControlSteps.ControlCommand.of(inputs.get("controlCommand"))
                        .changesEstate();
            }
            if (inputs.containsKey("mqsc")) {
                approvalRequired |= MqscCommand.parse(inputs.get("mqsc"), startValues).stream()
                        .anyMatch(MqscCommand::changesEstate);
            }
            for (String nameInput : List.of("channelName", "testQueue")) {
                if (inputs.containsKey(nameInput)) {
                    MqscCommand.resolveName(inputs.get(nameInput).strip(), startValues, inputs.get(nameInput));
                }
            }
        } catch (IllegalArgumentException refused) {
            problems.add(where + refused.getMessage());
        }
        boolean approvedBy = element.getModelInstance().getModelElementsByType(CamundaProperty.class).stream()
                .anyMatch(p -> isInside(p, element) && "approvedBy".equals(p.getCamundaName())
                        && p.getCamundaValue() != null && !p.getCamundaValue().isBlank());
        if (approvalRequired && !approvedBy) {
            problems.add(where + "changes the estate but names no approval gate (approvedBy)");
        }
    }

    private static boolean isInside(org.camunda.bpm.model.xml.instance.ModelElementInstance child, Activity element) {
        for (var e = child.getParentElement(); e != null; e = e.getParentElement()) {
            if (e == element) {
                return true;
            }
        }
        return false;
    }
}
