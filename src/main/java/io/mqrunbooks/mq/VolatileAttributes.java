package io.mqrunbooks.mq;

import java.util.Set;

/**
 * Attributes that change by themselves (times of creation and change, run-time counts, identities the
 * queue manager assigns): the one list of them. They are left out of every comparison and of the hash, so a
 * baseline changes only when a definition does. dmpmqcfg writes the dates as comments ("*  ALTDATE(...) +");
 * a script built from DISPLAY output carries all of them.
 */
public final class VolatileAttributes {

    /** Of every object type. */
    public static final Set<String> ANY_OBJECT = Set.of(
            "ALTDATE", "ALTTIME", "CRDATE", "CRTIME", "CLUSDATE", "CLUSTIME", "CURDEPTH", "IPPROCS", "OPPROCS",
            "SUBID");
    /** Of the queue manager itself (DISPLAY QMGR): its name and identity, set at crtmqm, not by ALTER QMGR. */
    public static final Set<String> QUEUE_MANAGER = Set.of("QMNAME", "QMID", "CMDLEVEL", "VERSION", "PLATFORM");

    private VolatileAttributes() {
    }

    public static boolean isVolatile(String type, String attribute) {
        return ANY_OBJECT.contains(attribute) || "QMGR".equals(type) && QUEUE_MANAGER.contains(attribute);
    }
}
