package io.mqrunbooks.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * Tasklist lists tasks by name: every user task's name says which queue manager it is about (for a node's
 * maintenance, which node).
 */
class TaskNamesTest {

    @Test
    void everyUserTaskNamesItsQueueManager() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class)
                        .forEach(task -> names.add(file.getFileName() + " " + task.getId() + ": " + task.getName()));
            }
        }
        assertThat(names).hasSizeGreaterThanOrEqualTo(29)
                .allSatisfy(name -> assertThat(name).containsAnyOf("${queueManager}", "${currentQueueManager}", "${haNode}"));
    }
}
