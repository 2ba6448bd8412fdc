package io.mqrunbooks.runbooks.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.adapter.outbound.persistence.baseline.JdbcBaselineStore;
import io.mqrunbooks.application.baseline.BackupLevelRecord;
import io.mqrunbooks.application.baseline.Baseline;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** V2__baselines.sql and the JDBC store on H2 and on the build machine's MariaDB 10.11 (127.0.0.1:3306). */
class BaselineStoreContractTest {

    abstract static class Contract {

        abstract DataSource dataSource();

        private JdbcBaselineStore store() {
            Flyway flyway = Flyway.configure().dataSource(dataSource()).locations("classpath:db/migration")
                    .cleanDisabled(false).load();
            flyway.clean();
            flyway.migrate();
            return new JdbcBaselineStore(dataSource());
        }

        @Test
        void keepsVersionsChecksAndBackupLevels() {
            JdbcBaselineStore store = store();
            String text = Fixtures.read(Fixtures.MONDAY) + "* ✓ café\n";
            Baseline first = store.save("QM2", "mqeast2", Instant.parse("2026-11-16T02:00:04.123456Z"), "a".repeat(64), 10,
                    text, "run-1");
            Baseline second = store.save("QM2", "mqeast2", Instant.parse("2026-11-20T02:00:03Z"), "b".repeat(64), 11,
                    "DEFINE QLOCAL('X')\n", "run-2");
            store.recordCheck("QM2", Instant.parse("2026-11-21T02:00:00Z"), "b".repeat(64), second.id(), false, "run-3");

            assertThat(store.find(first.id())).contains(new Baseline(first.id(), "QM2", "mqeast2",
                    Instant.parse("2026-11-16T02:00:04.123Z"), "a".repeat(64), 10, text));
            assertThat(store.latest("QM2")).contains(second);
            assertThat(store.latest("QM1")).isEmpty();
            assertThat(store.list(Optional.empty())).extracting(Baseline::id).containsExactly(second.id(), first.id());
            assertThat(store.list(Optional.of("QM2")).get(0).mqsc()).isNull();
            assertThat(store.checkCount("QM2")).isEqualTo(1);

            store.recordBackupLevel("QM2", "QM2_DR", "mqwest2", first.id(), BackupLevelRecord.State.TO_APPLY_AT_ACTIVATION,
                    Instant.parse("2026-11-16T02:05:00Z"), "carl", "run-1");
            BackupLevelRecord applied = store.recordBackupLevel("QM2", "QM2_DR", "mqwest2", second.id(),
                    BackupLevelRecord.State.APPLIED, Instant.parse("2026-11-20T02:06:00Z"), "dora", "run-2");
            assertThat(store.latestBackupLevel("QM2")).contains(applied);
            String script = "DEFINE CHANNEL('QM2.TO.CARDS') +\n   CHLTYPE(SDR) +\n   REPLACE\n".repeat(400);
            var plan = store.savePlan("QM2", "QM2_DR", second.id(), Instant.parse("2026-11-20T02:01:00Z"), script,
                    "Primary QM2 ...", "run-2");
            assertThat(store.findPlan(plan.id())).contains(plan);
            assertThat(plan.script()).hasSizeGreaterThan(4000);
            assertThat(store.findPlan(plan.id() + 1)).isEmpty();
            assertThatThrownBy(() -> new JdbcTemplate(dataSource()).update("INSERT INTO baseline_backup_level (queue_manager, "
                    + "backup_queue_manager, backup_host, baseline_id, state, recorded_at) VALUES ('QM2', 'QM2_DR', "
                    + "'mqwest2', " + first.id() + ", 'STARTED', CURRENT_TIMESTAMP)"))
                    .hasMessageFindingMatch("(?i)ck_baseline_backup_level_state");
        }
    }

    @Nested
    class OnH2 extends Contract {
        private final JdbcDataSource dataSource = new JdbcDataSource();

        OnH2() {
            dataSource.setURL("jdbc:h2:mem:baseline-store;DB_CLOSE_DELAY=-1");
            dataSource.setUser("sa");
        }

        @Override
        DataSource dataSource() {
            return dataSource;
        }
    }

    @Nested
    class OnMariaDb extends Contract {
        @Override
        DataSource dataSource() {
            return new DriverManagerDataSource(
                    "jdbc:mariadb://127.0.0.1:3306/mqrb_baseline_test?createDatabaseIfNotExist=true", "root", "");
        }
    }
}
