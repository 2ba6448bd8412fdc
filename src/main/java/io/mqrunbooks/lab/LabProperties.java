package io.mqrunbooks.lab;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the lab profile simulates and how it listens ({@code mqrunbooks.lab.*}); its timing is
 * {@link LabSimulationProperties}. Checked when the app starts: a bad value stops it naming the property.
 *
 * @param inventory         the estate the lab simulates; unset: {@code mqrunbooks.inventory}, which the lab
 *                          profile sets to {@code classpath:lab/lab-estate.yaml}
 * @param ephemeralPorts    listen on free ports instead of the inventory's
 * @param pcfQueueManagers  queue managers whose MQ administration goes over PCF to the lab's command server
 *                          instead of runmqsc over SSH (docs/pcf.md)
 */
@ConfigurationProperties("mqrunbooks.lab")
@Validated
public record LabProperties(String inventory,
                            @DefaultValue("false") boolean ephemeralPorts,
                            @DefaultValue @NotNull List<@Pattern(regexp = "[A-Za-z0-9._/%]{1,48}",
                                    message = "is not an IBM MQ queue manager name (1-48 of A-Z a-z 0-9 . _ / %)")
                                    String> pcfQueueManagers) {

    /** The lab's own inventory, else the app's, else the lab estate shipped with the app. */
    public String inventoryOr(String appInventory) {
        if (inventory != null && !inventory.isBlank()) {
            return inventory;
        }
        return appInventory != null && !appInventory.isBlank() ? appInventory : "classpath:lab/lab-estate.yaml";
    }
}
