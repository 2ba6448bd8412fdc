package io.mqrunbooks.lab.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * PAUSED and SWITCHING, which a running channel can be in (IBM's "Channel states",
 * https://www.ibm.com/support/knowledgecenter/en/SSFKSJ_9.1.0/com.ibm.mq.con.doc/q015610_.htm), held by the lab's
 * control method and shown by DISPLAY CHSTATUS in place of RUNNING.
 */
class ChannelConditionTest extends LabTestSupport {

    @Test
    void aPausedReceiverShowsPausedWhileItsSenderRunsAndRunningOnceReleased() {
        mqsc("mqeast1", "QM1", "START CHANNEL(QM1.TO.BANK)\n");
        lab.channelCondition("partner1", "BANKGW", "QM1.TO.BANK", "PAUSED");

        assertThat(mqsc("partner1", "BANKGW", "DIS CHSTATUS(QM1.TO.BANK)\n").stdout()).contains(
                "AMQ8417I: Display Channel Status details.\n"
                        + "   CHANNEL(QM1.TO.BANK)                    CHLTYPE(RCVR)\n"
                        + "   CONNAME(127.0.0.1)                      CURRENT\n"
                        + "   RQMNAME(QM1)                            STATUS(PAUSED)\n"
                        + "   SUBSTATE( )\n");
        assertThat(mqsc("partner1", "BANKGW", "DIS CHSTATUS(QM1.TO.BANK) MCASTAT\n").stdout())
                .contains("MCASTAT(RUNNING)");
        assertThat(mqsc("mqeast1", "QM1", "DIS CHS(QM1.TO.BANK) STATUS\n").stdout()).contains("STATUS(RUNNING)");

        lab.channelCondition("partner1", "BANKGW", "QM1.TO.BANK", "");
        assertThat(mqsc("partner1", "BANKGW", "DIS CHSTATUS(QM1.TO.BANK)\n").stdout())
                .contains("   RQMNAME(QM1)                            STATUS(RUNNING)\n");
    }

    @Test
    void aSwitchingClusterSenderIsInUseAndAStoppedOneShowsStopped() {
        lab.channelCondition("pr1", "PR1", "TO.FR1", "SWITCHING");

        assertThat(mqsc("pr1", "PR1", "DIS CHS(TO.FR1) STATUS\n").stdout()).contains("STATUS(SWITCHING)");
        assertThat(mqsc("pr1", "PR1", "DIS CLUSQMGR(FR1) STATUS\n").stdout()).contains("STATUS(SWITCHING)");
        assertThat(mqsc("pr1", "PR1", "START CHANNEL(TO.FR1)\n").stdout())
                .contains("AMQ9514E: Channel 'TO.FR1' is in use.\n");
        // The condition shows only while the instance runs.
        assertThat(mqsc("pr1", "PR1", "STOP CHANNEL(TO.FR1) MODE(FORCE)\nDIS CHS(TO.FR1) STATUS\n").stdout())
                .contains("STATUS(STOPPED)");
    }

    @Test
    void onlyTheStatesAChannelTypeCanBeInAreHeld() {
        assertThatThrownBy(() -> lab.channelCondition("pr1", "PR1", "TO.FR1", "PAUSED"))
                .hasMessage("Lab: channel TO.FR1 is CHLTYPE(CLUSSDR); STATUS(PAUSED) is for RCVR or CLUSRCVR channels");
        assertThatThrownBy(() -> lab.channelCondition("partner1", "BANKGW", "QM1.TO.BANK", "REQUESTING"))
                .hasMessage("Lab: STATUS(REQUESTING) is not a condition the lab holds; it holds PAUSED on a receiving"
                        + " channel and SWITCHING on a cluster-sender");
        assertThatThrownBy(() -> lab.channelCondition("pr1", "PR1", "NO.SUCH", "SWITCHING"))
                .hasMessage("Lab: no channel 'NO.SUCH' on PR1");
    }
}
