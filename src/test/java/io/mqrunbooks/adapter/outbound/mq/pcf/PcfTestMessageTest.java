package io.mqrunbooks.adapter.outbound.mq.pcf;

import io.mqrunbooks.application.port.out.mq.ObjectCommand;
import static com.ibm.mq.constants.MQConstants.*;
import static io.mqrunbooks.adapter.outbound.mq.pcf.PcfFixtures.wiring;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.ibm.mq.MQException;
import com.ibm.mq.MQGetMessageOptions;
import com.ibm.mq.MQMessage;
import com.ibm.mq.MQPutMessageOptions;
import com.ibm.mq.MQQueue;
import io.mqrunbooks.application.port.out.mq.MqAdminException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Test messages over the MQI: what is put, how the get matches, and that queue and connection are closed. */
class PcfTestMessageTest {

    private static final String CORREL = "4D5152554E424F4F4B53000000000000000000000000002A";

    private final PcfFixtures.Wiring wiring = wiring();
    private final PcfMqAdmin admin = new PcfMqAdmin(wiring.factory());
    private final MQQueue queue = mock(MQQueue.class);

    @Test
    void putsANonPersistentUtf8MessageWithTheCorrelationId() throws Exception {
        when(wiring.queueManager().accessQueue("APP.IN", MQOO_OUTPUT | MQOO_FAIL_IF_QUIESCING)).thenReturn(queue);
        ArgumentCaptor<MQMessage> put = ArgumentCaptor.forClass(MQMessage.class);
        ArgumentCaptor<MQPutMessageOptions> options = ArgumentCaptor.forClass(MQPutMessageOptions.class);

        admin.putTestMessage("QM1", "APP.IN", CORREL, "DR test \u00e9");

        verify(queue).put(put.capture(), options.capture());
        MQMessage message = put.getValue();
        assertThat(HexFormat.of().withUpperCase().formatHex(message.correlationId)).isEqualTo(CORREL);
        assertThat(message.correlationId).hasSize(24);
        assertThat(message.persistence).isEqualTo(MQPER_NOT_PERSISTENT);
        assertThat(message.format).isEqualTo(MQFMT_STRING);
        assertThat(message.characterSet).isEqualTo(1208);
        message.seek(0);
        byte[] body = new byte[message.getDataLength()];
        message.readFully(body);
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("DR test \u00e9");
        assertThat(options.getValue().options).isEqualTo(MQPMO_NO_SYNCPOINT | MQPMO_NEW_MSG_ID | MQPMO_FAIL_IF_QUIESCING);
        verify(queue).close();
        verify(wiring.agent()).disconnect();
        verify(wiring.queueManager()).disconnect();
    }

    @Test
    void getsTheMessageMatchingTheCorrelationIdWaitingAsAsked() throws Exception {
        when(wiring.queueManager().accessQueue("APP.IN", MQOO_INPUT_SHARED | MQOO_FAIL_IF_QUIESCING)).thenReturn(queue);
        ArgumentCaptor<MQGetMessageOptions> options = ArgumentCaptor.forClass(MQGetMessageOptions.class);
        doAnswer(invocation -> {
            MQMessage message = invocation.getArgument(0);
            assertThat(HexFormat.of().withUpperCase().formatHex(message.correlationId)).isEqualTo(CORREL);
            message.write("DR test".getBytes(StandardCharsets.UTF_8));
            message.seek(0);
            return null;
        }).when(queue).get(any(MQMessage.class), options.capture());

        Optional<String> body = admin.getTestMessage("QM1", "APP.IN", CORREL, Duration.ofSeconds(5));

        assertThat(body).contains("DR test");
        MQGetMessageOptions gmo = options.getValue();
        assertThat(gmo.matchOptions).isEqualTo(MQMO_MATCH_CORREL_ID);
        assertThat(gmo.waitInterval).isEqualTo(5000);
        assertThat(gmo.options).isEqualTo(MQGMO_WAIT | MQGMO_NO_SYNCPOINT | MQGMO_FAIL_IF_QUIESCING | MQGMO_CONVERT);
        verify(queue).close();
        verify(wiring.queueManager()).disconnect();
    }

    @Test
    void noMessageWithinTheWaitIsEmpty() throws Exception {
        when(wiring.queueManager().accessQueue(eq("APP.IN"), any(Integer.class))).thenReturn(queue);
        doThrow(new MQException(MQCC_FAILED, MQRC_NO_MSG_AVAILABLE, null))
                .when(queue).get(any(MQMessage.class), any(MQGetMessageOptions.class));

        assertThat(admin.getTestMessage("QM1", "APP.IN", CORREL, Duration.ofMillis(200))).isEmpty();
        verify(queue).close();
        verify(wiring.queueManager()).disconnect();
    }

    @Test
    void aCorrelationIdThatIsNot24BytesIsRefusedBeforeConnecting() {
        PcfMqAdmin neverConnects = new PcfMqAdmin(name -> {
            throw new AssertionError("must not connect");
        });

        assertThatThrownBy(() -> neverConnects.putTestMessage("QM1", "APP.IN", "ABC", "x"))
                .isInstanceOf(MqAdminException.class)
                .hasMessage("QM1: invalid argument: correlation id 'ABC' must be 48 hexadecimal digits (24 bytes)");
        assertThatThrownBy(() -> neverConnects.run("QM1", ObjectCommand.START_CHANNEL, "BAD;NAME"))
                .hasMessage("QM1: invalid argument: channel name 'BAD;NAME' has characters IBM MQ does not allow in a"
                        + " name (only A-Z a-z 0-9 . _ / %)");
    }
}
