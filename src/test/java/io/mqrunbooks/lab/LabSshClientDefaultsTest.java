package io.mqrunbooks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

class LabSshClientDefaultsTest {

    private final LabSshClientDefaults defaults = new LabSshClientDefaults();

    private StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }

    @Test
    void labProfilePointsTheSshAdapterAtTheLabFiles() {
        StandardEnvironment environment = environment(Map.of("mqrunbooks.data-dir", "/srv/mqrb"));
        environment.setActiveProfiles("lab");

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("mqrunbooks.ssh.private-key-file")).isEqualTo("/srv/mqrb/lab/client_ed25519");
        assertThat(environment.getProperty("mqrunbooks.ssh.known-hosts-file")).isEqualTo("/srv/mqrb/lab/known_hosts");
    }

    @Test
    void labAsTheDefaultProfileCountsToo() {
        StandardEnvironment environment = environment(Map.of("mqrunbooks.data-dir", "./data"));
        environment.setDefaultProfiles("lab");

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("mqrunbooks.ssh.private-key-file")).isEqualTo("./data/lab/client_ed25519");
    }

    @Test
    void explicitSettingsWin() {
        StandardEnvironment environment = environment(Map.of("mqrunbooks.data-dir", "./data",
                "mqrunbooks.ssh.known-hosts-file", "/etc/ssh/ssh_known_hosts"));
        environment.setActiveProfiles("lab");

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("mqrunbooks.ssh.known-hosts-file")).isEqualTo("/etc/ssh/ssh_known_hosts");
    }

    @Test
    void otherProfilesAreLeftAlone() {
        StandardEnvironment environment = environment(Map.of("mqrunbooks.data-dir", "./data"));
        environment.setActiveProfiles("prod");

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("mqrunbooks.ssh.private-key-file")).isNull();
        assertThat(environment.getPropertySources().contains(LabSshClientDefaults.PROPERTY_SOURCE)).isFalse();
    }

    @Test
    void springBootFindsIt() {
        // Boot's own processors need constructor arguments that only a running application has: skip them.
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(EnvironmentPostProcessor.class,
                SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> { })))
                .anyMatch(LabSshClientDefaults.class::isInstance);
    }
}
