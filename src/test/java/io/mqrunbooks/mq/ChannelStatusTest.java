package io.mqrunbooks.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each DISPLAY CHSTATUS word means to the runbooks (docs/parse.md, "Channel status"). */
class ChannelStatusTest {

    @ParameterizedTest(name = "{0}: running {1}, on its way {2}, started {3}, stopped or inactive {4}")
    @CsvSource({
            "RUNNING,      true,  false, true,  false",
            // On its way to RUNNING by itself: a START now would be refused as in use.
            "INITIALIZING, false, true,  true,  false",
            "STARTING,     false, true,  true,  false",
            "BINDING,      false, true,  true,  false",
            "REQUESTING,   false, true,  true,  false",
            // Connected, MCA running, but no messages move: not running, and not to be started again.
            "PAUSED,       false, false, true,  false",
            "SWITCHING,    false, false, true,  false",
            // No connection: not running, and a START is the operator's way to try again.
            "RETRYING,     false, false, false, false",
            "STOPPING,     false, false, false, false",
            "STOPPED,      false, false, false, true",
            "INACTIVE,     false, false, false, true",
            "DISCONNECTED, false, false, false, false"})
    void whatEachStatusMeansToARunbook(String word, boolean running, boolean onItsWay, boolean started,
                                      boolean stoppedOrInactive) {
        ChannelStatus status = new ChannelStatus("TO.PARTNER", "SDR", "", word, "", Map.of());

        assertThat(status.isRunning()).isEqualTo(running);
        assertThat(status.state().isOnItsWay()).isEqualTo(onItsWay);
        assertThat(status.state().isStarted()).isEqualTo(started);
        assertThat(status.state().isStoppedOrInactive()).isEqualTo(stoppedOrInactive);
    }

    @Test
    void anUndocumentedWordIsRefusedNamingIt() {
        assertThatThrownBy(() -> new ChannelStatus("TO.PARTNER", "SDR", "", "Running", "", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("channel STATUS(Running) is not a status IBM MQ documents for DISPLAY CHSTATUS"
                        + " (known: INACTIVE, BINDING,");
        assertThatThrownBy(() -> new ChannelStatus("TO.PARTNER", "SDR", "", null, "", Map.of()))
                .hasMessageStartingWith("channel STATUS(null) is not a status");
    }
}
