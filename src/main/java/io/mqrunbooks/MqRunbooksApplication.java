package io.mqrunbooks;

import io.mqrunbooks.cli.CommandLineModes;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The engine application. The same jar also has command-line modes (parse, lab) that run without
 * the engine; {@link CommandLineModes} picks them off before Spring starts.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MqRunbooksApplication {

    public static void main(String[] args) {
        if (CommandLineModes.handles(args)) {
            System.exit(CommandLineModes.run(args));
        }
        SpringApplication.run(MqRunbooksApplication.class, args);
    }
}
