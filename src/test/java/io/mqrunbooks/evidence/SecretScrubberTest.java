package io.mqrunbooks.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretScrubberTest {

    private final SecretScrubber scrubber = new SecretScrubber();

    @Test
    void pemPrivateKeyBlocksAreRemovedWhole() {
        String output = """
                Generated key for mqm@drhost1:
                -----BEGIN OPENSSH PRIVATE KEY-----
                b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
                QyNTUxOQAAACDJ1q0Hn3Xh2nq8b0l7b3Vx1y9Zs0vXvE8dXh3y5sXqGAAAAJgk1x6vJNce
                -----END OPENSSH PRIVATE KEY-----
                done
                """;
        assertThat(scrubber.scrub(output)).isEqualTo("Generated key for mqm@drhost1:\n[REDACTED]\ndone\n");
        assertThat(scrubber.scrub("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----"))
                .isEqualTo("[REDACTED]");
        // A cut-off block (stdout capped mid-key) is removed to the end.
        assertThat(scrubber.scrub("x\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC"))
                .isEqualTo("x\n[REDACTED]");
    }

    @Test
    void passwordAssignmentsAndOptionsAreRedacted() {
        assertThat(scrubber.scrub("connect url=jdbc:mariadb://db1/mq password=S3cr3t! user=mqadmin"))
                .isEqualTo("connect url=jdbc:mariadb://db1/mq password=[REDACTED] user=mqadmin");
        assertThat(scrubber.scrub("MQ_ADMIN_PASSWORD=passw0rd\nPWD: 'hunter two'\n{\"keystorePasswd\": \"changeit\"}"))
                .isEqualTo("MQ_ADMIN_PASSWORD=[REDACTED]\nPWD: [REDACTED]\n{\"keystorePasswd\": [REDACTED]}");
        assertThat(scrubber.scrub("runmqakm -keydb -create -db key.kdb --password Sup3r -stash"))
                .isEqualTo("runmqakm -keydb -create -db key.kdb --password [REDACTED] -stash");
        assertThat(scrubber.scrub("sshpass -p 'S3cret' ssh mqm@drhost1")).isEqualTo("sshpass -p [REDACTED] ssh mqm@drhost1");
        assertThat(scrubber.scrub("mysql -uroot -pS3cret -e 'select 1'")).isEqualTo("mysql -uroot -p[REDACTED] -e 'select 1'");
        assertThat(scrubber.scrub("client_secret=abc")).isEqualTo("client_secret=[REDACTED]");
        // a quoted value is redacted whole, whatever it holds (doubled apostrophes, escaped double quotes)
        assertThat(scrubber.scrub("password='it''s, x' user=a {\"pwd\": \"a\\\"b, c\"}"))
                .isEqualTo("password=[REDACTED] user=a {\"pwd\": [REDACTED]}");
    }

    @Test
    void authorizationHeadersAndUrlCredentialsAreRedacted() {
        assertThat(scrubber.scrub("> GET /ibmmq/rest/v2/admin/qmgr HTTP/1.1\n> Authorization: Basic bXFhZG1pbjpwYXNzdzByZA==\n> Accept: */*"))
                .isEqualTo("> GET /ibmmq/rest/v2/admin/qmgr HTTP/1.1\n> Authorization: Basic [REDACTED]\n> Accept: */*");
        assertThat(scrubber.scrub("authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtcSJ9.c2lnbmF0dXJl"))
                .isEqualTo("authorization: Bearer [REDACTED]");
        assertThat(scrubber.scrub("curl -k https://mqadmin:passw0rd@mqweb1:9443/ibmmq/rest/v2/admin/qmgr"))
                .isEqualTo("curl -k https://mqadmin:[REDACTED]@mqweb1:9443/ibmmq/rest/v2/admin/qmgr");
    }

    @Test
    void longTokensAfterKeyWordsAreRedactedButOrdinaryWordsStay() {
        assertThat(scrubber.scrub("api_key=AKIAIOSFODNN7EXAMPLEKEY123")).isEqualTo("api_key=[REDACTED]");
        assertThat(scrubber.scrub("token: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"))
                .isEqualTo("token: [REDACTED]");
        assertThat(scrubber.scrub("\"accessKey\": \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\""))
                .isEqualTo("\"accessKey\": \"[REDACTED]\"");
        assertThat(scrubber.scrub("Key repository: /var/mqm/qmgrs/QM1/ssl/key")).isEqualTo("Key repository: /var/mqm/qmgrs/QM1/ssl/key");
        assertThat(scrubber.scrub("key distribution completed successfully")).isEqualTo("key distribution completed successfully");
    }

    @Test
    void mqscPasswordAttributesAreRedacted() {
        assertThat(scrubber.scrub("DEFINE AUTHINFO(LDAP.AUTH) AUTHTYPE(IDPWLDAP) CONNAME('ldap1(389)') LDAPUSER('cn=mq') LDAPPWD('Ld@pS3cret')"))
                .isEqualTo("DEFINE AUTHINFO(LDAP.AUTH) AUTHTYPE(IDPWLDAP) CONNAME('ldap1(389)') LDAPUSER('cn=mq') LDAPPWD([REDACTED])");
        assertThat(scrubber.scrub("ALTER QMGR KEYRPWD('k3yr1ng')")).isEqualTo("ALTER QMGR KEYRPWD([REDACTED])");
    }

    @Test
    void ordinaryMqOutputPassesUnchanged() {
        // DISPLAY CHANNEL output shape: https://www.ibm.com/docs/en/ibm-mq/9.4.x?topic=commands-display-channel
        String displayChannel = """
                AMQ8414I: Display Channel details.
                   CHANNEL(QM1.TO.PARTNER)                 CHLTYPE(SDR)
                   CONNAME(10.0.0.1(1414))                 DESCR( )
                   MCAUSER( )                              PASSWORD( )
                   SSLCIPH(ANY_TLS13)                      SSLKEYR( )
                   XMITQ(PARTNER.XMITQ)                    CERTLABL( )
                """;
        // rdqmstatus -m QM output: https://www.ibm.com/docs/en/ibm-mq/9.4.x?topic=recovery-viewing-dr-rdqm-status
        String rdqmstatus = """
                Queue manager status:                   Running
                CPU:                                    0.00%
                Memory:                                 123MB
                Queue manager file system:              51MB used, 1.0GB allocated [5%]
                DR role:                                Primary
                DR status:                              Synchronization in progress
                DR port:                                7001
                DR local IP address:                    192.168.20.1
                DR remote IP address:                   192.168.20.2
                DR out of sync data:                    0KB
                """;
        // endmqm -p (pre-emptive), rdqmdr -p (promote) and crtmqm -rr/-rp must not look like passwords.
        String commands = "endmqm -p QM1\nrdqmdr -m QM1 -p\ncrtmqm -rr s -rl 192.168.20.2 -ri 192.168.20.1 -rn drnode1 -rp 7001 QM1";
        String messages = "AMQ5540E: Application 'amqsput' did not supply a user ID and password\n"
                + "AMQ8146I: IBM MQ queue manager 'QM1' ended.\nCLUSQMGR(QM_FR1) QMID(QM_FR1_2026-11-21_05.00.00) STATUS(RUNNING)";
        for (String text : new String[] {displayChannel, rdqmstatus, commands, messages}) {
            assertThat(scrubber.scrub(text)).isEqualTo(text);
        }
    }

    @Test
    void secretVariableNamesAreRecognised() {
        assertThat(scrubber.isSecretName("adminPassword")).isTrue();
        assertThat(scrubber.isSecretName("apiToken")).isTrue();
        assertThat(scrubber.isSecretName("sshPrivateKey")).isTrue();
        assertThat(scrubber.isSecretName("businessKey")).isFalse();
        assertThat(scrubber.isSecretName("queueManager")).isFalse();
        assertThat(scrubber.isSecretName("reason")).isFalse();
    }
}
