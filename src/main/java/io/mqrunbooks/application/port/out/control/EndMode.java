package io.mqrunbooks.application.port.out.control;

/** How endmqm stops a queue manager (seed 003: -c, -i or -p). */
public enum EndMode {
    /** {@code -c}: controlled (quiesced) shutdown, returns at once. */
    CONTROLLED("-c"),
    /** {@code -w}: controlled, and wait until it has ended. */
    WAIT("-w"),
    /** {@code -i}: immediate. */
    IMMEDIATE("-i"),
    /** {@code -p}: preemptive. */
    PREEMPTIVE("-p");

    private final String flag;

    EndMode(String flag) {
        this.flag = flag;
    }

    public String flag() {
        return flag;
    }
}
