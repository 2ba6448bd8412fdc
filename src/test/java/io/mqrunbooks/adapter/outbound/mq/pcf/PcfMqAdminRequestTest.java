package io.mqrunbooks.adapter.outbound.mq.pcf;

import io.mqrunbooks.application.port.out.mq.ObjectCommand;
import static com.ibm.mq.constants.MQConstants.*;
import static io.mqrunbooks.adapter.outbound.mq.pcf.PcfFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.ibm.mq.headers.pcf.PCFMessage;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;

/**
 * The PCF request each port operation sends, captured at the mocked agent: command and parameters, and the
 * same again after writing it into an MQMessage and parsing it back (what travels to the command server).
 * Parameter sets follow IBM's PCF reference: Inquire Cluster Queue Manager
 * https://www.ibm.com/docs/SSFKSJ_9.4.0/refadmin/q087580_.html; Suspend Queue Manager Cluster
 * https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.ref.adm.doc/q088560_.html; Resume Queue Manager Cluster
 * https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.ref.adm.doc/q088350_.html; Inquire Channel Status
 * https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.ref.adm.doc/q087540_.html; Inquire Queue
 * https://ibm.com/support/knowledgecenter/en/SSFKSJ_9.1.0/com.ibm.mq.ref.adm.doc/q087800_.htm.
 */
class PcfMqAdminRequestTest {

