package io.mqrunbooks.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

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
    void bundledInventoryIsHandedToTheLoaderAsAFileWithTheSameText() throws Exception {
        Path file = LabConfiguration.localFile(new ClassPathResource("lab/lab-estate.yaml"));

        assertThat(Files.readString(file)).isEqualTo(
                new String(new ClassPathResource("lab/lab-estate.yaml").getInputStream().readAllBytes()));
    }

    @Test
    void inventoryOnDiskIsUsedWhereItIs() throws Exception {
        Path inventory = Files.writeString(dir.resolve("estate.yaml"), "sites: []\n");

        assertThat(LabConfiguration.localFile(new FileSystemResource(inventory))).isEqualTo(inventory);
    }

    @Test
    void missingInventoryNamesTheProperty() {
        assertThatThrownBy(() -> LabConfiguration.localFile(new ClassPathResource("lab/nowhere.yaml")))
                .hasMessage("Lab inventory class path resource [lab/nowhere.yaml] does not exist"
                        + " (mqrunbooks.lab.inventory)");
    }
}
