package io.mqrunbooks.platform.run;

import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.platform.forms.FormCatalog;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
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

    /** Leases on queue managers, hosts and the machines the inventory says those hosts are. */
    @Bean
    public TargetLeasing targetLeasing(TargetLeases leases, ObjectProvider<Estate> estate) {
        return new TargetLeasing(leases, host -> estate.getObject().findHost(host).map(TargetLeasing::machine));
    }

    /** First of the engine plugins: a run is sealed (and gets its business key) before anything records it. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public SealedRunsPlugin sealedRunsPlugin(RunRecords records, RunScopeResolver scopes, FormCatalog forms,
                                             TargetLeasing leasing) {
        return new SealedRunsPlugin(new RunSealing(records, scopes, forms, leasing, Clock.systemUTC()));
    }
}
