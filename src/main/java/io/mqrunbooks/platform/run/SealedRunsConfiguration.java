package io.mqrunbooks.platform.run;

import io.mqrunbooks.platform.forms.FormCatalog;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** The sealed-runs engine plugin and the form catalog, as beans (the starter applies every plugin bean). */
@Configuration
public class SealedRunsConfiguration {

    @Bean
    public FormCatalog formCatalog() {
        return FormCatalog.fromClasspath();
    }

    /** First of the engine plugins: a run is sealed (and gets its business key) before anything records it. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public SealedRunsPlugin sealedRunsPlugin(RunRecords records, RunScopeResolver scopes, FormCatalog forms,
                                             TargetLeases leases) {
        return new SealedRunsPlugin(new RunSealing(records, scopes, forms, leases, Clock.systemUTC()));
    }
}
