package io.mqrunbooks.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;

/** Runs {@code lab ...} through the jar's command line in-process, with the tests' own wiring and runner. */
final class LabCommandRun {

    private LabCommandRun() {
    }

    static int run(LabCommand.Wiring wiring, LabCommand.Runner runner, PrintStream out, PrintStream err, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "lab";
        System.arraycopy(args, 0, command, 1, args.length);
        return MqRunbooksCommand.execute(new MqRunbooksCommand.Environment(new ByteArrayInputStream(new byte[0]), out,
                err, wiring, runner, springArguments -> {
                    throw new AssertionError("lab must not start the app");
                }), command);
    }
}
