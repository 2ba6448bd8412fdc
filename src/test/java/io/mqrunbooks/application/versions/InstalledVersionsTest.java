package io.mqrunbooks.application.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.mq.MqVersion;
import io.mqrunbooks.lab.LabTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate's version table: each host's dspmqver version, the bulletins on it, and the warnings. */
class InstalledVersionsTest {

    private final MqControlPort control = mock(MqControlPort.class);

    private InstalledVersions versions() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/security/ibm-mq-bulletins.yaml")) {
            return new InstalledVersions(LabTestSupport.estate(), control, BulletinTableReader.read("table",
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    @Test
    void eachHostShowsItsQueueManagersVersionAndBulletinsWithAWarningWhereAffected() throws IOException {
        when(control.version("dr1")).thenReturn(MqVersion.of("9.4.0.0"));
        when(control.version("dr2")).thenReturn(MqVersion.of("9.4.5.2"));

        VersionReport report = versions().read(List.of("dr2", "dr1"), List.of("QMDR"), null);

        assertThat(report.text()).isEqualTo("""
                Host  Queue manager  Installed  Bulletins
                dr1   QMDR           9.4.0.0    CVE-2026-1713, CVE-2026-10027
                dr2   QMDR           9.4.5.2    none known
                WARNING: dr1 runs 9.4.0.0, affected by CVE-2026-1713 (9.4.0.0–9.4.0.17 LTS; fixed in 9.4.0.20,\
                 9.4.5.0; https://nvd.nist.gov/vuln/detail/CVE-2026-1713), CVE-2026-10027 (9.4.0.0–9.4.0.25 LTS;\
                 no fix listed; https://www.cve.org/CVERecord?id=CVE-2026-10027)""");
    }

    @Test
    void anAffectedTargetIsWarnedAboutFirst() throws IOException {
        when(control.version("mqeast1")).thenReturn(MqVersion.of("9.4.5.2"));

        VersionReport report = versions().read(List.of("mqeast1"), List.of("QM1"), MqVersion.of("10.0.0.0"));

        assertThat(report.warnings()).containsExactly("WARNING: the target version 10.0.0.0 is affected by"
                + " CVE-2026-10027 (10.0.0.0 LTS; no fix listed; https://www.cve.org/CVERecord?id=CVE-2026-10027)");
        assertThat(report.text()).contains("Target version 10.0.0.0: CVE-2026-10027");
    }

    @Test
    void unaffectedVersionsSaySo() throws IOException {
        when(control.version("mqeast1")).thenReturn(MqVersion.of("9.4.0.26"));

        VersionReport report = versions().read(List.of("mqeast1"), List.of("QM1"), null);

        assertThat(report.warnings()).isEmpty();
        assertThat(report.text()).endsWith("mqeast1  QM1            9.4.0.26   none known\n"
                + "No bulletin of the table affects these versions.");
    }

    @Test
    void anUnreachableHostIsShownAsNotReadAndTheGateStillOpens() throws IOException {
        when(control.version("dr1")).thenThrow(new SshException(SshException.Kind.HOST_UNREACHABLE, "dr1",
                "dr1 (127.0.0.1:22101): connection refused"));
        when(control.version("dr2")).thenReturn(MqVersion.of("9.4.0.26"));

        VersionReport report = versions().read(List.of("dr1", "dr2"), List.of("QMDR"), null);

        assertThat(report.text()).isEqualTo("""
                Host  Queue manager  Installed  Bulletins
                dr1   QMDR           not read   -
                dr2   QMDR           9.4.0.26   none known
                dr1: dspmqver could not run: dr1 (127.0.0.1:22101): connection refused
                No bulletin of the table affects these versions.""");
    }

    @Test
    void aHostKeyProblemIsNotHiddenInTheTable() throws IOException {
        when(control.version("dr1")).thenThrow(new SshException(SshException.Kind.HOST_KEY_CHANGED, "dr1",
                "dr1: the host key changed"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> versions().read(List.of("dr1"), List.of("QMDR"), null))
                .hasMessage("dr1: the host key changed");
    }
}
