package io.mqrunbooks.adapter.outbound.mq;

import io.mqrunbooks.adapter.outbound.mq.mqsc.MqscOverSshAdmin;
import io.mqrunbooks.adapter.outbound.mq.mqsc.QueueManagerLocator;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.mq.ClusterQueue;
import io.mqrunbooks.mq.ClusterQueueManager;
import io.mqrunbooks.application.port.out.mq.MqAdminException;
import io.mqrunbooks.application.port.out.mq.MqscScriptResult;
import io.mqrunbooks.application.port.out.mq.ObjectCommand;
import io.mqrunbooks.mq.QueueManagerStatus;
import io.mqrunbooks.estate.Transport;
import io.mqrunbooks.mq.ChannelStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The {@link MqAdminPort} the runbooks get: each call goes to the transport the inventory names for the
 * queue manager ({@code transport: mqsc-ssh} → {@code mqscMqAdmin}, {@code pcf} → {@code pcfMqAdmin}). A
 * backup with its own DR name uses its primary's entry. The PCF bean is looked up by name when first
 * needed, so the app runs without it as long as no queue manager asks for PCF.
 */
@Primary
@Component
public class RoutingMqAdmin implements MqAdminPort {

    static final String PCF_BEAN = "pcfMqAdmin";

    private final MqscOverSshAdmin mqsc;
    private final QueueManagerLocator locator;
    private final BeanFactory beans;

    public RoutingMqAdmin(MqscOverSshAdmin mqsc, QueueManagerLocator locator, BeanFactory beans) {
        this.mqsc = mqsc;
        this.locator = locator;
        this.beans = beans;
    }

    /** The implementation that serves this queue manager. */
    public MqAdminPort transportFor(String queueManager) {
        Transport transport = locator.definition(queueManager).inventoryEntry().transport();
        if (transport == Transport.MQSC_SSH) {
            return mqsc;
        }
        if (!beans.containsBean(PCF_BEAN)) {
            throw new MqAdminException(MqAdminException.Reason.OTHER, queueManager, "queue manager " + queueManager
                    + " has transport: pcf in the inventory, but this build has no PCF transport (no bean '"
                    + PCF_BEAN + "'); use transport: mqsc-ssh or deploy a build with the PCF adapter");
        }
        return beans.getBean(PCF_BEAN, MqAdminPort.class);
    }

    @Override
    public QueueManagerStatus queueManagerStatus(String queueManager) {
        return transportFor(queueManager).queueManagerStatus(queueManager);
    }

    @Override
    public List<ClusterQueueManager> clusterQueueManagers(String queueManager, String clusterQueueManagerName) {
        return transportFor(queueManager).clusterQueueManagers(queueManager, clusterQueueManagerName);
    }

    @Override
    public List<ClusterQueue> clusterQueues(String queueManager, Optional<String> hostedBy) {
        return transportFor(queueManager).clusterQueues(queueManager, hostedBy);
    }

    @Override
    public void run(String queueManager, ObjectCommand command, String name) {
        transportFor(queueManager).run(queueManager, command, name);
    }

    @Override
    public List<ChannelStatus> channelStatus(String queueManager, String channel) {
        return transportFor(queueManager).channelStatus(queueManager, channel);
    }

    @Override
    public void alterSenderConname(String queueManager, String channel, String conname) {
        transportFor(queueManager).alterSenderConname(queueManager, channel, conname);
    }

    @Override
    public int queueDepth(String queueManager, String queue) {
        return transportFor(queueManager).queueDepth(queueManager, queue);
    }

    @Override
    public void putTestMessage(String queueManager, String queue, String correlationIdHex, String body) {
        transportFor(queueManager).putTestMessage(queueManager, queue, correlationIdHex, body);
    }

    @Override
    public Optional<String> getTestMessage(String queueManager, String queue, String correlationIdHex, Duration wait) {
        return transportFor(queueManager).getTestMessage(queueManager, queue, correlationIdHex, wait);
    }

    @Override
    public MqscScriptResult applyDefinitions(String queueManager, String mqscScript) {
        return transportFor(queueManager).applyDefinitions(queueManager, mqscScript);
    }

    @Override
    public String exportDefinitions(String queueManager) {
        return transportFor(queueManager).exportDefinitions(queueManager);
    }
}
