package io.mqrunbooks.adapter.outbound.mq.pcf;

import io.mqrunbooks.application.port.out.mq.ObjectCommand;
import static com.ibm.mq.constants.MQConstants.*;
import static io.mqrunbooks.adapter.outbound.mq.pcf.PcfFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.ibm.mq.MQException;
import com.ibm.mq.headers.MQDataException;
import com.ibm.mq.headers.pcf.PCFException;
import com.ibm.mq.headers.pcf.PCFMessage;
import io.mqrunbooks.application.port.out.mq.MqAdminException;
import io.mqrunbooks.application.port.out.mq.MqAdminException.Reason;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * MQ reason codes from the agent (PCFException for a failed command response, MQDataException for the
 * transport) and from MQI calls (MQException) become typed MqAdminExceptions whose message names the queue
 * manager, the operation and the reason code with MQ's constant name; the connection is closed every time.
 */
class PcfMqAdminErrorsTest {

    private final PcfFixtures.Wiring wiring = wiring();
    private final PcfMqAdmin admin = new PcfMqAdmin(wiring.factory());

    @AfterEach
    void disconnectedOnEveryPath() throws Exception {
        verify(wiring.agent()).disconnect();
        verify(wiring.queueManager()).disconnect();
    }

    @Test
    void notAuthorized() throws Exception {
        when(wiring.agent().send(any())).thenThrow(new PCFException(MQCC_FAILED, MQRC_NOT_AUTHORIZED, null));

        assertThatThrownBy(() -> admin.run("QM1", ObjectCommand.START_CHANNEL, "QM1.TO.BANK"))
                .isInstanceOf(MqAdminException.class)
                .hasMessage("QM1: START CHANNEL(QM1.TO.BANK) (PCF MQCMD_START_CHANNEL) failed with reason"
                        + " 2035 MQRC_NOT_AUTHORIZED")
                .satisfies(e -> {
                    assertThat(((MqAdminException) e).reason()).isEqualTo(Reason.NOT_AUTHORIZED);
                    assertThat(((MqAdminException) e).queueManager()).isEqualTo("QM1");
                });
    }

    @Test
    void connectionBrokenWhileSending() throws Exception {
        when(wiring.agent().send(any())).thenThrow(new MQDataException(MQCC_FAILED, MQRC_CONNECTION_BROKEN, null));

        assertThatThrownBy(() -> admin.queueDepth("QM1", "QM1.TO.BANK.XMITQ"))
                .hasMessage("QM1: DISPLAY QLOCAL(QM1.TO.BANK.XMITQ) CURDEPTH (PCF MQCMD_INQUIRE_Q) failed with reason"
                        + " 2009 MQRC_CONNECTION_BROKEN")
                .extracting(e -> ((MqAdminException) e).reason()).isEqualTo(Reason.CONNECTION_BROKEN);
    }

    @Test
    void hostNotAvailableFromAnMqiCall() throws Exception {
        when(wiring.queueManager().accessQueue(anyString(), anyInt()))
                .thenThrow(new MQException(MQCC_FAILED, MQRC_HOST_NOT_AVAILABLE, null));

        assertThatThrownBy(() -> admin.putTestMessage("QM1", "APP.IN", "0".repeat(48), "ping"))
                .hasMessage("QM1: MQPUT of a test message to APP.IN (correlation id " + "0".repeat(48)
                        + ") failed with reason 2538 MQRC_HOST_NOT_AVAILABLE")
                .extracting(e -> ((MqAdminException) e).reason()).isEqualTo(Reason.QUEUE_MANAGER_NOT_AVAILABLE);
    }

    @Test
    void queueManagerNotAvailable() throws Exception {
        when(wiring.agent().send(any())).thenThrow(new MQDataException(MQCC_FAILED, MQRC_Q_MGR_NOT_AVAILABLE, null));

        assertThatThrownBy(() -> admin.queueManagerStatus("QM1"))
                .hasMessage("QM1: DISPLAY QMSTATUS ALL (PCF MQCMD_INQUIRE_Q_MGR_STATUS) failed with reason"
                        + " 2059 MQRC_Q_MGR_NOT_AVAILABLE")
                .extracting(e -> ((MqAdminException) e).reason()).isEqualTo(Reason.QUEUE_MANAGER_NOT_AVAILABLE);
    }

