package io.mqrunbooks.adapter.outbound.mq.pcf;

import static org.mockito.Mockito.mock;

import com.ibm.mq.MQMessage;
import com.ibm.mq.MQQueueManager;
import com.ibm.mq.constants.MQConstants;
import com.ibm.mq.headers.pcf.MQCFSF;
import com.ibm.mq.headers.pcf.PCFMessage;
import com.ibm.mq.headers.pcf.PCFMessageAgent;
import com.ibm.mq.headers.pcf.PCFParameter;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.Host;
import io.mqrunbooks.estate.PcfConnection;
import io.mqrunbooks.estate.QueueManager;
import io.mqrunbooks.estate.QueueManagerKind;
import io.mqrunbooks.estate.Site;
import io.mqrunbooks.estate.Transport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;

/** Offline PCF plumbing for the tests: no queue manager, no network. */
final class PcfFixtures {

    /** x86 queue managers send integers little-endian: MQENC_INTEGER_REVERSED | DECIMAL_REVERSED | FLOAT_IEEE_REVERSED. */
    static final int X86_ENCODING = MQConstants.MQENC_INTEGER_REVERSED | MQConstants.MQENC_DECIMAL_REVERSED
            | MQConstants.MQENC_FLOAT_IEEE_REVERSED;

    private PcfFixtures() {
    }

    /** A mocked agent over a mocked connection, wired the way the real factory wires them. */
    record Wiring(PCFMessageAgent agent, MQQueueManager queueManager, PcfConnectionFactory factory) {
    }

    static Wiring wiring() {
        PCFMessageAgent agent = mock(PCFMessageAgent.class);
        MQQueueManager queueManager = mock(MQQueueManager.class);
        PcfConnectionFactory factory = name -> new PcfSession(name, queueManager, agent);
        return new Wiring(agent, queueManager, factory);
    }

    /** A response message as the command server builds it: MQCFT_RESPONSE, sequence 1, last in set. */
    static PCFMessage response(int command) {
        return new PCFMessage(MQConstants.MQCFT_RESPONSE, command, 1, true);
    }

    /** Writes the message into an MQMessage with the given encoding and parses it back, as the agent does. */
    static PCFMessage throughWire(PCFMessage message, int encoding) throws Exception {
        MQMessage wire = new MQMessage();
        wire.encoding = encoding;
        message.write(wire);
        wire.seek(0);
        return new PCFMessage(wire);
    }

    /** The first bytes of the message as written with that encoding (to prove the byte order on the wire). */
    static byte[] headerBytes(PCFMessage message, int encoding) throws Exception {
        MQMessage wire = new MQMessage();
        wire.encoding = encoding;
        message.write(wire);
        wire.seek(0);
        byte[] bytes = new byte[8];
        wire.readFully(bytes);
        return bytes;
    }

    /** Each parameter as "STRUCTURE id=value" (filters with their operator), in order: what the tests compare. */
    static List<String> parameters(PCFMessage message) {
        List<String> result = new ArrayList<>();
        Enumeration<?> parameters = message.getParameters();
        while (parameters.hasMoreElements()) {
            PCFParameter p = (PCFParameter) parameters.nextElement();
            if (p instanceof MQCFSF filter) {
                result.add(sf(filter.getParameter(), filter.getOperator(), filter.getFilterValue()));
                continue;
            }
            Object value = p.getValue();
            String shown = value instanceof int[] ints ? Arrays.toString(ints)
                    : value instanceof String[] strings ? Arrays.toString(strings) : String.valueOf(value);
            result.add(p.getClass().getSimpleName() + " " + p.getParameter() + "=" + shown);
        }
        return result;
    }

    static String st(int id, String value) {
        return "MQCFST " + id + "=" + value;
    }

    static String in(int id, int value) {
        return "MQCFIN " + id + "=" + value;
    }

    static String il(int id, int... values) {
        return "MQCFIL " + id + "=" + Arrays.toString(values);
    }

    static String sf(int id, int operator, String value) {
        return "MQCFSF " + id + " " + operator + "=" + value;
    }

    static Estate estate() {
        List<Host> hosts = List.of(
                new Host("mqeast1", "mq-east1.example.com", 22, "mqm", false, "east", null),
                new Host("mi1", "10.0.1.21", 22, "mqm", false, "east", null),
                new Host("mi2", "10.0.1.22", 22, "mqm", false, "east", null),
                new Host("fr1", "fr1.example.com", 22, "mqm", false, "east", null));
        List<QueueManager> queueManagers = List.of(
                new QueueManager("QM1", QueueManagerKind.SINGLE, List.of("mqeast1"), "LISTENER.TCP", 1414,
                        Transport.PCF, new PcfConnection("MQRB.ADMIN.SVRCONN", "TLS_AES_256_GCM_SHA384"), null, null),
                new QueueManager("MIQM", QueueManagerKind.MULTI_INSTANCE, List.of("mi1", "mi2"), "LISTENER.TCP", 1461,
                        Transport.PCF, new PcfConnection("MQRB.ADMIN.SVRCONN", null), null, null),
                new QueueManager("FR1", QueueManagerKind.SINGLE, List.of("fr1"), "LISTENER.TCP", 1441,
                        Transport.PCF, null, null, null));
        return new Estate(List.of(new Site("east")), hosts, queueManagers, List.of(), List.of());
    }
}
