package io.mqrunbooks.application.clustermigration;

/**
 * One field that differs between two records of the same view.
 *
 * @param askedQueueManager the queue manager whose view differs
 * @param object            the object, e.g. {@code CLUSQMGR(FR1) CLUSTER(PAYCLUS)}
 * @param field             the MQ attribute, or {@code (object)} when the object itself appeared or vanished
 * @param before            the value in the first record ({@code (absent)} when it had none)
 * @param after             the value now ({@code (absent)} when it has none)
 */
public record Difference(String askedQueueManager, String object, String field, String before, String after) {

    public static final String ABSENT = "(absent)";
    public static final String OBJECT = "(object)";

    public String line() {
        return "on " + askedQueueManager + ": " + object + " " + field + ": " + before + " -> " + after;
    }
}
