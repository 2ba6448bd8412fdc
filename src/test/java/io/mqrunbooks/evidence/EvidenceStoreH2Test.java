package io.mqrunbooks.evidence;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

class EvidenceStoreH2Test extends EvidenceStoreContractTest {

    private final JdbcDataSource dataSource = new JdbcDataSource();

    EvidenceStoreH2Test() {
        // Same settings as the application's H2 file database (application.yaml), in memory.
        dataSource.setURL("jdbc:h2:mem:evidence-store;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        dataSource.setUser("sa");
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
