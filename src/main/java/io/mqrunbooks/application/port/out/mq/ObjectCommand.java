package io.mqrunbooks.application.port.out.mq;

/**
 * An MQSC command on one named object whose reply says no more than done or failed, as
 * {@code MqAdminPort.run} sends it (runmqsc, or the PCF command of the same name).
 */
public enum ObjectCommand {
    START_CHANNEL("START CHANNEL", "channel"),
    STOP_CHANNEL("STOP CHANNEL", "channel"),
    START_LISTENER("START LISTENER", "listener"),
    STOP_LISTENER("STOP LISTENER", "listener"),
    SUSPEND_CLUSTER("SUSPEND QMGR CLUSTER", "cluster"),
    RESUME_CLUSTER("RESUME QMGR CLUSTER", "cluster");

    private final String mqsc;
    private final String objectType;

    ObjectCommand(String mqsc, String objectType) {
        this.mqsc = mqsc;
        this.objectType = objectType;
    }

    /** The MQSC with {@code name} in its parentheses as given: the caller checks and quotes it first. */
    public String mqsc(String name) {
        return mqsc + "(" + name + ")";
    }

    /** What the name names ({@code channel}, {@code listener}, {@code cluster}), for checks and messages. */
    public String objectType() {
        return objectType;
    }

    /** Channel names follow their own length rule (20 characters), the others the 48-character one. */
    public boolean namesChannel() {
        return "channel".equals(objectType);
    }
}
