package io.mqrunbooks.lab;

import java.util.Arrays;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start with the lab profile beside prod: the lab seeds demo users whose password is their id, an
 * {@code admin}/{@code admin} administrator (application-lab.yaml, which overrides prod's when listed after it), a
 * relaxed password policy and the lab controls, none of which may reach a production database (Review E).
 * Nor with the lab profile alone on any database but an embedded H2 one (the lab's file under the data folder, or in
 * memory): {@code spring.datasource.url} pointed at a real MariaDB seeded them there too (Review G). A lab database
 * of its own on a server (docs/lab.md "Across a restart") is accepted when named, exactly, in
 * {@value #ACCEPTED_DATABASE}.
 */
public class LabNotInProduction implements EnvironmentPostProcessor, Ordered {

    /** The one database other than an embedded H2 the lab may seed its demo users into, named on purpose. */
    public static final String ACCEPTED_DATABASE = "mqrunbooks.lab.accepted-database-url";
    /** H2 in this JVM, not a server's (jdbc:h2:tcp:, jdbc:h2:ssl:): the lab's own file or a test's memory. */
    private static final Pattern EMBEDDED_H2 = Pattern.compile("(?i)jdbc:h2:(?:file|mem):.*");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.matchesProfiles("lab") && environment.matchesProfiles("prod")) {
            throw new IllegalStateException("The lab profile is active together with prod (active profiles: "
                    + String.join(", ", Arrays.asList(environment.getActiveProfiles())) + "): the lab seeds demo users"
                    + " whose password is their user id, an admin/admin administrator and the lab controls. Start"
                    + " production with --spring.profiles.active=prod alone (docs/production.md).");
        }
        if (environment.matchesProfiles("lab")) {
            // Hikari's own jdbc-url outranks the datasource's (Review H), in any of its relaxed spellings
            for (String setting : new String[] {"spring.datasource.url", "spring.datasource.hikari.jdbc-url"}) {
                String url = Binder.get(environment).bind(setting, String.class).orElse(null);
                if (url != null && !EMBEDDED_H2.matcher(url).matches()
                        && !url.equals(environment.getProperty(ACCEPTED_DATABASE))) {
                    throw new IllegalStateException("The lab profile is active with " + setting + " "
                            + withoutQuery(url) + ", not the lab's embedded H2 database: the lab seeds demo users whose"
                            + " password is their user id and an admin/admin administrator into it. Remove " + setting
                            + " to run the lab on its H2 file under the data folder, or start production with"
                            + " --spring.profiles.active=prod (docs/production.md); a lab database of its own on a"
                            + " server is accepted when named, exactly, in " + ACCEPTED_DATABASE + ".");
                }
            }
        }
    }

    /** The URL without a login or options, where a driver may take a password ({@code ?password=...}). */
    private static String withoutQuery(String url) {
        return url.replaceAll("[?;].*", "").replaceAll("//[^/@]*@", "//");
    }

    /** After the config files are read, so that every active profile is known (as {@link LabSshClientDefaults}). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
