package io.mqrunbooks.adapter.inbound.camunda.clustermigration;

import io.mqrunbooks.platform.runbook.RunText;
import java.util.List;
import java.util.stream.Collectors;

/** The staged migration's progress in words: which queue managers are done (and how) and which are untouched. */
final class StagedMigration {

    private StagedMigration() {
    }

    /** @param results one "QM: outcome" entry per queue manager done, in order */
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

    static List<String> done(List<String> results) {
        return results.stream().map(r -> r.substring(0, r.indexOf(':'))).toList();
    }

    static List<String> untouched(List<String> members, List<String> results) {
        List<String> done = done(results);
        return members.stream().filter(m -> !done.contains(m)).toList();
    }
}
