package io.mqrunbooks.platform.security;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Keeps the data folder ({@code mqrunbooks.data-dir}: the H2 database, the lab's keys and journal) and the folder of
 * an H2 file database owner-only. Before the context starts, so before the database opens, each folder is created
 * {@code 0700} if missing; then, and again once the app is ready, group and others lose every permission on it and
 * on everything in it (files become {@code 0600}). Files written later land in {@code 0700} folders, so other users
 * cannot reach them whatever the process's umask. Symbolic links are not followed. Registered in
 * {@code META-INF/spring.factories}, as it must run before any bean is made.
 */
public class OwnerOnlyDataFiles implements ApplicationListener<SpringApplicationEvent> {

    private static final String H2_FILE_URL = "jdbc:h2:file:";
    private static final Set<PosixFilePermission> GROUP_AND_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        Environment environment;
        if (event instanceof ApplicationPreparedEvent prepared) {
            environment = prepared.getApplicationContext().getEnvironment();
        } else if (event instanceof ApplicationReadyEvent ready) {
            environment = ready.getApplicationContext().getEnvironment();
        } else {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            folders(environment).forEach(OwnerOnlyDataFiles::secure);
        }
    }

    /** The data folder, and the folder of the H2 file database when the datasource is one. */
    static List<Path> folders(Environment environment) {
        List<Path> folders = new ArrayList<>();
        String dataDir = environment.getProperty("mqrunbooks.data-dir");
        if (dataDir != null && !dataDir.isBlank()) {
            folders.add(Path.of(dataDir));
        }
        String url = environment.getProperty("spring.datasource.url");
        if (url != null && url.startsWith(H2_FILE_URL)) {
            Path database = Path.of(url.substring(H2_FILE_URL.length()).split(";", 2)[0]);
            if (database.getParent() != null) {
                folders.add(database.getParent());
            }
        }
        return folders;
    }

    /** Creates the folder {@code 0700} if it is missing and takes group's and others' permissions off everything in it. */
    static void secure(Path folder) {
        try {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    ownerOnly(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (!attributes.isSymbolicLink()) {
                        ownerOnly(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE; // a temporary file the database removed meanwhile
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("Cannot make the data folder " + folder.toAbsolutePath()
                    + " readable by its owner only (" + e + "); the app must run as the user that owns it", e);
        }
    }

    private static void ownerOnly(Path path) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            if (permissions.removeAll(GROUP_AND_OTHERS)) {
                Files.setPosixFilePermissions(path, permissions);
            }
        } catch (NoSuchFileException removedMeanwhile) {
            // nothing left to protect
        }
    }
}
