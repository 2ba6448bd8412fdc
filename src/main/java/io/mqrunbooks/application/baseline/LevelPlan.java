package io.mqrunbooks.application.baseline;

import io.mqrunbooks.mq.DefinitionScript;
import io.mqrunbooks.mq.MqscObject;
import io.mqrunbooks.mq.ObjectKey;
import io.mqrunbooks.mq.MqscTypes;
import io.mqrunbooks.mq.MqscDefinitions;
import io.mqrunbooks.mq.DefinitionDiff;
import java.util.ArrayList;
import java.util.List;

/**
 * What brings a backup level with its primary's baseline: DEFINE ... REPLACE for every object the backup
 * lacks or holds differently, and a list of what is not applied automatically, with the reason:
 * <ul>
 * <li>objects only the backup has: deleting a queue deletes its messages, and an object found only on the
 * DR side may be there on purpose (a DR-only channel); deletion cannot be undone, so a person decides;</li>
 * <li>queue manager attributes (ALTER QMGR): REPOS, REPOSNL, DEADQ and the like change the backup's role in a
 * cluster or where undeliverable messages go, which must be decided for the DR site, not copied;</li>
 * <li>authority records (SET AUTHREC) and channel authentication records (SET CHLAUTH): they decide who may do
 * what on the backup; a script that changes them is a security change a person makes, not levelling.</li>
 * </ul>
 *
 * @param script   what the reviewer and the change manager read: comments and the DEFINE commands
 * @param toApply  the objects of the primary's baseline those DEFINE commands replace ({@link DefinitionScript})
 */
public record LevelPlan(DefinitionDiff differences, String script, List<MqscObject> toApply, List<String> notApplied) {

    public LevelPlan {
        toApply = List.copyOf(toApply);
        notApplied = List.copyOf(notApplied);
    }

    /** The plan that brings {@code backup} level with {@code primary}. */
    public static LevelPlan of(MqscDefinitions primary, MqscDefinitions backup) {
        DefinitionDiff diff = DefinitionDiff.between(backup, primary);
        StringBuilder script = new StringBuilder();
        List<MqscObject> toApply = new ArrayList<>();
        List<String> notApplied = new ArrayList<>();
        for (MqscObject added : diff.added()) {
            if (added.key().type().equals(MqscTypes.QMGR)) {
                notApplied.add("QMGR attributes are not copied to a backup automatically: decide them for the DR site");
            } else if (!MqscTypes.isDefinable(added.key().type())) {
                notApplied.add(securityRecord(added.key(), "is missing on the backup"));
            } else {
                script.append("* ").append(added.key().display()).append(" is missing on the backup\n")
                        .append(added.toMqsc()).append('\n');
                toApply.add(added);
            }
        }
        for (DefinitionDiff.ObjectChange changed : diff.changed()) {
            if (changed.key().type().equals(MqscTypes.QMGR)) {
                changed.attributes().forEach(a -> notApplied.add("QMGR " + a.attribute() + ": backup " + a.from()
                        + ", primary " + a.to() + " (queue manager attributes are decided for the DR site, not copied)"));
            } else if (!MqscTypes.isDefinable(changed.key().type())) {
                notApplied.add(securityRecord(changed.key(), "differs on the backup"));
            } else {
                script.append("* ").append(changed.key().display()).append(" differs on the backup: ")
                        .append(String.join(", ", changed.attributes().stream().map(DefinitionDiff.AttributeChange::attribute)
                                .toList())).append('\n')
                        .append(changed.after().toMqsc()).append('\n');
                toApply.add(changed.after());
            }
        }
        for (MqscObject removed : diff.removed()) {
            notApplied.add(removed.key().display() + " exists only on the backup: not deleted automatically "
                    + "(deleting it cannot be undone and may lose messages; delete it by hand if it is not wanted)");
        }
        return new LevelPlan(diff, script.toString(), toApply, notApplied);
    }

    private static String securityRecord(ObjectKey key, String how) {
        return key.display() + " " + how + ": security records are not levelled automatically (they decide who may do "
                + "what on the backup; set them by hand after review)";
    }

    /** The backup lacks or differs in something the script would fix. */
    public boolean backupLags() {
        return !script.isEmpty();
    }

    public boolean isLevel() {
        return differences.isEmpty();
    }
}
