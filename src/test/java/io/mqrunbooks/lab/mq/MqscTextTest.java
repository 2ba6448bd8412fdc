package io.mqrunbooks.lab.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.lab.mq.MqscText.Token;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MqscTextTest {

    @Test
    void foldsUnquotedTextAndKeepsQuotedTextWithDoubledQuotes() throws Exception {
        List<Token> tokens = MqscText.tokenize("def ql(app.q) descr('It''s mine') conname (fr1(1441)) REPLACE");
        assertThat(tokens).extracting(Token::keyword).containsExactly("DEF", "QL", "DESCR", "CONNAME", "REPLACE");
        assertThat(tokens).extracting(Token::value).containsExactly(null, "APP.Q", "It's mine", "FR1(1441)", null);
        assertThat(tokens.get(2).quoted()).isTrue();
    }

    @Test
    void whereKeepsItsRawText() throws Exception {
        assertThat(MqscText.tokenize("DIS QC(*) WHERE(clusqmgr eq 'pr3')").get(2).value()).isEqualTo("clusqmgr eq 'pr3'");
    }

    @Test
    void unbalancedTextIsASyntaxErrorAtItsEnd() {
        assertThatThrownBy(() -> MqscText.tokenize("DEFINE QLOCAL(X")).isInstanceOf(MqscText.SyntaxError.class)
                .satisfies(e -> assertThat(((MqscText.SyntaxError) e).end).isEqualTo(15));
        assertThatThrownBy(() -> MqscText.tokenize("ALTER QLOCAL(X) DESCR('open")).isInstanceOf(MqscText.SyntaxError.class);
    }

    @Test
    void longAttributesStandAlone() {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("QMNAME", "QM1");
        attrs.put("SSLKEYR", "/var/mqm/qmgrs/A.VERY.LONG.QUEUE.MANAGER.NAME/ssl/key");
        attrs.put("SYNCPT", null);
        attrs.put("DESCR", "");
        assertThat(MqscText.layout(attrs)).containsExactly(
                "   QMNAME(QM1)",
                "   SSLKEYR(/var/mqm/qmgrs/A.VERY.LONG.QUEUE.MANAGER.NAME/ssl/key)",
                "   SYNCPT                                  DESCR( )");
    }

    @Test
    void optionsRejectNonsense() {
        assertThatThrownBy(() -> LabMqOptions.defaults().withSyncRateKbPerSecond(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("syncRateKbPerSecond must be positive, was 0.0");
    }
}
