package io.mqrunbooks.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The deployed forms, read from forms/, and what each accepts, with the message a caller gets. */
class FormInputTest {

    private final FormCatalog forms = FormCatalog.fromClasspath();

    private FormDefinition form(String id) {
        return forms.form(id).orElseThrow();
    }

    @Test
    void everyFormInTheFolderIsReadWithItsFields() {
        assertThat(forms.size()).isEqualTo(57);
        FormDefinition start = form("drActivationStart");
        assertThat(start.inputKeys()).containsExactly("queueManager", "pollInterval", "reason", "incidentReference",
                "declaredBy", "clientChannel");
        assertThat(form("rdqmSwitchoverApprove").decisionField()).map(FormField::key).contains("switchoverDecision");
        assertThat(form("clusterMigrationAcknowledgeOutage").decisionField()).map(FormField::key).contains("outageDecision");
        assertThat(form("rdqmSyncWaitDecide").decisionField()).isEmpty();
    }

    @Test
    void acceptsAWholeValidStartAndDropsReadOnlyFields() {
        Map<String, Object> accepted = FormInput.check(form("drActivationConfirmIsolation"), Map.of(
                "isolationMethod", "network", "isolationDetails", "switch ports shut\n\tby J. Smith",
                "isolationConfirmed", true, "primaryState", "anything"), true);

        assertThat(accepted).containsOnlyKeys("isolationMethod", "isolationDetails", "isolationConfirmed");
    }

    @Test
    void refusesWhatTheFormDoesNotTakeNamingTheKey() {
        FormDefinition start = form("rdqmSwitchoverStart");
        assertRefused(start, Map.of("queueManager", "QMDR", "reason", "x", "initiator", "operator"), "initiator",
                "'initiator' is not a field of the form 'rdqmSwitchoverStart'; it accepts only [queueManager, reason, changeReference]");
        assertRefused(start, Map.of("queueManager", "Q".repeat(49), "reason", "x"), "queueManager",
                "(IBM MQ names are 1 to 48 characters of A-Z a-z 0-9 . _ / %)");
        assertRefused(start, Map.of("queueManager", 7L, "reason", "x"), "queueManager", "must be text, not Long 7");
        assertRefused(start, Map.of("queueManager", "QMDR"), "reason", "is required on the form 'rdqmSwitchoverStart'");
        assertRefused(start, Map.of("queueManager", "QMDR", "reason", "line\rbreak"), "reason",
                "holds a control character (U+000D) at position 5; it takes one line of text");
        assertRefused(start, Map.of("queueManager", "QMDR", "reason", "x".repeat(1001)), "reason",
                "is 1001 characters long; at most 1000 are allowed");
        assertRefused(start, Map.of("queueManager", "QMDR", "reason", "db password: s3cret"), "reason",
                "looks like it holds a password, key or token");
        assertRefused(form("multiInstanceSwitchoverStart"), Map.of("queueManager", "MIQM", "endMode", "gentle",
                "reason", "x"), "endMode", "must be one of [controlled, immediate, preemptive], not 'gentle'");
        assertRefused(form("drActivationConfirmIsolation"), Map.of("isolationMethod", "power", "isolationDetails",
                "x", "isolationConfirmed", "yes"), "isolationConfirmed", "must be true or false");
        assertRefused(form("drActivationConfirmPartner"), Map.of("partnerConfirmedBy", "J", "partnerConfirmedAt",
                "tomorrow", "firewallTicketReference", "FW-1"), "partnerConfirmedAt", "must be a date and time");
    }

    @Test
    void theDrBaselinesQueueManagersAreAListOfNamesOrAllKeptAsOneTextSeparatedByCommas() {
        FormDefinition start = form("drBaselineStart");
        assertThat(FormInput.check(start, Map.of("queueManagers", List.of("QM1", "QM2", "QM1"), "reason", "x"), true))
                .containsEntry("queueManagers", "QM1,QM2");
        assertThat(FormInput.check(start, Map.of("queueManagers", "QM1 QM3", "reason", "x"), true))
                .containsEntry("queueManagers", "QM1,QM3");
        assertThat(FormInput.check(start, Map.of("queueManagers", List.of("all"), "reason", "x"), true))
                .containsEntry("queueManagers", "all");
        assertRefused(start, Map.of("queueManagers", List.of(), "reason", "x"), "queueManagers",
                "'queueManagers' (Queue managers (from the inventory)) is required on the form 'drBaselineStart'");
        assertRefused(start, Map.of("queueManagers", List.of("QM1", "QM 2!"), "reason", "x"), "queueManagers",
                "is not in the form the field asks for: 'QM 2!' (IBM MQ names are 1 to 48 characters");
        assertRefused(start, Map.of("queueManagers", List.of("QM1", 7L), "reason", "x"), "queueManagers",
                "takes names, not Long 7");
        assertRefused(form("rdqmSwitchoverStart"), Map.of("queueManager", List.of("QMDR"), "reason", "x"),
                "queueManager", "must be text, not a list [QMDR]");
    }

    @Test
    void aPartialCheckLeavesOutRequiredFields() {
        Map<String, Object> values = new HashMap<>();
        values.put("queueManager", "QMDR");
        assertThat(FormInput.check(form("rdqmSwitchoverStart"), values, false)).containsEntry("queueManager", "QMDR");
    }

    private static void assertRefused(FormDefinition form, Map<String, Object> values, String key, String message) {
        assertThatThrownBy(() -> FormInput.check(form, values, true)).isInstanceOf(FormInputException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((FormInputException) e).key()).isEqualTo(key));
    }
}
