package io.mqrunbooks.lab.mq;

import io.mqrunbooks.lab.LabCommandHandler.LabExecution;

/** Collects what a simulated command prints. */
final class Output {

    static final int MESSAGE_WIDTH = 79;

    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();

    Output out(String line) {
        out.append(line).append('\n');
        return this;
    }

    /**
     * A control command's message as MQ prints it: words wrapped so that no line is longer than 79
     * characters (public transcripts: "... 'QM1' has been started. The active instance" fits, 79 characters;
     * with 'PSAP' it is 80, and "instance" moves to the next line).
     */
    Output message(String text) {
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > MESSAGE_WIDTH) {
                out(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        return out(line.toString());
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
