package io.mqrunbooks.estate;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The {@link Estate} loaded from {@code mqrunbooks.inventory}. Registered as an auto-configuration
 * (META-INF/spring/...AutoConfiguration.imports) rather than found by component scanning, because
 * {@code @ConditionalOnMissingBean} is only reliable once every application configuration has been read:
 * that is what lets another configuration (the lab) supply the Estate instead.
 */
@AutoConfiguration
@EnableConfigurationProperties(InventoryProperties.class)
public class EstateConfiguration {

    private static final String CLASSPATH_PREFIX = "classpath:";
    private static final String FILE_PREFIX = "file:";

    @Bean
    @ConditionalOnMissingBean(Estate.class)
    public Estate estate(InventoryProperties properties, ResourceLoader resourceLoader) {
        return load(properties.inventory(), resourceLoader);
    }

    /** Loads an inventory from a file path, {@code file:} or {@code classpath:} location; the lab uses it too. */
    public static Estate load(String location, ResourceLoader resourceLoader) {
        if (location == null || location.isBlank()) {
            throw InventoryException.notConfigured();
        }
        InventoryLoader loader = new InventoryLoader();
        if (location.startsWith(CLASSPATH_PREFIX)) {
            return loadResource(loader, location, resourceLoader.getResource(location));
        }
        String file = location.startsWith(FILE_PREFIX) ? location.substring(FILE_PREFIX.length()) : location;
        return loader.load(Path.of(file));
    }

    private static Estate loadResource(InventoryLoader loader, String location, Resource resource) {
        if (!resource.exists()) {
            throw new InventoryException(location, List.of(new InventoryProblem("", "not found on the classpath")));
        }
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return loader.load(location, reader);
        } catch (IOException e) {
            throw new InventoryException(location, List.of(new InventoryProblem("",
                    "cannot read the resource (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")")));
        }
    }
}
