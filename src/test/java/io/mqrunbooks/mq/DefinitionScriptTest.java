package io.mqrunbooks.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What may reach runmqsc (issue 16): typed, checked, rendered again; privileged client channels only from the source. */
class DefinitionScriptTest {

    static final String ADMIN_CHANNEL = "DEFINE CHANNEL('ADMIN.SVRCONN') CHLTYPE(SVRCONN) MCAUSER('mqm') REPLACE\n";

    @Test
    void aScriptIsRenderedAgainFromItsObjectsWithValuesQuotedAndApostrophesDoubled() {
        DefinitionScript script = DefinitionScript.parse("def ql(pay.in) descr('it''s (the) in queue') maxdepth(5000)\n"
                + "DEFINE QLOCAL('PAY.OUT') NOREPLACE\n");
        assertThat(script.mqsc()).isEqualTo("""
                DEFINE QLOCAL('PAY.IN') +
                   DESCR('it''s (the) in queue') +
                   MAXDEPTH(5000) +
                   REPLACE
                DEFINE QLOCAL('PAY.OUT') +
                   NOREPLACE
                """);
        assertThat(DefinitionScript.parse(script.mqsc()).mqsc()).isEqualTo(script.mqsc());
    }

    @Test
    void aRawCarriageReturnOrAnyOtherControlCharacterIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> DefinitionScript.parse("DEFINE QLOCAL('A') +\n   DESCR('x\rDEFINE CHANNEL(B)') +\n   REPLACE\n"))
                .isInstanceOf(MqscParseException.class)
                .hasMessage("MQSC line 2: control character U+000D (carriage return) at column 12; a script with control "
                        + "characters is refused (lines end with a line feed only)");
        assertThatThrownBy(() -> MqscParser.parse("* header\nDEFINE QLOCAL('A') DESCR('\u001b[2J')\n"))
                .hasMessageStartingWith("MQSC line 2: control character U+001B (escape) at column 27");
    }

    @Test
    void objectNamesFollowIbmMqsNamingRules() {
        assertThatThrownBy(() -> MqscParser.parse("DEFINE CHANNEL('A.CHANNEL.NAME.OVER.20') CHLTYPE(SDR)\n"))
                .hasMessage("MQSC line 1: CHANNEL name 'A.CHANNEL.NAME.OVER.20' is 22 characters; IBM MQ channel names "
                        + "allow at most 20 in: DEFINE CHANNEL('A.CHANNEL.NAME.OVER.20') CHLTYPE(SDR)");
        assertThatThrownBy(() -> MqscParser.parse("DEFINE QLOCAL('A B')\n"))
                .hasMessage("MQSC line 1: QLOCAL name 'A B' has characters IBM MQ does not allow in a name (only A-Z a-z "
                        + "0-9 . _ / %) in: DEFINE QLOCAL('A B')");
    }

    @Test
    void anObjectCannotBeMadeWithAValueThatWouldEndItsParentheses() {
        assertThatThrownBy(() -> new MqscObject(new ObjectKey("QLOCAL", "A"), Map.of("DESCR", "'x') DELETE QLOCAL('B'"), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("QLOCAL('A') DESCR: value 'x') DELETE QLOCAL('B' is neither a quoted string with its "
                        + "apostrophes doubled nor upper-case words and numbers");
        assertThat(new MqscObject(new ObjectKey("QLOCAL", "A"), Map.of("DESCR", MqscValues.quote("x') DELETE QLOCAL('B")), 0)
                .toMqsc()).contains("DESCR('x'') DELETE QLOCAL(''B') +");
    }

    @Test
    void onlyDefineOfObjectTypesIsSent() {
        assertThatThrownBy(() -> DefinitionScript.parse("ALTER QMGR CHLAUTH(DISABLED)\n"))
                .hasMessageStartingWith("MQSC line 1: QMGR is not sent to a queue manager by a runbook");
        assertThatThrownBy(() -> DefinitionScript.parse("SET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('nobody') ACTION(REPLACE)\n"))
                .hasMessageStartingWith("MQSC line 1: CHLAUTH('*') TYPE(BLOCKUSER) is not sent to a queue manager by a runbook");
        assertThatThrownBy(() -> DefinitionScript.parse("DEFINE QLOCAL('A')\nDELETE QLOCAL('B')\n"))
                .hasMessageStartingWith("MQSC line 2: 'DELETE' is not a definition command");
    }

    @Test
    void aPrivilegedClientChannelIsAppliedOnlyAsTheSourceExportHasItAndIsFlagged() {
        MqscDefinitions source = MqscParser.parse(ADMIN_CHANNEL);
        MqscObject channel = source.objects().iterator().next();

        DefinitionScript fromSource = DefinitionScript.replacing(List.of(channel), source, "baseline #3 of QM1");
        assertThat(fromSource.flagged()).containsExactly("SVRCONN CHANNEL('ADMIN.SVRCONN') runs its clients as "
                + "MCAUSER('mqm'), as in baseline #3 of QM1");

        assertThatThrownBy(() -> DefinitionScript.replacing(List.of(channel), MqscDefinitions.NONE, "baseline #4 of QM1"))
                .hasMessage("CHANNEL('ADMIN.SVRCONN') is not in baseline #4 of QM1 as it would be applied: refused (only "
                        + "definitions of the source export are applied)");
        assertThatThrownBy(() -> DefinitionScript.defining(channel, true))
                .hasMessage("SVRCONN CHANNEL('ADMIN.SVRCONN') runs its clients as MCAUSER('mqm'): refused, it is not from "
                        + "the source queue manager's export");
        MqscObject blank = MqscParser.parse("DEFINE CHANNEL('APP.SVRCONN') CHLTYPE(SVRCONN) MCAUSER(' ')\n")
                .objects().iterator().next();
        assertThatThrownBy(() -> DefinitionScript.defining(blank, true)).hasMessageStartingWith("SVRCONN "
                + "CHANNEL('APP.SVRCONN') has a blank MCAUSER (clients run as the user id they assert) and no AUTHINFO");
        MqscDefinitions checked = MqscParser.parse("DEFINE CHANNEL('APP.SVRCONN') CHLTYPE(SVRCONN) MCAUSER(' ')\n"
                + "DEFINE AUTHINFO('SYSTEM.DEFAULT.AUTHINFO.IDPWOS') AUTHTYPE(IDPWOS) CHCKCLNT(REQDADM)\n");
        assertThat(DefinitionScript.replacing(checked.objects(), checked, "baseline #5 of QM1").flagged()).isEmpty();
    }
}
