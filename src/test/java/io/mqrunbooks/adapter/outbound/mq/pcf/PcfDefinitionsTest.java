package io.mqrunbooks.adapter.outbound.mq.pcf;

import static com.ibm.mq.constants.MQConstants.*;
import static io.mqrunbooks.adapter.outbound.mq.pcf.PcfFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.ibm.mq.headers.MQDataException;
import com.ibm.mq.headers.pcf.PCFException;
import com.ibm.mq.headers.pcf.PCFMessage;
import io.mqrunbooks.mq.DefinitionScript;
import io.mqrunbooks.mq.UnsafeArgumentException;
import io.mqrunbooks.application.port.out.mq.MqAdminException;
import io.mqrunbooks.application.port.out.mq.MqAdminException.Reason;
import io.mqrunbooks.application.port.out.mq.MqscScriptResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * exportDefinitions renders inquire responses as DEFINE ... REPLACE; applyDefinitions splits a script the way
 * runmqsc does and sends each command in an Escape PCF (https://www.ibm.com/docs/en/ibm-mq/9.1.x?topic=
 * formats-pcf-commands-responses-in-groups lists Escape and its response on Multiplatforms), counting errors.
 * AMQ message texts are IBM's (AMQ8006I and AMQ8405E as shown in "Using MQSC commands interactively",
 * https://www.ibm.com/support/knowledgecenter/SSFKSJ_9.0.0/com.ibm.mq.adm.doc/q020660_.html).
 */
class PcfDefinitionsTest {

    private final PcfFixtures.Wiring wiring = wiring();
    private final PcfMqAdmin admin = new PcfMqAdmin(wiring.factory());
    private final List<PCFMessage> sent = new ArrayList<>();

    static final String EXPORTED = """
            * Definitions of QM1 exported by mq-runbooks over PCF (SYSTEM.* objects excluded)
            DEFINE QLOCAL('APP.IN') +
                   DESCR('Payments'' inbound') +
                   PUT(ENABLED) +
                   GET(ENABLED) +
                   DEFPSIST(YES) +
                   MAXDEPTH(50000) +
                   USAGE(NORMAL) +
                   CLUSTER('') +
                   DEFBIND(OPEN) +
                   REPLACE
            DEFINE QLOCAL('QM1.TO.BANK.XMITQ') +
                   DEFPSIST(YES) +
                   USAGE(XMITQ) +
                   REPLACE
            DEFINE QALIAS('APP.ALIAS') +
                   TARGET('APP.IN') +
                   TARGTYPE(QUEUE) +
                   REPLACE
            DEFINE QREMOTE('BANK.PAYMENTS') +
                   RNAME('PAYMENTS.IN') +
                   RQMNAME('BANKGW') +
                   XMITQ('QM1.TO.BANK.XMITQ') +
                   REPLACE
            DEFINE CHANNEL('QM1.TO.BANK') CHLTYPE(SDR) +
                   TRPTYPE(TCP) +
                   DESCR('') +
                   HBINT(300) +
                   SSLCIPH('') +
                   CONNAME('127.0.0.1(1471)') +
                   XMITQ('QM1.TO.BANK.XMITQ') +
                   REPLACE
            DEFINE CHANNEL('MQRB.ADMIN.SVRCONN') CHLTYPE(SVRCONN) +
                   TRPTYPE(TCP) +
                   MCAUSER('') +
                   SSLCAUTH(REQUIRED) +
                   REPLACE
            DEFINE LISTENER('LISTENER.TCP') +
                   TRPTYPE(TCP) +
                   PORT(1414) +
                   IPADDR('') +
                   CONTROL(QMGR) +
                   REPLACE
            """;

    @Test
    void exportsQueuesChannelsAndListenersAsDefineReplace() throws Exception {
        answerInquiries();

        String script = admin.exportDefinitions("QM1");

        assertThat(script).isEqualTo(EXPORTED);
        assertThat(sent).extracting(PCFMessage::getCommand)
                .containsExactly(MQCMD_INQUIRE_Q, MQCMD_INQUIRE_CHANNEL, MQCMD_INQUIRE_LISTENER);
        assertThat(parameters(sent.get(0))).containsExactly(st(MQCA_Q_NAME, "*"), il(MQIACF_Q_ATTRS, MQIACF_ALL));
        assertThat(parameters(sent.get(1)))
                .containsExactly(st(MQCACH_CHANNEL_NAME, "*"), il(MQIACF_CHANNEL_ATTRS, MQIACF_ALL));
        assertThat(parameters(sent.get(2)))
                .containsExactly(st(MQCACH_LISTENER_NAME, "*"), il(MQIACF_LISTENER_ATTRS, MQIACF_ALL));
        verify(wiring.queueManager()).disconnect();
    }

