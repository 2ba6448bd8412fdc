package io.mqrunbooks.evidence;

import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Needs the MariaDB 10.11 server on 127.0.0.1:3306 (user root, no password) that the build machine runs. */
class EvidenceStoreMariaDbTest extends EvidenceStoreContractTest {

    private final DataSource dataSource = new DriverManagerDataSource(
            "jdbc:mariadb://127.0.0.1:3306/mqrb_evidence_test?createDatabaseIfNotExist=true", "root", "");

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
