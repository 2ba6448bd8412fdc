package io.mqrunbooks.application.versions;

import io.mqrunbooks.mq.MqVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a gate shows before a queue manager is started or moved: the installed IBM MQ version on each host of
 * the run, the bulletins of the maintained table that affect it, and a WARNING line for each affected version.
 *
 * @param target the version the run moves to, when it names one; else null
 */
public record VersionReport(List<HostVersion> hosts, MqVersion target, List<SecurityBulletin> targetBulletins) {

    public VersionReport {
        hosts = List.copyOf(hosts);
        targetBulletins = List.copyOf(targetBulletins);
    }

    /**
     * One host: the queue managers of the run on it, its dspmqver version and the bulletins affecting it.
     *
     * @param installed  null when dspmqver could not run there
     * @param unreadable why dspmqver could not run (the host is unreachable), else null
     */
    public record HostVersion(String host, List<String> queueManagers, MqVersion installed,
                              List<SecurityBulletin> bulletins, String unreadable) {

        public HostVersion {
            queueManagers = List.copyOf(queueManagers);
            bulletins = List.copyOf(bulletins);
        }

        static HostVersion unread(String host, List<String> queueManagers, String why) {
            return new HostVersion(host, queueManagers, null, List.of(), why);
        }
    }

    /** One line per affected version: the target first, then each affected host. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (target != null && !targetBulletins.isEmpty()) {
            warnings.add("WARNING: the target version " + target + " is affected by " + describe(target,
                    targetBulletins));
        }
        for (HostVersion host : hosts) {
            if (!host.bulletins().isEmpty()) {
                warnings.add("WARNING: " + host.host() + " runs " + host.installed() + ", affected by "
                        + describe(host.installed(), host.bulletins()));
            }
        }
        return warnings;
    }

    /** The table as the gate's form shows it (a read-only text area), with the warnings below it. */
    public String text() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Host", "Queue manager", "Installed", "Bulletins"});
        for (HostVersion host : hosts) {
            rows.add(new String[] {host.host(), host.queueManagers().isEmpty() ? "-"
                    : String.join(", ", host.queueManagers()), host.installed() == null ? "not read"
                    : host.installed().toString(), host.installed() == null ? "-"
                    : host.bulletins().isEmpty() ? "none known" : ids(host.bulletins())});
        }
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < 4; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < 3; i++) {
                text.append(String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            text.append(row[3]).append('\n');
        }
        if (target != null) {
            text.append("Target version ").append(target).append(": ")
                    .append(targetBulletins.isEmpty() ? "no known bulletin" : ids(targetBulletins)).append('\n');
        }
        hosts.stream().filter(h -> h.unreadable() != null).forEach(h -> text.append(h.host())
                .append(": dspmqver could not run: ").append(h.unreadable()).append('\n'));
        List<String> warnings = warnings();
        if (warnings.isEmpty()) {
            text.append(hosts.stream().anyMatch(h -> h.installed() != null)
                    ? "No bulletin of the table affects these versions.\n" : "No version could be read.\n");
        }
        warnings.forEach(w -> text.append(w).append('\n'));
        return text.toString().stripTrailing();
    }

    private static String ids(List<SecurityBulletin> bulletins) {
        return bulletins.stream().map(SecurityBulletin::id).collect(Collectors.joining(", "));
    }

    private static String describe(MqVersion version, List<SecurityBulletin> bulletins) {
        return bulletins.stream().map(b -> b.id() + " (" + b.rangeHolding(version) + "; "
                + (b.fixedIn().isEmpty() ? "no fix listed" : "fixed in " + b.fixedIn().stream()
                .map(MqVersion::toString).collect(Collectors.joining(", "))) + "; " + b.source() + ")")
                .collect(Collectors.joining(", "));
    }
}
