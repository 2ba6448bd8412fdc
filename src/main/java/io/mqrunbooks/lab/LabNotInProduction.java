package io.mqrunbooks.lab;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start with the lab profile beside prod: the lab seeds demo users whose password is their id, an
 * {@code admin}/{@code admin} administrator (application-lab.yaml, which overrides prod's when listed after it), a
 * relaxed password policy and the lab controls, none of which may reach a production database (Review E).
 */
public class LabNotInProduction implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.matchesProfiles("lab") && environment.matchesProfiles("prod")) {
            throw new IllegalStateException("The lab profile is active together with prod (active profiles: "
                    + String.join(", ", Arrays.asList(environment.getActiveProfiles())) + "): the lab seeds demo users"
                    + " whose password is their user id, an admin/admin administrator and the lab controls. Start"
                    + " production with --spring.profiles.active=prod alone (docs/production.md).");
        }
    }

    /** After the config files are read, so that every active profile is known (as {@link LabSshClientDefaults}). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
