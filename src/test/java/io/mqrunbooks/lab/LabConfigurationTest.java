package io.mqrunbooks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.estate.InventoryException;
import io.mqrunbooks.lab.control.LabControlServer;
import io.mqrunbooks.testsupport.LabControlClient;
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
    void theControlEndpointOpensOnlyWhenItsPortIsSet() {
        ApplicationContextRunner lab = new ApplicationContextRunner()
                // @Value durations need Spring Boot's conversions, as the app has them.
                .withInitializer(context -> context.getBeanFactory()
                        .setConversionService(ApplicationConversionService.getSharedInstance()))
                .withUserConfiguration(LabConfiguration.class)
                .withPropertyValues("spring.profiles.active=lab", "mqrunbooks.data-dir=" + dir,
                        "mqrunbooks.lab.ephemeral-ports=true");

        lab.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(LabControlServer.class);
            assertThat(dir.resolve("lab/control-url")).doesNotExist();
        });
        lab.withPropertyValues("mqrunbooks.lab.control-port=0").run(context -> {
            LabControlClient control = LabControlClient.of(dir.resolve("lab"));
            control.failHost("dr1");
            assertThat(control.state().path("hostsDown").toString()).isEqualTo("[\"dr1\"]");
            assertThat(context.getBean(LabFaults.class).isDown("dr1")).isTrue();
        });
        assertThat(dir.resolve("lab/control-url")).as("removed when the app stops").doesNotExist();
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
