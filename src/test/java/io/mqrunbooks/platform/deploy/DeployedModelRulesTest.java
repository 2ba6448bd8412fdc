package io.mqrunbooks.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The model rules every deployment passes: the project's own models do; code in a model does not. */
class DeployedModelRulesTest {

    private final DeployedModelRules rules = new DeployedModelRules(
            name -> Set.of("jdbcTemplate", "dataSource", "sshPort", "runbookWaits").contains(name)
                    || name.endsWith("Delegate") || name.endsWith("Listener"));

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
                .contains("it names a Java class");
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
        assertThat(rules.check("approve.form", "{}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(modelNamed("evil-bpmn", "<bpmn:serviceTask id=\"s\" camunda:expression=\"${jdbcTemplate.update('x')}\"/>"))
                .startsWith("evil-bpmn, serviceTask 's': ");
        assertThat(rules.check("x.bpmn", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"
                .getBytes(StandardCharsets.UTF_8))).get().asString().startsWith("x.bpmn: not a BPMN XML document");
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
