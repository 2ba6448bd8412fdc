package io.mqrunbooks.cli;

/** {@code lab ...}: starts the lab estate alone, without the engine. */
final class LabMode {

    private LabMode() {
    }

    static int run(String[] args) {
        System.err.println("lab: not available yet in this build");
        return 2;
    }
}