    @Test
    void theExportSplitsIntoOneWholeCommandPerObject() {
        List<String> commands = DefinitionScript.checkedCommands("QM1", EXPORTED);

        assertThat(commands).hasSize(7);
        assertThat(commands.get(1)).isEqualTo("DEFINE QLOCAL('QM1.TO.BANK.XMITQ') DEFPSIST(YES) USAGE(XMITQ) REPLACE");
        assertThat(commands).allSatisfy(c -> assertThat(c).startsWith("DEFINE ").endsWith(" REPLACE"));
    }

    @Test
    void anExportedValueWithoutAnMqscWordStopsTheExport() throws Exception {
        PCFMessage odd = queue("APP.ODD", MQQT_LOCAL);
        odd.addParameter(MQIA_DEF_BIND, 7);
        when(wiring.agent().send(any())).thenAnswer(inv -> {
            PCFMessage request = inv.getArgument(0);
            return request.getCommand() == MQCMD_INQUIRE_Q ? new PCFMessage[] {odd} : new PCFMessage[0];
        });

        assertThatThrownBy(() -> admin.exportDefinitions("QM1"))
                .hasMessage("QM1: cannot export DEFINE QLOCAL('APP.ODD'): attribute DEFBIND (MQIA_DEF_BIND) has value 7"
                        + " that has no MQSC word here")
                .extracting(e -> ((MqAdminException) e).reason()).isEqualTo(Reason.UNRECOGNISED_OUTPUT);
    }

