package io.mqrunbooks.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Test;

/**
 * Every sequence flow of every process in {@code processes/} is taken by some test of the suite, or is listed
 * with its reason in {@code src/test/resources/flow-coverage-exceptions.txt}. Runs after the unit and engine
 * tests (failsafe), reading what {@code FlowCoverageRecorder} wrote; the figures go to
 * {@code target/flow-coverage/report.txt}.
 */
class ProcessFlowCoverageIT {

    private static final Path EXCEPTIONS = Path.of("src/test/resources/flow-coverage-exceptions.txt");
    /** FlowCoverageRecorder's folder; not read from that class, whose loading forgets ended JVMs' files. */
    private static final Path RECORDED = Path.of("target", "flow-coverage");

    @Test
    void everyFlowOfEveryProcessIsTakenOrExcusedWithAReason() throws IOException {
        Set<String> taken = taken();
        assertThat(taken).as("flows recorded by the test run in " + RECORDED
                + " (run the whole suite first: ./mvnw verify)").isNotEmpty();
        Map<String, String> excused = excused();

        List<String> untaken = new ArrayList<>();
        Set<String> allFlows = new HashSet<>();
        StringBuilder report = new StringBuilder("process  flows  taken  excused  coverage\n");
        int total = 0;
        int covered = 0;
        for (Path file : RunbookModelRulesTest.processFiles()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            String key = model.getModelElementsByType(Process.class).iterator().next().getId();
            int flows = 0;
            int hit = 0;
            int excusedHere = 0;
            for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                String id = key + " " + flow.getId();
                allFlows.add(id);
                flows++;
                if (taken.contains(id)) {
                    hit++;
                } else if (excused.containsKey(id)) {
                    excusedHere++;
                } else {
                    untaken.add(id + " (" + flow.getSource().getId() + " -> " + flow.getTarget().getId() + ")");
                }
            }
            total += flows;
            covered += hit;
            report.append("%s  %d  %d  %d  %.1f%%%n".formatted(key, flows, hit, excusedHere,
                    flows == 0 ? 100.0 : 100.0 * (hit + excusedHere) / flows));
        }
        report.append("all  %d  %d  %d%n".formatted(total, covered, excused.size()));
        Files.createDirectories(RECORDED);
        Files.writeString(RECORDED.resolve("report.txt"), report);

        assertThat(untaken).as("flows no test takes; add a test, or list them with a reason in " + EXCEPTIONS)
                .isEmpty();
        assertThat(excused.keySet()).as("exceptions for flows that no longer exist or that tests now take")
                .allMatch(allFlows::contains).noneMatch(taken::contains);
    }

    private static Set<String> taken() throws IOException {
        Set<String> taken = new HashSet<>();
        if (!Files.isDirectory(RECORDED)) {
            return taken;
        }
        try (Stream<Path> files = Files.list(RECORDED)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("taken-")).toList()) {
                taken.addAll(Files.readAllLines(file));
            }
        }
        return taken;
    }

    /** Lines {@code <processKey> <flowId>  # why no test takes it}; a line without a reason is refused. */
    private static Map<String, String> excused() throws IOException {
        Map<String, String> excused = new LinkedHashMap<>();
        for (String line : Files.readAllLines(EXCEPTIONS)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int hash = line.indexOf('#');
            assertThat(hash).as(EXCEPTIONS + ": '" + line + "' gives no reason after #").isPositive();
            String reason = line.substring(hash + 1).strip();
            assertThat(reason).as(EXCEPTIONS + ": '" + line + "' gives no reason").isNotBlank();
            excused.put(line.substring(0, hash).strip().replaceAll("\\s+", " "), reason);
        }
        return excused;
    }
}
