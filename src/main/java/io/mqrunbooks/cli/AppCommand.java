package io.mqrunbooks.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code app [SPRING_ARGUMENT...]}: the engine app, what the jar runs when no command is given. */
@Command(name = "app", mixinStandardHelpOptions = true,
        description = {"Runs the engine app (Camunda webapps, REST API, run pages); the default when no command is given.",
                "Spring Boot arguments pass through, e.g. --server.port=8081 --spring.profiles.active=prod."})
final class AppCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "SPRING_ARGUMENT", description = "handed to Spring Boot as given")
    List<String> springArguments = new ArrayList<>();

    private final Consumer<String[]> app;

    AppCommand(Consumer<String[]> app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        app.accept(springArguments.toArray(String[]::new));
        return 0;
    }
}
