package io.mqrunbooks.adapter.inbound.web.baseline;

import io.mqrunbooks.platform.security.CurrentUser;
import java.util.Set;

/**
 * The queue managers whose baselines a change manager may read: those the runs that ask or asked for their approval
 * target, as each run's sealed record says (docs/security.md "Baselines").
 */
@FunctionalInterface
public interface GatedRunTargets {

    Set<String> queueManagers(CurrentUser changeManager);
}
