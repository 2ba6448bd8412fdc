package io.mqrunbooks.application.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.mq.UnsafeArgumentException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MqscCommandTest {

    private static final Map<String, String> SEALED = Map.of("channel", "QM1.TO.BANK", "queueManager", "QM1");

    @Test
    void readsTheAllowListOneCommandALineWithPlaceholdersFromTheSealedValues() {
        assertThat(MqscCommand.parse("""
                * refresh
                dis chstatus({channel}) all
                dis qmstatus
                STOP CHANNEL({channel})

                start chl('lower.case')
                DISPLAY QLOCAL(app.in) CURDEPTH
                DISPLAY QMSTATUS
                """, SEALED)).extracting(MqscCommand::mqsc).containsExactly(
                "DISPLAY CHSTATUS(QM1.TO.BANK)",
                "DISPLAY QMSTATUS",
                "STOP CHANNEL(QM1.TO.BANK)",
                "START CHANNEL(lower.case)",
                "DISPLAY QLOCAL(APP.IN) CURDEPTH",
                "DISPLAY QMSTATUS");
    }

    @Test
    void onlyStartAndStopChangeTheEstate() {
        assertThat(MqscCommand.parse("DISPLAY CHSTATUS(X)\nDISPLAY QMSTATUS", SEALED))
                .noneMatch(MqscCommand::changesEstate);
        assertThat(MqscCommand.parse("START CHANNEL(X)\nSTOP CHANNEL(X)", SEALED)).allMatch(MqscCommand::changesEstate);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE QLOCAL(APP.IN)", "ALTER QMGR CHLAUTH(DISABLED)", "DEFINE QLOCAL(X)",
            "STOP CHANNEL(X) MODE(FORCE)", "START CHANNEL(X); rm -rf /", "DISPLAY CHSTATUS(X) $(id)",
            "RESET CHANNEL(X)", "STOP QMGR"})
    void refusesEverythingElseNamingTheLineAndWhatItTakes(String mqsc) {
        assertThatThrownBy(() -> MqscCommand.parse(mqsc, SEALED)).isInstanceOf(UnsafeArgumentException.class)
                .hasMessage("MQSC '" + mqsc + "' is not one a generic step runs; it takes DISPLAY QMSTATUS,"
                        + " DISPLAY CHSTATUS(channel), DISPLAY QLOCAL(queue) CURDEPTH, START CHANNEL(channel),"
                        + " STOP CHANNEL(channel) (one a line); nothing was sent");
    }

    @Test
    void aPlaceholderTheRunWasNotStartedWithIsRefused() {
        assertThatThrownBy(() -> MqscCommand.parse("STOP CHANNEL({partnerChannel})", SEALED))
                .isInstanceOf(UnsafeArgumentException.class)
                .hasMessage("MQSC 'STOP CHANNEL({partnerChannel})' names {partnerChannel}, but the run was not started"
                        + " with 'partnerChannel' (a placeholder is filled from the run's sealed start values only);"
                        + " nothing was sent");
    }

    @Test
    void aSealedValueThatIsNoChannelNameIsRefused() {
        assertThatThrownBy(() -> MqscCommand.parse("STOP CHANNEL({channel})", Map.of("channel", "A.CHANNEL.NAME.OF.30.CHARS")))
                .isInstanceOf(UnsafeArgumentException.class)
                .hasMessage("channel 'A.CHANNEL.NAME.OF.30.CHARS' is 26 characters; IBM MQ channel names allow at most 20");
        assertThatThrownBy(() -> MqscCommand.parse("STOP CHANNEL({channel})", Map.of("channel", "X')\nSTOP QMGR")))
                .isInstanceOf(UnsafeArgumentException.class)
                .hasMessageContaining("has characters IBM MQ does not allow in a name");
    }

    @Test
    void emptyMqscIsRefused() {
        assertThatThrownBy(() -> MqscCommand.parse(" \n* only a comment\n", SEALED))
                .hasMessage("the step's MQSC holds no command; it takes one of DISPLAY QMSTATUS,"
                        + " DISPLAY CHSTATUS(channel), DISPLAY QLOCAL(queue) CURDEPTH, START CHANNEL(channel),"
                        + " STOP CHANNEL(channel)");
    }
}
