package io.mqrunbooks.cli;

/** {@code parse <kind> <file>}: prints what the engine understood of an MQ command's output. */
final class ParseMode {

    private ParseMode() {
    }

    static int run(String[] args) {
        System.err.println("parse: not available yet in this build");
        return 2;
    }
}
