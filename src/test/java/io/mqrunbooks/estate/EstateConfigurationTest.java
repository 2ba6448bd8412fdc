package io.mqrunbooks.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@ExtendWith(OutputCaptureExtension.class)
class EstateConfigurationTest {

    private static final Path BAD_PORT = Path.of("src/test/resources/inventory/bad/ssh-port-zero.yaml");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EstateConfiguration.class));

    @Test
    void loadsTheEstateFromAClasspathResource() {
        runner.withPropertyValues("mqrunbooks.inventory=classpath:lab/lab-estate.yaml")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Estate.class).queueManagers()).hasSize(15);
                });
    }

    @Test
    void loadsTheEstateFromAFile() {
        runner.withPropertyValues("mqrunbooks.inventory=src/test/resources/inventory/good/defaults.yaml")
                .run(context -> assertThat(context.getBean(Estate.class).host("mq1").port()).isEqualTo(22));
    }

    @Test
    void badInventoryFailsWithTheAnalyzersOneLineDescription() {
        runner.withPropertyValues("mqrunbooks.inventory=" + BAD_PORT)
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new InventoryFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).isEqualTo("Inventory "
                            + BAD_PORT.toAbsolutePath().normalize() + ": hosts[0].port: 0 is out of range (1-65535)");
                    assertThat(analysis.getAction()).isEqualTo("Correct the inventory file and start again."
                            + " docs/inventory.md describes the format and every validation rule.");
                });
    }

    @Test
    void unsetPropertyFailsWithAClearMessage() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new InventoryFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).isEqualTo(
                    "mqrunbooks.inventory is not set: point it at your estate YAML (docs/inventory.md)");
            assertThat(analysis.getAction()).startsWith("Set mqrunbooks.inventory (environment MQRUNBOOKS_INVENTORY)");
        });
    }

    @Test
    void missingClasspathResourceIsNamed() {
        runner.withPropertyValues("mqrunbooks.inventory=classpath:nowhere/estate.yaml")
                .run(context -> assertThat(new InventoryFailureAnalyzer().analyze(context.getStartupFailure())
                        .getDescription())
                        .isEqualTo("Inventory classpath:nowhere/estate.yaml: not found on the classpath"));
    }

    @Test
    void anotherConfigurationsEstateWins() {
        runner.withUserConfiguration(SuppliedEstate.class)
                .withPropertyValues("mqrunbooks.inventory=" + BAD_PORT)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Estate.class)).isSameAs(SuppliedEstate.ESTATE);
                });
    }

    @Test
    void isRegisteredAsAnAutoConfiguration() {
        assertThat(EstateConfiguration.class).hasAnnotation(AutoConfiguration.class);
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
                .contains(EstateConfiguration.class.getName());
    }

    /** The real start-up path: Spring Boot finds the analyzer through spring.factories. */
    @Test
    void startUpReportShowsDescriptionAndActionInsteadOfAStackTrace(CapturedOutput output, @TempDir Path dataDir) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(InventoryOnly.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off");

        // As an operator starts it: command-line arguments outrank the lab profile's own inventory.
        assertThatThrownBy(() -> application.run("--mqrunbooks.inventory=" + BAD_PORT,
                "--mqrunbooks.data-dir=" + dataDir)).hasRootCauseInstanceOf(InventoryException.class);

        assertThat(output.getOut()).contains("""
                APPLICATION FAILED TO START
                ***************************

                Description:

                Inventory %s: hosts[0].port: 0 is out of range (1-65535)

                Action:

                Correct the inventory file and start again. docs/inventory.md describes the format and every\
                 validation rule.
                """.formatted(BAD_PORT.toAbsolutePath().normalize()));
        assertThat(output.getOut()).doesNotContain("\tat io.mqrunbooks");
    }

    @Configuration(proxyBeanMethods = false)
    static class SuppliedEstate {
        static final Estate ESTATE = new Estate(List.of(), List.of(), List.of(), List.of(), List.of());

        @Bean
        Estate labEstate() {
            return ESTATE;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(EstateConfiguration.class)
    static class InventoryOnly {
    }
}
