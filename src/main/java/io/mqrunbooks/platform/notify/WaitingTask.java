package io.mqrunbooks.platform.notify;

import java.util.ArrayList;
import java.util.List;

/**
 * A user task that has just started waiting, as its notification tells it.
 *
 * @param runbook         the process's name, e.g. {@code RDQM DR switchover}
 * @param runKey          the run's business key (a change or incident reference), or null
 * @param queueManager    the run's queue manager, or null when the runbook has none
 * @param candidateGroups the groups whose members may act
 * @param candidateUsers  the users named on the task
 * @param notAllowed      who may not act although a candidate (the initiator of a run, on its gates), or null
 * @param link            the task in Tasklist
 */
public record WaitingTask(String taskId, String taskName, String taskDefinitionKey, String runbook, String runId,
                          String runKey, String queueManager, List<String> candidateGroups,
                          List<String> candidateUsers, String notAllowed, String link) {

    public WaitingTask {
        candidateGroups = List.copyOf(candidateGroups);
        candidateUsers = List.copyOf(candidateUsers);
    }

    /** One line: what waits, on what, in which run. */
    public String headline() {
        return taskName + " is waiting (" + runbook + (runKey == null ? "" : ", run " + runKey) + ")";
    }

    /** Who may act, in words. */
    public String whoMayAct() {
        List<String> who = new ArrayList<>();
        candidateGroups.forEach(group -> who.add("members of " + group));
        candidateUsers.forEach(who::add);
        String text = who.isEmpty() ? "nobody is named yet" : String.join(", ", who);
        return notAllowed == null ? text : text + ", except " + notAllowed + " (started the run)";
    }
}
