package io.mqrunbooks.application.versions;

import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.mq.MqVersion;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.QueueManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * Reads {@code dspmqver} on each host a run may act on and matches the versions against the bulletin table.
 * The hosts and queue managers come from the run's sealed scope, never from a variable.
 */
@Service
public class InstalledVersions {

    private final Estate estate;
    private final MqControlPort control;
    private final SecurityBulletins bulletins;

    public InstalledVersions(Estate estate, MqControlPort control, SecurityBulletins bulletins) {
        this.estate = estate;
        this.control = control;
        this.bulletins = bulletins;
    }

    /**
     * @param hosts         the run's hosts (its sealed scope)
     * @param queueManagers the run's queue managers (its sealed scope), shown beside the hosts they run on
     * @param target        the version the run moves to, or null when it names none
     */
    public VersionReport read(Collection<String> hosts, Collection<String> queueManagers, MqVersion target) {
        List<VersionReport.HostVersion> rows = new ArrayList<>();
        for (String host : new TreeSet<>(hosts)) {
            List<String> on = queueManagersOn(host, queueManagers);
            MqVersion installed;
            try {
                installed = control.version(host);
            } catch (SshException e) {
                if (e.kind() != SshException.Kind.HOST_UNREACHABLE && e.kind() != SshException.Kind.DEADLINE_EXCEEDED) {
                    throw e; // a host key or login problem is an incident, not a row
                }
                // a lost host is why a failover or DR activation runs: its gate still opens, and says so
                rows.add(VersionReport.HostVersion.unread(host, on, e.getMessage()));
                continue;
            }
            rows.add(new VersionReport.HostVersion(host, on, installed, bulletins.affecting(installed), null));
        }
        return new VersionReport(rows, target, target == null ? List.of() : bulletins.affecting(target));
    }

    private List<String> queueManagersOn(String host, Collection<String> queueManagers) {
        TreeSet<String> on = new TreeSet<>();
        for (String name : queueManagers) {
            estate.findQueueManager(name).ifPresent(q -> {
                if (q.hosts().contains(host)) {
                    on.add(q.name());
                }
            });
        }
        for (QueueManager q : estate.queueManagers()) {
            if (q.backup() != null && host.equals(q.backup().host()) && queueManagers.contains(q.backup().queueManager())) {
                on.add(q.backup().queueManager());
            }
        }
        return List.copyOf(on);
    }
}
