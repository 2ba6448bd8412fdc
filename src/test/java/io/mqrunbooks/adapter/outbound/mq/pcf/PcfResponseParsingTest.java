package io.mqrunbooks.adapter.outbound.mq.pcf;

import static com.ibm.mq.constants.MQConstants.*;
import static io.mqrunbooks.adapter.outbound.mq.pcf.PcfFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.ibm.mq.headers.pcf.PCFMessage;
import io.mqrunbooks.mq.ClusterQueue;
import io.mqrunbooks.mq.ClusterQueueManager;
import io.mqrunbooks.application.port.out.mq.MqAdminException;
import io.mqrunbooks.mq.QueueManagerStatus;
import io.mqrunbooks.mq.ChannelStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Responses as an x86 queue manager sends them (little-endian integers, blank-padded fixed-length strings),
 * written into an MQMessage with that encoding and parsed back by the MQ classes, then turned into the
 * port's records. The response parameters follow IBM's pages: Inquire Cluster Queue Manager
 * https://www.ibm.com/docs/SSFKSJ_9.4.0/refadmin/q087580_.html with DISPLAY CLUSQMGR
 * https://ibm.com/support/knowledgecenter/en/SSFKSJ_9.3.0/refadmin/q086110_.html; Inquire Queue Manager Status
 * (Response) https://www.ibm.com/support/knowledgecenter/en/SSFKSJ_7.5.0/com.ibm.mq.ref.adm.doc/q087850_.htm;
 * Inquire Channel Status (Response) https://ibm.com/support/knowledgecenter/en/SSFKSJ_9.3.0/refadmin/q087560_.html;
 * Inquire Queue (Response) https://www.ibm.com/support/knowledgecenter/en/SSFKSJ_7.5.0/com.ibm.mq.ref.adm.doc/q087810_.htm.
 * Values (names, dates, QMID) are made up for the lab estate; nothing here was captured from a real queue manager.
 */
class PcfResponseParsingTest {

    private final PcfFixtures.Wiring wiring = wiring();
    private final PcfMqAdmin admin = new PcfMqAdmin(wiring.factory());

    @Test
    void responsesAreWrittenLittleEndianLikeAnX86QueueManagerSendsThem() throws Exception {
        // MQCFH.Type = MQCFT_RESPONSE (2), StrucLength = 36: low byte first.
        assertThat(headerBytes(fr1AsSeenFromPr1(), X86_ENCODING)).containsExactly(2, 0, 0, 0, 36, 0, 0, 0);
        assertThat(headerBytes(fr1AsSeenFromPr1(), MQENC_NATIVE)).containsExactly(0, 0, 0, 2, 0, 0, 0, 36);
    }

    @Test
    void clusterQueueManagersBecomeRecordsWithMqscAttributeNames() throws Exception {
        answer(throughWire(fr1AsSeenFromPr1(), X86_ENCODING), throughWire(pr3SuspendedAsSeenFromPr1(), X86_ENCODING));

        List<ClusterQueueManager> seen = admin.clusterQueueManagers("PR1", "*");

        assertThat(seen).hasSize(2);
        ClusterQueueManager fr1 = seen.get(0);
        assertThat(fr1.name()).isEqualTo("FR1");
        assertThat(fr1.cluster()).isEqualTo("PAYCLUS");
        assertThat(fr1.channel()).isEqualTo("PAYCLUS.FR1");
        assertThat(fr1.qmType()).isEqualTo("REPOS");
        assertThat(fr1.isFullRepository()).isTrue();
        assertThat(fr1.suspended()).isFalse();
        assertThat(fr1.status()).isEqualTo("RUNNING");
        assertThat(fr1.conname()).isEqualTo("fr1.example.com(1441)");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("CLUSQMGR", "FR1");
        expected.put("CLUSTER", "PAYCLUS");
        expected.put("CHANNEL", "PAYCLUS.FR1");
        expected.put("QMID", "FR1_2026-11-01_08.15.02");
        expected.put("QMTYPE", "REPOS");
        expected.put("SUSPEND", "NO");
        expected.put("DEFTYPE", "CLUSSDRA");
        expected.put("STATUS", "RUNNING");
        expected.put("CONNAME", "fr1.example.com(1441)");
        expected.put("CLUSDATE", "2026-11-01");
        expected.put("CLUSTIME", "08.16.40");
        expected.put("VERSION", "09040004");
        expected.put("CHLTYPE", "CLUSSDR");
        expected.put("HBINT", "300");
        assertThat(fr1.attributes()).isEqualTo(expected);

        ClusterQueueManager pr3 = seen.get(1);
        assertThat(pr3.name()).isEqualTo("PR3");
        assertThat(pr3.qmType()).isEqualTo("NORMAL");
        assertThat(pr3.suspended()).isTrue();
        assertThat(pr3.status()).isEqualTo("INACTIVE");
    }

