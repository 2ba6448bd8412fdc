package io.mqrunbooks.mq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The MQ model stays one package that everything may use and that uses nothing of the application: a model type that
 * reached into a port, an adapter or the engine would drag them into the parsers and the lab.
 */
class MqModelPackageTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.mqrunbooks\\.(?!mq\\b)[a-z]+[\\w.]*");
    private static final List<String> ALLOWED_LIBRARIES = List.of("java.", "com.fasterxml.jackson.annotation.");

    @Test
    void theModelDependsOnNothingElseOfTheApplicationAndNoFramework() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(MAIN.resolve("io/mqrunbooks/mq"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file);
                Matcher reference = REFERENCE.matcher(source);
                while (reference.find()) {
                    problems.add(file.getFileName() + " uses " + reference.group());
                }
                source.lines().filter(l -> l.startsWith("import ")).map(l -> l.replaceFirst("import (static )?", ""))
                        .filter(i -> !i.startsWith("io.mqrunbooks.mq.") && ALLOWED_LIBRARIES.stream().noneMatch(i::startsWith))
                        .forEach(i -> problems.add(file.getFileName() + " imports " + i));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void noTypeOfTheModelIsDeclaredTwiceOutsideIt() throws IOException {
        List<String> modelTypes;
        try (Stream<Path> files = Files.list(MAIN.resolve("io/mqrunbooks/mq"))) {
            modelTypes = files.map(f -> f.getFileName().toString().replace(".java", ""))
                    .filter(n -> !n.equals("package-info")).toList();
        }
        List<String> elsewhere = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(f -> f.toString().endsWith(".java") && !f.getParent().endsWith(Path.of("io/mqrunbooks/mq")))
                    .map(f -> f.getFileName().toString().replace(".java", ""))
                    .filter(modelTypes::contains).forEach(elsewhere::add);
        }
        assertThat(elsewhere).as("a second class of a model type's name (two models of one MQ concept)").isEmpty();
    }
}
