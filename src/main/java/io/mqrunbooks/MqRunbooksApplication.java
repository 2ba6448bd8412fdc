package io.mqrunbooks;

import io.mqrunbooks.cli.MqRunbooksCommand;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The engine application. The same jar also has commands (parse, lab) that run without the engine;
 * {@link MqRunbooksCommand} takes them before Spring starts. Anything else (no arguments, Spring Boot's own
 * {@code --name=value}) starts the app.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MqRunbooksApplication {

    public static void main(String[] args) {
        if (!MqRunbooksCommand.handles(args)) {
            SpringApplication.run(MqRunbooksApplication.class, args);
            return;
        }
        boolean[] appStarted = {false};
        int exitCode = MqRunbooksCommand.execute(MqRunbooksCommand.Environment.system(springArguments -> {
            appStarted[0] = true;
            SpringApplication.run(MqRunbooksApplication.class, springArguments);
        }), args);
        if (!appStarted[0]) {
            System.exit(exitCode);
        }
    }

    /** The runbooks' clock: deadlines and phase marks follow it (tests give their own). */
    @Bean
    Clock runbookClock() {
        return Clock.systemUTC();
    }
}
