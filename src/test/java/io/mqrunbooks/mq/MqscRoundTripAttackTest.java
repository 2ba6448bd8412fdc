package io.mqrunbooks.mq;

import static org.assertj.core.api.Assertions.assertThat;

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
        MqscDefinitions primary = MqscParser.parse(PRIMARY_EXPORT);
        MqscObject channel = primary.channel("APP.SVRCONN").orElseThrow();
        DefinitionScript script = DefinitionScript.replacing(java.util.List.of(channel), primary, "baseline #1 of QM1");

        // What the adapters send after their own check (DefinitionScript.checkedMqsc), read back as objects.
        MqscObject sent = DefinitionScript.parse(DefinitionScript.checkedMqsc("QM1B", script.mqsc())).objects().get(0);

        // Either the export is refused, or what is sent is what was approved (and flagged as the product defines it).
        assertThat(sent.attributes()).as("attributes sent to the backup vs. the primary's approved definition")
                .isEqualTo(channel.attributes());
        assertThat(script.flagged()).as("privileged channels flagged for the report")
                .hasSameSizeAs(DefinitionScript.privilege(sent, primary).stream().toList());
    }
}
