package io.mqrunbooks.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Review 2026-12-08: the MQSC password attributes are redacted whole, whatever the quoted password holds (a ')' and a
 * doubled apostrophe are allowed in an MQSC quoted string).
 */
class MqscPasswordScrubAttackTest {

    @ParameterizedTest
    @ValueSource(strings = {"   LDAPPWD('S3cr)et''x9') +", "   PASSWORD('pa)ss') +"})
    void aQuotedPasswordHoldingAParenthesisIsRedactedWhole(String line) {
        String scrubbed = new SecretScrubber().scrub(line);
        assertThat(scrubbed).as(line).doesNotContain("et''x9").doesNotContain("ss')");
    }
}
