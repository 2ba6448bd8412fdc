package io.mqrunbooks.lab;

import java.util.ArrayList;
import java.util.List;

/** The commands running right now on the lab, so that a test can see a hung command is gone. */
final class ActiveCommands {

    private final List<LabExecCommand> commands = new ArrayList<>();

    synchronized void add(LabExecCommand command) {
        commands.add(command);
    }

    synchronized void remove(LabExecCommand command) {
        commands.remove(command);
    }

    synchronized List<String> describe() {
        return commands.stream().map(c -> c.host() + ": " + c.commandLine()).toList();
    }
}
