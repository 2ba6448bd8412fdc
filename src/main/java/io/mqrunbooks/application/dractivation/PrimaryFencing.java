package io.mqrunbooks.application.dractivation;

import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.mq.ControlResult;
import io.mqrunbooks.application.port.out.control.EndMode;
import io.mqrunbooks.mq.QueueManagerState;
import io.mqrunbooks.mq.RdqmDrStatus;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Reads and fences the primary: no split brain (seed 000: never QM1 in East and West on the same data).
 * The primary is ended with {@code endmqm -i}; an RDQM DR primary is also demoted with {@code rdqmdr -m QM -s}
 * once it has ended, so that the secondary may be promoted.
 */
@Service
public class PrimaryFencing {

    private final MqControlPort control;

    public PrimaryFencing(MqControlPort control) {
        this.control = control;
    }

    /** dspmq (and rdqmstatus for RDQM) on the primary; HOST_UNREACHABLE is an answer, other SSH failures are not. */
    public PrimaryState read(ActivationTarget target) {
        QueueManagerState state;
        try {
            state = control.status(target.primaryHost(), target.primaryQueueManager());
        } catch (SshException e) {
            if (e.kind() == SshException.Kind.HOST_UNREACHABLE) {
                return new PrimaryState(false, null, false, "host " + target.primaryHost() + " unreachable: "
                        + e.getMessage());
            }
            throw e;
        }
        boolean drPrimary = false;
        String detail = "dspmq shows " + state.status().mqWording();
        if (target.isHot()) {
            RdqmDrStatus rdqm = control.rdqmStatus(target.primaryHost(), target.primaryQueueManager());
            drPrimary = rdqm.primary();
            detail += "; rdqmstatus shows DR role " + (drPrimary ? "Primary" : "Secondary") + ", DR status "
                    + rdqm.drStatus().mqWording();
        }
        return new PrimaryState(true, state.status(), drPrimary, detail);
    }

    /** {@code endmqm -i} when the queue manager may hold its data; a no-op (said so) otherwise. */
    public List<String> end(ActivationTarget target) {
        List<String> done = new ArrayList<>();
        QueueManagerState state = control.status(target.primaryHost(), target.primaryQueueManager());
        if (state.status().mayHoldData()) {
            ControlResult result = control.end(target.primaryHost(), target.primaryQueueManager(), EndMode.IMMEDIATE,
                    false);
            result.expect(target.primaryHost(), "endmqm -i " + target.primaryQueueManager(), ControlOutcome.NOW_DOWN);
            done.add("endmqm -i " + target.primaryQueueManager() + " on " + target.primaryHost() + ": "
                    + result.saidText());
        } else {
            done.add("endmqm not needed on " + target.primaryHost() + ": dspmq shows " + state.status().mqWording());
        }
        return done;
    }

    /**
     * Whether dspmq shows the primary Ended; for RDQM DR, once ended, demotes it with {@code rdqmdr -s} and
     * counts it as fenced only when rdqmstatus shows it Secondary.
     */
    public FenceCheck checkEnded(ActivationTarget target) {
        QueueManagerState state = control.status(target.primaryHost(), target.primaryQueueManager());
        if (!state.status().isEnded()) {
            return new FenceCheck(false, "dspmq on " + target.primaryHost() + " shows " + state.status().mqWording());
        }
        String seen = "dspmq on " + target.primaryHost() + " shows " + state.status().mqWording();
        if (!target.isHot()) {
            return new FenceCheck(true, seen);
        }
        RdqmDrStatus rdqm = control.rdqmStatus(target.primaryHost(), target.primaryQueueManager());
        if (!rdqm.primary()) {
            return new FenceCheck(true, seen + "; rdqmstatus shows DR role Secondary");
        }
        ControlResult demoted = control.makeDrSecondary(target.primaryHost(), target.primaryQueueManager());
        demoted.expect(target.primaryHost(), "rdqmdr -m " + target.primaryQueueManager() + " -s",
                ControlOutcome.NOW_DR_SECONDARY);
        return new FenceCheck(true, seen + "; rdqmdr -m " + target.primaryQueueManager() + " -s: "
                + demoted.saidText());
    }

    public record FenceCheck(boolean fenced, String detail) {
    }
}
