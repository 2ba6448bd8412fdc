package io.mqrunbooks.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryLoaderTest {

    private static final Path INVENTORIES = Path.of("src/test/resources/inventory");

    private final InventoryLoader loader = new InventoryLoader();

    @Test
    void labInventoryLoadsWithItsWholeTopology() throws IOException {
        Estate estate;
        try (Reader reader = new InputStreamReader(
                getClass().getResourceAsStream("/lab/lab-estate.yaml"), StandardCharsets.UTF_8)) {
            estate = loader.load("classpath:lab/lab-estate.yaml", reader);
        }

        assertThat(estate.sites()).extracting(Site::name).containsExactly("east", "west", "partners");
        assertThat(estate.hosts()).hasSize(25);
        assertThat(estate.queueManagers()).extracting(QueueManager::name)
                .containsExactly("QMDR", "QM1", "QM2", "QM3", "FR1", "FR2", "PR1", "PR2", "PR3", "MIQM", "QMHA1", "QMHA2",
                        "QMHA3", "QMNHA",
                        "BANKGW");
        assertThat(estate.queueManager("QMNHA").crossRegion()).isEqualTo(
                new NativeHaCrossRegion("NHAEAST", "NHAWEST", List.of("nhb1", "nhb2", "nhb3")));
        assertThat(estate.clusters()).hasSize(1);
        assertThat(estate.channelPartners()).hasSize(3);

        assertThat(estate.host("dr1")).isEqualTo(
                new Host("dr1", "127.0.0.1", 22101, "mqm", true, "east", "127.0.2.14"));
        assertThat(estate.host("mqeast1").replicationAddress()).isNull();
        assertThat(estate.queueManager("QMDR")).isEqualTo(new QueueManager("QMDR", QueueManagerKind.RDQM_DR,
                List.of("dr1", "dr2"), "LISTENER.TCP", 1502, Transport.MQSC_SSH, null,
                new DrReplication(7001, false), new Backup("QMDR", "dr2", BackupLevel.HOT)));
        assertThat(estate.queueManager("QM2").backup()).isEqualTo(new Backup("QM2_DR", "mqwest2", BackupLevel.WARM));
        assertThat(estate.queueManager("QM3").backup().level()).isEqualTo(BackupLevel.COLD);
        assertThat(estate.queueManager("MIQM").hosts()).containsExactly("mi1", "mi2");
        assertThat(estate.cluster("PAYCLUS").members()).containsExactly("FR1", "FR2", "PR1", "PR2", "PR3");
        assertThat(estate.partnersOf("QM1")).extracting(ChannelPartner::channel)
                .containsExactly("QM1.TO.BANK", "QM1.TO.CARDS");
        assertThat(estate.partnersOf("QM2").get(0)).isEqualTo(new ChannelPartner("Bank of Example",
                "Payments Operations, +44 20 7946 0000, mq-ops@bank.example", "QM2", "QM2.TO.BANK",
                "127.0.0.1(1471)", "Allow TCP from {backupHost} to {drConname} for channel {channel}"
                        + " (DR of {queueManager}, incident {incident})"));
    }

    @Test
    void defaultsApplyWhereTheFileIsSilent() {
        Estate estate = loader.load(INVENTORIES.resolve("good/defaults.yaml"));

        Host mq1 = estate.host("mq1");
        assertThat(mq1.port()).isEqualTo(22);
        assertThat(mq1.sudo()).isFalse();
        assertThat(mq1.replicationAddress()).isNull();
        QueueManager qm1 = estate.queueManager("QM1");
        assertThat(qm1.transport()).isEqualTo(Transport.MQSC_SSH);
        assertThat(qm1.pcf()).isNull();
        assertThat(qm1.drReplication()).isNull();
        assertThat(qm1.backup()).isEqualTo(new Backup("QM1_DR", "mq2", BackupLevel.COLD));
        assertThat(estate.cluster("PAYCLUS").partialRepositories()).isEmpty();
    }

    @Test
    void explicitSettingsOverrideTheDefaults() {
        Estate estate = loader.load(INVENTORIES.resolve("good/explicit.yaml"));

        assertThat(estate.host("ha1")).isEqualTo(new Host("ha1", "ha1.example.com", 2222, "mqadmin", true, "east", null));
        assertThat(estate.host("dr2").replicationAddress()).isEqualTo("dr2-repl.example.com");
        QueueManager ha = estate.queueManager("QMHA");
        assertThat(ha.kind()).isEqualTo(QueueManagerKind.RDQM_HA);
        assertThat(ha.hosts()).containsExactly("ha1", "ha2", "ha3");
        assertThat(ha.transport()).isEqualTo(Transport.PCF);
        assertThat(ha.pcf()).isEqualTo(new PcfConnection("SYSTEM.ADMIN.SVRCONN", "TLS_AES_256_GCM_SHA384"));
        assertThat(estate.queueManager("QMDR").drReplication()).isEqualTo(new DrReplication(7001, true));
        assertThat(estate.clusters()).isEmpty();
        assertThat(estate.channelPartners()).isEmpty();
    }

    @Test
    void reportsTheFirstProblemInDocumentOrderAndKeepsTheRest() {
        Path file = INVENTORIES.resolve("several-problems.yaml");

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOfSatisfying(InventoryException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Inventory " + file.toAbsolutePath().normalize()
                            + ": hosts[0].site: unknown site 'north' (and 2 more problems)");
                    assertThat(e.source()).isEqualTo(file.toAbsolutePath().normalize().toString());
                    assertThat(e.problems()).extracting(InventoryProblem::toString).containsExactly(
                            "hosts[0].site: unknown site 'north'",
                            "queueManagers[0].name: 'QM-1' has characters IBM MQ does not allow in a name"
                                    + " (only A-Z a-z 0-9 . _ / %)",
                            "queueManagers[0].listener.port: 0 is out of range (1-65535)");
                });
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        Path file = dir.resolve("estate.yaml");

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(InventoryException.class)
                .hasMessage("Inventory " + file.toAbsolutePath().normalize() + ": file not found");
    }

    @Test
    void readerSourceIsNamedInSyntaxErrors() {
        assertThatThrownBy(() -> loader.load("classpath:estate.yaml", new StringReader("sites:\n  - name: [east\n")))
                .isInstanceOf(InventoryException.class)
                .hasMessage("Inventory classpath:estate.yaml: line 3, column 1: YAML syntax error:"
                        + " while parsing a flow sequence at line 2, column 11: expected ',' or ']', but got <stream end>");
    }

    @Test
    void refusesAFileOverTheSizeLimitBeforeReadingIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge.yaml");
        Files.writeString(file, "sites:\n" + "  - name: east\n".repeat(80_000));

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(InventoryException.class)
                .hasMessage("Inventory " + file.toAbsolutePath().normalize()
                        + ": cannot be read as YAML: The incoming YAML document exceeds the limit: 1048576 code points.");
    }
}
