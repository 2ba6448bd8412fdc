package io.mqrunbooks.adapter.inbound.camunda.rdqmha;

import static io.mqrunbooks.platform.runbook.RunVariable.jsonVariable;
import static io.mqrunbooks.platform.runbook.RunVariable.stringVariable;

import com.fasterxml.jackson.core.type.TypeReference;
import io.mqrunbooks.adapter.inbound.camunda.PollCount;
import io.mqrunbooks.platform.runbook.RunVariable;
import io.mqrunbooks.platform.runbook.RunbookVariables;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Process variables of the RDQM HA node maintenance runbook, declared once. */
public final class RdqmHaVariables {

    /** Start form: the node to maintain (sealed). */
    public static final RunVariable<String> HA_NODE = stringVariable("haNode");
    /** Queue manager to its preferred location (node names) as read before the maintenance, as JSON. */
    public static final RunVariable<Map<String, List<String>>> HA_PREFERRED_LOCATIONS =
            jsonVariable("haPreferredLocations", new TypeReference<Map<String, List<String>>>() { });
    /** The queue managers that run on the node and move away, comma-separated (may be empty). */
    public static final RunVariable<String> HA_MOVING = stringVariable("haMovingQueueManagers");
    /** The plan table the gate shows. */
    public static final RunVariable<String> HA_PLAN_SUMMARY = stringVariable("haPlanSummary");
    /** One line per step: what ran and what it answered, or why nothing had to run. */
    public static final RunVariable<String> RUN_LOG = RunbookVariables.RUN_LOG;

    /**
     * The three waits: queue managers off the suspended node, the other nodes online and in sync before the
     * resume, then the queue managers back on their preferred locations.
     */
    public static final Wait EVACUATION = Wait.named("evacuation");
    public static final Wait RESUME_READY = Wait.named("resumeReady");
    public static final Wait RETURN = Wait.named("return");
    /** How long a wait polls before it asks for a decision (30 polls of 30 s by default). */
    public static final Duration POLL_TIME_LIMIT = Duration.ofMinutes(15);

    private RdqmHaVariables() {
    }

    /**
     * The variables of one wait, named by its prefix ({@code evacuationDone}, {@code evacuationPolls}...): its poll
     * count, what the last poll read in one line and in full.
     */
    public record Wait(PollCount counter, RunVariable<String> status, RunVariable<String> summary) {

        static Wait named(String prefix) {
            return new Wait(PollCount.named(prefix, prefix + "Done", false), stringVariable(prefix + "Status"),
                    stringVariable(prefix + "Summary"));
        }
    }
}
