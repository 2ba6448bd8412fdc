package io.mqrunbooks.estate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the estate inventory is.
 *
 * @param inventory a file path, or {@code classpath:...} for a resource
 */
@ConfigurationProperties(prefix = "mqrunbooks")
public record InventoryProperties(String inventory) {
}
