package io.mqrunbooks.adapter.outbound.mq.parse;

import io.mqrunbooks.mq.MqVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DspmqverParserTest {

    private final DspmqverParser parser = new DspmqverParser();

    @Test
    void readsMq80Block() {
        DspmqverResult result = parser.parse(Fixtures.read("dspmqver", "websphere-mq-8.0-linux.txt"));
        DspmqverResult.Installation inst = result.installations().get(0);
        assertThat(inst.name()).isEqualTo("WebSphere MQ");
        assertThat(inst.version()).isEqualTo(new MqVersion(8, 0, 0, 2));
        assertThat(inst.level()).isEqualTo("p800-002-150519.TRIAL");
        assertThat(inst.installationName()).isEqualTo("Installation1");
        assertThat(inst.installationPath()).isEqualTo("/opt/mqm");
        assertThat(inst.maxCommandLevel()).isEqualTo(801);
        assertThat(inst.fields()).containsEntry("InstDesc", "").containsEntry("LicenseType", "Trial")
                .containsEntry("O/S", "Linux 3.10.0-229.el7.x86_64");
        assertThat(result.otherInstallationsNotShown()).isNull();
    }

    @Test
    void readsMq75FieldOrder() {
        DspmqverResult.Installation inst = parser.parse(Fixtures.read("dspmqver", "websphere-mq-7.5-linux.txt"))
                .installations().get(0);
        assertThat(inst.version()).hasToString("7.5.0.0");
        assertThat(inst.maxCommandLevel()).isEqualTo(750);
    }

    @Test
    void readsSeveralInstallationsAndTheNote() {
        String output = """
                Name:        IBM MQ
                Version:     9.4.0.0
                Level:       p940-L240606
                BuildType:   IKAP - (Production)
                InstName:    Installation1
                InstPath:    /opt/mqm
                MaxCmdLevel: 940

                Name:        IBM MQ
                Version:     9.3.0.15
                InstName:    Installation2
                InstPath:    /opt/mqm93
                MaxCmdLevel: 930

                Note there are a number (1) of other installations, use the '-i' parameter to display them.
                """;
        DspmqverResult result = parser.parse(output.replace("\n", "\r\n"));
        assertThat(result.installations()).extracting(DspmqverResult.Installation::version)
                .containsExactly(MqVersion.parse("9.4.0.0"), MqVersion.parse("9.3.0.15"));
        assertThat(result.otherInstallationsNotShown()).isEqualTo(1);
    }

    @Test
    void versionsCompareNumerically() {
        assertThat(MqVersion.parse("9.4.0.0")).isGreaterThan(MqVersion.parse("9.3.0.15"));
        assertThat(MqVersion.parse("9.3.0.15")).isGreaterThan(MqVersion.parse("9.3.0.2"));
        assertThat(MqVersion.parse("9.4.0.0")).isGreaterThanOrEqualTo(MqVersion.parse("9.4.0.0"));
        assertThatThrownBy(() -> MqVersion.parse("9.4"))
                .hasMessage("'9.4' is not an IBM MQ version V.R.M.F such as 9.4.0.0");
    }

    @Test
    void refusesUnknownFieldsMissingVersionAndGarbage() {
        assertThatThrownBy(() -> parser.parse("Name:        IBM MQ\nFlavour:     Vanilla\nVersion: 9.4.0.0"))
                .hasMessageStartingWith("line 2 'Flavour:     Vanilla': expected a dspmqver field");
        assertThatThrownBy(() -> parser.parse("Name:        IBM MQ\nLevel:       p940-L240606\n"))
                .hasMessage("line 1 'Name:        IBM MQ': this block has no 'Version:'; output is incomplete");
        assertThatThrownBy(() -> parser.parse("Name:        IBM MQ\nVersion:     9.4.x.0\n"))
                .hasMessageContaining("'9.4.x.0' is not an IBM MQ version");
        // A lone Version line is real (dspmqver -f 2); a Version line before the output's Name line is not.
        assertThatThrownBy(() -> parser.parse("Version:     9.4.0.0\nName:        IBM MQ\nVersion:     9.4.0.0\n"))
                .hasMessage("line 1 'Version:     9.4.0.0': a dspmqver block starts with 'Name:'");
        assertThatThrownBy(() -> parser.parse("Name:        Kafka\nVersion:     9.4.0.0\n"))
                .hasMessageContaining("not an IBM MQ product name");
        assertThatThrownBy(() -> parser.parse("bash: dspmqver: command not found"))
                .hasMessageStartingWith("line 1 'bash: dspmqver: command not found'");
    }

    /**
     * dspmqver of MQ 9.4 on Linux as IBM prints it ("dspmqver (display version information)",
     * https://www.ibm.com/docs/en/ibm-mq/9.4.x?topic=reference-dspmqver-display-version-information), with an empty
     * InstDesc and CRLF. A bad value is refused quoting its own line, not the block's Name line.
     */
    @Test
    void readsA94BlockAndNamesTheLineOfABadValue() {
        String output = """
                Name:        IBM MQ
                Version:     9.4.0.0
                Level:       p940-L240606
                BuildType:   IKAP - (Production)
                Platform:    IBM MQ for Linux (x86-64 platform)
                Mode:        64-bit
                O/S:         Linux 5.14.0-427.13.1.el9_4.x86_64
                O/S Details: Red Hat Enterprise Linux 9.4 (Plow)
                InstName:    Installation1
                InstDesc:
                Primary:     No
                InstPath:    /opt/mqm
                DataPath:    /var/mqm
                MaxCmdLevel: 940
                LicenseType: Production
                ReleaseType: Long Term Support (LTS)
                """.replace("\n", "\r\n");
        DspmqverResult.Installation installation = parser.parse(output).installations().get(0);
        assertThat(installation.version()).isEqualTo(MqVersion.parse("9.4.0.0"));
        assertThat(installation.maxCommandLevel()).isEqualTo(940);
        assertThat(installation.fields()).containsEntry("InstDesc", "").containsEntry("ReleaseType", "Long Term Support (LTS)");

        assertThatThrownBy(() -> parser.parse(output.replace("9.4.0.0", "9.4")))
                .hasMessage("line 2 'Version:     9.4': '9.4' is not an IBM MQ version V.R.M.F such as 9.4.0.0");
        assertThatThrownBy(() -> parser.parse(output.replace("MaxCmdLevel: 940", "MaxCmdLevel: 9.4")))
                .hasMessage("line 14 'MaxCmdLevel: 9.4': MaxCmdLevel '9.4' is not a command level such as 940");
    }
}
