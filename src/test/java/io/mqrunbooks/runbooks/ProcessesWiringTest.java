package io.mqrunbooks.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.testsupport.LabAppTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Every runbook in processes/ is deployed, and every delegate expression it names is a bean of the right kind. */
class ProcessesWiringTest extends LabAppTest {

    private static final Pattern DELEGATE = Pattern.compile(
            "<(bpmn:serviceTask|camunda:executionListener|camunda:taskListener|bpmn:sendTask)\\b[^>]*?delegateExpression=\"\\$\\{([A-Za-z0-9_]+)}\"");

    @Autowired
    ApplicationContext context;
    @Autowired
    RepositoryService repositoryService;

    @Test
    void everyDelegateExpressionResolvesToABeanOfTheRightKind() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path bpmn : processes()) {
            Matcher m = DELEGATE.matcher(Files.readString(bpmn));
            while (m.find()) {
                String element = m.group(1);
                String bean = m.group(2);
                Class<?> expected = element.contains("executionListener") ? ExecutionListener.class
                        : element.contains("taskListener") ? TaskListener.class : JavaDelegate.class;
                if (!context.containsBean(bean)) {
                    problems.add(bpmn.getFileName() + ": no bean '" + bean + "'");
                } else if (!expected.isInstance(context.getBean(bean))) {
                    problems.add(bpmn.getFileName() + ": bean '" + bean + "' is not a " + expected.getSimpleName());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyProcessFileIsDeployed() throws IOException {
        List<String> keys = repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
                .map(d -> d.getKey()).toList();
        for (Path bpmn : processes()) {
            String file = bpmn.getFileName().toString();
            assertThat(keys).as(file).contains(file.substring(0, file.length() - ".bpmn".length()));
        }
    }

    private static List<Path> processes() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
    }
}
