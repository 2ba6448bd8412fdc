package io.mqrunbooks.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mqrunbooks.platform.forms.FormCatalog;
import org.junit.jupiter.api.Test;

/** The model rules every deployment passes: the project's own models do; code in a model does not. */
class DeployedModelRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeployedModelRules rules = new DeployedModelRules(
            name -> Set.of("jdbcTemplate", "dataSource", "sshPort", "runbookWaits").contains(name)
                    || name.endsWith("Delegate") || name.endsWith("Listener"), FormCatalog.fromClasspath());

    @Test
    void everyModelOfTheProjectKeepsToTheRules() throws IOException {
        List<Path> models;
        try (Stream<Path> files = Stream.of("processes", "src/test/resources", "bench/resources")
                .map(Path::of).filter(Files::isDirectory).flatMap(this::walk)) {
            models = files.filter(p -> p.toString().endsWith(".bpmn")).toList();
        }
        assertThat(models).hasSizeGreaterThan(17);
        for (Path model : models) {
            assertThat(rules.check(model.getFileName().toString(), Files.readAllBytes(model))).as(model.toString())
                    .isEmpty();
        }
    }

    @Test
    void expressionsMayReadCompareAndCallOnlyWhatTheRunbooksNeed() {
        assertThat(refusal("${switchoverDecision == 'approve' and !empty reason}")).isEmpty();
        assertThat(refusal("${execution.setVariable(\"outcome\", 'aborted: '.concat(syncProgress).concat('.'))}"))
                .isEmpty();
        assertThat(refusal("${task.setVariable('levelApprovedBy', currentUser())}")).isEmpty();
        assertThat(refusal("${runbookWaits.poll(execution)}")).isEmpty();
        assertThat(refusal("#{execution.processBusinessKey}")).isEmpty();

        assertThat(refusal("${jdbcTemplate.update('DELETE FROM run_decision')}"))
                .contains("it calls jdbcTemplate.update(...); a model may call only");
        assertThat(refusal("${dataSource}")).contains("it names the application's bean 'dataSource'");
        assertThat(refusal("${runbookWaits.properties}")).contains("it reads runbookWaits.properties");
        assertThat(refusal("${execution.processEngine}")).contains("it reads execution.processEngine");
        assertThat(refusal("${execution['processEngine']}")).contains("it uses [...] on a value");
        assertThat(refusal("${''.getClass().forName('java.lang.Runtime')}")).contains("it calls (...).forName(...)");
        assertThat(refusal("${reason.concat('x')}")).contains("it calls reason.concat(...)");
        assertThat(refusal("${'x'.concat(sshPort)}")).contains("'sshPort'");
        assertThat(refusal("${execution.setVariable('x', jdbcTemplate.update('x'))}")).contains("jdbcTemplate.update");
        assertThat(refusal("${fn:exec('x')}")).contains("the function fn:exec()");
        assertThat(refusal("${a")).startsWith("it is not a valid expression");
    }

    @Test
    void aModelNamingCodeScriptsOrHtmlFormsIsRefusedNamingTheElement() {
        assertThat(model("<bpmn:serviceTask id=\"s\" camunda:delegateExpression=\"${sshPort.run('id')}\"/>"))
                .contains("x.bpmn, serviceTask 's': delegateExpression=\"${sshPort.run('id')}\": a delegate expression"
                        + " names one bean, as ${someDelegate}");
        assertThat(model("<bpmn:serviceTask id=\"s\" camunda:class=\"java.lang.Object\"/>"))
                .contains("x.bpmn, serviceTask 's': class=\"java.lang.Object\": it names a Java class");
        assertThat(model("<bpmn:serviceTask id=\"s\" activiti:class=\"java.lang.Object\"/>"))
                .contains("x.bpmn, serviceTask 's': class: the Activiti namespace (http://activiti.org/bpmn) is not"
                        + " accepted; use camunda:");
        assertThat(model("<bpmn:scriptTask id=\"s\" scriptFormat=\"groovy\"><bpmn:script>x</bpmn:script></bpmn:scriptTask>"))
                .contains("x.bpmn, scriptTask 's': scripts are not run here");
        assertThat(model("<bpmn:userTask id=\"u\"><bpmn:extensionElements><camunda:taskListener event=\"create\">"
                + "<camunda:script scriptFormat=\"groovy\">x</camunda:script></camunda:taskListener>"
                + "</bpmn:extensionElements></bpmn:userTask>")).contains("scripts are not run here");
        assertThat(model("<bpmn:userTask id=\"u\"><bpmn:extensionElements><camunda:taskListener event=\"create\""
                + " class=\"java.lang.Object\"/></bpmn:extensionElements></bpmn:userTask>"))
                .contains("taskListener: class=\"java.lang.Object\": it names a Java class");
        assertThat(model("<bpmn:userTask id=\"u\"><bpmn:extensionElements><camunda:taskListener event=\"create\""
                + " delegateExpression=\"${runEndedListener}\"/></bpmn:extensionElements></bpmn:userTask>")).isEmpty();
        assertThat(model("<bpmn:userTask id=\"u\" camunda:formKey=\"embedded:deployment:f.html\"/>"))
                .contains("use a Camunda Form (formRef)");
        assertThat(model("<bpmn:userTask id=\"u\" name=\"Approve ${jdbcTemplate.update('x')}\"/>"))
                .contains("userTask 'u': name=\"Approve ${jdbcTemplate.update('x')}\"");
        assertThat(model("<bpmn:userTask id=\"u\"><bpmn:extensionElements><camunda:inputOutput>"
                + "<camunda:inputParameter name=\"p\"><![CDATA[${dataSource.]]>password}</camunda:inputParameter>"
                + "</camunda:inputOutput></bpmn:extensionElements></bpmn:userTask>"))
                .contains("inputParameter: ${dataSource.password}: it reads dataSource.password");
        assertThat(rules.check("decide.dmn", new byte[0])).get().asString()
                .startsWith("decide.dmn: decision, case and HTML/script resources are not deployed here");
        // The engine's deployers match suffixes without a dot: "xdmn" is a decision, "evil-bpmn" a process.
        assertThat(rules.check("xdmn", new byte[0])).get().asString().startsWith("xdmn: decision, case and HTML");
        assertThat(rules.check("diagram.svg", new byte[0])).get().asString().startsWith("diagram.svg: decision");
        assertThat(modelNamed("evil-bpmn", "<bpmn:serviceTask id=\"s\" camunda:expression=\"${jdbcTemplate.update('x')}\"/>"))
                .startsWith("evil-bpmn, serviceTask 's': ");
        assertThat(rules.check("x.bpmn", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"
                .getBytes(StandardCharsets.UTF_8))).get().asString().startsWith("x.bpmn: not a BPMN XML document");
    }

    @Test
    void aFormIsDeployedOnlyAsTheApplicationsFormOfItsIdUnchanged() throws IOException {
        byte[] shipped = Files.readAllBytes(Path.of("forms/rdqmSwitchoverApprove.form"));
        assertThat(rules.check("rdqmSwitchoverApprove.form", shipped)).isEmpty();
        ObjectNode reordered = (ObjectNode) JSON.readTree(shipped);
        JsonNode components = reordered.remove("components");
        reordered.set("components", components);
        assertThat(rules.check("any-name.form", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(reordered)))
                .as("key order and spacing do not matter").isEmpty();

        ObjectNode relabelled = (ObjectNode) JSON.readTree(shipped);
        ArrayNode list = (ArrayNode) relabelled.get("components");
        int radio = 0;
        while (!"switchoverDecision".equals(list.get(radio).path("key").asText())) {
            radio++;
        }
        ((ObjectNode) list.get(radio).get("values").get(0)).put("value", "reject");
        assertThat(rules.check("rdqmSwitchoverApprove.form", JSON.writeValueAsBytes(relabelled))).get().asString()
                .startsWith("rdqmSwitchoverApprove.form: form 'rdqmSwitchoverApprove' differs from the application's"
                        + " forms/rdqmSwitchoverApprove.form at components[" + radio + "].values[0].value"
                        + " (the application's: \"approve\", deployed: \"reject\")");
        ObjectNode withoutSummary = (ObjectNode) JSON.readTree(shipped);
        ((ArrayNode) withoutSummary.get("components")).remove(0);
        assertThat(rules.check("f.form", JSON.writeValueAsBytes(withoutSummary))).get().asString()
                .contains("differs from the application's forms/rdqmSwitchoverApprove.form at components");

        assertThat(rules.check("approve.form", "{\"id\":\"mine\"}".getBytes(StandardCharsets.UTF_8))).get()
                .asString().isEqualTo("approve.form: form id 'mine' is not one of the application's forms"
                        + " (forms/*.form); a deployment may hold only those, unchanged");
        assertThat(rules.check("approve.form", "{}".getBytes(StandardCharsets.UTF_8))).get().asString()
                .startsWith("approve.form: form id 'null' is not one of the application's forms");
        assertThat(rules.check("approve.form", "<html>".getBytes(StandardCharsets.UTF_8))).get().asString()
                .startsWith("approve.form: not a Camunda Form (JSON)");
    }

    @Test
    void aCallActivityOrFormPinningAVersionIsRefused() {
        assertThat(model("<bpmn:callActivity id=\"c\" calledElement=\"x\" camunda:calledElementBinding=\"version\""
                + " camunda:calledElementVersion=\"1\"/>")).isEqualTo("x.bpmn, callActivity 'c':"
                + " calledElementBinding=\"version\": it pins an older version; bind to the latest (or for a form,"
                + " the deployment)");
        assertThat(model("<bpmn:callActivity id=\"c\" calledElement=\"x\" camunda:calledElementBinding=\"versionTag\""
                + " camunda:calledElementVersionTag=\"v1\"/>")).contains("calledElementBinding=\"versionTag\"");
        assertThat(model("<bpmn:userTask id=\"u\" camunda:formRef=\"f\" camunda:formRefBinding=\"version\""
                + " camunda:formRefVersion=\"1\"/>")).contains("formRefBinding=\"version\": it pins an older");
        assertThat(model("<bpmn:callActivity id=\"c\" calledElement=\"x\" camunda:calledElementBinding=\"latest\"/>"))
                .isEmpty();
        assertThat(model("<bpmn:userTask id=\"u\" camunda:formRef=\"f\" camunda:formRefBinding=\"deployment\"/>"))
                .isEmpty();
    }

    @Test
    void aStepNamingAnAcknowledgementAsItsApprovalIsRefused() {
        String step = "<bpmn:serviceTask id=\"end\" camunda:delegateExpression=\"${endDelegate}\"><bpmn:extensionElements>"
                + "<camunda:properties><camunda:property name=\"approvedBy\" value=\"other, gate\"/></camunda:properties>"
                + "</bpmn:extensionElements></bpmn:serviceTask>";
        String other = "<bpmn:userTask id=\"other\" camunda:formRef=\"rdqmSwitchoverApprove\"/>";
        assertThat(model("<bpmn:userTask id=\"gate\" camunda:formRef=\"clusterMigrationAcknowledgeOutage\""
                + " camunda:formRefBinding=\"deployment\"/>" + other + step)).isEqualTo("x.bpmn, step 'end': approvedBy names"
                + " gate 'gate', whose form 'clusterMigrationAcknowledgeOutage' offers no 'approve'; an acknowledgement"
                + " approves no change");
        assertThat(model("<bpmn:userTask id=\"gate\" camunda:formRef=\"rdqmSwitchoverApprove\""
                + " camunda:formRefBinding=\"deployment\"/>" + other + step)).isEmpty();
        // a gate the model does not have, or one whose form is not the application's, approves nothing
        assertThat(model("<bpmn:userTask id=\"gate\" camunda:formRef=\"rdqmSwitchoverApprove\"/>" + step))
                .isEqualTo("x.bpmn, step 'end': approvedBy names gate 'other', which is no user task of this model"
                        + " with one of the application's forms (a literal camunda:formRef)");
        assertThat(model("<bpmn:userTask id=\"gate\" camunda:formRef=\"${'rdqmSwitchover'.concat('Approve')}\"/>"
                + other + step)).contains("approvedBy names gate 'gate', which is no user task of this model");
    }

    @Test
    void aRunsStartIsNeverAsynchronousSoItIsSealedWithWhoStartedIt() {
        assertThat(model("<bpmn:startEvent id=\"s\" camunda:asyncBefore=\"true\"/>")).isEqualTo("x.bpmn, start event"
                + " 's': a run's start is not asynchronous here; the run is sealed with who started it as its start"
                + " event runs (put asyncBefore on the first step instead)");
        assertThat(model("<bpmn:startEvent id=\"s\" camunda:async=\"true\"/>")).contains("start event 's'");
        assertThat(model("<bpmn:startEvent id=\"s\" camunda:asyncAfter=\"true\"/>")).isEmpty();
        // an event subprocess's start is no run's start
        assertThat(model("<bpmn:startEvent id=\"s\"/><bpmn:subProcess id=\"e\" triggeredByEvent=\"true\">"
                + "<bpmn:startEvent id=\"t\" camunda:asyncBefore=\"true\"/></bpmn:subProcess>")).isEmpty();
    }

    private String refusal(String expression) {
        return new ModelExpressions(Set.of("jdbcTemplate", "dataSource", "sshPort", "runbookWaits")::contains)
                .refusal(expression).orElse("");
    }

    private String model(String element) {
        return modelNamed("x.bpmn", element);
    }

    private String modelNamed(String name, String element) {
        String xml = "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" xmlns:activiti=\"http://activiti.org/bpmn\""
                + " id=\"d\" targetNamespace=\"t\"><bpmn:process id=\"p\" isExecutable=\"true\">" + element
                + "</bpmn:process></bpmn:definitions>";
        return rules.check(name, xml.getBytes(StandardCharsets.UTF_8)).orElse("");
    }

    private Stream<Path> walk(Path folder) {
        try {
            return Files.walk(folder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
