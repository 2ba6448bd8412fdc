package io.mqrunbooks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.estate.InventoryException;
import io.mqrunbooks.lab.control.LabControl;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class LabConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void withoutTheLabProfileNoLabStarts() {
        new ApplicationContextRunner()
                .withUserConfiguration(LabConfiguration.class)
                .withPropertyValues("spring.profiles.active=prod", "mqrunbooks.data-dir=" + dir)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(LabEstate.class);
                    assertThat(dir.resolve("lab")).doesNotExist();
                });
    }

    @Test
    void theLabsControlsActOnTheAppsOwnLabAndOpenNoPortOfTheirOwn() {
        ApplicationContextRunner lab = new ApplicationContextRunner()
                // @Value durations need Spring Boot's conversions, as the app has them.
                .withInitializer(context -> context.getBeanFactory()
                        .setConversionService(ApplicationConversionService.getSharedInstance()))
                .withUserConfiguration(LabConfiguration.class)
                .withPropertyValues("spring.profiles.active=lab", "mqrunbooks.data-dir=" + dir,
                        "mqrunbooks.lab.ephemeral-ports=true");

        lab.run(context -> {
            LabControl control = context.getBean(LabControl.class);
            assertThat(control.failHost("dr1")).isEqualTo("host dr1 failed: its queue managers ended unexpectedly, "
                    + "SSH refuses connections");
            assertThat(context.getBean(LabFaults.class).isDown("dr1")).isTrue();
            assertThat(control.state().get("hostsDown")).isEqualTo(java.util.List.of("dr1"));
            assertThat(dir.resolve("lab/control-url")).as("the app's lab is controlled at /lab/control").doesNotExist();
        });
    }

    /** The lab simulates the estate mqrunbooks.inventory names, so a bad file stops the lab profile too. */
    @Test
    void aBadInventoryStopsTheLabWithTheLoadersMessage() throws Exception {
        Path inventory = Files.writeString(dir.resolve("estate.yaml"), """
                sites: [ { name: east } ]
                hosts: [ { name: h1, address: 127.0.0.1, port: 70000, user: mqm, site: east } ]
                queueManagers: []
                clusters: []
                channelPartners: []
                """);
        new ApplicationContextRunner()
                .withUserConfiguration(LabConfiguration.class)
                .withPropertyValues("spring.profiles.active=lab", "mqrunbooks.data-dir=" + dir,
                        "mqrunbooks.inventory=" + inventory)
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(InventoryException.class)
                        .hasMessage("Inventory " + inventory + ": hosts[0].port: 70000 is out of range (1-65535) (and 1 more problem)"));
    }
}
