package io.mqrunbooks.runbooks.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.mq.DefinitionDiff;
import io.mqrunbooks.mq.MqscDefinitions;
import io.mqrunbooks.mq.MqscObject;
import io.mqrunbooks.mq.MqscParseException;
import io.mqrunbooks.mq.MqscParser;
import io.mqrunbooks.mq.ObjectKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MqscParserTest {

    private final MqscDefinitions monday = MqscParser.parse(Fixtures.read(Fixtures.MONDAY));

    @Test
    void readsDmpmqcfgOutputIntoCanonicalObjects() {
        assertThat(monday.objects()).extracting(o -> o.key().display()).containsExactly(
                "QMGR",
                "AUTHINFO('SYSTEM.DEFAULT.AUTHINFO.IDPWOS')",
                "QLOCAL('PAYMENT.BACKOUT')",
                "QLOCAL('PAYMENT.IN')",
                "QLOCAL('QM2.TO.BANK.XMIT')",
                "QREMOTE('QM2.TO.BANK.OUT')",
                "CHANNEL('QM2.TO.BANK')",
                "LISTENER('LISTENER.TCP')",
                "CHLAUTH('QM2.TO.BANK') TYPE(ADDRESSMAP) ADDRESS('127.0.0.1')",
                "AUTHREC PROFILE('PAYMENT.IN') OBJTYPE(QUEUE) PRINCIPAL('payapp')");
        MqscObject paymentIn = monday.find(new ObjectKey("QLOCAL", "PAYMENT.IN")).orElseThrow();
        assertThat(paymentIn.attributes()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("BOQNAME", "'PAYMENT.BACKOUT'"), Map.entry("BOTHRESH", "5"), Map.entry("DEFPSIST", "YES"),
                Map.entry("DESCR", "'Payments in (from the bank, see runbook 7)'"), Map.entry("GET", "ENABLED"),
                Map.entry("HARDENBO", "HARDENBO"), Map.entry("MAXDEPTH", "500000"), Map.entry("MAXMSGL", "4194304"),
                Map.entry("TRIGGER", "NOTRIGGER"), Map.entry("PUT", "ENABLED"), Map.entry("SHARE", "SHARE"),
                Map.entry("USAGE", "NORMAL")));
        assertThat(paymentIn.line()).isEqualTo(26);
        MqscObject channel = monday.find(new ObjectKey("CHANNEL", "QM2.TO.BANK")).orElseThrow();
        assertThat(channel.attributes()).containsEntry("CHLTYPE", "SDR")
                .containsEntry("CONNAME", "'127.0.0.1(1471)'")
                .containsEntry("DESCR", "'Sender to Bank of Example, it''s the (main) route'")
                .doesNotContainKeys("ALTDATE", "ALTTIME");
        assertThat(monday.find(new ObjectKey("QMGR", "")).orElseThrow().attributes())
                .containsEntry("DEADQ", "'SYSTEM.DEAD.LETTER.QUEUE'").containsEntry("DESCR", "' '")
                .doesNotContainKey("FORCE");
        assertThat(monday.find(new ObjectKey("AUTHREC", "PROFILE('PAYMENT.IN') OBJTYPE(QUEUE) PRINCIPAL('payapp')"))
                .orElseThrow().attributes()).containsExactlyEntriesOf(Map.of("AUTHADD", "BROWSE,GET,INQ,PUT"));
        assertThat(monday.objectCount()).isEqualTo(10);
    }

    @Test
    void theSameDefinitionsWrittenAnotherWayHaveTheSameHash() {
        MqscDefinitions wednesday = MqscParser.parse(Fixtures.read(Fixtures.WEDNESDAY_SAME));
        assertThat(DefinitionDiff.between(monday, wednesday).render()).isEqualTo("No differences.\n");
        assertThat(wednesday.sha256()).isEqualTo(monday.sha256()).hasSize(64);
        assertThat(wednesday.canonicalText()).isEqualTo(monday.canonicalText());
    }

    @Test
    void comparesAttributeByAttribute() {
        MqscDefinitions friday = MqscParser.parse(Fixtures.read(Fixtures.FRIDAY_CHANGED));
        DefinitionDiff diff = DefinitionDiff.between(monday, friday);
        assertThat(diff.counts()).isEqualTo("2 added, 1 removed, 1 changed");
        assertThat(diff.render()).isEqualTo("""
                + QLOCAL('QM2.TO.CARDS.XMIT')
                + CHANNEL('QM2.TO.CARDS')
                - QLOCAL('PAYMENT.BACKOUT')
                ~ QLOCAL('PAYMENT.IN')
                    BOQNAME: 'PAYMENT.BACKOUT' -> (not set)
                    MAXDEPTH: 500000 -> 900000
                """);
        assertThat(friday.sha256()).isNotEqualTo(monday.sha256());
    }

    @Test
    void rendersADefinitionAsDefineReplace() {
        MqscDefinitions friday = MqscParser.parse(Fixtures.read(Fixtures.FRIDAY_CHANGED));
        String define = friday.find(new ObjectKey("CHANNEL", "QM2.TO.CARDS")).orElseThrow().toMqsc();
        assertThat(define).isEqualTo("""
                DEFINE CHANNEL('QM2.TO.CARDS') +
                   CHLTYPE(SDR) +
                   CONNAME('cards-gw.example(1414),cards-gw2.example(1414)') +
                   DESCR('New payment channel to the card processor') +
                   TRPTYPE(TCP) +
                   XMITQ('QM2.TO.CARDS.XMIT') +
                   REPLACE""");
        assertThat(MqscParser.parse(define).find(new ObjectKey("CHANNEL", "QM2.TO.CARDS")).orElseThrow())
                .isEqualTo(new MqscObject(new ObjectKey("CHANNEL", "QM2.TO.CARDS"),
                        friday.find(new ObjectKey("CHANNEL", "QM2.TO.CARDS")).orElseThrow().attributes(), 1));
        assertThat(monday.find(new ObjectKey("QLOCAL", "PAYMENT.IN")).orElseThrow().toMqsc())
                .contains("   HARDENBO +\n").contains("   NOTRIGGER +\n").contains("   SHARE +\n");
    }

    @Test
    void unquotedNamesAndValuesAreUpperCaseQuotedOnesKeepTheirCase() {
        MqscDefinitions d = MqscParser.parse("def ql(payment.low) descr(low) \ndefine qlocal('payment.low') descr('low')\n");
        assertThat(d.objects()).extracting(o -> o.key().display() + " " + o.attributes())
                .containsExactly("QLOCAL('PAYMENT.LOW') {DESCR=LOW}", "QLOCAL('payment.low') {DESCR='low'}");
    }

    /** IBM's "MQSC input file syntax": '-' continues from the next line's start, '+' from its first non-blank. */
    @Test
    void continuationRulesOfRunmqsc() {
        MqscDefinitions d = MqscParser.parse("* comment\n"
                + "DEFINE QLOCAL('A') -\n"
                + "  DESCR('x-\n"
                + "  y')\n"
                + "DEFINE QLOCAL('B') +\n"
                + "\n"
                + "* comment inside a continued command\n"
                + "     MAXDEPTH(10) +\n"
                + "REPLACE;\n"
                + "DEFINE QLOCAL('C') DESCR('Fr+\n"
                + "   ed') -\n"
                + "   REPLACE\n");

        assertThat(d.objects()).extracting(o -> o.key().display() + " " + o.attributes()).containsExactly(
                "QLOCAL('A') {DESCR='x  y'}", "QLOCAL('B') {MAXDEPTH=10}", "QLOCAL('C') {DESCR='Fred'}");
    }

    @Test
    void unknownSyntaxIsAnErrorThatQuotesTheLine() {
        assertThatThrownBy(() -> MqscParser.parse("* header\nDEFINE QLOCL('X') REPLACE\n"))
                .isInstanceOf(MqscParseException.class)
                .hasMessage("MQSC line 2: unknown object type 'QLOCL' after DEFINE in: DEFINE QLOCL('X') REPLACE");
        assertThatThrownBy(() -> MqscParser.parse("DEFINE QLOCAL('X') +\n   DESCR('open +\n"))
                .hasMessage("MQSC line 1: the command is continued with '+' or '-' but the script ends before it does"
                        + " in: DEFINE QLOCAL('X') +");
        assertThatThrownBy(() -> MqscParser.parse("DEFINE QLOCAL('X') +\n   DESCR('not closed) +\n   REPLACE\n"))
                .hasMessage("MQSC line 1: a quoted string is not closed in: DEFINE QLOCAL('X') +");
        assertThatThrownBy(() -> MqscParser.parse("START LISTENER('LISTENER.TCP')\n"))
                .hasMessage("MQSC line 1: 'START' is not a definition command (a baseline holds DEFINE, ALTER QMGR, "
                        + "SET AUTHREC and SET CHLAUTH commands) in: START LISTENER('LISTENER.TCP')");
        assertThatThrownBy(() -> MqscParser.parse("DEFINE CHANNEL('A.B') TRPTYPE(TCP)\n"))
                .hasMessage("MQSC line 1: DEFINE CHANNEL has no CHLTYPE in: DEFINE CHANNEL('A.B') TRPTYPE(TCP)");
        assertThatThrownBy(() -> MqscParser.parse("DEFINE QLOCAL('X') PURGE\n"))
                .hasMessageStartingWith("MQSC line 1: 'PURGE' has no value in parentheses and is not a keyword that "
                        + "stands alone");
        assertThatThrownBy(() -> MqscParser.parse("DEFINE QLOCAL('X')\n\nDEFINE QL(X) MAXDEPTH(1)\n"))
                .hasMessage("MQSC line 3: QLOCAL('X') is defined twice (first on line 1) in: DEFINE QL(X) MAXDEPTH(1)");
        assertThatThrownBy(() -> MqscParser.parse("ALTER QLOCAL('X') MAXDEPTH(1)\n"))
                .hasMessage("MQSC line 1: ALTER QLOCAL is not a definition (a baseline holds DEFINE, ALTER QMGR, "
                        + "SET AUTHREC and SET CHLAUTH commands) in: ALTER QLOCAL('X') MAXDEPTH(1)");
    }
}
