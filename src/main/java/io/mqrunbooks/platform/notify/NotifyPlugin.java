package io.mqrunbooks.platform.notify;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Wires {@link TaskNotifications} into every user task of every deployed process. */
public class NotifyPlugin extends AbstractProcessEnginePlugin {

    private final TaskNotifications notifications;
    private final NotifyProperties properties;

    public NotifyPlugin(TaskNotifications notifications, NotifyProperties properties) {
        this.notifications = notifications;
        this.properties = properties;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new NotifyParseListener(new WaitingTaskListener(notifications, properties)));
        configuration.setCustomPostBPMNParseListeners(listeners);
    }
}
