package io.mqrunbooks.lab.pcf;

import static com.ibm.mq.constants.MQConstants.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.mq.MQMessage;
import com.ibm.mq.headers.pcf.PCFMessage;
import io.mqrunbooks.adapter.outbound.mq.FakeSshPort;
import io.mqrunbooks.adapter.outbound.mq.pcf.PcfMqAdmin;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.Transport;
import io.mqrunbooks.lab.mq.SimulatedMqEstate;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lab's command server at the byte level, the PCF routing option, and a multi-instance queue manager over PCF. */
class LabPcfCommandServerTest {

    private final Estate estate = FakeSshPort.labEstate();
    private final SimulatedMqEstate lab = new SimulatedMqEstate(estate, Clock.systemUTC());

    private static byte[] bytes(PCFMessage request, int encoding) throws Exception {
        MQMessage message = new MQMessage();
        message.encoding = encoding;
        message.characterSet = 1208;
        request.write(message);
        message.seek(0);
        byte[] data = new byte[message.getDataLength()];
        message.readFully(data);
        return data;
    }

    private static PCFMessage parsed(byte[] response, int encoding) throws Exception {
        MQMessage message = new MQMessage();
        message.encoding = encoding;
        message.characterSet = 1208;
        message.write(response);
        message.seek(0);
        return new PCFMessage(message);
    }

    @Test
    void answersInTheRequestsEncodingWithBlankPaddedNames() throws Exception {
        PCFMessage request = new PCFMessage(MQCMD_INQUIRE_Q_MGR_STATUS);
        request.addParameter(MQIACF_Q_MGR_STATUS_ATTRS, new int[] {MQIACF_ALL});
        // x86 Linux byte order, as a client on that platform writes it
        int reversed = MQENC_INTEGER_REVERSED | MQENC_DECIMAL_REVERSED | MQENC_FLOAT_IEEE_REVERSED;

        List<byte[]> responses = lab.pcfCommand("fr1", "FR1", bytes(request, reversed), reversed, 1208);

        assertThat(responses).hasSize(1);
        assertThat(responses.get(0)[4]).as("MQCFH StrucLength 36, low byte first").isEqualTo((byte) 36);
        PCFMessage response = parsed(responses.get(0), reversed);
        assertThat(response.getCompCode()).isEqualTo(MQCC_OK);
        assertThat(response.getControl()).isEqualTo(MQCFC_LAST);
        assertThat(response.getIntParameterValue(MQIACF_Q_MGR_STATUS)).isEqualTo(MQQMSTA_RUNNING);
        assertThat(response.getStringParameterValue(MQCA_Q_MGR_NAME)).hasSize(MQ_Q_MGR_NAME_LENGTH).startsWith("FR1 ");
    }

    @Test
    void aCommandItDoesNotSimulateAndBytesThatAreNotPcfAreRefusedWithAReason() throws Exception {
        PCFMessage unknown = new PCFMessage(MQCMD_INQUIRE_AUTH_RECS);

        PCFMessage refused = parsed(lab.pcfCommand("fr1", "FR1", bytes(unknown, MQENC_NATIVE), MQENC_NATIVE, 1208)
                .get(0), MQENC_NATIVE);
        PCFMessage garbled = parsed(lab.pcfCommand("fr1", "FR1", "not a PCF message".getBytes(), MQENC_NATIVE, 1208)
                .get(0), MQENC_NATIVE);

        assertThat(refused.getCompCode()).isEqualTo(MQCC_FAILED);
        assertThat(refused.getReason()).isEqualTo(MQRCCF_CFH_COMMAND_ERROR);
        assertThat(garbled.getReason()).isEqualTo(MQRCCF_STRUCTURE_TYPE_ERROR);
        assertThat(lab.pcfCommand("fr2", "FR1", bytes(unknown, MQENC_NATIVE), MQENC_NATIVE, 1208))
                .as("FR1 does not run on fr2: no command server answers").isEmpty();
    }

    @Test
    void aMultiInstanceQueueManagerIsReachedOnTheHostItRunsOn() {
        PcfMqAdmin pcf = new PcfMqAdmin(new LabPcfConnectionFactory(() -> estate, lab));

        assertThat(pcf.queueManagerStatus("MIQM").status()).isEqualTo("RUNNING");
        assertThat(lab.runsOn("mi1", "MIQM") || lab.runsOn("mi2", "MIQM")).isTrue();
    }

    @Test
    void theRoutingOptionPutsTheNamedQueueManagersOnPcfAndRefusesUnknownNames() {
        Estate routed = LabPcfRouting.routeOverPcf(estate, List.of("PR1", " FR1 "));

        assertThat(routed.queueManager("PR1").transport()).isEqualTo(Transport.PCF);
        assertThat(routed.queueManager("PR1").pcf().channel()).isEqualTo("SYSTEM.ADMIN.SVRCONN");
        assertThat(routed.queueManager("FR1").transport()).isEqualTo(Transport.PCF);
        assertThat(routed.queueManager("PR2").transport()).isEqualTo(Transport.MQSC_SSH);
        assertThat(LabPcfRouting.routeOverPcf(estate, List.of())).isSameAs(estate);
        assertThatThrownBy(() -> LabPcfRouting.routeOverPcf(estate, List.of("PR1", "QM9")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("mqrunbooks.lab.pcf-queue-managers names [QM9], which the lab inventory"
                        + " does not have; it has [");
    }
}
