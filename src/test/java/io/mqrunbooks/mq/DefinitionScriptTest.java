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

    @Test
    void anAuthinfoThatLetsClientsInUncheckedOrAsksAnLdapServerIsFlagged() {
        MqscDefinitions source = MqscParser.parse("""
                ALTER QMGR CONNAUTH('USE.OS')
                DEFINE AUTHINFO('USE.OS') AUTHTYPE(IDPWOS) CHCKCLNT(OPTIONAL)
                DEFINE AUTHINFO('STRICT.OS') AUTHTYPE(IDPWOS) CHCKCLNT(REQDADM)
                DEFINE AUTHINFO('CORP.LDAP') AUTHTYPE(IDPWLDAP) CONNAME('ldap.elsewhere(636)') CHCKCLNT(REQUIRED)
                DEFINE CHANNEL('APP.SVRCONN') CHLTYPE(SVRCONN) MCAUSER(' ')
                """);
        List<MqscObject> replayed = source.objects().stream().filter(o -> !o.key().type().equals("QMGR")).toList();
        assertThat(DefinitionScript.replacing(replayed, source, "baseline #6 of QM1").flagged()).containsExactly(
                "AUTHINFO('CORP.LDAP') takes clients' user ids and passwords to the LDAP server at"
                        + " CONNAME('ldap.elsewhere(636)'), as in baseline #6 of QM1",
                "AUTHINFO('USE.OS') lets clients connect without proving a user id (CHCKCLNT(OPTIONAL)), as in baseline #6"
                        + " of QM1",
                // STRICT.OS would check clients, but the queue manager's CONNAUTH names USE.OS
                "SVRCONN CHANNEL('APP.SVRCONN') has a blank MCAUSER (clients run as the user id they assert) and no"
                        + " AUTHINFO with CHCKCLNT(REQUIRED) or CHCKCLNT(REQDADM), as in baseline #6 of QM1");
    }

    @Test
    void definitionsThatRunCodeOrGrantAnIdentityAreFlaggedFromTheSourceAndRefusedOtherwise() {
        MqscDefinitions source = MqscParser.parse("""
                DEFINE SERVICE('AGENT') SERVTYPE(SERVER) STOPCMD('/usr/bin/pkill') STARTCMD(' ')
                DEFINE PROCESS('PAY.TRIGGER') APPLICID('/opt/pay/bin/start')
                DEFINE CHANNEL('QM2.TO.QM1') CHLTYPE(RCVR) MCAUSER(' ')
                DEFINE CHANNEL('PARTNER.RQSTR') CHLTYPE(RQSTR) MCAUSER('app') PUTAUT(CTX)
                DEFINE CHANNEL('APP.SVRCONN') CHLTYPE(SVRCONN) MCAUSER('app') MSGEXIT('/x(A)',' ') RCVEXIT(' ')
                DEFINE CHANNEL('QM1.TO.QM2') CHLTYPE(SDR) CONNAME('east(1414)') XMITQ('QM2')
                DEFINE QLOCAL('QM2') USAGE(XMITQ)
                DEFINE SERVICE('IDLE') SERVTYPE(COMMAND) STARTCMD(' ')
                """);

        assertThat(DefinitionScript.replacing(source.objects(), source, "baseline #7 of QM1").flagged()).containsExactly(
                "PROCESS('PAY.TRIGGER') names an application a trigger monitor starts: APPLICID('/opt/pay/bin/start'), "
                        + "as in baseline #7 of QM1",
                "SVRCONN CHANNEL('APP.SVRCONN') loads exit code into the queue manager (runs as mqm): MSGEXIT('/x(A)',' '), "
                        + "as in baseline #7 of QM1",
                "RQSTR CHANNEL('PARTNER.RQSTR') puts messages as the user id its partner writes in them (PUTAUT(CTX)), "
                        + "as in baseline #7 of QM1",
                "RCVR CHANNEL('QM2.TO.QM1') puts what its partner sends as MCAUSER(' ') (blank: the channel's own user "
                        + "id, mqm), as in baseline #7 of QM1",
                "SERVICE('AGENT') runs an operating system command as mqm: STOPCMD('/usr/bin/pkill'), as in baseline #7 "
                        + "of QM1");
        MqscObject service = source.find(new ObjectKey("SERVICE", "AGENT")).orElseThrow();
        assertThatThrownBy(() -> DefinitionScript.defining(service, true)).hasMessage("SERVICE('AGENT') runs an "
                + "operating system command as mqm: STOPCMD('/usr/bin/pkill'): refused, it is not from the source queue "
                + "manager's export");
    }

    @Test
    void aStandAloneKeywordTakesNoValueAndWhatIsRenderedMustReadBackAsTheObjectsChecked() {
        assertThatThrownBy(() -> MqscParser.parse("DEFINE QLOCAL('A') +\n  NOSHARE(MAXDEPTH(1))\n"))
                .isInstanceOf(MqscParseException.class)
                .hasMessage("MQSC line 1: QLOCAL 'A': NOSHARE stands alone and takes no value in parentheses, but is given "
                        + "(MAXDEPTH(1)) in: DEFINE QLOCAL('A') +");
        assertThatThrownBy(() -> new MqscObject(new ObjectKey("QLOCAL", "A"), Map.of("HARDENBO", "MCAUSER(MQM)"), 0))
                .hasMessage("QLOCAL('A') HARDENBO: stands alone (HARDENBO or NOHARDENBO), not MCAUSER(MQM)");
        // Any other value runmqsc would read differently is caught by reading the rendered MQSC back: a quoted value
        // with trailing blanks is read without them.
        MqscObject trailing = new MqscObject(new ObjectKey("QLOCAL", "A"), Map.of("DESCR", "'pay '"), 0);
        assertThatThrownBy(() -> DefinitionScript.defining(trailing, true)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the MQSC rendered for QLOCAL('A') reads back as QLOCAL('A') {DESCR='pay'}: refused, nothing is "
                        + "sent that differs from what was checked");
    }
}