    static Stream<Arguments> operations() {
        return Stream.of(
                operation("queueManagerStatus", a -> a.queueManagerStatus("QM1"),
                        statusResponse(), MQCMD_INQUIRE_Q_MGR_STATUS,
                        il(MQIACF_Q_MGR_STATUS_ATTRS, MQIACF_ALL)),
                operation("clusterQueueManagers all", a -> a.clusterQueueManagers("QM1", "*"),
                        clusterQueueManagerResponse(), MQCMD_INQUIRE_CLUSTER_Q_MGR,
                        st(MQCA_CLUSTER_Q_MGR_NAME, "*"), il(MQIACF_CLUSTER_Q_MGR_ATTRS, MQIACF_ALL)),
                operation("clusterQueueManagers one", a -> a.clusterQueueManagers("QM1", "FR1"),
                        clusterQueueManagerResponse(), MQCMD_INQUIRE_CLUSTER_Q_MGR,
                        st(MQCA_CLUSTER_Q_MGR_NAME, "FR1"), il(MQIACF_CLUSTER_Q_MGR_ATTRS, MQIACF_ALL)),
                operation("clusterQueues", a -> a.clusterQueues("QM1", Optional.empty()),
                        clusterQueueResponse(), MQCMD_INQUIRE_Q,
                        st(MQCA_Q_NAME, "*"), in(MQIA_Q_TYPE, MQQT_CLUSTER), il(MQIACF_Q_ATTRS, MQIACF_ALL)),
                operation("clusterQueues hostedBy", a -> a.clusterQueues("QM1", Optional.of("PR2")),
                        clusterQueueResponse(), MQCMD_INQUIRE_Q,
                        st(MQCA_Q_NAME, "*"), in(MQIA_Q_TYPE, MQQT_CLUSTER), il(MQIACF_Q_ATTRS, MQIACF_ALL),
                        sf(MQCA_CLUSTER_Q_MGR_NAME, MQCFOP_EQUAL, "PR2")),
                operation("suspendFromCluster", a -> a.run("QM1", ObjectCommand.SUSPEND_CLUSTER, "PAYCLUS"),
                        response(MQCMD_SUSPEND_Q_MGR_CLUSTER), MQCMD_SUSPEND_Q_MGR_CLUSTER,
                        st(MQCA_CLUSTER_NAME, "PAYCLUS")),
                operation("resumeInCluster", a -> a.run("QM1", ObjectCommand.RESUME_CLUSTER, "PAYCLUS"),
                        response(MQCMD_RESUME_Q_MGR_CLUSTER), MQCMD_RESUME_Q_MGR_CLUSTER,
                        st(MQCA_CLUSTER_NAME, "PAYCLUS")),
                operation("channelStatus", a -> a.channelStatus("QM1", "QM1.TO.BANK"),
                        channelStatusResponse(), MQCMD_INQUIRE_CHANNEL_STATUS,
                        st(MQCACH_CHANNEL_NAME, "QM1.TO.BANK"), il(MQIACH_CHANNEL_INSTANCE_ATTRS, MQIACF_ALL)),
                operation("startChannel", a -> a.run("QM1", ObjectCommand.START_CHANNEL, "QM1.TO.BANK"),
                        response(MQCMD_START_CHANNEL), MQCMD_START_CHANNEL, st(MQCACH_CHANNEL_NAME, "QM1.TO.BANK")),
                operation("stopChannel", a -> a.run("QM1", ObjectCommand.STOP_CHANNEL, "QM1.TO.BANK"),
                        response(MQCMD_STOP_CHANNEL), MQCMD_STOP_CHANNEL, st(MQCACH_CHANNEL_NAME, "QM1.TO.BANK")),
                operation("startListener", a -> a.run("QM1", ObjectCommand.START_LISTENER, "LISTENER.TCP"),
                        response(MQCMD_START_CHANNEL_LISTENER), MQCMD_START_CHANNEL_LISTENER,
                        st(MQCACH_LISTENER_NAME, "LISTENER.TCP")),
                operation("stopListener", a -> a.run("QM1", ObjectCommand.STOP_LISTENER, "LISTENER.TCP"),
                        response(MQCMD_STOP_CHANNEL_LISTENER), MQCMD_STOP_CHANNEL_LISTENER,
                        st(MQCACH_LISTENER_NAME, "LISTENER.TCP")),
                operation("alterSenderConname", a -> a.alterSenderConname("QM1", "QM1.TO.BANK", "dr-gw.bank.example(1414)"),
                        response(MQCMD_CHANGE_CHANNEL), MQCMD_CHANGE_CHANNEL,
                        st(MQCACH_CHANNEL_NAME, "QM1.TO.BANK"), in(MQIACH_CHANNEL_TYPE, MQCHT_SENDER),
                        st(MQCACH_CONNECTION_NAME, "dr-gw.bank.example(1414)")),
                operation("queueDepth", a -> a.queueDepth("QM1", "QM1.TO.BANK.XMITQ"),
                        depthResponse(), MQCMD_INQUIRE_Q,
                        st(MQCA_Q_NAME, "QM1.TO.BANK.XMITQ"), il(MQIACF_Q_ATTRS, MQCA_Q_NAME, MQIA_CURRENT_Q_DEPTH)),
                operation("applyDefinitions", a -> a.applyDefinitions("QM1", "DEFINE QLOCAL('APP.IN') REPLACE\n"),
                        escapeResponse(), MQCMD_ESCAPE,
                        in(MQIACF_ESCAPE_TYPE, MQET_MQSC), st(MQCACF_ESCAPE_TEXT, "DEFINE QLOCAL('APP.IN') REPLACE")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void sendsTheDocumentedPcfCommand(Consumer<PcfMqAdmin> call, PCFMessage answer, int command,
                                      List<String> expectedParameters) throws Exception {
        PcfFixtures.Wiring wiring = wiring();
        ArgumentCaptor<PCFMessage> sent = ArgumentCaptor.forClass(PCFMessage.class);
        when(wiring.agent().send(sent.capture())).thenReturn(new PCFMessage[] {answer});

        call.accept(new PcfMqAdmin(wiring.factory()));

        PCFMessage request = sent.getValue();
        assertThat(request.getType()).isEqualTo(MQCFT_COMMAND);
        assertThat(request.getCommand()).isEqualTo(command);
        assertThat(parameters(request)).containsExactlyElementsOf(expectedParameters);

        PCFMessage onTheWire = throughWire(request, MQENC_NATIVE);
        assertThat(onTheWire.getCommand()).isEqualTo(command);
        assertThat(onTheWire.getParameterCount()).isEqualTo(expectedParameters.size());
        assertThat(parameters(onTheWire)).containsExactlyElementsOf(expectedParameters);

        verify(wiring.agent()).disconnect();
        verify(wiring.queueManager()).disconnect();
    }

    private static Arguments operation(String name, Consumer<PcfMqAdmin> call, PCFMessage answer, int command,
                                       String... parameters) {
        return Arguments.of(Named.of(name, call), answer, command, List.of(parameters));
    }

    private static PCFMessage statusResponse() {
        PCFMessage r = response(MQCMD_INQUIRE_Q_MGR_STATUS);
        r.addParameter(MQCA_Q_MGR_NAME, "QM1");
        r.addParameter(MQIACF_Q_MGR_STATUS, MQQMSTA_RUNNING);
        return r;
    }

    private static PCFMessage clusterQueueManagerResponse() {
        PCFMessage r = response(MQCMD_INQUIRE_CLUSTER_Q_MGR);
        r.addParameter(MQCA_CLUSTER_Q_MGR_NAME, "FR1");
        r.addParameter(MQCA_CLUSTER_NAME, "PAYCLUS");
        r.addParameter(MQCACH_CHANNEL_NAME, "PAYCLUS.FR1");
        r.addParameter(MQIACF_Q_MGR_TYPE, MQQMT_REPOSITORY);
        r.addParameter(MQIACF_SUSPEND, MQSUS_NO);
        r.addParameter(MQIACH_CHANNEL_STATUS, MQCHS_RUNNING);
        r.addParameter(MQCACH_CONNECTION_NAME, "fr1.example.com(1441)");
        return r;
    }

    private static PCFMessage clusterQueueResponse() {
        PCFMessage r = response(MQCMD_INQUIRE_Q);
        r.addParameter(MQCA_Q_NAME, "PAY.REQUEST");
        r.addParameter(MQIA_Q_TYPE, MQQT_CLUSTER);
        r.addParameter(MQCA_CLUSTER_NAME, "PAYCLUS");
        r.addParameter(MQCA_CLUSTER_Q_MGR_NAME, "PR2");
        return r;
    }

    private static PCFMessage channelStatusResponse() {
        PCFMessage r = response(MQCMD_INQUIRE_CHANNEL_STATUS);
        r.addParameter(MQCACH_CHANNEL_NAME, "QM1.TO.BANK");
        r.addParameter(MQIACH_CHANNEL_TYPE, MQCHT_SENDER);
        r.addParameter(MQIACH_CHANNEL_STATUS, MQCHS_RUNNING);
        return r;
    }

    private static PCFMessage depthResponse() {
        PCFMessage r = response(MQCMD_INQUIRE_Q);
        r.addParameter(MQCA_Q_NAME, "QM1.TO.BANK.XMITQ");
        r.addParameter(MQIA_CURRENT_Q_DEPTH, 0);
        return r;
    }

    private static PCFMessage escapeResponse() {
        PCFMessage r = response(MQCMD_ESCAPE);
        r.addParameter(MQIACF_ESCAPE_TYPE, MQET_MQSC);
        r.addParameter(MQCACF_ESCAPE_TEXT, "AMQ8006I: IBM MQ queue created.");
        return r;
    }
}