    @Test
    void anEndingQueueManagerIsNotAvailable() throws Exception {
        when(wiring.agent().send(any())).thenThrow(new MQDataException(MQCC_FAILED, MQRC_Q_MGR_QUIESCING, null));

        assertThatThrownBy(() -> admin.run("PR1", ObjectCommand.RESUME_CLUSTER, "PAYCLUS"))
                .hasMessage("PR1: RESUME QMGR CLUSTER(PAYCLUS) (PCF MQCMD_RESUME_Q_MGR_CLUSTER) failed with reason"
                        + " 2161 MQRC_Q_MGR_QUIESCING")
                .extracting(e -> ((MqAdminException) e).reason()).isEqualTo(Reason.QUEUE_MANAGER_NOT_AVAILABLE);
    }

    @Test
    void noReplyFromTheCommandServerSaysSo() throws Exception {
        when(wiring.agent().send(any())).thenThrow(new MQDataException(MQCC_FAILED, MQRC_NO_MSG_AVAILABLE, null));

        assertThatThrownBy(() -> admin.run("QM1", ObjectCommand.START_LISTENER, "LISTENER.TCP"))
                .hasMessage("QM1: START LISTENER(LISTENER.TCP) (PCF MQCMD_START_CHANNEL_LISTENER) got no reply from the"
                        + " command server within the PCF agent's wait (reason 2033 MQRC_NO_MSG_AVAILABLE);"
                        + " DISPLAY QMSTATUS CMDSERV shows whether it runs")
                .extracting(e -> ((MqAdminException) e).reason()).isEqualTo(Reason.OTHER);
    }

    @Test
    void theDepthOfAnAliasQueueIsRefusedWithItsType() throws Exception {
        PCFMessage alias = new PCFMessage(MQCFT_RESPONSE, MQCMD_INQUIRE_Q, 1, true);
        alias.addParameter(MQCA_Q_NAME, "APP.ALIAS");
        alias.addParameter(MQIA_Q_TYPE, MQQT_ALIAS);
        when(wiring.agent().send(any())).thenReturn(new PCFMessage[] {alias});

        assertThatThrownBy(() -> admin.queueDepth("QM1", "APP.ALIAS"))
                .hasMessage("QM1: DISPLAY QLOCAL(APP.ALIAS) CURDEPTH (PCF MQCMD_INQUIRE_Q): APP.ALIAS is a QALIAS;"
                        + " only local queues (including transmission queues) have a CURDEPTH");
    }

    @Test
    void noChannelStatusIsAnEmptyList() throws Exception {
        when(wiring.agent().send(any())).thenThrow(new PCFException(MQCC_FAILED, MQRCCF_CHL_STATUS_NOT_FOUND, null));

        assertThat(admin.channelStatus("QM1", "QM1.TO.BANK")).isEmpty();
    }

    @Test
    void noChannelStatusWhereTheOperationCannotBeEmptyKeepsItsReason() throws Exception {
        when(wiring.agent().send(any())).thenThrow(new PCFException(MQCC_FAILED, MQRCCF_CHL_STATUS_NOT_FOUND, null));

        assertThatThrownBy(() -> admin.run("QM1", ObjectCommand.STOP_CHANNEL, "QM1.TO.BANK"))
                .hasMessage("QM1: STOP CHANNEL(QM1.TO.BANK) (PCF MQCMD_STOP_CHANNEL) failed with reason"
                        + " 3065 MQRCCF_CHL_STATUS_NOT_FOUND")
                .extracting(e -> ((MqAdminException) e).reason()).isEqualTo(Reason.NO_CHANNEL_STATUS);
    }

    @Test
    void unknownQueue() throws Exception {
        when(wiring.agent().send(any())).thenThrow(new PCFException(MQCC_FAILED, MQRC_UNKNOWN_OBJECT_NAME, null));

        assertThatThrownBy(() -> admin.queueDepth("QM1", "NO.SUCH.Q"))
                .hasMessage("QM1: DISPLAY QLOCAL(NO.SUCH.Q) CURDEPTH (PCF MQCMD_INQUIRE_Q) failed with reason"
                        + " 2085 MQRC_UNKNOWN_OBJECT_NAME")
                .extracting(e -> ((MqAdminException) e).reason()).isEqualTo(Reason.OBJECT_NOT_FOUND);
    }

