package io.mqrunbooks.platform.run;

import java.util.Optional;

/**
 * Where the leases of running runs on their targets are kept (one row per target). Each write joins the engine's
 * transaction: a lease is taken with the start of its run and released with its end.
 */
public interface TargetLeases {

    Optional<TargetLease> holder(String target);

    /** Takes a free target; false when another run took it first (the same target's row exists). */
    boolean take(TargetLease lease);

    /** Takes the target over from a run that no longer exists; false when another run took it over first. */
    boolean takeOver(TargetLease lease, String staleRunId);

    /** Releases every target the run holds. */
    void release(String runId);
}
