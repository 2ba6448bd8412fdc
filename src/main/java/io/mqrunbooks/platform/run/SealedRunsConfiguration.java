package io.mqrunbooks.platform.run;

import io.mqrunbooks.platform.forms.FormCatalog;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sealed-runs engine plugin and the form catalog, as beans (the starter applies every plugin bean). */
@Configuration
public class SealedRunsConfiguration {

    @Bean
    public FormCatalog formCatalog() {
        return FormCatalog.fromClasspath();
    }

    @Bean
    public SealedRunsPlugin sealedRunsPlugin(RunRecords records, RunScopeResolver scopes, FormCatalog forms) {
        return new SealedRunsPlugin(new RunSealing(records, scopes, forms, Clock.systemUTC()));
    }
}
