package io.mqrunbooks.lab.pcf;

import static com.ibm.mq.constants.MQConstants.*;

import com.ibm.mq.MQException;
import com.ibm.mq.MQGetMessageOptions;
import com.ibm.mq.MQMessage;
import com.ibm.mq.MQPutMessageOptions;
import com.ibm.mq.MQQueue;
import io.mqrunbooks.adapter.outbound.mq.pcf.PcfSession;
import io.mqrunbooks.lab.mq.SimulatedMqEstate;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One lab "client connection": SYSTEM.ADMIN.COMMAND.QUEUE, whose put hands the message bytes to the lab's
 * command server, and the agent's reply queue, whose get returns the reply messages matched by correlation
 * id, or 2033 MQRC_NO_MSG_AVAILABLE when there are none left (as MQGET after its wait).
 */
final class LabCommandQueues {

    static final String REPLY_QUEUE = "AMQ.LAB.PCF.REPLY";

    private record Reply(byte[] correlationId, byte[] data, int encoding, int ccsid) {
    }

    private final SimulatedMqEstate lab;
    private final String host;
    private final String queueManager;
    private final List<Reply> replies = new ArrayList<>();
    private final SecureRandom random = new SecureRandom();

    LabCommandQueues(SimulatedMqEstate lab, String host, String queueManager) {
        this.lab = lab;
        this.host = host;
        this.queueManager = queueManager;
    }

    MQQueue commandQueue() {
        return new MQQueue() {
            @Override
            public void put(MQMessage message, MQPutMessageOptions options) throws MQException {
                LabCommandQueues.this.put(message, options);
            }

            @Override
            public synchronized void close() {
            }
        };
    }

    MQQueue replyQueue() {
        return new MQQueue() {
            @Override
            public void get(MQMessage message, MQGetMessageOptions options) throws MQException {
                LabCommandQueues.this.get(message, options);
            }

            @Override
            public synchronized void close() {
            }
        };
    }

    /** The session's MQI side; test messages are not simulated over PCF (they go through the MQSC transport). */
    PcfSession.Connection connection() {
        return new PcfSession.Connection() {
            @Override
            public MQQueue accessQueue(String queueName, int openOptions) throws MQException {
                throw new MQException(MQCC_FAILED, MQRC_FUNCTION_NOT_SUPPORTED, this);
            }

            @Override
            public void disconnect() {
            }
        };
    }

    private void put(MQMessage message, MQPutMessageOptions options) throws MQException {
        byte[] request;
        try {
            message.seek(0);
            request = new byte[message.getMessageLength()];
            message.readFully(request);
        } catch (IOException e) {
            throw new MQException(MQCC_FAILED, MQRC_UNEXPECTED_ERROR, this, e);
        }
        // What MQPUT does with MQPMO_NEW_MSG_ID / MQPMO_NEW_CORREL_ID, and what the command server puts in the
        // reply's correlation id: the request's with MQRO_PASS_CORREL_ID, else its message id (MQRO_COPY_MSG_ID_TO_CORREL_ID).
        if ((options.options & MQPMO_NEW_MSG_ID) != 0) {
            message.messageId = randomId();
        }
        if ((options.options & MQPMO_NEW_CORREL_ID) != 0) {
            message.correlationId = randomId();
        }
        byte[] replyCorrelationId = (message.report & MQRO_PASS_CORREL_ID) != 0
                ? message.correlationId.clone() : message.messageId.clone();
        List<byte[]> responses = lab.pcfCommand(host, queueManager, request, message.encoding, message.characterSet);
        if (responses.isEmpty()) {
            // The queue manager ended after the connection was made.
            throw new MQException(MQCC_FAILED, MQRC_CONNECTION_BROKEN, this);
        }
        for (byte[] response : responses) {
            replies.add(new Reply(replyCorrelationId, response, message.encoding, message.characterSet));
        }
    }

    private byte[] randomId() {
        byte[] id = new byte[MQ_MSG_ID_LENGTH];
        random.nextBytes(id);
        return id;
    }

    private void get(MQMessage message, MQGetMessageOptions options) throws MQException {
        boolean byCorrelation = (options.matchOptions & MQMO_MATCH_CORREL_ID) != 0;
        Reply reply = replies.stream()
                .filter(r -> !byCorrelation || Arrays.equals(r.correlationId(), message.correlationId))
                .findFirst().orElseThrow(() -> new MQException(MQCC_FAILED, MQRC_NO_MSG_AVAILABLE, this));
        replies.remove(reply);
        try {
            message.clearMessage();
            message.write(reply.data());
            message.seek(0);
        } catch (IOException e) {
            throw new MQException(MQCC_FAILED, MQRC_UNEXPECTED_ERROR, this, e);
        }
        message.encoding = reply.encoding();
        message.characterSet = reply.ccsid();
        message.format = MQFMT_ADMIN;
        message.messageType = MQMT_REPLY;
        message.correlationId = reply.correlationId();
    }
}