    @Test
    void queueManagerStatusKeepsEveryAttribute() throws Exception {
        PCFMessage r = response(MQCMD_INQUIRE_Q_MGR_STATUS);
        r.addParameter(MQCA_Q_MGR_NAME, pad("QM1", MQ_Q_MGR_NAME_LENGTH));
        r.addParameter(MQIACF_Q_MGR_STATUS, MQQMSTA_RUNNING);
        r.addParameter(MQIACF_CHINIT_STATUS, MQSVC_STATUS_RUNNING);
        r.addParameter(MQIACF_CMD_SERVER_STATUS, MQSVC_STATUS_RUNNING);
        r.addParameter(MQIACF_CONNECTION_COUNT, 23);
        r.addParameter(MQCACF_Q_MGR_START_DATE, "2026-11-20");
        r.addParameter(MQCACF_Q_MGR_START_TIME, "22.01.07");
        r.addParameter(MQIACF_PERMIT_STANDBY, MQSTDBY_NOT_PERMITTED);
        answer(throughWire(r, X86_ENCODING));

        QueueManagerStatus status = admin.queueManagerStatus("QM1");

        assertThat(status.queueManager()).isEqualTo("QM1");
        assertThat(status.status()).isEqualTo("RUNNING");
        assertThat(status.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("QMNAME", "QM1", "STATUS", "RUNNING",
                "CHINIT", "RUNNING", "CMDSERV", "RUNNING", "CONNS", "23", "STARTDA", "2026-11-20",
                "STARTTI", "22.01.07", "STANDBY", "NOPERMIT"));
    }

    @Test
    void channelStatusOfARetryingSender() throws Exception {
        PCFMessage r = response(MQCMD_INQUIRE_CHANNEL_STATUS);
        r.addParameter(MQCACH_CHANNEL_NAME, pad("QM1.TO.BANK", MQ_CHANNEL_NAME_LENGTH));
        r.addParameter(MQIACH_CHANNEL_TYPE, MQCHT_SENDER);
        r.addParameter(MQCACH_CONNECTION_NAME, pad("203.0.113.7(1414)", MQ_CONN_NAME_LENGTH));
        r.addParameter(MQCACH_XMIT_Q_NAME, pad("QM1.TO.BANK.XMITQ", MQ_Q_NAME_LENGTH));
        r.addParameter(MQIACH_CHANNEL_INSTANCE_TYPE, MQOT_CURRENT_CHANNEL);
        r.addParameter(MQIACH_CHANNEL_STATUS, MQCHS_RETRYING);
        r.addParameter(MQIACH_CHANNEL_SUBSTATE, MQCHSSTATE_OTHER);
        answer(throughWire(r, X86_ENCODING));

        List<ChannelStatus> status = admin.channelStatus("QM1", "QM1.TO.BANK");

        assertThat(status).containsExactly(new ChannelStatus("QM1.TO.BANK", "SDR", "203.0.113.7(1414)", "RETRYING",
                "QM1.TO.BANK.XMITQ", Map.of("CHANNEL", "QM1.TO.BANK", "CHLTYPE", "SDR", "CONNAME", "203.0.113.7(1414)",
                        "XMITQ", "QM1.TO.BANK.XMITQ", "CURRENT", "CURRENT", "STATUS", "RETRYING", "SUBSTATE", "0")));
        assertThat(status.get(0).isRunning()).isFalse();
    }

