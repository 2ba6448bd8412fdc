package io.mqrunbooks.application.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.mq.MqVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The maintained table: the shipped file loads, versions match the ranges, and bad records are named. */
class BulletinTableTest {

    private static SecurityBulletins shipped() throws IOException {
        try (InputStream in = BulletinTableTest.class.getResourceAsStream("/security/ibm-mq-bulletins.yaml")) {
            return BulletinTableReader.read("ibm-mq-bulletins.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static java.util.List<String> ids(SecurityBulletins table, String version) {
        return table.affecting(MqVersion.of(version)).stream().map(SecurityBulletin::id).toList();
    }

    @Test
    void theShippedTableMatchesTheIssuesRangesPerStream() throws IOException {
        SecurityBulletins table = shipped();
        // CVE-2026-10027: 9.4.0.0–9.4.0.25 LTS, 9.4.1–9.4.5.1 CD and 10.0.0.0 (issue 19).
        assertThat(ids(table, "9.4.0.0")).containsExactly("CVE-2026-1713", "CVE-2026-10027");
        assertThat(ids(table, "9.4.0.25")).containsExactly("CVE-2026-10027");
        assertThat(ids(table, "9.4.0.26")).isEmpty();
        assertThat(ids(table, "9.4.1")).containsExactly("CVE-2026-1713", "CVE-2026-10027");
        assertThat(ids(table, "9.4.5.1")).containsExactly("CVE-2026-10027");
        assertThat(ids(table, "9.4.5.2")).isEmpty();
        assertThat(ids(table, "10.0.0.0")).containsExactly("CVE-2026-10027");
        assertThat(ids(table, "10.0.0.1")).isEmpty();
        assertThat(ids(table, "9.3.0.36")).containsExactly("CVE-2026-1713");
        assertThat(ids(table, "9.2.0.0")).isEmpty();
    }

    @Test
    void aTargetVersionGetsOneLine() throws IOException {
        SecurityBulletins table = shipped();
        assertThat(table.targetWarning(MqVersion.of("10.0.0.0"))).isEqualTo("WARNING: the target version 10.0.0.0 is"
                + " affected by CVE-2026-10027 (10.0.0.0 LTS; no fix listed; https://www.cve.org/CVERecord?id=CVE-2026-10027)");
        assertThat(table.targetWarning(MqVersion.of("9.4.5.2"))).isEqualTo("No bulletin of the table affects 9.4.5.2.");
    }

    @Test
    void streamsFollowTheModificationDigit() {
        assertThat(SecurityBulletin.Stream.of(MqVersion.of("9.4.0.17"))).isEqualTo(SecurityBulletin.Stream.LTS);
        assertThat(SecurityBulletin.Stream.of(MqVersion.of("9.4.1"))).isEqualTo(SecurityBulletin.Stream.CD);
    }

    private static String table(String record) {
        return "bulletins:\n" + record;
    }

    private static final String GOOD = """
              - id: CVE-2026-1713
                title: IBM MQ authority vulnerability
                affected:
                  - { stream: LTS, from: 9.4.0.0, to: 9.4.0.17 }
                fixedIn: [9.4.0.20]
                source: https://nvd.nist.gov/vuln/detail/CVE-2026-1713
            """;

    @Test
    void aGoodRecordLoads() {
        SecurityBulletin bulletin = BulletinTableReader.read("t.yaml", table(GOOD)).bulletins().get(0);
        assertThat(bulletin.affected()).hasToString("[9.4.0.0–9.4.0.17 LTS]");
        assertThat(bulletin.fixedIn()).containsExactly(MqVersion.of("9.4.0.20"));
    }

    @Test
    void aVersionThatIsNotOneIsRefusedNamingRecordAndField() {
        assertThatThrownBy(() -> BulletinTableReader.read("t.yaml", table(GOOD.replace("to: 9.4.0.17", "to: 9.4.x"))))
                .isInstanceOf(BulletinTableException.class)
                .hasMessage("t.yaml: bulletin 1 (CVE-2026-1713), field affected[1].to: '9.4.x' is not an IBM MQ"
                        + " version (e.g. 9.4.0.0)");
    }

    @Test
    void aRangeOfTheWrongStreamIsRefused() {
        assertThatThrownBy(() -> BulletinTableReader.read("t.yaml", table(GOOD.replace("LTS", "CD"))))
                .hasMessageStartingWith("t.yaml: bulletin 1 (CVE-2026-1713), field affected[1]: 9.4.0.0 is not a CD"
                        + " version");
    }

    @Test
    void aBackwardRangeIsRefused() {
        assertThatThrownBy(() -> BulletinTableReader.read("t.yaml", table(GOOD.replace("from: 9.4.0.0", "from: 9.4.0.18"))))
                .hasMessage("t.yaml: bulletin 1 (CVE-2026-1713), field affected[1]: from 9.4.0.18 is after to 9.4.0.17");
    }

    @Test
    void aFixInsideTheAffectedRangeIsRefused() {
        assertThatThrownBy(() -> BulletinTableReader.read("t.yaml", table(GOOD.replace("[9.4.0.20]", "[9.4.0.10]"))))
                .hasMessage("t.yaml: bulletin 1 (CVE-2026-1713), field fixedIn[1]: 9.4.0.10 lies inside the affected"
                        + " range 9.4.0.0–9.4.0.17 LTS");
    }

    @Test
    void missingOrMisspeltFieldsAreNamed() {
        assertThatThrownBy(() -> BulletinTableReader.read("t.yaml", table(GOOD.replace("fixedIn:", "fixed_in:"))))
                .hasMessage("t.yaml: bulletin 1 (CVE-2026-1713), field fixed_in: unknown field; expected only"
                        + " [affected, fixedIn, id, source, title]");
        assertThatThrownBy(() -> BulletinTableReader.read("t.yaml", table(GOOD.replace("CVE-2026-1713\n", "2026-1713\n"))))
                .hasMessage("t.yaml: bulletin 1 (2026-1713), field id: '2026-1713' is not a CVE id such as CVE-2026-1713");
        assertThatThrownBy(() -> BulletinTableReader.read("t.yaml", table(GOOD.replace("https://nvd", "http://nvd"))))
                .hasMessageContaining("field source: 'http://nvd.nist.gov/vuln/detail/CVE-2026-1713' is not an https");
        assertThatThrownBy(() -> BulletinTableReader.read("t.yaml", table(GOOD + GOOD)))
                .hasMessage("t.yaml: bulletin 2 (CVE-2026-1713): field id: CVE-2026-1713 is listed twice");
        assertThatThrownBy(() -> BulletinTableReader.read("t.yaml", "bulletins: []"))
                .hasMessage("t.yaml: expected a list 'bulletins:' with at least one bulletin");
    }
}
