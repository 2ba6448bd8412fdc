package io.mqrunbooks.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * JVM ends. {@code ProcessFlowCoverageIT} then checks every flow of every process was taken.
 */
@Component
public class FlowCoverageRecorder extends AbstractProcessEnginePlugin {

    public static final Path DIRECTORY = Path.of("target", "flow-coverage");
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

    /** Files of JVMs that have ended belong to an earlier run; a second JVM running now keeps its own. */
    private static void forgetEarlierJvms() {
        if (!Files.isDirectory(DIRECTORY)) {
            return;
        }
        try (var files = Files.list(DIRECTORY)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.matches("taken-\\d+\\.txt")
                        && ProcessHandle.of(Long.parseLong(name.replaceAll("\\D", ""))).isEmpty()) {
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