    /**
     * Every MQCHS_* value (the allclient jar's constants; IBM's table "MQCHS_* (Command format Channel Status)",
     * https://www.ibm.com/docs/zh/SSFKSJ_8.0.0/com.ibm.mq.ref.dev.doc/q090880_.html) becomes runmqsc's word.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"MQCHS_INACTIVE", "MQCHS_BINDING", "MQCHS_STARTING",
            "MQCHS_RUNNING", "MQCHS_STOPPING", "MQCHS_RETRYING", "MQCHS_STOPPED", "MQCHS_REQUESTING", "MQCHS_PAUSED",
            "MQCHS_DISCONNECTED", "MQCHS_INITIALIZING", "MQCHS_SWITCHING"})
    void everyPcfChannelStatusValueBecomesItsMqscWord(String constant) throws Exception {
        int value = com.ibm.mq.constants.CMQCFC.class.getField(constant).getInt(null);
        PCFMessage r = response(MQCMD_INQUIRE_CHANNEL_STATUS);
        r.addParameter(MQCACH_CHANNEL_NAME, pad("QM1.TO.BANK", MQ_CHANNEL_NAME_LENGTH));
        r.addParameter(MQIACH_CHANNEL_TYPE, MQCHT_SENDER);
        r.addParameter(MQIACH_CHANNEL_STATUS, value);
        answer(throughWire(r, X86_ENCODING));

        ChannelStatus status = admin.channelStatus("QM1", "QM1.TO.BANK").get(0);

        String word = constant.substring("MQCHS_".length());
        assertThat(status.status()).isEqualTo(word);
        assertThat(status.state().pcfValue()).isEqualTo(value);
        assertThat(ChannelStatus.State.values()).filteredOn(s -> s.pcfValue() == value).containsExactly(status.state());
    }

    @Test
    void clusterQueuesNameTheirHostingQueueManager() throws Exception {
        answer(throughWire(clusterQueue("PAY.REQUEST", "PR1"), X86_ENCODING),
                throughWire(clusterQueue("PAY.REQUEST", "PR2"), X86_ENCODING));

        List<ClusterQueue> queues = admin.clusterQueues("FR1", Optional.empty());

        assertThat(queues).extracting(ClusterQueue::name, ClusterQueue::cluster, ClusterQueue::hostedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PAY.REQUEST", "PAYCLUS", "PR1"),
                        org.assertj.core.groups.Tuple.tuple("PAY.REQUEST", "PAYCLUS", "PR2"));
        assertThat(queues.get(0).attributes()).containsEntry("TYPE", "QCLUSTER").containsEntry("CLUSQT", "QLOCAL")
                .containsEntry("DEFBIND", "NOTFIXED").containsEntry("PUT", "ENABLED");
    }

    @Test
    void queueDepthFromALittleEndianResponse() throws Exception {
        PCFMessage r = response(MQCMD_INQUIRE_Q);
        r.addParameter(MQCA_Q_NAME, pad("QM1.TO.BANK.XMITQ", MQ_Q_NAME_LENGTH));
        r.addParameter(MQIA_CURRENT_Q_DEPTH, 70_000);
        answer(throughWire(r, X86_ENCODING));

        assertThat(admin.queueDepth("QM1", "QM1.TO.BANK.XMITQ")).isEqualTo(70_000);
    }

    /** 10-12 are not MQCHS_* values in CMQCFC (9.4.4 allclient), nor is 99: none is guessed at. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {10, 11, 12, 99})
    void aChannelStatusNumberWithoutAnMqscWordIsRefusedNotPassedOn(int value) throws Exception {
        PCFMessage r = response(MQCMD_INQUIRE_CHANNEL_STATUS);
        r.addParameter(MQCACH_CHANNEL_NAME, "QM1.TO.BANK");
        r.addParameter(MQIACH_CHANNEL_TYPE, MQCHT_SENDER);
        r.addParameter(MQIACH_CHANNEL_STATUS, value);
        answer(throughWire(r, X86_ENCODING));

        assertThatThrownBy(() -> admin.channelStatus("QM1", "QM1.TO.BANK"))
                .isInstanceOf(MqAdminException.class)
                .hasMessage("QM1: DISPLAY CHSTATUS(QM1.TO.BANK) ALL (PCF MQCMD_INQUIRE_CHANNEL_STATUS) returned STATUS"
                        + " value " + value + " that has no MQSC word: {CHANNEL=QM1.TO.BANK, CHLTYPE=SDR, STATUS="
                        + value + "}")
                .extracting(e -> ((MqAdminException) e).reason()).isEqualTo(MqAdminException.Reason.UNRECOGNISED_OUTPUT);
    }

    @Test
    void aClusterQueueManagerWithoutQmtypeIsRefused() throws Exception {
        PCFMessage r = response(MQCMD_INQUIRE_CLUSTER_Q_MGR);
        r.addParameter(MQCA_CLUSTER_Q_MGR_NAME, "FR1");
        answer(throughWire(r, X86_ENCODING));

        assertThatThrownBy(() -> admin.clusterQueueManagers("PR1", "FR1"))
                .isInstanceOf(MqAdminException.class)
                .hasMessage("PR1: DISPLAY CLUSQMGR(FR1) ALL (PCF MQCMD_INQUIRE_CLUSTER_Q_MGR) returned a response"
                        + " without QMTYPE: {CLUSQMGR=FR1}");
    }

    private void answer(PCFMessage... responses) throws Exception {
        when(wiring.agent().send(any())).thenReturn(responses);
    }

    static PCFMessage fr1AsSeenFromPr1() {
        PCFMessage r = response(MQCMD_INQUIRE_CLUSTER_Q_MGR);
        r.addParameter(MQCA_CLUSTER_Q_MGR_NAME, pad("FR1", MQ_Q_MGR_NAME_LENGTH));
        r.addParameter(MQCA_CLUSTER_NAME, pad("PAYCLUS", MQ_CLUSTER_NAME_LENGTH));
        r.addParameter(MQCACH_CHANNEL_NAME, pad("PAYCLUS.FR1", MQ_CHANNEL_NAME_LENGTH));
        r.addParameter(MQCA_Q_MGR_IDENTIFIER, pad("FR1_2026-11-01_08.15.02", MQ_Q_MGR_IDENTIFIER_LENGTH));
        r.addParameter(MQIACF_Q_MGR_TYPE, MQQMT_REPOSITORY);
        r.addParameter(MQIACF_SUSPEND, MQSUS_NO);
        r.addParameter(MQIACF_Q_MGR_DEFINITION_TYPE, MQQMDT_AUTO_CLUSTER_SENDER);
        r.addParameter(MQIACH_CHANNEL_STATUS, MQCHS_RUNNING);
        r.addParameter(MQCACH_CONNECTION_NAME, pad("fr1.example.com(1441)", MQ_CONN_NAME_LENGTH));
        r.addParameter(MQCA_CLUSTER_DATE, "2026-11-01");
        r.addParameter(MQCA_CLUSTER_TIME, "08.16.40");
        r.addParameter(MQCA_VERSION, "09040004");
        r.addParameter(MQIACH_CHANNEL_TYPE, MQCHT_CLUSSDR);
        r.addParameter(MQIACH_HB_INTERVAL, 300);
        return r;
    }

    private static PCFMessage pr3SuspendedAsSeenFromPr1() {
        PCFMessage r = response(MQCMD_INQUIRE_CLUSTER_Q_MGR);
        r.addParameter(MQCA_CLUSTER_Q_MGR_NAME, pad("PR3", MQ_Q_MGR_NAME_LENGTH));
        r.addParameter(MQCA_CLUSTER_NAME, pad("PAYCLUS", MQ_CLUSTER_NAME_LENGTH));
        r.addParameter(MQCACH_CHANNEL_NAME, pad("PAYCLUS.PR3", MQ_CHANNEL_NAME_LENGTH));
        r.addParameter(MQIACF_Q_MGR_TYPE, MQQMT_NORMAL);
        r.addParameter(MQIACF_SUSPEND, MQSUS_YES);
        r.addParameter(MQIACH_CHANNEL_STATUS, MQCHS_INACTIVE);
        r.addParameter(MQCACH_CONNECTION_NAME, pad("pr3.example.com(1453)", MQ_CONN_NAME_LENGTH));
        return r;
    }

    private static PCFMessage clusterQueue(String name, String hostedBy) {
        PCFMessage r = response(MQCMD_INQUIRE_Q);
        r.addParameter(MQCA_Q_NAME, pad(name, MQ_Q_NAME_LENGTH));
        r.addParameter(MQIA_Q_TYPE, MQQT_CLUSTER);
        r.addParameter(MQCA_CLUSTER_NAME, pad("PAYCLUS", MQ_CLUSTER_NAME_LENGTH));
        r.addParameter(MQCA_CLUSTER_Q_MGR_NAME, pad(hostedBy, MQ_Q_MGR_NAME_LENGTH));
        r.addParameter(MQIA_CLUSTER_Q_TYPE, MQCQT_LOCAL_Q);
        r.addParameter(MQIA_DEF_BIND, MQBND_BIND_NOT_FIXED);
        r.addParameter(MQIA_INHIBIT_PUT, MQQA_PUT_ALLOWED);
        return r;
    }

    /** MQ returns fixed-length string fields padded with blanks. */
    static String pad(String value, int length) {
        return String.format("%-" + length + "s", value);
    }
}
