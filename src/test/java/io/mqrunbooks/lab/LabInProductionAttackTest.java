package io.mqrunbooks.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Review E (2026-12-08): the lab profile beside prod ({@code --spring.profiles.active=prod,lab}, or a
 * {@code SPRING_PROFILES_INCLUDE=lab} left in a service file) started against the production database with the lab's
 * demo users (each user's password is its id: operator, changemgr, lead, auditor), the lab's {@code admin}/{@code admin}
 * administrator (application-lab.yaml, read after application-prod.yaml), the lab's relaxed password policy and its
 * control endpoints. Anyone could then log in as two change managers and approve any gate. It is refused at start.
 */
class LabInProductionAttackTest {

    @Test
    void theLabProfileBesideProdStopsTheStartNamingBoth() {
        for (String[] profiles : List.of(new String[] {"prod", "lab"}, new String[] {"lab", "prod"})) {
            StandardEnvironment environment = environment();
            environment.setActiveProfiles(profiles);

            Throwable refused = catchThrowable(() -> postProcess(environment));

            assertThat(refused).as("profiles %s started", String.join(",", profiles))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("The lab profile is active together with prod (active profiles: "
                            + String.join(", ", profiles) + "): the lab seeds demo users whose password is their"
                            + " user id, an admin/admin administrator and the lab controls. Start production with"
                            + " --spring.profiles.active=prod alone (docs/production.md).");
        }
    }

    @Test
    void eitherProfileAloneStarts() {
        StandardEnvironment lab = environment();
        lab.setDefaultProfiles("lab");
        StandardEnvironment prod = environment();
        prod.setActiveProfiles("prod");

        assertThatCode(() -> postProcess(lab)).doesNotThrowAnyException();
        assertThatCode(() -> postProcess(prod)).doesNotThrowAnyException();
    }

    /**
     * Review G: the check above read profiles only, so {@code --spring.profiles.active=lab} with
     * {@code spring.datasource.url} pointing at a real MariaDB seeded admin/admin and the demo users into it.
     */
    @Test
    void theLabProfileOnADatabaseOtherThanItsEmbeddedOneStopsTheStart() {
        StandardEnvironment named = labWith(Map.of("spring.datasource.url", "jdbc:mariadb://db.example:3306/mqrunbooks"));
        assertThat(catchThrowable(() -> postProcess(named))).as("--spring.profiles.active=lab")
                .hasMessageStartingWith("The lab profile is active with spring.datasource.url"
                        + " jdbc:mariadb://db.example:3306/mqrunbooks, not the lab's embedded H2 database");
        for (String url : List.of("jdbc:mariadb://db.example:3306/mqrunbooks?password=Secret1",
                "jdbc:mariadb://mq:Secret1@db.example:3306/mqrunbooks", "jdbc:h2:tcp://db.example/mqrunbooks")) {
            StandardEnvironment environment = environment();
            // the lab by default: production started without --spring.profiles.active=prod
            environment.setDefaultProfiles("lab");
            environment.getPropertySources().addFirst(new MapPropertySource("cli", Map.of("spring.datasource.url", url)));

            Throwable refused = catchThrowable(() -> postProcess(environment));

            String shown = url.startsWith("jdbc:h2") ? url : "jdbc:mariadb://db.example:3306/mqrunbooks";
            assertThat(refused).as(url).isInstanceOf(IllegalStateException.class)
                    .hasMessage("The lab profile is active with spring.datasource.url " + shown + ", not the lab's"
                            + " embedded H2 database: the lab seeds demo users whose password is their user id and an"
                            + " admin/admin administrator into it. Remove spring.datasource.url to run the lab on its"
                            + " H2 file under the data folder, or start production with --spring.profiles.active=prod"
                            + " (docs/production.md); a lab database of its own on a server is accepted when named,"
                            + " exactly, in mqrunbooks.lab.accepted-database-url.");
        }
    }

    @Test
    void theLabStartsOnItsOwnH2FileInMemoryOrOnADatabaseNamedForIt() {
        StandardEnvironment byDefault = environment();
        byDefault.setDefaultProfiles("lab");
        byDefault.getPropertySources().addLast(new MapPropertySource("application.yaml", Map.of("spring.datasource.url",
                "jdbc:h2:file:${mqrunbooks.data-dir}/db/engine;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000")));
        StandardEnvironment inMemory = labWith(Map.of("spring.datasource.url", "jdbc:h2:mem:lab;DB_CLOSE_DELAY=-1"));
        String labDb = "jdbc:mariadb://127.0.0.1:3306/mqrunbooks_lab?createDatabaseIfNotExist=true";
        StandardEnvironment labDatabase = labWith(Map.of("spring.datasource.url", labDb,
                "mqrunbooks.lab.accepted-database-url", labDb));
        StandardEnvironment anotherDatabase = labWith(Map.of("spring.datasource.url",
                "jdbc:mariadb://db.example:3306/mqrunbooks", "mqrunbooks.lab.accepted-database-url", labDb));

        assertThatCode(() -> postProcess(byDefault)).doesNotThrowAnyException();
        assertThatCode(() -> postProcess(inMemory)).doesNotThrowAnyException();
        assertThatCode(() -> postProcess(labDatabase)).doesNotThrowAnyException();
        assertThat(catchThrowable(() -> postProcess(anotherDatabase))).as("only the database named is accepted")
                .hasMessageStartingWith("The lab profile is active with spring.datasource.url"
                        + " jdbc:mariadb://db.example:3306/mqrunbooks, not the lab's embedded H2 database");
    }

    /** Review H: Hikari's jdbc-url outranks spring.datasource.url, so it is checked too, however it is spelled. */
    @Test
    void theLabProfileOnHikarisOwnUrlToAnotherDatabaseStopsTheStart() {
        for (String spelling : new String[] {"spring.datasource.hikari.jdbc-url", "spring.datasource.hikari.jdbcUrl"}) {
            StandardEnvironment hikari = labWith(Map.of(spelling, "jdbc:mariadb://db.example:3306/mqrunbooks"));
            assertThat(catchThrowable(() -> postProcess(hikari))).as(spelling).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("The lab profile is active with spring.datasource.hikari.jdbc-url"
                            + " jdbc:mariadb://db.example:3306/mqrunbooks, not the lab's embedded H2 database");
        }
        postProcess(labWith(Map.of("spring.datasource.hikari.jdbc-url", "jdbc:h2:mem:lab")));
    }

    /** {@code --spring.profiles.active=lab} with these properties on the command line. */
    private static StandardEnvironment labWith(Map<String, Object> properties) {
        StandardEnvironment environment = environment();
        environment.setActiveProfiles("lab");
        environment.getPropertySources().addFirst(new MapPropertySource("cli", properties));
        return environment;
    }

    private static StandardEnvironment environment() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("mqrunbooks.data-dir", "./data")));
        return environment;
    }

    /** Every environment post-processor the application registers, as Spring Boot runs them at start. */
    private static void postProcess(StandardEnvironment environment) {
        // Boot's own processors need constructor arguments that only a running application has: skip them.
        SpringFactoriesLoader.forDefaultResourceLocation().load(EnvironmentPostProcessor.class,
                        SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> { }))
                .stream().filter(p -> p.getClass().getName().startsWith("io.mqrunbooks."))
                .forEach(p -> p.postProcessEnvironment(environment, new SpringApplication()));
    }
}
