package io.mqrunbooks.ops.crash;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What both drills check after the last round, and its text for the report files. */
record DrillReport(boolean finished, List<Drill.RunOutcome> runs, List<Drill.RoundOutcome> rounds,
                   Map<String, Integer> runsPerRunbook, List<String> unexpected, Drill.Traffic traffic) {

    static DrillReport of(Drill drill, AppNode node, Path journal, boolean finished) throws DrillRest.CallFailed, IOException {
        List<Drill.RunOutcome> runs = drill.runOutcomes(node);
        return new DrillReport(finished, runs, drill.roundOutcomes(journal), drill.runsPerRunbook(),
                List.copyOf(drill.unexpected()), drill.traffic());
    }

    long runsAsExpected() {
        return runs.stream().filter(Drill.RunOutcome::asExpected).count();
    }

    List<JournalCheck.Duplicate> duplicates() {
        return rounds.stream().flatMap(round -> round.journal().duplicates().stream()).toList();
    }

    long incidents() {
        return runs.stream().mapToLong(run -> run.incidents().size()).sum();
    }

    long failedAttempts() {
        return runs.stream().mapToLong(run -> run.failedAttempts().size()).sum();
    }

    long unendedAttempts() {
        return runs.stream().mapToLong(run -> run.unendedAttempts().size()).sum();
    }

    int commands() {
        return rounds.stream().mapToInt(round -> round.journal().commands()).sum();
    }

    int disconnected() {
        return rounds.stream().mapToInt(round -> round.journal().disconnected()).sum();
    }

    boolean passed() {
        return finished && unexpected.isEmpty() && runsAsExpected() == runs.size()
                && rounds.stream().allMatch(Drill.RoundOutcome::asExpected);
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append("Runs per runbook (those a call activity started included): ").append(runsPerRunbook).append("\n\n");
        out.append(String.format("%-26s %-36s %-10s %-4s %-6s %-9s %s%n", "run", "runbook", "state", "inst", "s", "expected",
                "outcome / evidence"));
        for (Drill.RunOutcome run : runs) {
            out.append(String.format("%-26s %-36s %-10s %-4d %-6.0f %-9s %s%n", run.run().name(), run.run().processKey(),
                    run.state(), run.instances(), run.seconds(), run.asExpected() ? "yes" : "NO", cut(run.outcome(), 110)));
            out.append(String.format("%-26s %s%n", "", run.evidence()));
            run.incidents().forEach(incident -> out.append("      INCIDENT ").append(incident).append('\n'));
            run.failedAttempts().forEach(failure -> out.append("      failed attempt ").append(cut(failure, 200)).append('\n'));
            if (!run.unendedAttempts().isEmpty()) {
                out.append("      steps started again after an attempt that never ended: ")
                        .append(String.join("; ", run.unendedAttempts())).append('\n');
            }
            if (!run.asExpected() && run.outcome() != null) {
                out.append("      expected outcome: ").append(run.run().expectedOutcome()).append('\n');
            }
        }
        for (Drill.RoundOutcome round : rounds) {
            out.append(String.format("%nRound %d: %.1f s%s, journal lines %d to %s, %d commands (%d cut off by a kill)%n",
                    round.record().number, round.record().seconds(), round.record().ended == null ? " (NOT FINISHED)" : "",
                    round.record().journalStart + 1, round.record().journalEnd < 0 ? "now" : round.record().journalEnd,
                    round.journal().commands(), round.journal().disconnected()));
            for (Drill.LaneOutcome lane : round.lanes()) {
                out.append(String.format("  lane %-15s %s%n", lane.lane().name(), lane.asExpected()
                        ? lane.actual().size() + " side-effecting commands, each once, in the plan's order"
                        + (lane.actual().stream().anyMatch(e -> e.exitCode() == -1) ? " (some cut off by a kill after running)" : "")
                        : "UNEXPECTED"));
                if (!lane.asExpected()) {
                    out.append("      expected: ").append(lane.expected()).append('\n');
                    lane.actual().forEach(effect -> out.append(String.format("      line %d: %s (exit %d)%n", effect.line(),
                            effect.text(), effect.exitCode())));
                }
            }
            out.append("  lab state at the end: ").append(round.stateDifferences().isEmpty()
                    ? "as planned (" + round.record().finalState.size() + " queue managers, hosts down "
                    + round.record().hostsDownAtEnd + ")" : "DIFFERENT").append('\n');
            round.stateDifferences().forEach(difference -> out.append("      ").append(difference).append('\n'));
            round.unattributed().forEach(effect -> out.append("  side effect on no lane's host: line ").append(effect.line())
                    .append(' ').append(effect.text()).append('\n'));
            round.journal().duplicates().forEach(d -> out.append("  DUPLICATE ").append(d).append('\n'));
        }
        out.append('\n');
        unexpected.forEach(u -> out.append("UNEXPECTED: ").append(u).append('\n'));
        out.append(String.format("runs: %d, as without a crash: %d; rounds as planned: %d of %d%n", runs.size(),
                        runsAsExpected(), rounds.stream().filter(Drill.RoundOutcome::asExpected).count(), rounds.size()))
                .append(String.format("duplicate side effects: %d%n", duplicates().size()))
                .append(String.format("incidents: %d; failed job attempts (retried): %d%n", incidents(), failedAttempts()))
                .append(String.format("step attempts that never ended (cut off by a kill; the step ran again): %d%n",
                        unendedAttempts()))
                .append(String.format("lab commands: %d, cut off by a kill (DISCONNECTED): %d%n", commands(), disconnected()))
                .append(String.format("REST: %d start requests, %d gates and %d operator tasks completed,"
                        + " %d calls refused or failed (node down); lab control: %d steps%n", traffic.startRequests(),
                        traffic.gatesDecided(), traffic.operatorTasks(), traffic.failedCalls(),
                        traffic.labSteps().size()));
        traffic.labSteps().forEach(step -> out.append("  lab: ").append(step).append('\n'));
        traffic.refusedCalls().stream().limit(10).forEach(call -> out.append("  refused: ").append(cut(call, 200)).append('\n'));
        return out.toString();
    }

    private static String cut(String text, int length) {
        if (text == null) {
            return "-";
        }
        String line = text.replace('\n', ' ');
        return line.length() <= length ? line : line.substring(0, length) + "...";
    }
}
