package io.mqrunbooks.mq;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Review 2026-12-08: a definition read from a (compromised) primary must be sent to the backup exactly as it was
 * understood, approved and checked for privilege. A stand-alone keyword (TRIGGER, SHARE, HARDENBO) given a value in
 * parentheses is kept as that keyword's value but rendered as the bare value, so another attribute reaches runmqsc.
 */
class MqscRoundTripAttackTest {

    static final String PRIMARY_EXPORT = """
            DEFINE AUTHINFO('SYSTEM.DEFAULT.AUTHINFO.IDPWOS') AUTHTYPE(IDPWOS) CHCKCLNT(REQDADM) REPLACE
            DEFINE CHANNEL('APP.SVRCONN') CHLTYPE(SVRCONN) TRIGGER(MCAUSER(MQM)) REPLACE
            """;

    @Test
    void aSwitchKeywordWithAValueDoesNotSmuggleAnotherAttributeToTheBackup() {
        // The export is refused (the first branch the review allows), naming the object and the attribute; so is the
        // same command given to the adapters' own check: nothing is sent.
        assertThatThrownBy(() -> MqscParser.parse(PRIMARY_EXPORT)).isInstanceOf(MqscParseException.class)
                .hasMessageContaining("CHANNEL 'APP.SVRCONN': TRIGGER stands alone and takes no value in parentheses, "
                        + "but is given (MCAUSER(MQM))");
        assertThatThrownBy(() -> DefinitionScript.checkedMqsc("QM1B", PRIMARY_EXPORT.lines().skip(1).findFirst().orElseThrow()))
                .isInstanceOf(UnsafeArgumentException.class).hasMessageContaining("TRIGGER stands alone");
    }
}
