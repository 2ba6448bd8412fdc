package io.mqrunbooks.ops.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docker/ and the production profile name the same variables; the drills refuse to start a node otherwise. */
class ProductionEnvironmentTest {

    @Test
    void dockerSetsTheProductionProfilesVariablesAndTheEstateFiles() {
        assertThat(ProductionEnvironment.variableNames(ProductionEnvironment.DOCKER)).containsExactly(
                "MQRB_ADMIN_PASSWORD", "MQRB_ADMIN_USER", "MQRB_DATA_DIR", "MQRB_DB_PASSWORD", "MQRB_DB_URL",
                "MQRB_DB_USER", "MQRB_MAIL_ENABLED", "MQRB_MAIL_FROM", "MQRB_MAIL_HOST", "MQRB_MAIL_PASSWORD",
                "MQRB_MAIL_PORT", "MQRB_MAIL_STARTTLS", "MQRB_MAIL_USERNAME", "MQRB_NOTIFY_WEBHOOK_URL",
                "MQRB_PUBLIC_URL", "MQRB_TLS_ENABLED", "MQRB_TLS_KEYSTORE", "MQRB_TLS_KEYSTORE_PASSWORD",
                "MQRB_TLS_KEYSTORE_TYPE", "MQRUNBOOKS_INVENTORY", "MQRUNBOOKS_SSH_KNOWN_HOSTS_FILE",
                "MQRUNBOOKS_SSH_PRIVATE_KEY_FILE", "SPRING_PROFILES_ACTIVE");
    }

    @Test
    void everyMqrbVariableOfDockerIsReadByTheProductionProfile() throws Exception {
        String profile = Files.readString(Path.of("src/main/resources/application-prod.yaml"));
        assertThat(ProductionEnvironment.variableNames(ProductionEnvironment.DOCKER))
                .filteredOn(name -> name.startsWith("MQRB_"))
                .allSatisfy(name -> assertThat(profile).as("application-prod.yaml reads ${%s}", name).contains("${" + name));
    }

    @Test
    void everyMqrbVariableTheProductionProfileReadsIsSetByDocker() throws Exception {
        String profile = Files.readString(Path.of("src/main/resources/application-prod.yaml"));
        List<String> read = Pattern.compile("\\$\\{(MQRB_[A-Z0-9_]+)").matcher(profile).results()
                .map(match -> match.group(1)).distinct()
                // the engine's database dialect: an override docker/ has no use for (it runs MariaDB)
                .filter(name -> !name.equals("MQRB_DB_TYPE")).toList();
        assertThat(read).contains("MQRB_MAIL_HOST", "MQRB_NOTIFY_WEBHOOK_URL");
        assertThat(ProductionEnvironment.variableNames(ProductionEnvironment.DOCKER)).containsAll(read);
    }

    @Test
    void aDrillNodeConfiguredOtherwiseThanTheImageIsRefusedNamingTheDifference() {
        assertThatThrownBy(() -> ProductionEnvironment.of(Map.of("SPRING_PROFILES_ACTIVE", "prod", "MQRB_EXTRA", "x"),
                ProductionEnvironment.DOCKER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("set by docker/ but not by the drill [MQRB_ADMIN_PASSWORD, MQRB_ADMIN_USER,")
                .hasMessageContaining("set by the drill but not by docker/ [MQRB_EXTRA]");
    }
}
