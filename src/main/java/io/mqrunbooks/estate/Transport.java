package io.mqrunbooks.estate;

import java.util.Arrays;
import java.util.Optional;

/** How the MQ admin port reaches a queue manager. */
public enum Transport {
    /** {@code runmqsc QM} on the queue manager's host over SSH. */
    MQSC_SSH("mqsc-ssh"),
    /** PCF over an MQ client channel. */
    PCF("pcf");

    private final String yamlName;

    Transport(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<Transport> fromYaml(String value) {
        return Arrays.stream(values()).filter(t -> t.yamlName.equals(value)).findFirst();
    }
}
