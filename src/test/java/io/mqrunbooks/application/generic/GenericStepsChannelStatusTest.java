package io.mqrunbooks.application.generic;

import io.mqrunbooks.application.port.out.mq.ObjectCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.mq.ChannelStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generic steps' decisions on each channel status: start, stop, and the two waits. */
class GenericStepsChannelStatusTest {

    private static final String QM = "QM1";
    private static final String CHANNEL = "QM1.TO.BANK";

    private final MqAdminPort admin = mock(MqAdminPort.class);
    private final GenericSteps steps = new GenericSteps(admin);

    private void statusIs(String... words) {
        when(admin.channelStatus(QM, CHANNEL)).thenReturn(java.util.Arrays.stream(words)
                .map(w -> new ChannelStatus(CHANNEL, "SDR", "127.0.0.1(1471)", w, "QM1.TO.BANK.XMIT", Map.of()))
                .toList());
    }

    private String run(MqscCommand.Kind kind) {
        return steps.runMqsc(QM, List.of(new MqscCommand(kind, CHANNEL))).get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RUNNING", "INITIALIZING", "STARTING", "BINDING", "REQUESTING", "PAUSED", "SWITCHING"})
    void aStartIsNotSentToAChannelAnMcaAlreadyHolds(String word) {
        statusIs(word);

        assertThat(run(MqscCommand.Kind.START_CHANNEL)).isEqualTo("QM1: START CHANNEL(QM1.TO.BANK): not sent, the"
                + " channel is already started: STATUS(" + word + ")");
        verify(admin, never()).run(QM, ObjectCommand.START_CHANNEL, CHANNEL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RETRYING", "STOPPED", "STOPPING", "INACTIVE"})
    void aStartIsSentToAChannelThatIsNotStarted(String word) {
        statusIs(word);

        assertThat(run(MqscCommand.Kind.START_CHANNEL))
                .isEqualTo("QM1: START CHANNEL(QM1.TO.BANK): start accepted (it was STATUS(" + word + "))");
        verify(admin).run(QM, ObjectCommand.START_CHANNEL, CHANNEL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PAUSED", "RETRYING", "SWITCHING", "REQUESTING", "BINDING", "RUNNING"})
    void aStopIsSentToEveryChannelThatIsNotStoppedAlready(String word) {
        statusIs(word);

        assertThat(run(MqscCommand.Kind.STOP_CHANNEL))
                .isEqualTo("QM1: STOP CHANNEL(QM1.TO.BANK): stop accepted (it was STATUS(" + word + "))");
        verify(admin).run(QM, ObjectCommand.STOP_CHANNEL, CHANNEL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"STOPPED", "STOPPING", "INACTIVE"})
    void aStopIsNotSentAgain(String word) {
        statusIs(word);

        assertThat(run(MqscCommand.Kind.STOP_CHANNEL)).isEqualTo("QM1: STOP CHANNEL(QM1.TO.BANK): not sent, the"
                + " channel is not running: STATUS(" + word + ")");
        verify(admin, never()).run(QM, ObjectCommand.STOP_CHANNEL, CHANNEL);
    }

    @Test
    void aPausedChannelIsNotRunningAndTheWaitSaysWhy() {
        statusIs("PAUSED");

        WaitPoll check = steps.checkChannel(QM, CHANNEL, GenericSteps.ChannelState.RUNNING);

        assertThat(check.reached()).isFalse();
        assertThat(check.summary()).isEqualTo("channel QM1.TO.BANK on QM1: STATUS(PAUSED) (PAUSED: waiting for the"
                + " message-retry interval before retrying an MQPUT at the receiving end)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RETRYING", "SWITCHING", "REQUESTING", "BINDING"})
    void onlyRunningCountsAsRunning(String word) {
        statusIs("RUNNING", word);

        WaitPoll check = steps.checkChannel(QM, CHANNEL, GenericSteps.ChannelState.RUNNING);

        assertThat(check.reached()).isFalse();
        assertThat(check.summary()).startsWith("channel QM1.TO.BANK on QM1: STATUS(RUNNING), STATUS(" + word + ") ("
                + word + ": ");
        statusIs("RUNNING", "RUNNING");
        assertThat(steps.checkChannel(QM, CHANNEL, GenericSteps.ChannelState.RUNNING).reached()).isTrue();
    }

    @Test
    void stoppedOrInactiveIsReachedOnlyWhenNothingOfTheChannelRuns() {
        statusIs("STOPPED", "INACTIVE");
        assertThat(steps.checkChannel(QM, CHANNEL, GenericSteps.ChannelState.STOPPED_OR_INACTIVE).reached()).isTrue();

        for (String word : List.of("PAUSED", "SWITCHING", "RETRYING", "STOPPING", "REQUESTING")) {
            statusIs("STOPPED", word);
            assertThat(steps.checkChannel(QM, CHANNEL, GenericSteps.ChannelState.STOPPED_OR_INACTIVE).reached())
                    .as(word).isFalse();
        }
    }
}
