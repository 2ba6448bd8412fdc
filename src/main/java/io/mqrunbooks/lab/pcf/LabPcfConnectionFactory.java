package io.mqrunbooks.lab.pcf;

import com.ibm.mq.constants.MQConstants;
import io.mqrunbooks.adapter.outbound.mq.pcf.PcfConnectionFactory;
import io.mqrunbooks.adapter.outbound.mq.pcf.PcfSession;
import io.mqrunbooks.application.port.out.mq.MqAdminException;
import io.mqrunbooks.application.port.out.mq.MqAdminException.Reason;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.QueueManagerKind;
import io.mqrunbooks.estate.UnknownEstateObjectException;
import io.mqrunbooks.lab.mq.SimulatedMqEstate;
import java.util.List;
import java.util.function.Supplier;

/**
 * PCF sessions to the lab's queue managers: the one piece of the PCF transport the lab replaces is the MQ
 * client connection. The adapter's {@code PcfMqAdmin} and the IBM MQ classes' own {@code PCFMessageAgent}
 * run unchanged; the agent's command and reply queues are {@link LabCommandQueues}, which hand the request
 * bytes to the lab's command server and return its reply bytes.
 *
 * <p>The queue manager is reached where the inventory says, as {@code ClientPcfConnectionFactory} does: on its
 * first host, or on either host of a multi-instance pair (the one it runs on accepts). A queue manager that
 * does not run there is refused with 2538 MQRC_HOST_NOT_AVAILABLE, as a client finds no listener on its port.
 */
public final class LabPcfConnectionFactory implements PcfConnectionFactory {

    private final Supplier<Estate> estate;
    private final SimulatedMqEstate lab;

    public LabPcfConnectionFactory(Supplier<Estate> estate, SimulatedMqEstate lab) {
        this.estate = estate;
        this.lab = lab;
    }

    @Override
    public PcfSession open(String queueManagerName) {
        QueueManager queueManager;
        try {
            queueManager = estate.get().queueManager(queueManagerName);
        } catch (IllegalStateException | UnknownEstateObjectException e) {
            throw new MqAdminException(Reason.OTHER, queueManagerName, queueManagerName
                    + ": cannot connect over PCF: " + e.getMessage(), e);
        }
        List<String> hosts = queueManager.kind() == QueueManagerKind.MULTI_INSTANCE
                ? queueManager.hosts() : List.of(queueManager.primaryHost());
        for (String host : hosts) {
            if (lab.runsOn(host, queueManagerName)) {
                LabCommandQueues queues = new LabCommandQueues(lab, host, queueManagerName);
                return new PcfSession(queueManagerName, queues.connection(), new LabPcfAgent(queueManagerName, queues));
            }
        }
        String where = estate.get().host(hosts.get(hosts.size() - 1)).address() + "(" + queueManager.listenerPort() + ")";
        int reason = MQConstants.MQRC_HOST_NOT_AVAILABLE;
        throw new MqAdminException(Reason.QUEUE_MANAGER_NOT_AVAILABLE, queueManagerName, queueManagerName
                + ": connecting to " + where + " failed with reason " + reason + " "
                + MQConstants.lookupReasonCode(reason));
    }
}
