package io.mqrunbooks.adapter.outbound.mq.pcf;

import com.ibm.mq.MQException;
import com.ibm.mq.MQQueue;
import com.ibm.mq.MQQueueManager;
import com.ibm.mq.headers.MQDataException;
import com.ibm.mq.headers.pcf.PCFMessage;
import com.ibm.mq.headers.pcf.PCFMessageAgent;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection to a queue manager with a PCF agent over it. {@link #close()} disconnects both and
 * never throws, so callers can put it in a finally block (try-with-resources) on every path.
 */
public final class PcfSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PcfSession.class);

    /**
     * What the session needs of the MQ connection besides the agent: opening a queue for the test messages, and
     * disconnecting. A client connection ({@link MQQueueManager}) in production; the lab's connection in the lab.
     */
    public interface Connection {
        MQQueue accessQueue(String queueName, int openOptions) throws MQException;

        void disconnect() throws MQException;
    }

    private final String queueManagerName;
    private final Connection queueManager;
    private final PCFMessageAgent agent;

    public PcfSession(String queueManagerName, MQQueueManager queueManager, PCFMessageAgent agent) {
        this(queueManagerName, new Connection() {
            @Override
            public MQQueue accessQueue(String queueName, int openOptions) throws MQException {
                return queueManager.accessQueue(queueName, openOptions);
            }

            @Override
            public void disconnect() throws MQException {
                queueManager.disconnect();
            }
        }, agent);
    }

    public PcfSession(String queueManagerName, Connection queueManager, PCFMessageAgent agent) {
        this.queueManagerName = queueManagerName;
        this.queueManager = queueManager;
        this.agent = agent;
    }

    /** Sends a command; the agent raises a PCFException when a response carries a failure. */
    public PCFMessage[] send(PCFMessage request) throws MQDataException, IOException {
        return agent.send(request);
    }

    /** Opens a queue over the connection, for the MQI calls that PCF has no command for (test messages). */
    public MQQueue accessQueue(String queueName, int openOptions) throws MQException {
        return queueManager.accessQueue(queueName, openOptions);
    }

    public String queueManagerName() {
        return queueManagerName;
    }

    @Override
    public void close() {
        try {
            agent.disconnect();
        } catch (MQDataException | RuntimeException e) {
            log.debug("PCF agent disconnect from {} failed: {}", queueManagerName, e.getMessage());
        } finally {
            try {
                queueManager.disconnect();
            } catch (MQException | RuntimeException e) {
                log.debug("Disconnect from {} failed: {}", queueManagerName, e.getMessage());
            }
        }
    }
}
