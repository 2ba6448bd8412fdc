package io.mqrunbooks.ops.crash;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the drill's people enter in each user task of the runbooks (the fields their forms require), and what an
 * operator does on a host before completing a task (a media restore, an MQ install). A task not listed here is
 * one no run of the plan should reach: the drill leaves it open and reports it.
 */
final class DrillPeople {

    /** The answer to one task: the form's variables, and what the operator did first (or null). */
    record Answer(Map<String, Object> variables, LabWork labWork) {
    }

    /** Work an operator does on a host before completing the task, read from the task's variables. */
    enum LabWork {
        /** {@code restoreMedia(backupHost, backupQueueManager)}: the cold backup's media restore. */
        RESTORE_MEDIA,
        /** {@code installVersion(host, the run's target level)}: the new IBM MQ level on the migrated host. */
        INSTALL_VERSION
    }

    /** The tasks whose answer (or the work before it) reads the task's variables. */
    static final Set<String> READS_VARIABLES = Set.of("userTask_confirmRestore", "userTask_installVersion",
            "userTask_approveNextMember");

    private DrillPeople() {
    }

    /** @param variable the task's variables by name (read only when an answer depends on them) */
    static Answer answer(String taskKey, DrillPlan.Run run, Function<String, String> variable) {
        return switch (taskKey) {
            // DR activation (forms/drActivation*.form)
            case "userTask_declareDisaster" -> fill("decision", "approve", "declarationComment", "declared by the drill");
            case "userTask_confirmIsolation" -> fill("isolationMethod", "power", "isolationDetails",
                    "primary host powered off (drill)", "isolationConfirmed", true);
            case "userTask_confirmObjectsCurrent" -> fill("objectsCurrentDetails", "nightly export applied (drill)",
                    "objectsCurrentConfirmed", true);
            case "userTask_confirmRestore" -> new Answer(DrillPlan.vars("restoreDetails", "media and logs restored (drill)",
                    "restoreConfirmed", true), LabWork.RESTORE_MEDIA);
            case "userTask_confirmPartner" -> fill("partnerConfirmedBy", "Drill partner desk", "partnerConfirmedAt",
                    "2026-11-21T06:30", "firewallTicketReference", "FW-DRILL");
            case "userTask_redirectClients" -> fill("redirectMethod", "dns", "redirectDetails", "CNAME moved (drill)",
                    "redirectDone", true);
            // DR baseline
            case "userTask_reviewLag" -> fill("levelling", "request", "reviewComment", "level it (drill)");
            case "userTask_approveLevelling" -> fill("decision", "approve", "levellingComment", "approved by the drill");
            // cluster migration and staged migration
            case "userTask_approveMigration" -> fill("decision", "approve", "approvalComment", "approved by the drill");
            case "userTask_acknowledgeOutage" -> fill("outageDecision", "acknowledge", "outageComment", "acknowledged (drill)");
            case "userTask_takeBackup" -> fill("backupLocation", "/backup/drill");
            case "userTask_installVersion" -> new Answer(DrillPlan.vars("targetVersion", run.installVersion(),
                    "installDecision", "continue"), LabWork.INSTALL_VERSION);
            case "userTask_reviewDifferences" -> fill("reviewDecision", "continue");
            case "userTask_signOff" -> fill("signOffDecision", "continue", "signOffComment", "signed off by the drill");
            // before every member but the first; loopCounter: the member it is about (0 = FR1)
            case "userTask_approveNextMember" -> fill("stageDecision",
                    Integer.parseInt(variable.apply("loopCounter")) < run.stagesToRun() ? "continue" : "stop");
            // RDQM and multi-instance
            case "userTask_approveSwitchover" -> fill("switchoverDecision", "approve");
            case "userTask_approveFailover" -> fill("failoverDecision", "approve");
            case "userTask_approveReplacement" -> fill("replacementDecision", "approve");
            case "userTask_approveStaleDelete" -> fill("staleDeleteDecision", "approve");
            case "userTask_approveRestoreRoles" -> fill("restoreRolesDecision", "restore");
            case "userTask_approveCreate" -> fill("createDecision", "approve");
            case "userTask_approveDelete" -> fill("deleteDecision", "approve");
            default -> null;
        };
    }

    private static Answer fill(Object... namesAndValues) {
        return new Answer(DrillPlan.vars(namesAndValues), null);
    }
}
