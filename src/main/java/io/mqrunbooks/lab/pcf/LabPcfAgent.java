package io.mqrunbooks.lab.pcf;

import com.ibm.mq.constants.MQConstants;
import com.ibm.mq.headers.pcf.PCFMessageAgent;

/**
 * IBM's {@link PCFMessageAgent}, unconnected, with the lab's command and reply queues in the places its
 * {@code connect} would fill: {@code send} (MQMD, {@code PCFMessage.write}, put, get by correlation id,
 * {@code new PCFMessage(MQMessage)}, the PCFException on a failed response) is the library's own code.
 */
final class LabPcfAgent extends PCFMessageAgent {

    /** The command level and CCSID the agent would learn from the queue manager at connect (MQ 9.4, UTF-8). */
    private static final int COMMAND_LEVEL = 940;
    private static final int CCSID = 1208;

    LabPcfAgent(String queueManagerName, LabCommandQueues queues) {
        super();
        this.adminQueue = queues.commandQueue();
        this.replyQueue = queues.replyQueue();
        this.replyQueueName = LabCommandQueues.REPLY_QUEUE;
        this.qmanager_name = queueManagerName;
        this.qmanager_level = COMMAND_LEVEL;
        this.qmanager_ccsid = CCSID;
        this.qmanager_platform = MQConstants.MQPL_UNIX;
    }
}
