package io.mqrunbooks.lab;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With the lab profile, points the SSH adapter at the lab's client key and known_hosts unless they are
 * set explicitly: {@code mqrunbooks.ssh.private-key-file} and {@code mqrunbooks.ssh.known-hosts-file}.
 * Added last, so any other setting (file, environment, command line) wins.
 */
public class LabSshClientDefaults implements EnvironmentPostProcessor, Ordered {

    public static final String PROPERTY_SOURCE = "labSshClientDefaults";
    public static final String PRIVATE_KEY_FILE = "mqrunbooks.ssh.private-key-file";
    public static final String KNOWN_HOSTS_FILE = "mqrunbooks.ssh.known-hosts-file";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.matchesProfiles("lab")) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, Map.of(
                PRIVATE_KEY_FILE, "${mqrunbooks.data-dir}/lab/client_ed25519",
                KNOWN_HOSTS_FILE, "${mqrunbooks.data-dir}/lab/known_hosts")));
    }

    /** After the config files are read, so that the active and default profiles are known. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
