package io.mqrunbooks.platform.run;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * One run at a time on each queue manager and host (docs/security.md "Sealed runs"). A run leases every queue
 * manager and every host of its sealed scope in the transaction that starts it, and releases them in the one
 * that ends it. Hosts are leased too, so a run on a host itself (a node replacement or maintenance, whose scope
 * names the node) conflicts with every run on a queue manager there, and two runs on queue managers sharing a
 * host (an RDQM HA group's nodes) wait for each other: the safe choice, since both may restart or fail over
 * what runs on that host.
 */
public final class TargetLeasing {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final TargetLeases leases;

    public TargetLeasing(TargetLeases leases) {
        this.leases = leases;
    }

    /** The targets a run with this scope leases, in a fixed order (two runs never wait on each other crosswise). */
    static List<String> targets(RunScope scope) {
        List<String> targets = new ArrayList<>();
        new TreeSet<>(scope.queueManagers()).forEach(q -> targets.add(TargetLease.QUEUE_MANAGER + q));
        new TreeSet<>(scope.hosts()).forEach(h -> targets.add(TargetLease.HOST + h));
        return targets;
    }

    /**
     * Leases every target of the sealed run: a target its own chain (same root run) holds is already its own; one
     * held by a run that no longer exists is taken over.
     *
     * @param runExists whether a run (process instance) still exists in the engine's runtime tables
     * @throws TargetHeldException when a running, unrelated run holds a target
     */
    void lease(RunRecord record, String rootRunId, String businessKey, Predicate<String> runExists) {
        for (String target : targets(record.scope())) {
            TargetLease mine = new TargetLease(target, record.runId(), rootRunId, record.processKey(), businessKey,
                    record.initiator(), record.startedAt());
            Optional<TargetLease> held = leases.holder(target);
            if (held.isEmpty()) {
                if (!leases.take(mine)) {
                    throw refusal(record, mine, leases.holder(target));
                }
            } else if (!held.get().rootRunId().equals(rootRunId)) {
                if (runExists.test(held.get().runId()) || !leases.takeOver(mine, held.get().runId())) {
                    throw refusal(record, mine, held);
                }
            }
        }
    }

    /** Releases the run's leases (its own, not those of the run that called it). */
    void release(String runId) {
        leases.release(runId);
    }

    private static TargetHeldException refusal(RunRecord refused, TargetLease wanted, Optional<TargetLease> holder) {
        String what = "Run of " + refused.processKey() + " not started: " + wanted.targetName();
        if (holder.isEmpty()) {
            return new TargetHeldException(what + " was taken by another run starting at this very moment. Look"
                    + " for it among the running runs; start again once it has ended.");
        }
        TargetLease h = holder.get();
        return new TargetHeldException(what + " is held by run " + h.runId() + " (" + h.processKey()
                + (h.businessKey() == null ? "" : ", " + h.businessKey()) + "), started by "
                + (h.initiator() == null ? "the schedule (a timer)" : h.initiator()) + " at "
                + MINUTE.format(h.takenAt()) + ". One run at a time acts on a queue manager and its hosts: wait for"
                + " that run to end, or abort it on its run page (/runs/" + h.rootRunId() + "), then start again.");
    }
}
