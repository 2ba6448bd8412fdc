package io.mqrunbooks.application.clustermigration;

import io.mqrunbooks.mq.ClusterQueue;
import io.mqrunbooks.mq.ClusterQueueManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares two records field by field (seed 002 steps 8 and 10).
 *
 * <p>Attribute meanings: IBM MQ "DISPLAY CLUSQMGR"
 * (https://ibm.com/support/knowledgecenter/en/SSFKSJ_9.3.0/refadmin/q086110_.html): CLUSDATE/CLUSTIME are when
 * the definition became available to the queue manager asked, STATUS is the cluster channel's state.
 *
 * <p>Fields that change by themselves are not compared: ALTDATE/ALTTIME/CLUSDATE/CLUSTIME (a restarted queue
 * manager republishes its cluster objects with new times) and STATUS (the state of a cluster channel, which is
 * restarting just after strmqm; the runbook checks the channels to the full repositories separately). After an
 * upgrade the migrated queue manager's VERSION is expected to change: it is listed apart, as an expected change,
 * not as a difference. After a backout VERSION must be what it was, so it is compared like any other field. The
 * runbook's own test queues are left out: the test messages make queue managers learn of them.
 */
public final class ClusterViewComparison {

    public static final Set<String> FIELDS_THAT_CHANGE_BY_THEMSELVES =
            Set.of("ALTDATE", "ALTTIME", "CLUSDATE", "CLUSTIME", "STATUS");
    public static final String VERSION = "VERSION";

    /** The differences, and the changes the upgrade is expected to make. */
    public record Result(List<Difference> differences, List<Difference> expectedChanges) {

        public Result {
            differences = List.copyOf(differences);
            expectedChanges = List.copyOf(expectedChanges);
        }

        public String summary() {
            StringBuilder text = new StringBuilder();
            if (differences.isEmpty()) {
                text.append("No differences: every cluster queue manager and cluster queue recorded before is still"
                        + " known, with the same attributes.\n");
            } else {
                text.append(differences.size()).append(differences.size() == 1 ? " difference:\n" : " differences:\n");
                differences.forEach(d -> text.append("  ").append(d.line()).append('\n'));
            }
            if (!expectedChanges.isEmpty()) {
                text.append("Expected changes (the new version):\n");
                expectedChanges.forEach(d -> text.append("  ").append(d.line()).append('\n'));
            }
            text.append("Not compared (they change by themselves): ")
                    .append(String.join(", ", new TreeSet<>(FIELDS_THAT_CHANGE_BY_THEMSELVES))).append('\n');
            return text.toString();
        }
    }

    private ClusterViewComparison() {
    }

    /**
     * @param upgraded true after the upgrade (VERSION of the migrated queue manager may change), false after a backout
     */
    public static Result compare(MigrationPlan plan, ClusterRecord before, ClusterRecord after, boolean upgraded) {
        List<Difference> differences = new ArrayList<>();
        List<Difference> expected = new ArrayList<>();
        Map<String, ClusterView> afterViews = after.views().stream()
                .collect(Collectors.toMap(ClusterView::askedQueueManager, v -> v, (a, b) -> a, LinkedHashMap::new));
        for (ClusterView beforeView : before.views()) {
            ClusterView afterView = afterViews.get(beforeView.askedQueueManager());
            if (afterView == null) {
                differences.add(new Difference(beforeView.askedQueueManager(), "the whole view", Difference.OBJECT,
                        "recorded", "not recorded"));
                continue;
            }
            String asked = beforeView.askedQueueManager();
            compareObjects(asked, index(beforeView.clusterQueueManagers(), ClusterView::clusterQueueManagerKey),
                    index(afterView.clusterQueueManagers(), ClusterView::clusterQueueManagerKey),
                    ClusterQueueManager::attributes, q -> upgraded && q.name().equals(plan.queueManager()),
                    differences, expected);
            compareObjects(asked, index(withoutTestQueues(plan, beforeView), ClusterView::clusterQueueKey),
                    index(withoutTestQueues(plan, afterView), ClusterView::clusterQueueKey),
                    ClusterQueue::attributes, q -> false, differences, expected);
        }
        return new Result(differences, expected);
    }

    private static List<ClusterQueue> withoutTestQueues(MigrationPlan plan, ClusterView view) {
        return view.clusterQueues().stream().filter(q -> !plan.isTestQueue(q.name())).toList();
    }

    private static <T> Map<String, T> index(List<T> objects, Function<T, String> key) {
        Map<String, T> byKey = new LinkedHashMap<>();
        objects.forEach(o -> byKey.put(key.apply(o), o));
        return byKey;
    }

    private static <T> void compareObjects(String asked, Map<String, T> before, Map<String, T> after,
                                           Function<T, Map<String, String>> attributes,
                                           java.util.function.Predicate<T> versionMayChange,
                                           List<Difference> differences, List<Difference> expected) {
        for (Map.Entry<String, T> entry : before.entrySet()) {
            T now = after.get(entry.getKey());
            if (now == null) {
                differences.add(new Difference(asked, entry.getKey(), Difference.OBJECT, "present", Difference.ABSENT));
                continue;
            }
            Map<String, String> was = attributes.apply(entry.getValue());
            Map<String, String> is = attributes.apply(now);
            Set<String> fields = new TreeSet<>(was.keySet());
            fields.addAll(is.keySet());
            for (String field : fields) {
                if (FIELDS_THAT_CHANGE_BY_THEMSELVES.contains(field)) {
                    continue;
                }
                String old = was.getOrDefault(field, Difference.ABSENT);
                String current = is.getOrDefault(field, Difference.ABSENT);
                if (!old.equals(current)) {
                    Difference difference = new Difference(asked, entry.getKey(), field, old, current);
                    if (field.equals(VERSION) && versionMayChange.test(now)) {
                        expected.add(difference);
                    } else {
                        differences.add(difference);
                    }
                }
            }
        }
        for (String key : after.keySet()) {
            if (!before.containsKey(key)) {
                differences.add(new Difference(asked, key, Difference.OBJECT, Difference.ABSENT, "present"));
            }
        }
    }
}
