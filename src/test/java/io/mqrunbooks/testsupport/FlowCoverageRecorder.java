package io.mqrunbooks.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Records every sequence flow that any engine of the test JVM takes (the engine tests' and the whole app's,
 * where Spring finds this plugin by component scan), and writes them to {@code target/flow-coverage/} when the
 * JVM ends. {@code ProcessFlowCoverageIT} then checks every flow of every process was taken. The JVMs of CI's
 * MariaDB pass keep to a folder of their own: they neither delete the files the check reads (the pass may run beside
 * it, .ci/run) nor count flows that only the MariaDB pass took.
 */
@Component
public class FlowCoverageRecorder extends AbstractProcessEnginePlugin {

    public static final Path DIRECTORY = Path.of("target",
            TestDatabase.current() == TestDatabase.MARIADB ? "flow-coverage-mariadb" : "flow-coverage");
    private static final Set<String> TAKEN = ConcurrentHashMap.newKeySet();
    private static final Path FILE = DIRECTORY.resolve("taken-" + ProcessHandle.current().pid() + ".txt");

    static {
        forgetEarlierJvms();
        Runtime.getRuntime().addShutdownHook(new Thread(FlowCoverageRecorder::write, "flow-coverage"));
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseSequenceFlow(Element element, ScopeImpl scope, TransitionImpl transition) {
                if (scope.getProcessDefinition() instanceof ProcessDefinitionEntity definition) {
                    String flow = definition.getKey() + " " + transition.getId();
                    transition.addListener(ExecutionListener.EVENTNAME_TAKE, execution -> TAKEN.add(flow));
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /**
     * Files of JVMs that ended before this one started belong to an earlier run. A JVM running beside this one keeps
     * its file, and so does one that ended after this one started (Surefire's other fork, which may run out of test
     * classes before this fork builds its first engine).
     */
    private static void forgetEarlierJvms() {
        if (!Files.isDirectory(DIRECTORY)) {
            return;
        }
        Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.MAX);
        try (var files = Files.list(DIRECTORY)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.matches("taken-\\d+\\.txt")
                        && ProcessHandle.of(Long.parseLong(name.replaceAll("\\D", ""))).isEmpty()
                        && Files.getLastModifiedTime(file).toInstant().isBefore(started)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write() {
        if (TAKEN.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(DIRECTORY);
            Files.write(FILE, new TreeSet<>(TAKEN));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
