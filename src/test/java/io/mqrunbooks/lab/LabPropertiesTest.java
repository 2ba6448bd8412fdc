package io.mqrunbooks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code mqrunbooks.lab.inventory}, {@code ephemeral-ports}, {@code pcf-queue-managers}: bound and checked at start. */
class LabPropertiesTest {

    @Configuration
    @EnableConfigurationProperties(LabProperties.class)
    static class Settings {
    }

    final ApplicationContextRunner app = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void defaultsAreTheAppsInventoryTheInventorysPortsAndNoPcf() {
        app.run(context -> {
            LabProperties lab = context.getBean(LabProperties.class);
            assertThat(lab.ephemeralPorts()).isFalse();
            assertThat(lab.pcfQueueManagers()).isEmpty();
            assertThat(lab.inventoryOr("/etc/estate.yaml")).isEqualTo("/etc/estate.yaml");
            assertThat(lab.inventoryOr(null)).isEqualTo("classpath:lab/lab-estate.yaml");
        });
    }

    @Test
    void propertiesAreReadUnderTheirDocumentedNames() {
        app.withPropertyValues("mqrunbooks.lab.inventory=/tmp/lab.yaml", "mqrunbooks.lab.ephemeral-ports=true",
                "mqrunbooks.lab.pcf-queue-managers=FR1,FR2").run(context -> {
                    LabProperties lab = context.getBean(LabProperties.class);
                    assertThat(lab.inventoryOr("/etc/estate.yaml")).isEqualTo("/tmp/lab.yaml");
                    assertThat(lab.ephemeralPorts()).isTrue();
                    assertThat(lab.pcfQueueManagers()).isEqualTo(List.of("FR1", "FR2"));
                });
    }

    @Test
    void aPcfQueueManagerThatIsNoMqNameStopsTheStartNamingTheProperty() {
        app.withPropertyValues("mqrunbooks.lab.pcf-queue-managers=FR1,FR 2").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("mqrunbooks.lab")
                .hasMessageContaining("pcfQueueManagers[1]").hasMessageContaining("rejected value [FR 2]")
                .hasMessageContaining("is not an IBM MQ queue manager name"));
    }

    @Test
    void aWordThatIsNoBooleanStopsTheStartNamingTheProperty() {
        app.withPropertyValues("mqrunbooks.lab.ephemeral-ports=sometimes").run(context -> assertThat(context)
                .getFailure().hasMessageContaining("mqrunbooks.lab"));
    }
}
