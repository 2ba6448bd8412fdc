package io.mqrunbooks.platform.run;

import io.mqrunbooks.estate.Host;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run at a time on each queue manager and host (docs/security.md "Sealed runs"). A run leases every queue
 * manager and every host of its sealed scope in the transaction that starts it, and releases them in the one
 * that ends it. Hosts are leased too, so a run on a host itself (a node replacement or maintenance, whose scope
 * names the node) conflicts with every run on a queue manager there, and two runs on queue managers sharing a
 * host (an RDQM HA group's nodes) wait for each other: the safe choice, since both may restart or fail over
 * what runs on that host. The machine each host is ({@link #machine(Host)}: its inventory address and port) is
 * leased as well: two inventory hosts with one address and port ({@code mq1}, {@code mq1-b}) are one machine.
 */
public final class TargetLeasing {

    private static final Logger log = LoggerFactory.getLogger(TargetLeasing.class);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final TargetLeases leases;
    private final Function<String, Optional<String>> machineOfHost;

    /** Without the inventory: hosts are leased by name only (the engine tests). */
    public TargetLeasing(TargetLeases leases) {
        this(leases, host -> Optional.empty());
    }

    /** @param machineOfHost the machine an inventory host name is ({@link #machine(Host)}), empty if unknown */
    public TargetLeasing(TargetLeases leases, Function<String, Optional<String>> machineOfHost) {
        this.leases = leases;
        this.machineOfHost = machineOfHost;
    }

    /**
     * The machine a host is: its address, lower-cased, with the SSH port. Two host names on one address and port are
     * one machine; one address on two ports is two (a firewall or NAT gateway forwarding to DR hosts, the lab, an
     * SSH tunnel on this server), so a run on one never blocks a DR activation on the other (Review H).
     */
    public static String machine(Host host) {
        return host.address().strip().toLowerCase(Locale.ROOT) + ":" + host.port();
    }

    /**
     * The targets a run with this scope leases, in a fixed order (two runs never wait on each other crosswise):
     * queue managers, hosts, then the machines those hosts are.
     */
    List<String> targets(RunScope scope) {
        List<String> targets = new ArrayList<>();
        new TreeSet<>(scope.queueManagers()).forEach(q -> targets.add(TargetLease.QUEUE_MANAGER + q));
        new TreeSet<>(scope.hosts()).forEach(h -> targets.add(TargetLease.HOST + h));
        TreeSet<String> machines = new TreeSet<>();
        scope.hosts().forEach(h -> machineOfHost.apply(h).ifPresent(machines::add));
        machines.forEach(m -> targets.add(TargetLease.ADDRESS + m));
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

    /** A run found running at start-up, with its sealed record: what {@link #backfill} leases for. */
    record ActiveRun(RunRecord record, String rootRunId, String businessKey) {
    }

    /**
     * Gives runs already running (started before leases existed, or on a node without them) the leases of their
     * sealed scope, oldest run first; idempotent, and safe on two nodes at once (the primary key decides). Where an
     * unrelated running run holds a target, the earlier-started of the two keeps it (the lease moves to it when the
     * later one holds it) and a WARN names both, for an administrator to resolve.
     *
     * @return how many leases were taken
     */
    int backfill(List<ActiveRun> runs, Predicate<String> runExists) {
        int taken = 0;
        List<ActiveRun> oldestFirst = runs.stream().sorted(Comparator.comparing((ActiveRun r) -> r.record().startedAt())
                .thenComparing(r -> r.record().runId())).toList();
        for (ActiveRun run : oldestFirst) {
            for (String target : targets(run.record().scope())) {
                TargetLease mine = new TargetLease(target, run.record().runId(), run.rootRunId(),
                        run.record().processKey(), run.businessKey(), run.record().initiator(),
                        run.record().startedAt());
                taken += backfill(mine, runExists) ? 1 : 0;
            }
        }
        return taken;
    }

    private boolean backfill(TargetLease mine, Predicate<String> runExists) {
        // A few rounds: another node backfilling, or a run starting, may change the row between our read and write.
        for (int round = 0; round < 3; round++) {
            Optional<TargetLease> held = leases.holder(mine.target());
            if (held.isEmpty()) {
                if (leases.take(mine)) {
                    return true;
                }
            } else if (held.get().rootRunId().equals(mine.rootRunId())) {
                return false;
            } else if (!runExists.test(held.get().runId())) {
                if (leases.takeOver(mine, held.get().runId())) {
                    return true;
                }
            } else {
                TargetLease other = held.get();
                boolean mineIsEarlier = mine.takenAt().isBefore(other.takenAt());
                boolean moved = mineIsEarlier && leases.takeOver(mine, other.runId());
                TargetLease keeper = moved ? mine : other;
                TargetLease without = moved ? other : mine;
                log.warn("Target lease: {} is claimed by two running runs: run {} ({}, started {}) holds it, run {}"
                                + " ({}, started {}) acts on it without a lease. Two runs may act on it at once:"
                                + " check both run pages (/runs/{}, /runs/{}) and abort one if they conflict.",
                        mine.targetName(), keeper.rootRunId(), describe(keeper), MINUTE.format(keeper.takenAt()),
                        without.rootRunId(), describe(without), MINUTE.format(without.takenAt()),
                        keeper.rootRunId(), without.rootRunId());
                return moved;
            }
        }
        log.warn("Target lease: {} changed hands while run {} was being given its lease; not taken",
                mine.targetName(), mine.runId());
        return false;
    }

    /** Runbook and starter; not the business key, which its starter may have written (one log line each). */
    private static String describe(TargetLease lease) {
        return lease.processKey() + ", by " + (lease.heldByTheSchedule() ? "the schedule" : lease.initiator());
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
                + " that run to end, or abort it on its run page (/runs/" + h.rootRunId() + (h.heldByTheSchedule()
                ? "; an MQ operator may abort a run the schedule started" : "") + "), then start again.");
    }
}
