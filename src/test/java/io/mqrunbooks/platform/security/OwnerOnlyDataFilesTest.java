package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** The data folder and what is in it end up readable by the app's own user only, whatever was there before. */
class OwnerOnlyDataFilesTest {

    @TempDir
    Path temp;

    @Test
    void aMissingDataFolderIsCreatedOwnerOnly() throws Exception {
        Path data = temp.resolve("new/data");

        OwnerOnlyDataFiles.secure(data);

        assertThat(permissions(data)).isEqualTo("rwx------");
        assertThat(permissions(temp.resolve("new"))).isEqualTo("rwx------");
    }

    @Test
    void existingFilesAndFoldersLoseGroupAndOthersAndKeepTheirOwnersBits() throws Exception {
        Path data = Files.createDirectory(temp.resolve("data"), perms("rwxr-xr-x"));
        Path db = Files.createDirectory(data.resolve("db"), perms("rwxrwxr-x"));
        Path database = Files.createFile(db.resolve("engine.mv.db"), perms("rw-r--r--"));
        Path script = Files.createFile(data.resolve("hook.sh"), perms("rwxr-xr-x"));

        OwnerOnlyDataFiles.secure(data);

        assertThat(permissions(data)).isEqualTo("rwx------");
        assertThat(permissions(db)).isEqualTo("rwx------");
        assertThat(permissions(database)).isEqualTo("rw-------");
        assertThat(permissions(script)).isEqualTo("rwx------");
    }

    @Test
    void whatASymbolicLinkPointsToOutsideIsLeftAlone() throws Exception {
        Path outside = Files.createFile(temp.resolve("shared.yaml"), perms("rw-r--r--"));
        Path data = Files.createDirectory(temp.resolve("data"));
        Files.createSymbolicLink(data.resolve("inventory.yaml"), outside);

        OwnerOnlyDataFiles.secure(data);

        assertThat(permissions(outside)).isEqualTo("rw-r--r--");
    }

    @Test
    void aDataFolderTheAppCannotChangeStopsTheStartNamingIt() throws Exception {
        Path notAFolder = Files.createFile(temp.resolve("data"));

        assertThatThrownBy(() -> OwnerOnlyDataFiles.secure(notAFolder))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot make the data folder " + notAFolder + " readable by its owner only");
    }

    @Test
    void theFoldersAreTheDataFolderAndTheFolderOfAnH2FileDatabase() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("mqrunbooks.data-dir", "/var/lib/mq-runbooks")
                .withProperty("spring.datasource.url", "jdbc:h2:file:/srv/h2/engine;DB_CLOSE_ON_EXIT=FALSE");
        MockEnvironment onMariaDb = new MockEnvironment()
                .withProperty("mqrunbooks.data-dir", "/var/lib/mq-runbooks")
                .withProperty("spring.datasource.url", "jdbc:mariadb://db:3306/mqrunbooks");

        assertThat(OwnerOnlyDataFiles.folders(environment)).containsExactly(Path.of("/var/lib/mq-runbooks"), Path.of("/srv/h2"));
        assertThat(OwnerOnlyDataFiles.folders(onMariaDb)).containsExactly(Path.of("/var/lib/mq-runbooks"));
    }

    private static java.nio.file.attribute.FileAttribute<?> perms(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
