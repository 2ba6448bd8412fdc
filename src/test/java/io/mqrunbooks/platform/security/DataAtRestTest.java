package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.testsupport.LabAppTest;
import io.mqrunbooks.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** After start, another user of the machine can read nothing of the app's data: not the database, not the lab's keys. */
class DataAtRestTest extends LabAppTest {

    @Value("${mqrunbooks.data-dir}")
    Path dataDir;

    @Test
    void theDataFolderAndEveryFolderInItAreOwnerOnly() throws Exception {
        assertThat(permissions(dataDir)).isEqualTo("rwx------");
        try (Stream<Path> all = Files.walk(dataDir)) {
            List<Path> folders = all.filter(Files::isDirectory).toList();
            assertThat(folders).contains(dataDir.resolve("lab"));
            if (TestDatabase.current() == TestDatabase.H2) {
                assertThat(folders).contains(dataDir.resolve("db"));
            }
            assertThat(folders).allSatisfy(folder -> assertThat(permissions(folder)).as(folder.toString()).isEqualTo("rwx------"));
        }
    }

    @Test
    void theH2DatabaseFilesAreReadableByTheirOwnerOnly() throws Exception {
        Path database = dataDir.resolve("db/engine.mv.db");
        if (TestDatabase.current() != TestDatabase.H2) {
            // On MariaDB (CI's second pass) the data folder holds no database file at all.
            assertThat(database).doesNotExist();
            return;
        }
        assertThat(database).exists();
        assertThat(permissions(database)).isEqualTo("rw-------");
    }

    @Test
    void theLabsPrivateKeysAreReadableByTheirOwnerOnly() throws Exception {
        assertThat(permissions(dataDir.resolve("lab/client_ed25519"))).isEqualTo("rw-------");
        try (Stream<Path> hostKeys = Files.list(dataDir.resolve("lab/host-keys"))) {
            assertThat(hostKeys.toList()).isNotEmpty()
                    .allSatisfy(key -> assertThat(permissions(key)).as(key.toString()).isEqualTo("rw-------"));
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
