package io.mqrunbooks.lab.mq;

/** RDQM DR role of one node's instance, as {@code rdqmstatus} prints it after "DR role:". */
public enum DrRole {
    PRIMARY("Primary"),
    SECONDARY("Secondary");

    private final String text;

    DrRole(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