    @Test
    void unknownChannel() throws Exception {
        when(wiring.agent().send(any())).thenThrow(new PCFException(MQCC_FAILED, MQRCCF_CHANNEL_NOT_FOUND, null));

        assertThatThrownBy(() -> admin.alterSenderConname("QM1", "NO.SUCH.CHL", "10.0.0.1(1414)"))
                .hasMessage("QM1: ALTER CHANNEL(NO.SUCH.CHL) CHLTYPE(SDR) CONNAME('10.0.0.1(1414)')"
                        + " (PCF MQCMD_CHANGE_CHANNEL) failed with reason 4032 MQRCCF_CHANNEL_NOT_FOUND")
                .extracting(e -> ((MqAdminException) e).reason()).isEqualTo(Reason.OBJECT_NOT_FOUND);
    }

    @Test
    void aSpecificClusterQueueManagerThatIsUnknownIsNotFound() throws Exception {
        when(wiring.agent().send(any())).thenThrow(new PCFException(MQCC_FAILED, MQRC_UNKNOWN_OBJECT_NAME, null));

        assertThatThrownBy(() -> admin.clusterQueueManagers("PR1", "FR9"))
                .extracting(e -> ((MqAdminException) e).reason()).isEqualTo(Reason.OBJECT_NOT_FOUND);
    }

    @Test
    void aGenericNameMatchingNothingIsAnEmptyList() throws Exception {
        when(wiring.agent().send(any())).thenThrow(new PCFException(MQCC_FAILED, MQRC_UNKNOWN_OBJECT_NAME, null));

        assertThat(admin.clusterQueueManagers("PR1", "FR*")).isEmpty();
    }

    @Test
    void noClusterQueuesIsAnEmptyList() throws Exception {
        when(wiring.agent().send(any())).thenThrow(new PCFException(MQCC_FAILED, MQRCCF_NONE_FOUND, null));

        assertThat(admin.clusterQueues("PR1", Optional.of("PR3"))).isEmpty();
    }

    @Test
    void otherReasonsAreOtherAndNameTheParameterTheResponseBlames() throws Exception {
        PCFMessage failed = new PCFMessage(MQCFT_RESPONSE, MQCMD_CHANGE_CHANNEL, 1, true);
        failed.getHeader().setCompCode(MQCC_FAILED);
        failed.getHeader().setReason(MQRCCF_COMMAND_FAILED);
        failed.addParameter(MQIACF_PARAMETER_ID, MQCACH_CONNECTION_NAME);
        when(wiring.agent().send(any()))
                .thenThrow(new PCFException(MQCC_FAILED, MQRCCF_COMMAND_FAILED, new PCFMessage[] {failed}));

        assertThatThrownBy(() -> admin.alterSenderConname("QM1", "QM1.TO.BANK", "x"))
                .hasMessage("QM1: ALTER CHANNEL(QM1.TO.BANK) CHLTYPE(SDR) CONNAME('x') (PCF MQCMD_CHANGE_CHANNEL)"
                        + " failed with reason 3008 MQRCCF_COMMAND_FAILED (parameter MQCACH_CONNECTION_NAME)")
                .extracting(e -> ((MqAdminException) e).reason()).isEqualTo(Reason.OTHER);
    }

    @Test
    void aFailingDisconnectDoesNotHideTheFailure() throws Exception {
        when(wiring.agent().send(any())).thenThrow(new PCFException(MQCC_FAILED, MQRC_NOT_AUTHORIZED, null));
        doThrow(new MQDataException(MQCC_FAILED, MQRC_CONNECTION_BROKEN, null)).when(wiring.agent()).disconnect();
        doThrow(new MQException(MQCC_FAILED, MQRC_CONNECTION_BROKEN, null)).when(wiring.queueManager()).disconnect();

        assertThatThrownBy(() -> admin.run("PR1", ObjectCommand.SUSPEND_CLUSTER, "PAYCLUS"))
                .hasMessage("PR1: SUSPEND QMGR CLUSTER(PAYCLUS) (PCF MQCMD_SUSPEND_Q_MGR_CLUSTER) failed with reason"
                        + " 2035 MQRC_NOT_AUTHORIZED");
    }
}
