package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import io.mqrunbooks.platform.runbook.RunText;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The staged migration's progress in words: which queue managers are done (and how) and which are untouched. A
 * result is one "QM: result (outcome)" entry per member run that ended, the result named from the end event
 * that run's evidence recorded.
 */
final class StagedMigration {

    static final String MIGRATED = "migrated";

    private StagedMigration() {
    }

    /** What the member's run did, by the end event it reached; anything else (aborted, canceled) failed. */
    static String result(String endEventId) {
        return switch (endEventId == null ? "" : endEventId) {
            case "endEvent_completed" -> MIGRATED;
            case "endEvent_backedOut" -> "backed out";
            case "endEvent_rejected", "endEvent_outageRefused" -> "rejected";
            default -> "failed";
        };
    }

    /**
     * One entry per member run that ended, in the order of {@code members} (the migration order): the runs' start
     * times cannot order them, as a database may keep them to the second only.
     */
    static List<String> results(List<String> members, List<MemberRunEnds.MemberRunEnd> ends) {
        return ends.stream()
                .sorted(Comparator.comparingInt(e -> {
                    int position = members.indexOf(e.queueManager());
                    return position < 0 ? Integer.MAX_VALUE : position;
                }))
                .map(e -> e.queueManager() + ": " + result(e.endEventId()) + " (" + e.outcome() + ")")
                .toList();
    }

    /** @param results one "QM: result (outcome)" entry per queue manager done, in order */
    static String summary(List<String> members, List<String> results) {
        List<String> untouched = untouched(members, results);
        return "Order (full repositories first): " + String.join(", ", members) + "\n"
                + "Done:\n" + (results.isEmpty() ? "  none yet\n"
                        : results.stream().map(r -> "  " + r + "\n").collect(Collectors.joining()))
                + "Not yet migrated: " + (untouched.isEmpty() ? "none" : String.join(", ", untouched));
    }

    /** The summary as a form shows it: cut to fit, the whole kept in the results' JSON variable. */
    static String formSummary(List<String> members, List<String> results) {
        return RunText.fit(summary(members, results), "see the JSON variable "
                + ClusterMigrationVariables.STAGE_RESULTS.name());
    }

    /** The staged run's outcome: "completed" only when every member was migrated. */
    static String outcome(List<String> members, List<String> results) {
        List<String> untouched = untouched(members, results);
        String done = results.isEmpty() ? "none done" : String.join("; ", results);
        if (!untouched.isEmpty()) {
            return "stopped: " + done + "; untouched: " + String.join(", ", untouched);
        }
        return (done(results).size() == results.size() ? "completed: " : "not all migrated: ") + done;
    }

    /** The migrated queue managers: those whose run reached its completed end. */
    static List<String> done(List<String> results) {
        return results.stream().filter(r -> resultOf(r).equals(MIGRATED)).map(StagedMigration::queueManagerOf)
                .toList();
    }

    static List<String> untouched(List<String> members, List<String> results) {
        List<String> finished = results.stream().map(StagedMigration::queueManagerOf).toList();
        return members.stream().filter(m -> !finished.contains(m)).toList();
    }

    private static String queueManagerOf(String result) {
        return result.substring(0, result.indexOf(':'));
    }

    private static String resultOf(String result) {
        String rest = result.substring(result.indexOf(':') + 1).strip();
        int detail = rest.indexOf(" (");
        return detail < 0 ? rest : rest.substring(0, detail);
    }
}
