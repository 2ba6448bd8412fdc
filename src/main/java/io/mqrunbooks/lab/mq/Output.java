package io.mqrunbooks.lab.mq;

import io.mqrunbooks.lab.LabCommandHandler.LabExecution;

/** Collects what a simulated command prints. */
final class Output {

    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();

    Output out(String line) {
        out.append(line).append('\n');
        return this;
    }

    Output err(String line) {
        err.append(line).append('\n');
        return this;
    }

    LabExecution exit(int code) {
        return new LabExecution(code, out.toString(), err.toString());
    }

    static LabExecution error(int code, String line) {
        return new Output().err(line).exit(code);
    }
}
