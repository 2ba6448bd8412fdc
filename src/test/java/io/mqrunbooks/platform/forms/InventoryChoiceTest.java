package io.mqrunbooks.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.InventoryLoader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Start forms offer the lab inventory's names of the kind their runbook handles, and refuse others in words. */
class InventoryChoiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Estate lab = lab();

    @Test
    void eachChoiceOffersTheInventorysNamesOfItsKind() {
        assertThat(InventoryChoice.RDQM_DR.names(lab)).containsExactly("QMDR");
        assertThat(InventoryChoice.MULTI_INSTANCE.names(lab)).containsExactly("MIQM");
        assertThat(InventoryChoice.SINGLE.names(lab)).containsExactly("QM1", "QM2", "QM3", "FR1", "FR2", "PR1", "PR2",
                "PR3", "BANKGW");
        assertThat(InventoryChoice.SINGLE.refusal(lab, "queueManager", "MIQM")).contains("'queueManager': MIQM is in"
                + " the inventory but is not a single queue manager (it is multi-instance, without a DR backup, in no"
                + " cluster); this runbook takes a single queue manager: QM1, QM2, QM3, FR1, FR2, PR1, PR2, PR3,"
                + " BANKGW");
        assertThat(InventoryChoice.WITH_BACKUP.names(lab)).containsExactly("QMDR", "QM1", "QM2", "QM3");
        assertThat(InventoryChoice.CLUSTERED.names(lab)).containsExactly("FR1", "FR2", "PR1", "PR2", "PR3");
        assertThat(InventoryChoice.CLUSTER.names(lab)).containsExactly("PAYCLUS");
        assertThat(InventoryChoice.RDQM_DR_NODE.names(lab)).containsExactly("dr1", "dr2");
    }

    @Test
    void aNameNotOfferedIsRefusedSayingWhatItIsAndWhatIsOffered() {
        assertThat(InventoryChoice.RDQM_DR.refusal(lab, "queueManager", "QMDR")).isEmpty();
        assertThat(InventoryChoice.RDQM_DR.refusal(lab, "queueManager", "QMDX")).contains("'queueManager': QMDX is"
                + " not a queue manager of the inventory; this runbook takes an RDQM DR queue manager: QMDR");
        assertThat(InventoryChoice.RDQM_DR.refusal(lab, "queueManager", "QM1")).contains("'queueManager': QM1 is in"
                + " the inventory but is not an RDQM DR queue manager (it is single, with a DR backup, in no cluster);"
                + " this runbook takes an RDQM DR queue manager: QMDR");
        assertThat(InventoryChoice.WITH_BACKUP.refusal(lab, "queueManager", "MIQM")).contains("'queueManager': MIQM"
                + " is in the inventory but is not a queue manager with a DR backup (it is multi-instance, without a DR"
                + " backup, in no cluster); this runbook takes a queue manager with a DR backup: QMDR, QM1, QM2, QM3");
        assertThat(InventoryChoice.CLUSTER.refusal(lab, "clusterName", "PAYCLUSX")).contains("'clusterName': PAYCLUSX"
                + " is not a cluster of the inventory; this runbook takes a cluster: PAYCLUS");
        assertThat(InventoryChoice.RDQM_DR_NODE.refusal(lab, "lostNode", "mqeast1")).contains("'lostNode': mqeast1"
                + " is a host of the inventory but no RDQM DR node; this runbook takes a node of an RDQM DR queue"
                + " manager: dr1, dr2");
    }

    @Test
    void theRdqmHaMaintenanceOffersTheHaNodesAndRefusesAnyOtherHost() {
        assertThat(InventoryChoice.RDQM_HA_NODE.names(lab)).containsExactly("ha1", "ha2", "ha3");
        assertThat(InventoryChoice.RDQM_HA_NODE.refusal(lab, "haNode", "ha2")).isEmpty();
        assertThat(InventoryChoice.RDQM_HA_NODE.refusal(lab, "haNode", "dr1")).contains("'haNode': dr1 is a host of"
                + " the inventory but no RDQM HA node; this runbook takes a node of an RDQM HA group: ha1, ha2, ha3");
        assertThat(FormCatalog.fromClasspath().form("rdqmHaMaintenanceStart").orElseThrow().fields().stream()
                .filter(f -> "haNode".equals(f.key())).map(FormField::inventory).toList()).containsExactly(InventoryChoice.RDQM_HA_NODE);
    }

    @Test
    void theStartFormsOfEveryRunbookThatNamesAQueueManagerAskForItFromTheInventory() {
        FormCatalog catalog = FormCatalog.fromClasspath();
        List<String> marked = new ArrayList<>();
        for (String id : List.of("rdqmSwitchoverStart", "rdqmFailoverStart", "rdqmReplacementStart", "rdqmCreateStart",
                "rdqmDeleteStart", "multiInstanceSwitchoverStart", "drActivationStart", "clusterMigrationStart",
                "clusterMigrationStagedStart", "drBaselineStart")) {
            catalog.form(id).orElseThrow().fields().stream().filter(f -> f.inventory() != null)
                    .forEach(f -> marked.add(id + " " + f.key() + " " + f.type() + " " + f.inventory().property()));
        }
        assertThat(marked).containsExactly(
                "rdqmSwitchoverStart queueManager select rdqm-dr", "rdqmFailoverStart queueManager select rdqm-dr",
                "rdqmReplacementStart queueManager select rdqm-dr", "rdqmReplacementStart lostNode select rdqm-dr-node",
                "rdqmCreateStart queueManager select rdqm-dr",
                "rdqmDeleteStart queueManager select rdqm-dr",
                "multiInstanceSwitchoverStart queueManager select multi-instance",
                "drActivationStart queueManager select with-backup",
                "clusterMigrationStart queueManager select clustered",
                "clusterMigrationStagedStart clusterName select cluster",
                "drBaselineStart queueManagers taglist with-backup");
    }

    @Test
    void theServedFormListsTheNamesWithTheirHosts() throws IOException {
        JsonNode form = JSON.readTree(Path.of("forms/rdqmSwitchoverStart.form").toFile());
        assertThat(InventoryFormFilter.fill(form, lab)).isTrue();
        assertThat(form.path("components").get(1).path("values").toString())
                .isEqualTo("[{\"label\":\"QMDR (dr1, dr2)\",\"value\":\"QMDR\"}]");

        JsonNode replacement = JSON.readTree(Path.of("forms/rdqmReplacementStart.form").toFile());
        InventoryFormFilter.fill(replacement, lab);
        assertThat(replacement.findValues("values").get(1).toString())
                .isEqualTo("[{\"label\":\"dr1 (QMDR)\",\"value\":\"dr1\"},{\"label\":\"dr2 (QMDR)\",\"value\":\"dr2\"}]");

        JsonNode baseline = JSON.readTree(Path.of("forms/drBaselineStart.form").toFile());
        InventoryFormFilter.fill(baseline, lab);
        assertThat(baseline.findValues("values").get(0).findValuesAsText("label")).containsExactly(
                "All: QMDR, QM1, QM2, QM3", "QMDR (dr1, dr2)", "QM1 (mqeast1)", "QM2 (mqeast2)", "QM3 (mqeast3)");
        assertThat(baseline.findValues("values").get(0).findValuesAsText("value"))
                .containsExactly("all", "QMDR", "QM1", "QM2", "QM3");

        JsonNode plain = JSON.readTree(Path.of("forms/rdqmSwitchoverApprove.form").toFile());
        assertThat(InventoryFormFilter.fill(plain, lab)).isFalse();
    }

    private static Estate lab() {
        try (Reader reader = new InputStreamReader(InventoryChoiceTest.class.getResourceAsStream("/lab/lab-estate.yaml"),
                StandardCharsets.UTF_8)) {
            return new InventoryLoader().load("classpath:lab/lab-estate.yaml", reader);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
