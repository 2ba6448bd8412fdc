package io.mqrunbooks.ops.crash;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The production environment exactly as {@code docker/} sets it: the variable names come from the app service of
 * {@code docker/compose.yaml} and the {@code ENV} of {@code docker/Dockerfile}, the values from the drill. A drill
 * node that sets a variable docker/ does not, or misses one docker/ sets, is refused: the jar CI starts on MariaDB
 * is configured the way the image is, so the two cannot drift apart unnoticed.
 */
final class ProductionEnvironment {

    static final Path DOCKER = Path.of("docker");
    private static final Pattern ENV_ASSIGNMENT = Pattern.compile("([A-Z][A-Z0-9_]*)=");

    private ProductionEnvironment() {
    }

    static Map<String, String> of(Map<String, String> drillValues, Path dockerDir) {
        Set<String> names = variableNames(dockerDir);
        Set<String> missing = new TreeSet<>(names);
        missing.removeAll(drillValues.keySet());
        Set<String> extra = new TreeSet<>(drillValues.keySet());
        extra.removeAll(names);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new IllegalStateException("the drill's production environment differs from " + dockerDir
                    + ": set by docker/ but not by the drill " + missing + ", set by the drill but not by docker/ " + extra);
        }
        return new LinkedHashMap<>(drillValues);
    }

    /** The names the image and the compose file's app service set, in sorted order. */
    static Set<String> variableNames(Path dockerDir) {
        Set<String> names = new TreeSet<>(composeAppEnvironment(dockerDir.resolve("compose.yaml")));
        names.addAll(dockerfileEnvironment(dockerDir.resolve("Dockerfile")));
        return names;
    }

    @SuppressWarnings("unchecked")
    static Set<String> composeAppEnvironment(Path compose) {
        try (Reader reader = Files.newBufferedReader(compose)) {
            Map<String, Object> document = new Yaml().load(reader);
            Map<String, Object> services = (Map<String, Object>) document.get("services");
            Map<String, Object> app = services == null ? null : (Map<String, Object>) services.get("app");
            Object environment = app == null ? null : app.get("environment");
            if (!(environment instanceof Map<?, ?> map)) {
                throw new IllegalStateException(compose + ": services.app.environment is missing or not a map");
            }
            return new TreeSet<>((Set<String>) map.keySet());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + compose + ": " + e.getMessage(), e);
        }
    }

    /** {@code ENV A=1 \} and its continuation lines. */
    static Set<String> dockerfileEnvironment(Path dockerfile) {
        Set<String> names = new TreeSet<>();
        try {
            boolean inEnv = false;
            for (String line : List.copyOf(Files.readAllLines(dockerfile))) {
                String trimmed = line.strip();
                if (trimmed.startsWith("ENV ")) {
                    inEnv = true;
                    trimmed = trimmed.substring(4);
                }
                if (inEnv) {
                    Matcher matcher = ENV_ASSIGNMENT.matcher(trimmed);
                    while (matcher.find()) {
                        names.add(matcher.group(1));
                    }
                    inEnv = trimmed.endsWith("\\");
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + dockerfile + ": " + e.getMessage(), e);
        }
        return names;
    }
}