    @Test
    void appliesEachCommandInAnEscapeAndCountsErrors() throws Exception {
        String script = """
                * DR definitions
                DEFINE QLOCAL('APP.IN') +
                       DESCR('inbound') +
                       REPLACE

                DEFINE QLOCAL('APP.BAD') MAXDEPTH(-1) REPLACE
                DEFINE QREMOTE('BANK.PAYMENTS') RNAME('PAYMENTS.IN') REPLACE
                """;
        when(wiring.agent().send(any())).thenAnswer(inv -> {
            PCFMessage request = inv.getArgument(0);
            sent.add(request);
            String command = (String) request.getParameterValue(MQCACF_ESCAPE_TEXT);
            if (command.contains("APP.BAD")) {
                return new PCFMessage[] {escapeResponse(
                        "AMQ8405E: Syntax error detected at or near end of command segment below:-")};
            }
            if (command.contains("QREMOTE")) {
                throw new PCFException(MQCC_FAILED, MQRC_NOT_AUTHORIZED, null);
            }
            return new PCFMessage[] {escapeResponse("AMQ8006I: IBM MQ queue created.")};
        });

        MqscScriptResult result = admin.applyDefinitions("QM1", script);

        assertThat(sent).extracting(r -> r.getParameterValue(MQCACF_ESCAPE_TEXT)).containsExactly(
                "DEFINE QLOCAL('APP.IN') DESCR('inbound') REPLACE",
                "DEFINE QLOCAL('APP.BAD') MAXDEPTH(-1) REPLACE",
                "DEFINE QREMOTE('BANK.PAYMENTS') RNAME('PAYMENTS.IN') REPLACE");
        assertThat(sent).allSatisfy(r -> assertThat(r.getParameterValue(MQIACF_ESCAPE_TYPE)).isEqualTo(MQET_MQSC));
        assertThat(result.commandsRead()).isEqualTo(3);
        assertThat(result.commandsWithErrors()).isEqualTo(2);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.output()).isEqualTo("""
                     1 : DEFINE QLOCAL('APP.IN') DESCR('inbound') REPLACE
                AMQ8006I: IBM MQ queue created.
                     2 : DEFINE QLOCAL('APP.BAD') MAXDEPTH(-1) REPLACE
                AMQ8405E: Syntax error detected at or near end of command segment below:-
                     3 : DEFINE QREMOTE('BANK.PAYMENTS') RNAME('PAYMENTS.IN') REPLACE
                PCF reason 2035 MQRC_NOT_AUTHORIZED
                3 MQSC commands read.
                2 commands had errors.
                """);
        verify(wiring.queueManager()).disconnect();
    }

    @Test
    void aBrokenConnectionStopsTheScript() throws Exception {
        when(wiring.agent().send(any())).thenThrow(new MQDataException(MQCC_FAILED, MQRC_CONNECTION_BROKEN, null));

        assertThatThrownBy(() -> admin.applyDefinitions("QM1", "DEFINE QLOCAL('A') REPLACE\nDEFINE QLOCAL('B') REPLACE"))
                .hasMessage("QM1: applying 2 MQSC commands (PCF MQCMD_ESCAPE) failed with reason 2009"
                        + " MQRC_CONNECTION_BROKEN")
                .extracting(e -> ((MqAdminException) e).reason()).isEqualTo(Reason.CONNECTION_BROKEN);
        verify(wiring.agent()).disconnect();
        verify(wiring.queueManager()).disconnect();
    }

    @Test
    void aScriptEndingInAContinuationIsRefusedAndNothingIsSent() {
        PcfMqAdmin neverConnects = new PcfMqAdmin(name -> {
            throw new AssertionError("must not connect");
        });

        assertThatThrownBy(() -> neverConnects.applyDefinitions("QM1", "DEFINE QLOCAL('A') +\n   DESCR('x') +\n"))
                .isInstanceOf(UnsafeArgumentException.class)
                .hasMessage("MQSC for QM1 refused, nothing was sent: MQSC line 1: the command is continued with '+' or "
                        + "'-' but the script ends before it does in: DEFINE QLOCAL('A') +");
        assertThatThrownBy(() -> neverConnects.applyDefinitions("QM1", "DEFINE QLOCAL('A') DESCR('x\ry')\n"))
                .hasMessageContaining("MQSC line 1: control character U+000D (carriage return)");
    }

    private void answerInquiries() throws Exception {
        when(wiring.agent().send(any())).thenAnswer(inv -> {
            PCFMessage request = inv.getArgument(0);
            sent.add(request);
            return switch (request.getCommand()) {
                case MQCMD_INQUIRE_Q -> wire(queues());
                case MQCMD_INQUIRE_CHANNEL -> wire(channels());
                case MQCMD_INQUIRE_LISTENER -> wire(listeners());
                default -> throw new AssertionError("unexpected command " + request.getCommand());
            };
        });
    }

    private static PCFMessage[] wire(List<PCFMessage> responses) throws Exception {
        PCFMessage[] result = new PCFMessage[responses.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = throughWire(responses.get(i), X86_ENCODING);
        }
        return result;
    }

    private static List<PCFMessage> queues() {
        PCFMessage remote = queue("BANK.PAYMENTS", MQQT_REMOTE);
        remote.addParameter(MQCA_REMOTE_Q_NAME, "PAYMENTS.IN");
        remote.addParameter(MQCA_REMOTE_Q_MGR_NAME, "BANKGW");
        remote.addParameter(MQCA_XMIT_Q_NAME, "QM1.TO.BANK.XMITQ");
        PCFMessage xmitq = queue("QM1.TO.BANK.XMITQ", MQQT_LOCAL);
        xmitq.addParameter(MQIA_USAGE, MQUS_TRANSMISSION);
        xmitq.addParameter(MQIA_DEF_PERSISTENCE, MQPER_PERSISTENT);
        PCFMessage alias = queue("APP.ALIAS", MQQT_ALIAS);
        alias.addParameter(MQCA_BASE_OBJECT_NAME, "APP.IN");
        alias.addParameter(MQIA_BASE_TYPE, MQOT_Q);
        PCFMessage local = queue("APP.IN", MQQT_LOCAL);
        local.addParameter(MQCA_Q_DESC, PcfResponseParsingTest.pad("Payments' inbound", MQ_Q_DESC_LENGTH));
        local.addParameter(MQIA_INHIBIT_PUT, MQQA_PUT_ALLOWED);
        local.addParameter(MQIA_INHIBIT_GET, MQQA_GET_ALLOWED);
        local.addParameter(MQIA_DEF_PERSISTENCE, MQPER_PERSISTENT);
        local.addParameter(MQIA_MAX_Q_DEPTH, 50000);
        local.addParameter(MQIA_USAGE, MQUS_NORMAL);
        local.addParameter(MQCA_CLUSTER_NAME, PcfResponseParsingTest.pad("", MQ_CLUSTER_NAME_LENGTH));
        local.addParameter(MQIA_CURRENT_Q_DEPTH, 12);
        local.addParameter(MQIA_DEF_BIND, MQBND_BIND_ON_OPEN);
        PCFMessage system = queue("SYSTEM.DEFAULT.LOCAL.QUEUE", MQQT_LOCAL);
        return List.of(remote, xmitq, system, alias, local);
    }

    private static List<PCFMessage> channels() {
        PCFMessage sender = channel("QM1.TO.BANK", MQCHT_SENDER);
        sender.addParameter(MQIACH_XMIT_PROTOCOL_TYPE, MQXPT_TCP);
        sender.addParameter(MQCACH_DESC, "");
        sender.addParameter(MQCACH_CONNECTION_NAME, "127.0.0.1(1471)");
        sender.addParameter(MQCACH_XMIT_Q_NAME, "QM1.TO.BANK.XMITQ");
        sender.addParameter(MQIACH_HB_INTERVAL, 300);
        sender.addParameter(MQCACH_SSL_CIPHER_SPEC, "");
        PCFMessage svrconn = channel("MQRB.ADMIN.SVRCONN", MQCHT_SVRCONN);
        svrconn.addParameter(MQIACH_XMIT_PROTOCOL_TYPE, MQXPT_TCP);
        svrconn.addParameter(MQCACH_MCA_USER_ID, "");
        svrconn.addParameter(MQIACH_SSL_CLIENT_AUTH, MQSCA_REQUIRED);
        PCFMessage clntconn = channel("MQRB.ADMIN.SVRCONN", MQCHT_CLNTCONN);
        PCFMessage system = channel("SYSTEM.DEF.SENDER", MQCHT_SENDER);
        return List.of(svrconn, system, clntconn, sender);
    }

    private static List<PCFMessage> listeners() {
        PCFMessage tcp = new PCFMessage(MQCFT_RESPONSE, MQCMD_INQUIRE_LISTENER, 1, true);
        tcp.addParameter(MQCACH_LISTENER_NAME, "LISTENER.TCP");
        tcp.addParameter(MQIACH_XMIT_PROTOCOL_TYPE, MQXPT_TCP);
        tcp.addParameter(MQIACH_PORT, 1414);
        tcp.addParameter(MQCACH_IP_ADDRESS, "");
        tcp.addParameter(MQIACH_LISTENER_CONTROL, MQSVC_CONTROL_Q_MGR);
        PCFMessage system = new PCFMessage(MQCFT_RESPONSE, MQCMD_INQUIRE_LISTENER, 1, true);
        system.addParameter(MQCACH_LISTENER_NAME, "SYSTEM.DEFAULT.LISTENER.TCP");
        system.addParameter(MQIACH_XMIT_PROTOCOL_TYPE, MQXPT_TCP);
        return List.of(system, tcp);
    }

    private static PCFMessage queue(String name, int type) {
        PCFMessage r = new PCFMessage(MQCFT_RESPONSE, MQCMD_INQUIRE_Q, 1, true);
        r.addParameter(MQCA_Q_NAME, PcfResponseParsingTest.pad(name, MQ_Q_NAME_LENGTH));
        r.addParameter(MQIA_Q_TYPE, type);
        return r;
    }

    private static PCFMessage channel(String name, int type) {
        PCFMessage r = new PCFMessage(MQCFT_RESPONSE, MQCMD_INQUIRE_CHANNEL, 1, true);
        r.addParameter(MQCACH_CHANNEL_NAME, PcfResponseParsingTest.pad(name, MQ_CHANNEL_NAME_LENGTH));
        r.addParameter(MQIACH_CHANNEL_TYPE, type);
        return r;
    }

    private static PCFMessage escapeResponse(String text) {
        PCFMessage r = new PCFMessage(MQCFT_RESPONSE, MQCMD_ESCAPE, 1, true);
        r.addParameter(MQIACF_ESCAPE_TYPE, MQET_MQSC);
        r.addParameter(MQCACF_ESCAPE_TEXT, text);
        return r;
    }
}
