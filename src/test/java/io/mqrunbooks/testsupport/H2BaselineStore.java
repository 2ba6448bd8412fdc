package io.mqrunbooks.testsupport;

import io.mqrunbooks.adapter.outbound.persistence.baseline.JdbcBaselineStore;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** A baseline store in a fresh in-memory H2 database, migrated as the app migrates its own. */
public final class H2BaselineStore {

    private H2BaselineStore() {
    }

    public static JdbcBaselineStore fresh(String database) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        return new JdbcBaselineStore(dataSource);
    }
}
