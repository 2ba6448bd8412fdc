package io.mqrunbooks.application.dractivation;

import io.mqrunbooks.mq.DrStatus;
import io.mqrunbooks.mq.RdqmDrStatus;
import io.mqrunbooks.estate.BackupLevel;

/** What the change manager reads before declaring the disaster: the state found and what happens next. */
public final class DeclarationBriefing {

    private DeclarationBriefing() {
    }

    /** An Inconsistent secondary reverts to its snapshot when promoted (seed 004): updates are lost. */
    public static boolean losesUpdates(RdqmDrStatus secondary) {
        return secondary != null && secondary.drStatus() == DrStatus.INCONSISTENT;
    }

    public static String summary(ActivationTarget target, PrimaryState primary, RdqmDrStatus secondary,
                                 ObjectBaseline.Export baseline) {
        StringBuilder text = new StringBuilder();
        text.append("Primary ").append(target.primaryLabel()).append(": ");
        if (primary.reachable()) {
            text.append("host reachable, ").append(primary.detail()).append('.');
        } else {
            text.append(primary.detail()).append('.');
        }
        text.append("\nBackup ").append(target.backupLabel()).append(", level ").append(target.level().yamlName())
                .append(target.backupQueueManager().equals(target.primaryQueueManager())
                        ? " (same name on another host)." : " (distinct DR name).");
        if (secondary != null) {
            text.append("\nSecondary node ").append(target.backupHost()).append(": rdqmstatus shows DR status ")
                    .append(secondary.drStatus().mqWording());
            if (secondary.outOfSyncBytes() != null) {
                text.append(", out of sync ").append(secondary.outOfSyncBytes()).append(" bytes");
            }
            text.append('.');
        }
        if (losesUpdates(secondary)) {
            text.append("\nWARNING: the secondary is Inconsistent. Promotion (rdqmdr -m ").append(target.backupQueueManager())
                    .append(" -p) reverts it to its snapshot: every update since the replication link failed is LOST.");
        }
        text.append("\n\nIf you declare the disaster:");
        if (primary.mustBeFenced()) {
            text.append("\n1. ").append(target.primaryLabel()).append(" is ended with endmqm -i");
            if (target.isHot()) {
                text.append(" and demoted with rdqmdr -m ").append(target.primaryQueueManager()).append(" -s");
            }
            text.append(", and dspmq must show it Ended before anything starts at the backup.");
        } else if (primary.reachable()) {
            text.append("\n1. The primary is not running; it is checked again (dspmq) and ended if it has come back.");
        } else {
            text.append("\n1. An operator must confirm that the primary is isolated (power or network) and say how.");
        }
        text.append("\n2. The primary is re-checked immediately before the backup starts; if it runs again it is ended first.");
        text.append("\n3. ").append(switch (target.level()) {
            case HOT -> "The secondary is promoted (rdqmdr -m " + target.backupQueueManager() + " -p) and started.";
            case WARM -> "The backup is started and its objects are verified against the baseline.";
            case COLD -> "An operator confirms the media or log restore; the backup is started and its objects verified.";
        });
        if (target.level() != BackupLevel.HOT) {
            text.append("\nObject baseline: ").append(baseline.baseline().isPresent() ? baseline.source()
                    : baseline.source() + "; an operator will confirm the backup's objects are current.");
        }
        text.append("\n4. Listener, partner channels, cluster channels, a test message, the transmission queue drain"
                + " and the client redirect follow.");
        return text.toString();
    }
}
