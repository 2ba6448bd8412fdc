package io.mqrunbooks.testsupport;

import io.mqrunbooks.platform.run.TargetLease;
import io.mqrunbooks.platform.run.TargetLeases;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Target leases for the engine tests, which run without the app's database tables. */
public final class InMemoryTargetLeases implements TargetLeases {

    private final Map<String, TargetLease> leases = new ConcurrentHashMap<>();

    @Override
    public Optional<TargetLease> holder(String target) {
        return Optional.ofNullable(leases.get(target));
    }

    @Override
    public boolean take(TargetLease lease) {
        return leases.putIfAbsent(lease.target(), lease) == null;
    }

    @Override
    public boolean takeOver(TargetLease lease, String staleRunId) {
        TargetLease stale = leases.get(lease.target());
        return stale != null && stale.runId().equals(staleRunId) && leases.replace(lease.target(), stale, lease);
    }

    @Override
    public void release(String runId) {
        leases.values().removeIf(lease -> lease.runId().equals(runId));
    }
}
