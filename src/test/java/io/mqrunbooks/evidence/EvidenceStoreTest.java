package io.mqrunbooks.evidence;

import io.mqrunbooks.testsupport.DatabaseTest;
import io.mqrunbooks.testsupport.TestDatabase;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The store's contract on H2, and on MariaDB in CI's MariaDB pass ({@code -Dmqrb.test.db=mariadb}). */
@DatabaseTest
class EvidenceStoreTest extends EvidenceStoreContractTest {

    private final DataSource dataSource = create();

    private static DataSource create() {
        if (TestDatabase.current() == TestDatabase.MARIADB) {
            return new DriverManagerDataSource(TestDatabase.mariaDbUrl("mqrunbooks_ci_evidence"), "root", "");
        }
        JdbcDataSource h2 = new JdbcDataSource();
        // Same settings as the application's H2 file database (application.yaml), in memory.
        h2.setURL("jdbc:h2:mem:evidence-store;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        h2.setUser("sa");
        return h2;
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
