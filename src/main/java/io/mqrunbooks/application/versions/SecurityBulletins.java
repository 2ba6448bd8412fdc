package io.mqrunbooks.application.versions;

import io.mqrunbooks.mq.MqVersion;
import java.util.List;

/** The maintained table of IBM MQ security bulletins, checked when it was read. */
public record SecurityBulletins(List<SecurityBulletin> bulletins) {

    public SecurityBulletins {
        bulletins = List.copyOf(bulletins);
    }

    /** The bulletins whose affected ranges hold the version, in the table's order. */
    public List<SecurityBulletin> affecting(MqVersion version) {
        return bulletins.stream().filter(b -> b.affects(version)).toList();
    }

    /** One line for a form: the WARNING for a target version the table lists, or that it lists none. */
    public String targetWarning(MqVersion target) {
        java.util.List<String> warnings = new VersionReport(java.util.List.of(), target, affecting(target)).warnings();
        return warnings.isEmpty() ? "No bulletin of the table affects " + target + "." : warnings.get(0);
    }
}
